// Building blocks shared by the grammar generators: awkward names, awkward characters, numbers at the
// edges of what a double holds, and the few combinators every format uses.

import fc from 'fast-check';

/** Keys that collide with Object.prototype: a reader that indexes a plain object by user text trips on them. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Characters that break naive readers: controls, BOM, line and paragraph separators, lone surrogates, U+FFFD. */
export const AWKWARD_CHARS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff', '\ud83d\ude00', '\u0301', '\u200b', '\u202e', 'é', 'ß', 'İ', '日本'];

export const HUGE_NUMBERS = ['1e309', '-1e309', '1e-400', '179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000', '9007199254740993', '99999999999999999999999', '-0', '0.1e99999', '00', '0x10', '1_000', '.5', '5.', 'NaN', 'Infinity', '-9223372036854775808'];

export function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...items);
}

/** Mostly `usual`, sometimes something from `rare` (weights 9:1 unless told). */
export function mostly<T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, rareWeight = 1, usualWeight = 9): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: usualWeight }, { arbitrary: rare, weight: rareWeight });
}

/** A word from a vocabulary, now and then replaced by a prototype key, an awkward character or random text. */
export function word(vocabulary: readonly string[]): fc.Arbitrary<string> {
  return mostly(
    pick(vocabulary),
    fc.oneof(pick(PROTOTYPE_NAMES), pick(AWKWARD_CHARS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })),
  );
}

/** Free text for labels and descriptions: words of a vocabulary with the odd awkward character. */
export function phrase(vocabulary: readonly string[], maxWords = 4): fc.Arbitrary<string> {
  return fc.array(word(vocabulary), { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(' '));
}

export function lines(parts: fc.Arbitrary<string>, maxLength = 20): fc.Arbitrary<string> {
  return fc.array(parts, { maxLength }).map((ls) => ls.join('\n'));
}

/** Indentation: mostly spaces, sometimes tabs or nothing. */
export const indent: fc.Arbitrary<string> = fc.oneof(fc.constant(''), fc.constant('  '), fc.constant('    '), fc.constant('\t'), fc.constant(' \t '));

/** Line endings: mostly `\n`, sometimes CRLF, a lone CR or a Unicode separator. */
export const newline: fc.Arbitrary<string> = mostly(fc.constant('\n'), pick(['\r\n', '\r', '\n\n', '\u2028', ' \n']));

export const TECHNOLOGIES = [
  'PostgreSQL', 'MySQL', 'Aurora', 'DynamoDB', 'MongoDB', 'Redis', 'Memcached', 'Kafka', 'RabbitMQ', 'SQS', 'SNS', 'S3', 'AWS S3', 'Lambda',
  'AWS Lambda', 'API Gateway', 'CloudFront', 'ALB', 'nginx', 'Envoy', 'Node.js', 'Express', 'React', 'Spring', 'Django', 'Go', 'Keycloak',
  'Auth0', 'Okta', 'Cognito', 'Vault', 'Secrets Manager', 'KMS', 'Elasticsearch', 'Stripe', 'Twilio', 'SendGrid', 'Kubernetes', 'EKS', 'Docker',
  'gRPC', 'GraphQL', 'REST', 'HTTPS', 'TLS', 'mTLS', 'JWT', 'OAuth', 'SAML', 'SMTP', 'SFTP', 'WebSocket',
];

export const COMPONENTS = [
  'Customer', 'User', 'Admin', 'Browser', 'Mobile app', 'Web frontend', 'Storefront', 'API', 'Order API', 'Order Service', 'Payment Service',
  'Auth Service', 'Identity provider', 'Gateway', 'Load balancer', 'CDN', 'Worker', 'Email worker', 'Scheduler', 'Orders DB', 'Database',
  'Session cache', 'Cache', 'Queue', 'Event bus', 'Topic', 'Bucket', 'Object storage', 'Uploads bucket', 'Secrets vault', 'Audit log',
  'Search index', 'Payment provider', 'Partner API', 'Lambda function', 'Thumbnailer', 'Reporting job', 'Admin portal',
];

export const DATA = [
  'orders', 'payment data', 'card numbers', 'credit card details', 'passwords', 'credentials', 'API keys', 'tokens', 'session tokens',
  'personal data', 'PII', 'email addresses', 'health records', 'photos', 'logs', 'audit events', 'invoices', 'public content', 'metrics',
];

export const PROTOCOLS = ['https', 'http', 'grpc', 'sql', 'amqp', 'tcp', 'udp', 'tls', 'mtls', 'ws', 'wss', 'smtp', 'sftp', 'resp', 'kafka', 'HTTPS :443', 'HTTP :8080', 'TLS 1.3', 'port 5432'];
