// IP address functions for IPv4 and IPv6, on BigInt so both families share one code path.

import { EvalError, toNum, toStr, type Value } from '../values/index.js';
import type { FunctionTable } from './registry.js';

interface Cidr {
  bits: 32 | 128;
  address: bigint;
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(s: string): bigint | undefined {
  let text = s;
  let tail: bigint[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseIPv4(v4[1]!);
    if (n === undefined) return undefined;
    tail = [n >> 16n, n & 0xffffn];
    // Keep the `::` when the IPv4 part directly follows it.
    text = text.slice(0, v4.index).endsWith(':') ? text.slice(0, v4.index + 1) : text.slice(0, v4.index);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = [...head, ...rest];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const total = groups.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const words = [...head.map((g) => BigInt(parseInt(g, 16))), ...Array<bigint>(8 - total).fill(0n), ...rest.map((g) => BigInt(parseInt(g, 16))), ...tail];
  return words.reduce((n, w) => (n << 16n) | w, 0n);
}

function parseCidr(v: Value): Cidr {
  const s = toStr(v);
  const [ip, prefixText] = s.split('/');
  if (!ip || prefixText === undefined || !/^\d+$/.test(prefixText)) throw new EvalError(`invalid CIDR "${s}"`);
  const prefix = Number(prefixText);
  const v4 = parseIPv4(ip);
  if (v4 !== undefined && prefix <= 32) return { bits: 32, address: v4, prefix };
  const v6 = parseIPv6(ip);
  if (v6 !== undefined && prefix <= 128) return { bits: 128, address: v6, prefix };
  throw new EvalError(`invalid CIDR "${s}"`);
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function formatAddress(n: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
  const words = Array.from({ length: 8 }, (_x, i) => Number((n >> BigInt(112 - i * 16)) & 0xffffn));
  // Compress the longest run (length >= 2) of zero words, as RFC 5952 and Go do.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

function wholeNumber(v: Value, what: string): bigint {
  const n = toNum(v, what);
  if (!Number.isInteger(n)) throw new EvalError(`${what}: expected a whole number`);
  return BigInt(n);
}

export const networkFunctions: FunctionTable = {
  cidrsubnet: {
    call: ([p, nb, nn]) => {
      const c = parseCidr(p!);
      const newbits = Number(wholeNumber(nb!, 'cidrsubnet'));
      const netnum = wholeNumber(nn!, 'cidrsubnet');
      const prefix = c.prefix + newbits;
      if (newbits < 0 || prefix > c.bits) throw new EvalError('cidrsubnet: not enough address space');
      if (netnum < 0n || netnum >= 1n << BigInt(newbits)) throw new EvalError('cidrsubnet: netnum out of range');
      const base = c.address & mask(c.bits, c.prefix);
      const address = base | (netnum << BigInt(c.bits - prefix));
      return `${formatAddress(address, c.bits)}/${prefix}`;
    },
  },
  cidrhost: {
    call: ([p, hn]) => {
      const c = parseCidr(p!);
      let hostnum = wholeNumber(hn!, 'cidrhost');
      const size = 1n << BigInt(c.bits - c.prefix);
      if (hostnum < 0n) hostnum += size;
      if (hostnum < 0n || hostnum >= size) throw new EvalError('cidrhost: host number out of range');
      return formatAddress((c.address & mask(c.bits, c.prefix)) | hostnum, c.bits);
    },
  },
  cidrnetmask: {
    call: ([p]) => {
      const c = parseCidr(p!);
      if (c.bits !== 32) throw new EvalError('cidrnetmask: only IPv4 prefixes have a netmask');
      return formatAddress(mask(32, c.prefix), 32);
    },
  },
  cidrsubnets: {
    call: ([p, ...nbs]) => {
      const c = parseCidr(p!);
      let next = c.address & mask(c.bits, c.prefix);
      const out: Value[] = [];
      for (const nb of nbs) {
        const prefix = c.prefix + Number(wholeNumber(nb, 'cidrsubnets'));
        if (prefix > c.bits) throw new EvalError('cidrsubnets: not enough address space');
        const step = 1n << BigInt(c.bits - prefix);
        next = ((next + step - 1n) / step) * step;
        if (next >> BigInt(c.bits - c.prefix) !== c.address >> BigInt(c.bits - c.prefix)) throw new EvalError('cidrsubnets: not enough address space');
        out.push(`${formatAddress(next, c.bits)}/${prefix}`);
        next += step;
      }
      return out;
    },
  },
};
