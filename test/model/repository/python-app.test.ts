import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analysePythonApps, type PythonApp } from '../../../src/model/repository/python-app.js';

const FIXTURES = 'test/model/repository/fixtures/python-apps';

function readTree(root: string): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ rel: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}

const report = analysePythonApps(readTree(FIXTURES));
const app = (dir: string): PythonApp => {
  const found = report.apps.find((a) => a.dir === dir);
  assert.ok(found, `no application in ${dir}`);
  return found;
};
const at = (e: { file: string; line: number }) => `${e.file}:${e.line}`;
const one = (files: Record<string, string>): PythonApp => {
  const r = analysePythonApps(Object.entries(files).map(([rel, text]) => ({ rel, text })));
  assert.equal(r.apps.length, 1, JSON.stringify(r.apps.map((a) => a.dir)));
  return r.apps[0]!;
};

describe('Python application reader', () => {
  it('finds one application per manifest, with its framework, kind and entry', () => {
    assert.deepEqual(report.notes, []);
    assert.deepEqual(
      report.apps.map((a) => [a.dir, a.name, a.kind, a.framework, a.entries[0]]),
      [
        ['django-shop', 'django-shop', 'server', 'django', 'django-shop/manage.py'],
        ['fastapi-api', 'inventory-api', 'server', 'fastapi', 'fastapi-api/main.py'],
        ['flask-factory', 'flask-factory', 'server', 'flask', 'flask-factory/shop/__init__.py'],
        ['flask-insecure', 'flask-insecure', 'server', 'flask', 'flask-insecure/app.py'],
        ['worker', 'worker', 'worker', undefined, 'worker/worker.py'],
      ],
    );
  });

  it('reads Flask routes with their methods, open to anyone, and the server app.run starts', () => {
    const a = app('flask-insecure');
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.authenticated} ${at(r.evidence)}`), [
      'GET /orders false flask-insecure/app.py:21',
      'GET /orders/<order_id> false flask-insecure/app.py:29',
      'DELETE /orders/<order_id> false flask-insecure/app.py:29',
      'POST /orders false flask-insecure/app.py:36',
    ]);
    assert.deepEqual(a.auth, []);
    assert.deepEqual(a.ports.map((p) => [p.port, p.host, p.tls, at(p.evidence)]), [[5000, '0.0.0.0', false, 'flask-insecure/app.py:48']]);
    assert.deepEqual(a.debug.map(at), ['flask-insecure/app.py:48']);
  });

  it('follows a module-level constant into CORS options: ORIGINS = ["*"] allows any origin', () => {
    const a = app('flask-insecure');
    assert.deepEqual(a.cors.map((c) => [c.origin, c.credentials, at(c.evidence)]), [['any', true, 'flask-insecure/app.py:15']]);
  });

  it('tells SQL built from request data (%, f-string, +) from parameterised SQL', () => {
    assert.deepEqual(app('flask-insecure').sql.map((q) => `${q.kind} ${q.requestData} ${at(q.evidence)}`), [
      'concatenated true flask-insecure/app.py:25',
      'concatenated true flask-insecure/app.py:32',
      'concatenated true flask-insecure/app.py:40',
    ]);
    assert.deepEqual(app('flask-factory').sql.map((q) => `${q.kind} ${at(q.evidence)}`), ['parameterised flask-factory/shop/routes.py:33']);
    // FastAPI: path and query parameters are request data; `text(f"…")` and `.format()` splice them in.
    const fast = app('fastapi-api').sql;
    assert.deepEqual(fast.filter((q) => q.kind === 'concatenated').map((q) => `${q.requestData} ${at(q.evidence)}`), ['true fastapi-api/main.py:38', 'true fastapi-api/main.py:51']);
    assert.ok(fast.some((q) => q.kind === 'query-builder' && /sqlalchemy/.test(q.evidence.says)));
    assert.ok(!fast.some((q) => q.evidence.line === 43 && q.kind === 'concatenated'), 'text() with :name placeholders is not concatenation');
    // Django: `request.GET[...]` spliced with %.
    assert.deepEqual(app('django-shop').sql.filter((q) => q.kind === 'concatenated').map((q) => `${q.requestData} ${at(q.evidence)}`), ['true django-shop/orders/views.py:28']);
  });

  it('masks hard-coded credentials and ignores values read from the environment', () => {
    const secrets = app('flask-insecure').secrets.map((s) => `${s.kind} ${s.masked} ${at(s.evidence)}`);
    assert.deepEqual(secrets, ['SECRET_KEY f3a9**** flask-insecure/app.py:14', 'password Wint**** flask-insecure/app.py:18']);
    assert.ok(!JSON.stringify(report).includes('Wint3r-Orders-2024'));
    assert.ok(!JSON.stringify(report).includes('f3a9c1d7e2b84c6a9d0e5f1a'));
    assert.deepEqual(app('flask-factory').secrets, []);
    assert.deepEqual(app('django-shop').secrets.map((s) => [s.kind, at(s.evidence)]), [['SECRET_KEY', 'django-shop/shop/settings.py:6']]);
  });

  it('reads clients: a database host with its environment fallback, a third-party HTTPS API', () => {
    assert.deepEqual(app('flask-insecure').clients.map((c) => [c.kind, c.library, c.target, c.env, c.tls, c.thirdParty]), [
      ['postgres', 'psycopg2', 'db', ['DB_HOST'], undefined, false],
      ['http', 'requests', 'https://api.payments-provider.com/v1/charges', undefined, true, true],
    ]);
    const [pg] = app('flask-factory').clients;
    assert.deepEqual([pg!.kind, pg!.env, pg!.tls], ['postgres', ['DATABASE_HOST'], true]);
  });

  it('follows an app factory: extensions made in one module are bound with init_app in another, through aliased imports', () => {
    const a = app('flask-factory');
    // `import flask_cors as fc; cors = fc.CORS()` in extensions.py; `cors.init_app(app, origins=ORIGINS)` in __init__.py, ORIGINS from config.py.
    assert.deepEqual(a.cors.map((c) => [c.origin, c.origins, at(c.evidence)]), [['restricted', ['https://shop.example.com', 'https://admin.shop.example.com'], 'flask-factory/shop/__init__.py:10']]);
    assert.deepEqual(a.rateLimits.map((r) => `${r.library} ${at(r.evidence)}`), ['flask-limiter flask-factory/shop/__init__.py:12', 'flask-limiter flask-factory/shop/extensions.py:10']);
    assert.deepEqual(a.securityHeaders.map((h) => `${h.library} ${at(h.evidence)}`), ['flask-talisman flask-factory/shop/__init__.py:13']);
    assert.deepEqual(a.bodyLimits.map((b) => [b.limit, at(b.evidence)]), [['1 MB', 'flask-factory/shop/config.py:10']]);
    // `from flask import Flask as F`: the app is still found, and the Blueprint's url_prefix is applied.
    assert.deepEqual(a.entries, ['flask-factory/shop/__init__.py']);
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.authenticated}`), ['GET /api/v1/health false', 'POST /api/v1/orders true']);
    assert.deepEqual(a.auth.map((x) => [x.kind, x.library, at(x.evidence)]), [['jwt', 'flask-jwt-extended', 'flask-factory/shop/routes.py:29']]);
    assert.deepEqual(a.validation.map((v) => v.library), ['marshmallow']);
    assert.deepEqual(a.audit.map(at), ['flask-factory/shop/routes.py:34']);
  });

  it('reads FastAPI routers, their prefixes and the security dependencies on routes and routers', () => {
    const a = app('fastapi-api');
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.authenticated}`), [
      'GET /api/items/{item_id} true',
      'POST /api/items/ false',
      'GET /api/items/search false',
      'DELETE /admin/items/{item_id} true',
    ]);
    // get_current_user depends on an OAuth2PasswordBearer; the admin router on an APIKeyHeader check.
    assert.deepEqual(a.auth.map((x) => [x.kind, at(x.evidence)]), [['jwt', 'fastapi-api/main.py:36'], ['api-key', 'fastapi-api/main.py:27']]);
    assert.deepEqual(a.cors.map((c) => [c.origin, c.credentials]), [['any', true]]);
    assert.deepEqual(a.rateLimits.map((r) => r.library), ['slowapi']);
    assert.deepEqual(a.validation.map((v) => `${v.library} ${at(v.evidence)}`), ['pydantic fastapi-api/main.py:42']);
    assert.deepEqual(a.ports.map((p) => [p.port, p.env, p.tls]), [[8000, 'PORT', true]]);
    assert.deepEqual(a.clients.map((c) => [c.kind, c.library, c.env, c.operations]), [
      ['postgres', 'sqlalchemy', ['DATABASE_URL'], undefined],
      ['sqs', 'boto3', ['SQS_ENDPOINT', 'QUEUE_URL'], ['sendMessage']],
    ]);
  });

  it('reads Django urls, includes and DRF routers, judging each view and the default permission', () => {
    const a = app('django-shop');
    assert.deepEqual(a.routes.map((r) => `${r.path} ${r.authenticated} ${at(r.evidence)}`), [
      '/api/health/ false django-shop/orders/urls.py:11',
      '/api/reports/(?P<year>[0-9]{4})/ true django-shop/orders/urls.py:12',
      '/api/dashboard/ true django-shop/orders/urls.py:13',
      '/api/orders true django-shop/orders/urls.py:7',
    ]);
    assert.deepEqual(a.auth.map((x) => `${x.library}: ${x.evidence.says}`), ['django.contrib.auth: @login_required', 'djangorestframework: DEFAULT_PERMISSION_CLASSES: IsAuthenticated']);
    assert.deepEqual(a.cors.map((c) => [c.origin, at(c.evidence)]), [['any', 'django-shop/shop/settings.py:38']]);
    assert.deepEqual(a.rateLimits.map((r) => r.library), ['djangorestframework throttling']);
    assert.deepEqual(a.bodyLimits.map((b) => b.limit), ['5 MB']);
    assert.deepEqual(a.securityHeaders.map((h) => h.library).sort(), ['Django SECURE_HSTS_SECONDS', 'django SecurityMiddleware']);
    assert.deepEqual(a.validation.map((v) => v.library), ['DRF serializers']);
    assert.deepEqual(a.debug.map(at), ['django-shop/shop/settings.py:7']);
    assert.deepEqual(a.clients.map((c) => [c.kind, c.library, c.target, c.env]), [['postgres', 'django', 'db', ['DB_HOST']]]);
  });

  it('reads a worker: its broker and database from the environment, parameterised SQL', () => {
    const w = app('worker');
    assert.deepEqual(w.clients.map((c) => [c.kind, c.library, c.env]), [['amqp', 'pika', ['RABBITMQ_HOST']], ['postgres', 'psycopg2', ['DATABASE_URL']]]);
    assert.deepEqual(w.routes, []);
    assert.deepEqual(w.sql.map((q) => q.kind), ['parameterised']);
  });

  it('reads strings and comments as tokens: no route or SQL is found inside them, and continued lines are one statement', () => {
    const a = one({
      'requirements.txt': 'flask\n',
      'app.py': [
        'from flask import Flask, request',
        'app = Flask(__name__)',
        '"""',
        "@app.route('/in-a-docstring')",
        'def nothing(): pass',
        '"""',
        "# @app.route('/in-a-comment')",
        "HELP = f'''use {request.args} like SELECT * FROM t WHERE a = 1 '''",
        "@app.route('/real', \\",
        "           methods=['POST'])",
        'def real():',
        "    name = request.form['name']",
        '    q = ("SELECT * FROM users "',
        '         "WHERE name = \'%s\'" % name)',
        "    return 'ok'",
      ].join('\n'),
    });
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.evidence.line}`), ['POST /real 9']);
    assert.deepEqual(a.sql.map((q) => `${q.kind} ${q.requestData} ${q.evidence.line}`), ['concatenated true 13']);
  });

  it('follows FastAPI routers included in routers, settings attributes as prefixes and Annotated dependency aliases', () => {
    const a = one({
      'pyproject.toml': '[project]\nname = "catalog"\ndependencies = ["fastapi", "sqlmodel"]\n',
      'app/core/config.py': 'class Settings(BaseSettings):\n    API_V1_STR: str = "/api/v1"\n\n\nsettings = Settings()\n',
      'app/api/deps.py': [
        'from typing import Annotated',
        'from fastapi import Depends',
        'from fastapi.security import OAuth2PasswordBearer',
        '',
        'reusable_oauth2 = OAuth2PasswordBearer(tokenUrl="/login")',
        'TokenDep = Annotated[str, Depends(reusable_oauth2)]',
        '',
        'def get_current_user(token: TokenDep):',
        '    return token',
        '',
        'CurrentUser = Annotated[dict, Depends(get_current_user)]',
      ].join('\n'),
      'app/api/routes/products.py': [
        'from fastapi import APIRouter',
        'from app.api.deps import CurrentUser',
        '',
        'router = APIRouter(prefix="/products")',
        '',
        '@router.get("/")',
        'def list_products(current_user: CurrentUser):',
        '    return []',
        '',
        '@router.get("/public")',
        'def featured():',
        '    return []',
      ].join('\n'),
      'app/api/main.py': 'from fastapi import APIRouter\nfrom app.api.routes import products\n\napi_router = APIRouter()\napi_router.include_router(products.router)\n',
      'app/main.py': 'from fastapi import FastAPI\nfrom app.api.main import api_router\nfrom app.core.config import settings\n\napp = FastAPI()\napp.include_router(api_router, prefix=settings.API_V1_STR)\n',
    });
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.authenticated}`), ['GET /api/v1/products/ true', 'GET /api/v1/products/public false']);
    assert.deepEqual(a.auth.map((x) => [x.kind, at(x.evidence)]), [['jwt', 'app/api/routes/products.py:7']]);
  });

  it('takes a Django function view that reads the request body as a POST route, and the admin site as guarded', () => {
    const a = one({
      'requirements.txt': 'Django>=5\n',
      'site/urls.py': 'from django.contrib import admin\nfrom django.urls import path\nfrom upload.views import image_upload\n\nurlpatterns = [\n    path("", image_upload),\n    path("admin/", admin.site.urls),\n]\n',
      'upload/views.py': 'def image_upload(request):\n    if request.method == "POST" and request.FILES["image_file"]:\n        return save(request.FILES["image_file"])\n    return render(request, "upload.html")\n',
    });
    assert.deepEqual(a.routes.map((r) => `${r.method} ${r.path} ${r.authenticated}`), ['POST / false', 'ANY /admin/ true']);
    // The admin site's login says nothing of the application's own views.
    assert.deepEqual(a.auth, []);
  });

  it('survives unclosed strings and brackets and reports evidence inside the file', () => {
    const text = "from flask import Flask\napp = Flask(__name__)\n@app.route('/x\ndef f(:\n    cur.execute(f\"SELECT * FROM t WHERE id = {request.args['id']\"\n'''never closed";
    const a = one({ 'app.py': text });
    const lines = text.split('\n').length;
    for (const e of [...a.routes, ...a.sql, ...a.ports].map((x) => x.evidence)) assert.ok(e.line >= 1 && e.line <= lines);
  });
});
