// Deterministic generators of hostile Terraform: inputs a repository under scan may contain to hang,
// crash or exhaust the scanner. Each returns a file map (POSIX path → text) shaped like real
// configuration (AWS resources with the attributes rules check), so the whole scan runs on it.

export type FileMap = Record<string, string>;

/** A public bucket and a security group open to the internet, named after `var.name`: both give findings. */
function leafResources(): string {
  return `resource "aws_s3_bucket" "leaf" {
  bucket = var.name
  acl    = "public-read"
}

resource "aws_security_group" "leaf" {
  name = var.name
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
}

/** `resources` resource blocks with `count = count` each, alternating buckets and security groups. */
export function manyCountedResources(resources = 3, count = 10_000): FileMap {
  const blocks: string[] = [];
  for (let i = 0; i < resources; i++) {
    const type = i % 2 === 0 ? 'aws_s3_bucket' : 'aws_security_group';
    const body =
      type === 'aws_s3_bucket'
        ? `  bucket = "data-${i}-\${count.index}"\n  acl    = "public-read"\n`
        : `  name = "web-${i}-\${count.index}"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n`;
    blocks.push(`resource "${type}" "r${i}" {\n  count  = ${count}\n${body}}\n`);
  }
  return { 'main.tf': blocks.join('\n') };
}

/** `roots` root modules in folders of their own, each one file of a public bucket with `count` instances. */
export function manyCountedRoots(roots = 200, count = 10_000): FileMap {
  const files: FileMap = {};
  for (let i = 0; i < roots; i++) files[`stack-${i}/main.tf`] = `resource "aws_s3_bucket" "data" {\n  count  = ${count}\n  bucket = "data-${i}-\${count.index}"\n  acl    = "public-read"\n}\n`;
  return files;
}

/** `n` single resources in one file (public-read buckets), kept compact so the file stays under the size limit. */
export function manyResources(n = 200_000): FileMap {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`resource "aws_s3_bucket" "b${i}" {\n  acl = "public-read"\n}\n`);
  return { 'main.tf': parts.join('') };
}

/**
 * A root calling `modules/l1` `count` times, which calls `modules/l2` `count` times, and so on `depth`
 * levels down; the last level declares a bucket and a security group: count^depth instances of each.
 */
export function moduleFanOut(depth = 6, count = 10): FileMap {
  const files: FileMap = {
    'main.tf': `module "l1" {\n  source = "./modules/l1"\n  count  = ${count}\n  name   = "root-\${count.index}"\n}\n`,
  };
  for (let level = 1; level <= depth; level++) {
    const variable = 'variable "name" {\n  type = string\n}\n';
    const body =
      level < depth
        ? `module "l${level + 1}" {\n  source = "../l${level + 1}"\n  count  = ${count}\n  name   = "\${var.name}-\${count.index}"\n}\n`
        : leafResources();
    files[`modules/l${level}/main.tf`] = variable + body;
  }
  return files;
}

/** `local.l<i> = local.l<i-1> + 1`, `n` long, read by a bucket's tag: a dependency chain `n` deep. */
export function localChain(n = 10_000): FileMap {
  const lines = ['locals {', '  l0 = 0'];
  for (let i = 1; i < n; i++) lines.push(`  l${i} = local.l${i - 1} + 1`);
  lines.push('}', '');
  return {
    'main.tf': `${lines.join('\n')}
resource "aws_s3_bucket" "chain" {
  bucket = "chain-\${local.l${n - 1}}"
  acl    = "public-read"
}
`,
  };
}

/** `n` buckets, each named after the one before it: a chain of resource references `n` deep. */
export function resourceChain(n = 1_000): FileMap {
  const blocks = ['resource "aws_s3_bucket" "r0" {\n  bucket = "chain"\n  acl    = "public-read"\n}\n'];
  for (let i = 1; i < n; i++) blocks.push(`resource "aws_s3_bucket" "r${i}" {\n  bucket = aws_s3_bucket.r${i - 1}.bucket\n  acl    = "public-read"\n}\n`);
  return { 'main.tf': blocks.join('\n') };
}

/**
 * `n` modules, each passing its input on to the next through a variable and an output, read back at the
 * root: a reference chain that crosses module boundaries `n` times.
 */
export function moduleOutputChain(n = 30): FileMap {
  const files: FileMap = {
    'main.tf': `module "m1" {\n  source = "./modules/m1"\n  value  = "start"\n}\n\nresource "aws_s3_bucket" "end" {\n  bucket = module.m1.value\n  acl    = "public-read"\n}\n`,
  };
  for (let i = 1; i <= n; i++) {
    const next = i < n ? `module "m${i + 1}" {\n  source = "../m${i + 1}"\n  value  = "\${var.value}-${i}"\n}\n\noutput "value" {\n  value = module.m${i + 1}.value\n}\n` : 'output "value" {\n  value = var.value\n}\n';
    files[`modules/m${i}/main.tf`] = `variable "value" {\n  type = string\n}\n\n${next}`;
  }
  return files;
}

/** An expression parenthesised `depth` deep as a bucket name. */
export function deepNesting(depth = 5_000): FileMap {
  return {
    'main.tf': `resource "aws_s3_bucket" "deep" {\n  bucket = ${'('.repeat(depth)}"deep"${')'.repeat(depth)}\n  acl    = "public-read"\n}\n`,
  };
}

/** Catastrophic-backtracking patterns in `regex`, `regexall` and `replace`, on 40-character subjects. */
export function regexBomb(): FileMap {
  const subject = `${'a'.repeat(40)}!`;
  return {
    'main.tf': `locals {
  subject = "${subject}"
  first   = regex("(a+)+$", local.subject)
  all     = regexall("(a|aa)+$", local.subject)
  cleaned = replace(local.subject, "/(a*)*b/", "x")
}

resource "aws_s3_bucket" "regex" {
  bucket = "regex-\${local.cleaned}"
  acl    = "public-read"
  tags = {
    First = try(local.first[0], "none")
    All   = length(local.all)
  }
}
`,
  };
}

/**
 * Expressions asking for huge collections and strings: a ten-million range, a for expression and a
 * setproduct over large lists, repetition through format widths and join.
 */
export function collectionBombs(): FileMap {
  return {
    'main.tf': `locals {
  big     = range(10000000)
  product = setproduct(range(1000), range(1000), range(1000))
  squares = [for i in range(100000) : [for j in range(100000) : i * j]]
  keyed   = { for i in range(100000) : tostring(i) => [for j in range(1000) : j] }
  wide    = join("", [for i in range(100000) : format("%9999s", "x")])
  doubled = [for s in local.squares : join(",", [for x in s : tostring(x)])]
  unique  = toset([for i in range(100000) : tostring(i)])
}

resource "aws_s3_bucket" "bombs" {
  bucket = "bombs"
  acl    = "public-read"
  tags = {
    Big     = length(local.big)
    Product = length(local.product)
    Squares = length(local.squares)
    Keyed   = length(local.keyed)
    Wide    = length(local.wide)
    Doubled = length(local.doubled)
    Unique  = length(local.unique)
  }
}
`,
  };
}

/** Every generator at the size the hostile-input table reports, by name. */
export const HOSTILE_TERRAFORM: Record<string, () => FileMap> = {
  'count 10,000 x 3': () => manyCountedResources(3, 10_000),
  '200 root modules of count = 10,000': () => manyCountedRoots(200, 10_000),
  '200,000 resources in one file': () => manyResources(200_000),
  'module fan-out 10^5': () => moduleFanOut(5, 10),
  'module fan-out 10^6': () => moduleFanOut(6, 10),
  'local chain 10,000': () => localChain(10_000),
  'module output chain 30': () => moduleOutputChain(30),
  'resource reference chain 1,000': () => resourceChain(1_000),
  'nesting 5,000 deep': () => deepNesting(5_000),
  'regex bombs': regexBomb,
  'collection bombs': collectionBombs,
};
