// The secrets scanner against a labelled set: true secrets written the many ways people write them, and
// look-alike placeholders from docs, templates and tests. Recall must be 95% or more and no placeholder may
// be reported. Token values are generated (seeded) so that no real-looking credential sits in the repository.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRulesOnFiles } from '../../src/scanners/rule-tester.js';
import { secretRules } from '../../src/analyze/rules/secrets/index.js';

/** A small seeded generator (mulberry32), so the set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261204);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Every random string made, to prove no message shows more than four characters of one. */
const generated: string[] = [];
const pick = (chars: string, n: number) => {
  const value = Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
  generated.push(value);
  return value;
};
const upper = (n: number) => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', n);
const b64 = (n: number) => pick(`${ALNUM}+/`, n);
const hex = (n: number) => pick('0123456789abcdef', n);
const url64 = (n: number) => pick(`${ALNUM}_-`, n);

/** [file, text] with exactly one secret each. */
const SECRETS: [string, string][] = [
  ['src/aws.js', `const client = new S3({ accessKeyId: 'AKIA${upper(16)}' });\n`],
  ['deploy/aws.env', `AWS_ACCESS_KEY_ID=ASIA${upper(16)}\n`],
  ['config/aws.ini', `[default]\naws_secret_access_key = ${b64(40)}\n`],
  ['scripts/ci.sh', `export GITHUB_TOKEN=ghp_${pick(ALNUM, 36)}\n`],
  ['src/gh.py', `token = "github_pat_${pick(`${ALNUM}_`, 82)}"\n`],
  ['ci/gitlab.yml', `variables:\n  GL_TOKEN: glpat-${url64(20)}\n`],
  ['src/slack.ts', `const slack = new WebClient('xoxb-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick(ALNUM, 24)}');\n`],
  ['src/notify.go', `const hook = "https://hooks.slack.com/services/T${upper(8)}/B${upper(10)}/${pick(ALNUM, 24)}"\n`],
  ['billing/stripe.rb', `Stripe.api_key = 'sk_live_${pick(ALNUM, 24)}'\n`],
  ['web/maps.html', `<script src="https://maps.googleapis.com/maps/api/js?key=AIza${url64(35)}"></script>\n`],
  ['infra/storage.cs', `var conn = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${b64(86)}==;EndpointSuffix=core.windows.net";\n`],
  ['.npmrc', `//registry.npmjs.org/:_authToken=npm_${pick(ALNUM, 36)}\n`],
  ['.pypirc', `[pypi]\npassword = pypi-AgEIcHlwaS5vcmc${url64(60)}\n`],
  ['mail/send.py', `sg = SendGridAPIClient("SG.${url64(22)}.${url64(43)}")\n`],
  ['sms/twilio.js', `const apiKey = 'SK${hex(32)}';\n`],
  ['ai/client.py', `client = OpenAI(api_key="sk-proj-${url64(40)}T3BlbkFJ${url64(40)}")\n`],
  ['ai/claude.ts', `const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-${url64(93)}' });\n`],
  ['keys/deploy', `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64(70)}\n${b64(70)}\n-----END OPENSSH PRIVATE KEY-----\n`],
  ['certs/server.key', `-----BEGIN RSA PRIVATE KEY-----\n${b64(64)}\n${b64(64)}\n${b64(20)}==\n-----END RSA PRIVATE KEY-----\n`],
  ['sa.json', `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${b64(64)}\\n${b64(40)}\\n-----END PRIVATE KEY-----\\n"}\n`],
  ['src/auth.js', `const SERVICE_JWT = 'eyJ${url64(30)}.eyJ${url64(60)}.${url64(43)}';\n`],
  ['src/db.js', `const pool = mysql.createPool('mysql://orders:${pick(ALNUM, 14)}@mariadb:3306/orders');\n`],
  ['app/settings.py', `DATABASES = {"default": dj_database_url.parse("postgres://app:${pick(ALNUM, 16)}@db:5432/app")}\n`],
  ['worker/queue.go', `conn, _ := amqp.Dial("amqp://worker:${pick(ALNUM, 12)}@rabbitmq:5672/")\n`],
  ['cache/redis.ts', `const redis = new Redis('redis://default:${pick(ALNUM, 20)}@cache:6379');\n`],
  ['api/config.js', `module.exports = { db: { password: process.env.DB_PASSWORD || 'rootpassword' } };\n`],
  ['api/db.ts', `const password = process.env.MYSQL_PASSWORD ?? "orders-${pick(ALNUM, 8)}";\n`],
  ['svc/settings.py', `DB_PASSWORD = os.getenv("DB_PASSWORD", "${pick(ALNUM, 12)}")\n`],
  ['.env', `DB_HOST=mariadb\nDB_PASSWORD=${pick(ALNUM, 14)}\n`],
  ['config/app.properties', `spring.datasource.password=${pick(ALNUM, 14)}\n`],
  ['config/app.yaml', `database:\n  host: db\n  password: "${pick(ALNUM, 16)}"\n`],
  ['config/app.json', `{"smtp": {"host": "mail", "password": "${pick(ALNUM, 14)}"}}\n`],
  ['config/app.toml', `[server]\napi_key = "${pick(ALNUM, 32)}"\n`],
  ['src/Config.java', `private static final String CLIENT_SECRET = "${pick(ALNUM, 32)}";\n`],
  ['src/config.php', `define('AUTH_KEY', '${pick(ALNUM, 40)}');\n$db_password = '${pick(ALNUM, 14)}';\n`],
  ['src/keys.ts', `export const signingSecret = "${pick(ALNUM, 40)}";\n`],
  ['ops/backup.sh', `MYSQL_PWD="${pick(ALNUM, 14)}" mysqldump orders > /backup/orders.sql\n`],
  ['terraform/app.auto.tfvars', `admin_password = "${pick(ALNUM, 16)}"\n`],
  ['src/main.rs', `let token = "${pick(ALNUM, 40)}"; // api token for the partner\nlet api_token = token;\n`],
  ['deploy/values.yaml', `auth:\n  apiKey: ${pick(ALNUM, 32)}\n`],
  ['src/bot.py', `BOT_TOKEN = "xoxp-${pick('0123456789', 11)}-${pick('0123456789', 11)}-${pick('0123456789', 12)}-${hex(32)}"\n`],
  ['deploy/.env.production', `STRIPE_SECRET=sk_live_${pick(ALNUM, 30)}\n`],
];

