// Concrete remediation for the stack a repository uses: the code or configuration change that carries out a
// mitigation in Express, Flask, FastAPI, docker-compose, Terraform or a Dockerfile. The mitigation library
// says what to do in general; these say how, here. The first entry whose stack matches is the one shown.

/** What a threat's components are built with, as the repository shows it. */
export interface Stack {
  /** Technologies of the components (`Node.js (Express)`, `MariaDB 11.4`, `AWS SQS`). */
  technologies: readonly string[];
  /** Files their evidence cites (`docker-compose.yml`, `terraform/main.tf`, `api/Dockerfile`). */
  files: readonly string[];
}

export interface StackRemediation {
  mitigation: string;
  /** Whether this way of doing it fits the stack. */
  fits: (stack: Stack) => boolean;
  /** The change to make, with the code or configuration to write. */
  change: string;
}

const tech = (pattern: RegExp) => (s: Stack) => s.technologies.some((t) => pattern.test(t));
const file = (pattern: RegExp) => (s: Stack) => s.files.some((f) => pattern.test(f));
const both = (a: (s: Stack) => boolean, b: (s: Stack) => boolean) => (s: Stack) => a(s) && b(s);

const EXPRESS = tech(/Express/);
const FASTIFY = tech(/Fastify/);
const FLASK = tech(/Flask/);
const FASTAPI = tech(/FastAPI/);
const DJANGO = tech(/Django/);
const COMPOSE = file(/(^|\/)(docker-)?compose[^/]*\.ya?ml$/i);
const TERRAFORM = file(/\.tf$/);
const DOCKERFILE = file(/(^|\/)(Dockerfile|Containerfile)[^/]*$|\.Dockerfile$/i);
const KUBERNETES = (s: Stack) => !COMPOSE(s) && file(/\.ya?ml$/i)(s);
const MYSQL = tech(/MariaDB|MySQL/i);
const POSTGRES = tech(/Postgre/i);
const SQS = tech(/SQS/);

