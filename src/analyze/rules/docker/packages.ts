// Package-manager commands in RUN instructions: which manager, which subcommand, which packages.

import { bare } from './support.js';

export type Manager = 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm';

export interface PackageCommand {
  manager: Manager;
  action: string;
  /** Options (`-y`, `--no-cache`). */
  options: string[];
  /** Package arguments (not options). */
  packages: string[];
}

const MANAGERS: Record<string, Manager> = { 'apt-get': 'apt', apt: 'apt', apk: 'apk', yum: 'yum', dnf: 'dnf', microdnf: 'microdnf', zypper: 'zypper', pip: 'pip', pip3: 'pip', npm: 'npm' };

export function packageCommand(command: string[]): PackageCommand | undefined {
  let words = bare(command);
  if (words[0] === 'python' || words[0] === 'python3') words = words[1] === '-m' ? words.slice(2) : words;
  const manager = MANAGERS[words[0] ?? ''];
  if (!manager) return undefined;
  const rest = words.slice(1);
  const actionAt = rest.findIndex((w) => !w.startsWith('-'));
  if (actionAt < 0) return undefined;
  const options = rest.filter((w) => w.startsWith('-'));
  const packages = rest.slice(actionAt + 1).filter((w) => !w.startsWith('-'));
  return { manager, action: rest[actionAt]!, options, packages };
}

export const INSTALL_ACTIONS = new Set(['install', 'add', 'in']);
