// Preloaded (node --import) into a Bulwark process under test: records every file the process opens or
// lists through node:fs, and refuses (and records) every attempt to start a process or open a network
// connection. The record is written as JSON lines to the file named by BULWARK_AUDIT_LOG.
import { appendFileSync } from 'node:fs';
import childProcess from 'node:child_process';
import dns from 'node:dns';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { resolve } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';

const log = process.env.BULWARK_AUDIT_LOG;
const write = appendFileSync;
function record(kind, detail) {
  if (log) write(log, JSON.stringify({ kind, detail: String(detail), thread: isMainThread ? 0 : threadId }) + '\n');
}

const pathOf = (p) => (typeof p === 'string' ? resolve(p) : p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? resolve(p.toString()) : undefined);

function wrapPaths(target, names, kind) {
  for (const name of names) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (path, ...rest) {
      const abs = pathOf(path);
      if (abs) record(kind, abs);
      return original.call(this, path, ...rest);
    };
  }
}

wrapPaths(fs, ['openSync', 'open', 'readFileSync', 'readFile', 'readdirSync', 'readdir', 'opendirSync', 'createReadStream'], 'read');
wrapPaths(fsPromises, ['open', 'readFile', 'readdir', 'opendir'], 'read');

function refuse(kind) {
  return function (...args) {
    record(kind, typeof args[0] === 'object' ? JSON.stringify(args[0]) : args[0]);
    throw new Error(`${kind} refused by the audit hook`);
  };
}
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = refuse('exec');
// The TypeScript loader used when running from a source checkout talks to its own local pipe; that is not
// Bulwark's doing and is let through (an installed Bulwark has no loader).
function loaderPipe(first) {
  // Socket#connect is also called with the normalised argument array.
  if (Array.isArray(first)) first = first[0];
  const path = typeof first === 'string' ? first : first && typeof first === 'object' ? first.path : undefined;
  return typeof path === 'string' && /[\\/]tsx-\d+[\\/]/.test(path);
}
function guardConnect(original) {
  const refused = refuse('network');
  return function (...args) {
    return loaderPipe(args[0]) ? original.apply(this, args) : refused(...args);
  };
}
for (const name of ['connect', 'createConnection']) net[name] = guardConnect(net[name]);
for (const name of ['connect']) tls[name] = refuse('network');
net.Socket.prototype.connect = guardConnect(net.Socket.prototype.connect);
for (const mod of [http, https]) {
  mod.request = refuse('network');
  mod.get = refuse('network');
}
dns.lookup = refuse('network');
dns.resolve = refuse('network');
globalThis.fetch = refuse('network');
// Worker threads do not inherit --import: every worker is started with this hook loaded first.
const workerThreads = (await import('node:worker_threads')).default;
const OriginalWorker = workerThreads.Worker;
const hookUrl = JSON.stringify(import.meta.url);
workerThreads.Worker = class AuditedWorker extends OriginalWorker {
  constructor(target, options = {}) {
    const code = options.eval ? String(target) : `import(${JSON.stringify(target instanceof URL ? target.href : new URL(`file://${resolve(String(target))}`).href)})`;
    super(`import(${hookUrl}).then(() => {\n${code}\n})`, { ...options, eval: true });
  }
};

// ES modules imported node:fs by name before or after this hook: make their bindings see the wrappers.
(await import('node:module')).syncBuiltinESMExports();