export const STACK_REMEDIATIONS: readonly StackRemediation[] = [
  { mitigation: 'MIT-API-AUTHN', fits: EXPRESS, change: "Verify a bearer token before every route: `app.use(expressjwt({ secret: expressJwtSecret({ jwksUri: ISSUER + '/.well-known/jwks.json' }), algorithms: ['RS256'], audience: API_AUDIENCE, issuer: ISSUER }))` (express-jwt, jwks-rsa), registered before the routers; list public routes explicitly with `.unless()`." },
  { mitigation: 'MIT-API-AUTHN', fits: FASTIFY, change: 'Register `@fastify/jwt` and add `fastify.addHook(\'onRequest\', (req) => req.jwtVerify())` before the routes; mark public routes with a route option.' },
  { mitigation: 'MIT-API-AUTHN', fits: FLASK, change: 'Protect every view with `@jwt_required()` (flask-jwt-extended) or a `before_request` hook that rejects requests without a verified token.' },
  { mitigation: 'MIT-API-AUTHN', fits: FASTAPI, change: 'Add `dependencies=[Depends(verify_token)]` to the `FastAPI()` app or each `APIRouter`, with `verify_token` checking an `OAuth2PasswordBearer`/`HTTPBearer` token.' },
  { mitigation: 'MIT-API-AUTHN', fits: DJANGO, change: "Set `REST_FRAMEWORK = {'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated']}` and use `LoginRequiredMixin`/`@login_required` on plain views." },
  { mitigation: 'MIT-CORS-ALLOWLIST', fits: EXPRESS, change: "Name the origins: `app.use(cors({ origin: ['https://shop.example.com'], credentials: false }))`, read from configuration, never `'*'` or `true`." },
  { mitigation: 'MIT-CORS-ALLOWLIST', fits: FLASK, change: "`CORS(app, origins=['https://shop.example.com'])` (flask-cors), never `'*'`." },
  { mitigation: 'MIT-CORS-ALLOWLIST', fits: FASTAPI, change: "`app.add_middleware(CORSMiddleware, allow_origins=['https://shop.example.com'])`, never `['*']`." },
  { mitigation: 'MIT-CORS-ALLOWLIST', fits: DJANGO, change: "Set `CORS_ALLOWED_ORIGINS = ['https://shop.example.com']` and remove `CORS_ALLOW_ALL_ORIGINS = True` (django-cors-headers)." },
  { mitigation: 'MIT-RATE-LIMIT', fits: EXPRESS, change: "`app.use(rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false }))` (express-rate-limit) before the routes; stricter limits on writes and logins." },
  { mitigation: 'MIT-RATE-LIMIT', fits: FASTIFY, change: "`await fastify.register(import('@fastify/rate-limit'), { max: 100, timeWindow: '1 minute' })`." },
  { mitigation: 'MIT-RATE-LIMIT', fits: FLASK, change: "`Limiter(get_remote_address, app=app, default_limits=['100 per minute'])` (flask-limiter)." },
  { mitigation: 'MIT-RATE-LIMIT', fits: FASTAPI, change: "Add slowapi: `app.state.limiter = Limiter(key_func=get_remote_address, default_limits=['100/minute'])` with `SlowAPIMiddleware`." },
  { mitigation: 'MIT-RATE-LIMIT', fits: DJANGO, change: "Set `DEFAULT_THROTTLE_CLASSES` (AnonRateThrottle, UserRateThrottle) and `DEFAULT_THROTTLE_RATES` in `REST_FRAMEWORK`." },
  { mitigation: 'MIT-REQUEST-LIMITS', fits: EXPRESS, change: "Set the limit the API needs on each parser: `app.use(express.json({ limit: '16kb' }))`; add a server timeout (`server.requestTimeout = 10_000`)." },
  { mitigation: 'MIT-REQUEST-LIMITS', fits: FASTIFY, change: 'Create the server with `Fastify({ bodyLimit: 16_384, requestTimeout: 10_000 })`.' },
  { mitigation: 'MIT-REQUEST-LIMITS', fits: FLASK, change: "Set `app.config['MAX_CONTENT_LENGTH'] = 16 * 1024`." },
  { mitigation: 'MIT-REQUEST-LIMITS', fits: DJANGO, change: 'Set `DATA_UPLOAD_MAX_MEMORY_SIZE = 16384` and `DATA_UPLOAD_MAX_NUMBER_FIELDS`.' },
  { mitigation: 'MIT-PARAMETERISED-QUERIES', fits: EXPRESS, change: "Validate each body against a schema before use (`const order = OrderSchema.parse(req.body)` with zod), and keep every query parameterised (`pool.execute('… WHERE id = ?', [id])`)." },
  { mitigation: 'MIT-PARAMETERISED-QUERIES', fits: FLASK, change: 'Validate input with a schema (marshmallow, pydantic) and pass values apart from SQL: `cursor.execute("… WHERE id = %s", (order_id,))`.' },
  { mitigation: 'MIT-PARAMETERISED-QUERIES', fits: FASTAPI, change: 'Type each body as a pydantic model and pass values apart from SQL (SQLAlchemy `text("… WHERE id = :id")` with parameters).' },
  { mitigation: 'MIT-AUDIT-LOG', fits: EXPRESS, change: 'After each change, write who did what to an append-only audit log: `audit.info({ actor: req.auth.sub, action: \'order.create\', id })` to a sink the API cannot rewrite.' },
  { mitigation: 'MIT-AUDIT-LOG', fits: tech(/Flask|FastAPI|Django/), change: "Log each change with the caller's identity to a dedicated audit logger (`logging.getLogger('audit')`) shipped to append-only storage." },
  { mitigation: 'MIT-SECRETS-MANAGER', fits: COMPOSE, change: 'Move the values out of `docker-compose.yml`: `secrets:` with `file:` paths outside git (or `${VAR}` from an ignored `.env`, with a `.env.example` committed), read through `*_FILE` variables; drop literal fallbacks in code (`process.env.DB_PASSWORD || \'…\'`).' },
  { mitigation: 'MIT-SECRETS-MANAGER', fits: TERRAFORM, change: 'Create the credential in `aws_secretsmanager_secret` (generated by `random_password`, or `manage_master_user_password = true` on RDS) and read it at start-up with the workload role; no literals in `.tf` or variables.' },
  { mitigation: 'MIT-SECRETS-MANAGER', fits: KUBERNETES, change: 'Reference a Secret (`valueFrom.secretKeyRef`) or mount it as a volume, synced from the secrets manager (External Secrets); no literal `value:` for credentials.' },
  { mitigation: 'MIT-DB-STRONG-CREDENTIALS', fits: both(COMPOSE, MYSQL), change: 'Generate long passwords into the secret files (`MARIADB_ROOT_PASSWORD_FILE`, `MARIADB_PASSWORD_FILE`); give each service its own `MARIADB_USER` with grants on its tables only, never root.' },
  { mitigation: 'MIT-DB-STRONG-CREDENTIALS', fits: both(COMPOSE, POSTGRES), change: 'Use `POSTGRES_PASSWORD_FILE` with a generated secret and a least-privilege role per service, never the `postgres` superuser.' },
  { mitigation: 'MIT-PRIVATE-NETWORK', fits: COMPOSE, change: 'Remove the `ports:` entry (services on the compose network reach it by name), or bind it to loopback for local tools (`"127.0.0.1:HOST_PORT:CONTAINER_PORT"`).' },
  { mitigation: 'MIT-PRIVATE-NETWORK', fits: TERRAFORM, change: 'Set `publicly_accessible = false`, place it in private subnets, and allow its port only from the application security group.' },
  { mitigation: 'MIT-PRIVATE-NETWORK', fits: KUBERNETES, change: 'Use a `ClusterIP` Service and a NetworkPolicy that admits only the pods that use it.' },
  { mitigation: 'MIT-ENCRYPT-AT-REST', fits: both(COMPOSE, MYSQL), change: 'Enable InnoDB encryption: load the `file_key_management` plugin with a key file from a secret and start with `--innodb-encrypt-tables=ON --innodb-encrypt-log=ON`; in production, use a managed database with storage encryption.' },
  { mitigation: 'MIT-ENCRYPT-AT-REST', fits: both(COMPOSE, POSTGRES), change: 'Keep the data volume on an encrypted disk (LUKS, encrypted cloud volume); in production, use a managed database with `storage_encrypted = true`.' },
  { mitigation: 'MIT-ENCRYPT-AT-REST', fits: TERRAFORM, change: 'Set `storage_encrypted = true` with `kms_key_id = aws_kms_key.data.arn` (RDS), `server_side_encryption { enabled = true, kms_key_arn = … }` (DynamoDB), or a KMS default encryption rule (S3).' },
  { mitigation: 'MIT-QUEUE-ENCRYPTION', fits: both(TERRAFORM, SQS), change: 'Set `kms_master_key_id = aws_kms_key.queue.arn` (or `sqs_managed_sse_enabled = true`) on the `aws_sqs_queue`, and a queue policy that denies `aws:SecureTransport = false`.' },
  { mitigation: 'MIT-QUEUE-DLQ', fits: both(TERRAFORM, SQS), change: 'Add a dead-letter queue: `redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn, maxReceiveCount = 5 })`, and a CloudWatch alarm on its `ApproximateNumberOfMessagesVisible`.' },
  { mitigation: 'MIT-TLS', fits: MYSQL, change: "Connect with TLS (`ssl: { ca: fs.readFileSync(CA_FILE), rejectUnauthorized: true }` in mysql2, `ssl_ca=…` and `ssl_verify_cert=True` in Python drivers) and require it on the server (`require_secure_transport = ON`)." },
  { mitigation: 'MIT-TLS', fits: POSTGRES, change: 'Connect with `sslmode=verify-full` (or `ssl: { ca, rejectUnauthorized: true }` in node-postgres) and set `ssl = on` with `hostssl` rules on the server.' },
  { mitigation: 'MIT-TLS', fits: SQS, change: 'Use `https://` endpoints for the SQS client (the AWS default) and deny non-TLS requests in the queue policy (`aws:SecureTransport`).' },
  { mitigation: 'MIT-TLS', fits: EXPRESS, change: 'Serve HTTPS: `https.createServer({ key, cert }, app)`, or put a TLS-terminating proxy (Caddy, Traefik, nginx) in front and publish only its 443; send `Strict-Transport-Security` (helmet).' },
  { mitigation: 'MIT-TLS', fits: COMPOSE, change: 'Put a TLS-terminating proxy (Caddy, Traefik, nginx with certificates) in front, publish only its 443, and keep the application ports unpublished.' },
  { mitigation: 'MIT-TLS', fits: KUBERNETES, change: 'Add a `tls:` section with a certificate Secret to the Ingress (cert-manager), and redirect HTTP to HTTPS.' },
  { mitigation: 'MIT-XSS-OUTPUT-ENCODING', fits: tech(/React/), change: "Render through JSX only (no `dangerouslySetInnerHTML` without DOMPurify) and serve a strict `Content-Security-Policy` from the web server (`script-src 'self'`)." },
  { mitigation: 'MIT-K8S-NON-ROOT', fits: DOCKERFILE, change: 'Add a non-root `USER` to the final stage (`USER node`, or `USER 10001` after creating that user) and make the app files read-only to it.' },
  { mitigation: 'MIT-K8S-NON-ROOT', fits: KUBERNETES, change: 'Set `securityContext: { runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }` on each container.' },
  { mitigation: 'MIT-BASE-IMAGES', fits: DOCKERFILE, change: 'Pin the base image by digest (`FROM node:20.17-alpine@sha256:…`) from a trusted registry, and let Renovate or Dependabot raise updates.' },
  { mitigation: 'MIT-BASE-IMAGES', fits: COMPOSE, change: 'Pin each `image:` to a version and digest (`redis:7.4-alpine@sha256:…`), from a trusted registry.' },
  { mitigation: 'MIT-DEBUG-OFF', fits: FLASK, change: "Remove `debug=True` from `app.run(...)` (or read it from `FLASK_DEBUG` in development only) and serve with gunicorn: `gunicorn --bind 0.0.0.0:5000 app:app`." },
  { mitigation: 'MIT-DEBUG-OFF', fits: DJANGO, change: "Set `DEBUG = os.environ.get('DJANGO_DEBUG') == '1'` (off unless asked for) and list `ALLOWED_HOSTS`." },
  { mitigation: 'MIT-WAF', fits: TERRAFORM, change: 'Associate an `aws_wafv2_web_acl` with the API or load balancer (`aws_wafv2_web_acl_association`), with the AWS managed common rule set.' },
];

/** The first remediation for the mitigation that fits the stack. */
export function remediationFor(mitigation: string, stack: Stack): StackRemediation | undefined {
  return STACK_REMEDIATIONS.find((r) => r.mitigation === mitigation && r.fits(stack));
}
