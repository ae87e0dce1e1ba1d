// Where a Lambda function's code lives in the repository: the folder an `archive_file` data source zips
// into the package the function deploys (`filename`, or the `s3_key` of the object uploaded from it). The
// folder becomes an alias of the function, so the application reader's analysis of that folder (its
// clients, secrets, validation) joins the function instead of standing beside it as a process of its own.

import { posix } from 'node:path';
import { asString, attr, isUnknown, type TfBody } from '../../evaluate/terraform/view.js';
import type { TfModel } from './terraform-context.js';

const FUNCTION_TYPES = new Set(['aws_lambda_function']);

/** Sets the code folder (and its name) as aliases of each function whose package an archive_file builds. */
export function aliasFunctionCode(model: TfModel, rootDir: string): void {
  const archives = new Map<string, string>();
  for (const r of model.project.resources) {
    if (r.mode !== 'data' || r.type !== 'archive_file') continue;
    const output = text(r.body, 'output_path');
    const source = text(r.body, 'source_dir') ?? parentOf(text(r.body, 'source_file'));
    if (output && source) archives.set(posix.basename(output), source);
  }
  if (!archives.size) return;
  for (const c of model.components.values()) {
    if (!FUNCTION_TYPES.has(c.resource.type)) continue;
    const packaged = text(c.resource.body, 'filename') ?? text(c.resource.body, 's3_key');
    const source = packaged ? archives.get(posix.basename(packaged)) : undefined;
    if (!source) continue;
    const dir = posix.normalize(posix.join(rootDir || '.', source.replace(/\\/g, '/')));
    if (dir.startsWith('..') || posix.isAbsolute(dir)) continue;
    const aliases = model.fragment.aliases.get(c.element.id) ?? [];
    model.fragment.aliases.set(c.element.id, [...aliases, dir, posix.basename(dir)]);
    c.element.evidence!.push({ file: c.resource.file, line: c.resource.body.range.start.line, says: `${c.resource.address}: its code is ${dir} (zipped by archive_file)` });
  }
}

function text(body: TfBody, name: string): string | undefined {
  const a = attr(body, name);
  if (!a || isUnknown(a.value)) return undefined;
  return asString(a.value) || undefined;
}

function parentOf(file: string | undefined): string | undefined {
  return file ? posix.dirname(file.replace(/\\/g, '/')) : undefined;
}
