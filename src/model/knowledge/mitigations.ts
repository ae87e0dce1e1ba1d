// The mitigation library: standard fixes with concrete steps, referenced by id from threat rules.

import { APPSEC_MITIGATIONS } from './mitigations-appsec.js';
import { INFRASTRUCTURE_MITIGATIONS } from './mitigations-infrastructure.js';
import type { Mitigation } from './types.js';

export const MITIGATIONS: readonly Mitigation[] = [
  {
    id: 'MIT-API-AUTHN',
    title: 'Require authentication on every endpoint',
    steps: [
      'Require a verified identity (OIDC/JWT bearer token or an API key bound to a client) before the handler runs.',
      'Deny by default: routes are authenticated unless explicitly listed as public.',
      'Reject anonymous uploads; attribute every stored object to the uploading principal.',
    ],
  },
  {
    id: 'MIT-UPLOAD-VALIDATE',
    title: 'Validate uploaded files',
    steps: [
      'Check the content type by magic bytes, not the file name or Content-Type header.',
      'Re-encode images in an isolated worker; strip metadata; scan files for malware before use.',
      'Store uploads under generated keys, never under user-supplied paths.',
    ],
  },
  {
    id: 'MIT-UPLOAD-LIMITS',
    title: 'Limit upload size and rate',
    steps: [
      'Enforce the maximum body size at the gateway/API (e.g. 10 MB) before buffering the request.',
      'Rate-limit uploads per user and per IP; set a per-user storage quota.',
      'Add an S3 lifecycle rule to expire abandoned or temporary uploads; alarm on bucket growth.',
    ],
  },
  {
    id: 'MIT-RATE-LIMIT',
    title: 'Rate-limit and throttle requests',
    steps: [
      'Apply per-client and per-IP rate limits at the gateway (token bucket), with 429 responses.',
      'Set request timeouts and body-size limits; put a WAF or CDN in front of public endpoints.',
    ],
  },
  {
    id: 'MIT-S3-BLOCK-PUBLIC',
    title: 'Block public access to the bucket',
    steps: [
      'Enable S3 Block Public Access on the bucket and the account.',
      'Bucket policy: deny everything except the application role; deny requests without TLS (`aws:SecureTransport = false`).',
      'Serve downloads only through short-lived signed URLs or a CDN with origin access control.',
    ],
  },
  {
    id: 'MIT-S3-VERSIONING',
    title: 'Protect stored objects from modification',
    steps: [
      'Enable bucket versioning so overwritten or deleted objects can be recovered.',
      'Use S3 Object Lock (governance or compliance mode) for objects that must not change.',
      'Grant write access only to the uploading service; store a content hash with the metadata and verify it on read.',
    ],
  },
  {
    id: 'MIT-SIGNED-URL-EXPIRY',
    title: 'Give signed URLs a short expiry',
    steps: [
      'Issue pre-signed URLs with a short expiry (e.g. 1 hour, or minutes for sensitive files).',
      'Sign with a role whose credentials are short-lived, so URLs cannot outlive the session.',
      'Scope each URL to one object and one method (GET); never log full signed URLs.',
    ],
  },
  {
    id: 'MIT-ENCRYPT-AT-REST',
    title: 'Encrypt data at rest with a managed key',
    steps: ['Enable server-side encryption with a customer-managed KMS key.', 'Restrict key use to the service roles that need it; enable key rotation.'],
  },
  {
    id: 'MIT-LEAST-PRIVILEGE-ROLE',
    title: 'Least-privilege execution role',
    steps: [
      'Give the function its own role allowing only the actions and resources it uses (e.g. s3:GetObject on one bucket, rds-db:connect for one user).',
      'No wildcards in actions or resources; use IAM Access Analyzer to generate the policy from activity.',
      'Add a permissions boundary so the role cannot be widened by mistake.',
    ],
  },
  {
    id: 'MIT-TLS',
    title: 'Encrypt the flow with TLS',
    steps: ['Use TLS 1.2+ (HTTPS, TLS for database and broker connections) with certificate verification.', 'Redirect or refuse plaintext connections; enable HSTS for browser traffic.'],
  },
  {
    id: 'MIT-SERVICE-AUTHN',
    title: 'Authenticate service-to-service calls',
    steps: ['Use mutual TLS, signed requests (SigV4) or workload identity tokens between services.', 'Authorise each caller to the operations it needs; deny by default.'],
  },
  {
    id: 'MIT-CREDENTIAL-STUFFING',
    title: 'Defend the login against credential stuffing',
    steps: [
      'Offer and encourage MFA (TOTP/WebAuthn); require it for privileged roles.',
      'Rate-limit login attempts per account and per IP with exponential back-off; add CAPTCHA after failures.',
      'Check new passwords against breached-password lists; alert on unusual login patterns.',
    ],
  },
  {
    id: 'MIT-LOGIN-THROTTLING',
    title: 'Throttle logins without locking users out',
    steps: [
      'Throttle by IP and device fingerprint rather than hard account lockout.',
      'Use progressive delays and soft locks that the real user can clear (email link, MFA).',
      'Keep the password hash cost bounded and queue-protected so floods cannot exhaust the auth service.',
    ],
  },
  {
    id: 'MIT-AUTH-AUDIT-LOG',
    title: 'Audit-log authentication events',
    steps: [
      'Log every login success, failure, lockout, password change and token issuance with user, source IP, time and outcome.',
      'Ship logs to append-only storage outside the service’s control; never log passwords or tokens.',
      'Alert on bursts of failures and impossible travel.',
    ],
  },
  {
    id: 'MIT-AUDIT-LOG',
    title: 'Audit-log security-relevant actions',
    steps: ['Record who did what, when and from where for every state change.', 'Write audit logs to tamper-evident, append-only storage with retention.'],
  },
  {
    id: 'MIT-JWT-VALIDATION',
    title: 'Validate tokens strictly',
    steps: [
      'Verify the signature with a pinned algorithm (e.g. RS256/ES256); reject `alg: none` and algorithm switching (HS256 with a public key).',
      'Check `iss`, `aud`, `exp` and `nbf` on every request; fetch keys only from the configured JWKS.',
      'Use a maintained JWT library; never decode without verifying.',
    ],
  },
  {
    id: 'MIT-TOKEN-LIFETIME',
    title: 'Short-lived tokens with revocation',
    steps: [
      'Access tokens expire in minutes (e.g. 15); refresh tokens rotate on use and can be revoked.',
      'Keep browser tokens in HttpOnly, Secure, SameSite cookies rather than localStorage.',
      'Never put tokens in URLs or logs.',
    ],
  },
  {
    id: 'MIT-SERVER-SIDE-AUTHZ',
    title: 'Authorise on the server, not from client claims',
    steps: [
      'Look up roles and permissions server-side (or only trust role claims from a verified issuer that sets them).',
      'Never accept role or scope fields from request bodies during sign-up or profile updates.',
      'Check authorisation on every request for the specific resource (object-level checks).',
    ],
  },
  {
    id: 'MIT-OAUTH-PKCE',
    title: 'Harden the OAuth authorization-code flow',
    steps: ['Use the authorization-code flow with PKCE; no implicit flow.', 'Register exact redirect URIs; validate `state` and `nonce`.'],
  },
  {
    id: 'MIT-PARAMETERISED-QUERIES',
    title: 'Parameterised queries and input validation',
    steps: [
      'Use parameterised queries or a query builder for every statement; no string concatenation.',
      'Validate input against a schema at the API boundary; reject unknown fields and operators (NoSQL `$` keys).',
      'Connect with a database user that has only the needed privileges.',
    ],
  },
  {
    id: 'MIT-PRIVATE-NETWORK',
    title: 'Keep data stores off the internet',
    steps: ['Place the store in private subnets with no public endpoint.', 'Allow connections only from the application security group.'],
  },
  {
    id: 'MIT-BACKUPS',
    title: 'Automated, tested backups',
    steps: ['Enable automated backups or point-in-time recovery with a retention period.', 'Copy backups to another account/region; test restores regularly.'],
  },
  {
    id: 'MIT-CACHE-AUTH',
    title: 'Authenticate and isolate the cache',
    steps: ['Enable cache authentication (Redis AUTH/ACL) and TLS.', 'Reach the cache only from the application network; do not cache secrets.'],
  },
  {
    id: 'MIT-QUEUE-DLQ',
    title: 'Dead-letter queue with alarms',
    steps: ['Configure a dead-letter queue with a max-receive count.', 'Alarm on DLQ depth and message age; make consumers idempotent.'],
  },
  {
    id: 'MIT-DLQ-ALARM',
    title: 'Alarm on the dead-letter queue and handle what lands there',
    steps: [
      'Alarm when the dead-letter queue holds any message or its oldest message ages past a threshold, routed to the owning team.',
      'Keep a runbook and a redrive tool to inspect, fix and replay failed messages; record why each one failed.',
    ],
  },
  {
    id: 'MIT-CORS-ALLOWLIST',
    title: 'Allow only known origins (CORS allow-list)',
    steps: [
      'Answer CORS requests only for an explicit list of origins (the frontend\'s own), never `*` or a reflected Origin header.',
      'Never combine credentials (`Access-Control-Allow-Credentials: true`) with a broad origin; keep state-changing routes behind CSRF defences.',
    ],
  },
  {
    id: 'MIT-REQUEST-LIMITS',
    title: 'Limit request size and time',
    steps: [
      'Cap request bodies at the parser (e.g. `express.json({ limit: "100kb" })`) and at the proxy in front of it.',
      'Set header, connection and handler timeouts; reject deeply nested or oversized JSON before it reaches business logic.',
    ],
  },
  {
    id: 'MIT-DB-STRONG-CREDENTIALS',
    title: 'No default or shared database logins',
    steps: [
      'Disable or rename default administrative accounts (root, sa, postgres); never let an application connect as one.',
      'Give each service its own least-privilege user with a long generated password from a secrets manager, or IAM/certificate authentication.',
    ],
  },
  {
    id: 'MIT-QUEUE-ENCRYPTION',
    title: 'Encrypt messages and restrict the queue',
    steps: ['Enable server-side encryption with a KMS key.', 'Queue policy allows only the named producers and consumers; deny non-TLS access.'],
  },
  {
    id: 'MIT-SECRETS-MANAGER',
    title: 'Keep credentials in a secrets manager',
    steps: [
      'Move credentials out of code, images and environment files into a secrets manager (Vault, AWS Secrets Manager).',
      'Fetch them at start-up with the workload identity; rotate them automatically.',
      'Scan the repository history and rotate anything that was committed.',
    ],
  },
  {
    id: 'MIT-K8S-NON-ROOT',
    title: 'Run containers as non-root',
    steps: ['Set `runAsNonRoot: true`, a non-zero `runAsUser`, `allowPrivilegeEscalation: false` and drop all capabilities.', 'Use a read-only root filesystem.'],
  },
  {
    id: 'MIT-K8S-LIMITS',
    title: 'Set resource requests and limits',
    steps: ['Set CPU and memory requests and limits on every container.', 'Add a namespace LimitRange and ResourceQuota.'],
  },
  {
    id: 'MIT-WEBHOOK-SIGNATURE',
    title: 'Verify calls from third parties',
    steps: ['Verify the provider’s request signature (HMAC) and timestamp on every webhook/callback.', 'Reject replays; allow-list the provider’s IP ranges where published.'],
  },
  {
    id: 'MIT-3P-RESPONSE-VALIDATION',
    title: 'Treat third-party responses as untrusted input',
    steps: [
      'Validate every response from the provider against a schema (types, ranges, lengths) before using it.',
      'Never pass provider data into queries, templates or commands without the same escaping as user input.',
    ],
  },
  {
    id: 'MIT-3P-RESILIENCE',
    title: 'Survive a slow or failing provider',
    steps: [
      'Set connect and read timeouts on every call to the provider, and retry idempotent calls with backoff.',
      'Add a circuit breaker and a fallback (cached value, queued retry, clear error), and alert on the provider’s error rate.',
    ],
  },
  {
    id: 'MIT-PIPELINE-CREDENTIALS',
    title: 'Deploy with least-privilege, short-lived credentials',
    steps: [
      'Give the pipeline short-lived credentials through OIDC federation instead of stored access keys, scoped to the resources it manages.',
      'Protect the branches that deploy (required review, signed commits), pin third-party actions and modules, and separate plan from apply.',
    ],
  },
  {
    id: 'MIT-SERVERLESS-THROTTLE',
    title: 'Throttle public function invocations',
    steps: ['Put the function behind an API gateway with usage plans and throttling.', 'Set reserved concurrency and budget alarms (denial of wallet).'],
  },
  ...APPSEC_MITIGATIONS,
  ...INFRASTRUCTURE_MITIGATIONS,
];

const BY_ID = new Map(MITIGATIONS.map((m) => [m.id, m]));

export function mitigationById(id: string): Mitigation | undefined {
  return BY_ID.get(id);
}