/** Look-alikes that are not secrets: templates, docs values, references, test doubles. */
const PLACEHOLDERS: [string, string][] = [
  ['src/aws.js', `// AWS's documentation key: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`],
  ['README.md', 'Set `DB_PASSWORD=changeme` in your .env before starting.\n'],
  ['.env.example', `DB_HOST=localhost\nDB_PASSWORD=\nAPI_KEY=your_api_key_here\n`],
  ['docs/setup.md', 'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'],
  ['config/app.yaml', 'database:\n  password: ${DB_PASSWORD}\n'],
  ['config/helm.yaml', 'password: {{ .Values.db.password }}\n'],
  ['src/config.js', 'const config = { password: process.env.DB_PASSWORD, apiKey: settings.apiKey };\n'],
  ['src/form.html', '<input type="password" name="password" placeholder="Password">\n'],
  ['src/login.ts', "const PASSWORD_MIN_LENGTH = 12;\nconst passwordField = 'password';\n"],
  ['src/types.ts', 'interface Credentials { username: string; password: string; token?: string }\n'],
  ['docs/api.md', 'Authorization: Bearer <token>\n'],
  ['src/db.js', "const url = `postgres://${user}:${password}@${host}/db`;\n"],
  ['docs/db.md', 'Connect with `postgres://user:password@localhost:5432/mydb`.\n'],
  ['test/fixtures/users.json', '{"name": "alice", "password": "correct-horse-battery"}\n'],
  ['spec/auth_spec.rb', 'let(:password) { "Sup3rS3cret!" }\n'],
  ['src/settings.py', 'SECRET_KEY = os.environ["SECRET_KEY"]\n'],
  ['src/settings2.py', 'SECRET_KEY = get_secret("django/secret_key")\n'],
  ['config/vault.hcl', 'password = "vault:secret/data/db#password"\n'],
  ['terraform/rds.tf', 'password = var.db_password\n'],
  ['terraform/ssm.tf', 'value = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"\n'],
  ['k8s/secret-ref.yaml', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n'],
  ['src/redact.js', "const masked = 'password: ********';\n"],
  ['docs/token.md', 'token: REDACTED\n'],
  ['src/jwt.js', "const header = 'eyJhbGciOiJIUzI1NiJ9'; // the encoded header only\n"],
  ['.env.sample', 'SECRET=replace-me\n'],
  ['config/default.yml', 'api_key: <your-api-key>\n'],
  ['config/env.yml', 'token: "%API_TOKEN%"\n'],
  ['src/ruby.rb', 'password = ENV.fetch("DB_PASSWORD")\n'],
  ['src/go.go', 'password := os.Getenv("DB_PASSWORD")\n'],
  ['src/keyfile.py', 'private_key_path = "/run/secrets/signing_key"\n'],
  ['src/aws2.js', "const key = 'AKIAXXXXXXXXXXXXXXXX';\n"],
  ['docs/stripe.md', 'Use a test key like `sk_test_XXXXXXXXXXXXXXXXXXXXXXXX`.\n'],
  ['docs/keys.md', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n'],
  ['src/auth.ts', "const tokenType = 'Bearer';\nconst token_url = 'https://auth.example.com/token';\n"],
  ['src/hash.js', "const passwordHash = await bcrypt.hash(password, 12);\n"],
  ['config/secrets.yml', 'secret: null\ntoken: none\npassword: TODO\n'],
  ['src/i18n.json', '{"password": "Password", "secret": "Secret"}\n'],
  ['Makefile', 'test:\n\tDB_PASSWORD=$(shell cat .db_password) go test ./...\n'],
  ['docker/entry.sh', 'export PGPASSWORD="$POSTGRES_PASSWORD"\n'],
  ['src/dummy.js', "const apiKey = 'dummy-api-key-for-tests';\n"],
  ['src/Auth.cs', 'string token = GetTokenFromRequest(request.AuthorizationToken);\n'],
  ['app/stack.py', 'api = RestApi(self, "api", credentials_role=rest_api_role, secretArn=credentials_arn)\n'],
  ['app/cache.py', "redis.Redis(host=host, password=response['SecretString'])\n"],
  ['ops/login.sh', `curl -d '{"username":"DOMAIN_ADMIN_UNAME", "password" : "DOMAIN_ADMIN_PW"}' https://host/login\n`],
];

const reportedIn = (file: string, text: string) => runRulesOnFiles(secretRules, { [file]: text }).filter((f) => f.ruleId.startsWith('BW-SECRET-'));

describe('secrets: the labelled set', () => {
  it('finds 95% or more of the true secrets, and reports no placeholder', (t) => {
    const missed = SECRETS.filter(([file, text]) => reportedIn(file, text).length === 0);
    const falseAlarms = PLACEHOLDERS.filter(([file, text]) => reportedIn(file, text).length > 0);
    const recall = (SECRETS.length - missed.length) / SECRETS.length;
    t.diagnostic(`recall ${(recall * 100).toFixed(1)}% (${SECRETS.length - missed.length}/${SECRETS.length}); placeholders reported ${falseAlarms.length}/${PLACEHOLDERS.length}`);
    assert.ok(recall >= 0.95, `missed: ${missed.map(([f]) => f).join(', ')}`);
    assert.deepEqual(
      falseAlarms.map(([file, text]) => `${file}: ${reportedIn(file, text).map((f) => f.message).join('; ')}`),
      [],
    );
  });

  it('never prints a secret: messages show at most its first four characters', () => {
    for (const [file, text] of SECRETS) {
      for (const finding of reportedIn(file, text)) {
        for (const value of generated) {
          for (let i = 0; i + 5 <= value.length; i++) assert.ok(!finding.message.includes(value.slice(i, i + 5)), `${file}: ${finding.message}`);
        }
      }
    }
  });
});
