// Which Terraform directories call which, kept up to date file by file, so a change in one directory
// names the root modules that use it. Found the way the scan plans its roots (pipeline/terraform-plan.ts):
// a cheap text search for local module sources, no parsing.

import { dirOf } from '../core/dir-of.js';
import { compareText } from '../core/types.js';
import { resolveModuleSource } from '../evaluate/terraform/paths.js';
import { localModuleSources } from '../pipeline/terraform-plan.js';

/** The files the Terraform scanner reads: these make a directory a module. */
export function isTerraformFile(rel: string): boolean {
  return rel.endsWith('.tf') || rel.endsWith('.tf.json') || rel.endsWith('.tfvars') || rel.endsWith('.tfvars.json');
}

export class ModuleGraph {
  /** Terraform files by directory. */
  private readonly filesByDir = new Map<string, Set<string>>();
  /** Module directories each `.tf` file calls (inside the project, other than its own). */
  private readonly callsByFile = new Map<string, string[]>();
  private calls = new Map<string, Set<string>>();
  private calledBy = new Map<string, Set<string>>();
  private rootSet = new Set<string>();

  /** Adds or updates a file; `text` is read only for `.tf` files. */
  setFile(rel: string, readText: () => string): void {
    const dir = dirOf(rel);
    let files = this.filesByDir.get(dir);
    if (!files) this.filesByDir.set(dir, (files = new Set()));
    files.add(rel);
    if (!rel.endsWith('.tf')) return;
    let text = '';
    try {
      text = readText();
    } catch {
      // An unreadable file calls nothing; the scan reports it.
    }
    const called = new Set<string>();
    if (text.includes('".')) {
      for (const source of localModuleSources(text)) {
        const resolved = resolveModuleSource(dir, source);
        if (resolved.kind === 'local' && resolved.dir !== dir) called.add(resolved.dir);
      }
    }
    this.callsByFile.set(rel, [...called]);
  }

  removeFile(rel: string): void {
    const dir = dirOf(rel);
    const files = this.filesByDir.get(dir);
    files?.delete(rel);
    if (files && files.size === 0) this.filesByDir.delete(dir);
    this.callsByFile.delete(rel);
  }

  /** Recomputes the call edges and the roots after files were set or removed. */
  refresh(): void {
    const calls = new Map<string, Set<string>>();
    const calledBy = new Map<string, Set<string>>();
    for (const [rel, targets] of this.callsByFile) {
      const dir = dirOf(rel);
      for (const target of targets) {
        if (!this.hasTerraform(target)) continue;
        let out = calls.get(dir);
        if (!out) calls.set(dir, (out = new Set()));
        out.add(target);
        let callers = calledBy.get(target);
        if (!callers) calledBy.set(target, (callers = new Set()));
        callers.add(dir);
      }
    }
    this.calls = calls;
    this.calledBy = calledBy;
    // A root is a directory with `.tf` files that no other directory calls.
    this.rootSet = new Set([...this.filesByDir.keys()].filter((dir) => this.hasTf(dir) && !calledBy.has(dir)));
  }

  roots(): string[] {
    return [...this.rootSet].sort(compareText);
  }

  isRoot(dir: string): boolean {
    return this.rootSet.has(dir);
  }

  /**
   * The root modules whose evaluation reads `dir`: the roots above it in the call graph. A directory only
   * called around a loop has no root above it: it is evaluated as one, as the scan does.
   */
  rootsUsing(dir: string): string[] {
    if (!this.filesByDir.has(dir)) return [];
    const seen = new Set<string>([dir]);
    const queue = [dir];
    const roots: string[] = [];
    while (queue.length) {
      const next = queue.pop()!;
      if (this.rootSet.has(next)) roots.push(next);
      for (const caller of this.calledBy.get(next) ?? []) {
        if (!seen.has(caller)) {
          seen.add(caller);
          queue.push(caller);
        }
      }
    }
    return roots.length ? roots.sort(compareText) : this.hasTf(dir) ? [dir] : [];
  }

  /** `root` and every directory it calls, directly or through other modules. */
  closure(root: string): string[] {
    const seen = new Set<string>([root]);
    const queue = [root];
    while (queue.length) {
      for (const callee of this.calls.get(queue.pop()!) ?? []) {
        if (!seen.has(callee)) {
          seen.add(callee);
          queue.push(callee);
        }
      }
    }
    return [...seen].sort(compareText);
  }

  /** The Terraform files of a directory. */
  filesOf(dir: string): string[] {
    return [...(this.filesByDir.get(dir) ?? [])].sort(compareText);
  }

  private hasTerraform(dir: string): boolean {
    return this.filesByDir.has(dir);
  }

  private hasTf(dir: string): boolean {
    for (const rel of this.filesByDir.get(dir) ?? []) if (rel.endsWith('.tf')) return true;
    return false;
  }
}
