// Terminal and Markdown injection: resource labels, file names and parse-error excerpts come from the
// scanned repository. Text and Markdown reports show their control characters as escapes, so a hostile
// repository cannot retitle or clear the terminal, hide lines, or restructure a PR comment.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { tree } from '../helpers/tree.js';

const TITLE_AND_CLEAR = '\u001b]0;owned\u0007\u001b[2J';
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A repository whose labels, values and file names carry terminal escapes, NULs and line breaks. */
async function hostileRepository(): Promise<string> {
  return tree({
    // A label with a raw ESC sequence and BEL; a bucket name with a NUL and a carriage return.
    [`infra/main.tf`]: `resource "aws_s3_bucket" "logs${TITLE_AND_CLEAR}" {\n  bucket = "acme\u0000logs\rFAKE LINE"\n}\n`,
    // A file name with an escape sequence and a closing parenthesis (a Markdown link's end).
    [`infra/evil\u001b[31m) name.tf`]: `resource "aws_s3_bucket" "other" {\n  bucket = "acme-other"\n}\n`,
    // A syntax error whose excerpt holds control characters.
    [`infra/broken.tf`]: `resource "aws_s3_bucket" "x" {\n  bucket = \u001b[2J\u0007\n`,
  });
}

async function report(dir: string, format: 'text' | 'markdown'): Promise<string> {
  const io = capturedIo({ cwd: dir });
  const code = await run(['scan', 'infra', '--format', format, '--fail-on', 'none', '--no-color'], io);
  assert.equal(code, 0, io.stderrText());
  return io.stdoutText();
}

describe('control characters in reports', () => {
  it('text output shows them as escapes', async () => {
    const text = await report(await hostileRepository(), 'text');
    assert.doesNotMatch(text, RAW_CONTROL);
    assert.ok(text.includes('\\x1b]0;owned\\x07\\x1b[2J'), 'the label is shown, escaped');
    assert.ok(text.includes('evil\\x1b[31m) name.tf'), 'the file name is shown, escaped');
  });

  it('Markdown output keeps every finding on its own lines and every link whole', async () => {
    const markdown = await report(await hostileRepository(), 'markdown');
    assert.doesNotMatch(markdown, RAW_CONTROL);
    // No line starts with text smuggled in by a line break inside a value.
    assert.ok(!markdown.split('\n').some((line) => line.startsWith('FAKE LINE')));
    for (const [, target] of markdown.matchAll(/\]\(([^)\s]*)\)/g)) assert.match(target!, /#L\d+$/, `link target ${target} ends with its line anchor`);
    assert.ok(markdown.includes('evil%1B%5B31m%29%20name.tf#L'), 'the file name is encoded inside the link');
  });
});
