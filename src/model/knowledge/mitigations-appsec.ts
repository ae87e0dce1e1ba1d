// Mitigations for application-security threats: browser attacks (CSRF, XSS), server-side request forgery,
// path traversal, WAFs, injection into queries and parsers, and identity (propagation, admin MFA, identity stores).

import type { Mitigation } from './types.js';

export const APPSEC_MITIGATIONS: readonly Mitigation[] = [
  {
    id: 'MIT-DEBUG-OFF',
    title: 'Turn debug mode off outside development',
    steps: [
      'Read the debug setting from the environment with production defaulting to off; never commit `debug=True` or `DEBUG = True`.',
      'Serve with a production server (gunicorn, uvicorn), never the framework\'s development server.',
      'Return generic error pages; log the details server-side only.',
    ],
  },
  {
    id: 'MIT-CSRF',
    title: 'Defend state-changing requests against CSRF',
    steps: [
      'Set session cookies `SameSite=Lax` (or `Strict`), `Secure` and `HttpOnly`.',
      'Require an anti-CSRF token (synchroniser or double-submit) on every POST/PUT/PATCH/DELETE, checked server-side; the framework\'s CSRF middleware does this.',
      'Verify the `Origin` (or `Referer`) header against an allow-list on state-changing requests; never change state on GET.',
      'Alternatively, authenticate browser calls with a bearer token sent in a header by your own script, not with cookies.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-XSS-OUTPUT-ENCODING',
    title: 'Encode output for its context and set a Content-Security-Policy',
    steps: [
      'Render through an auto-escaping template engine or framework (React, Angular, Jinja2 autoescape); ban raw-HTML sinks (`innerHTML`, `dangerouslySetInnerHTML`, `v-html`) except for sanitised content.',
      'Sanitise user-supplied HTML (rich text, Markdown) with an allow-list sanitiser such as DOMPurify before storing or rendering it.',
      'Send a strict Content-Security-Policy (no `unsafe-inline`, nonces or hashes for scripts) and mark session cookies `HttpOnly`.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-SSRF-EGRESS',
    title: 'Restrict where server-side requests can go',
    steps: [
      'Allow-list the destinations (schemes, hosts, ports) the service may fetch; resolve the host name and reject private, loopback and link-local addresses (169.254.169.254) after resolution, and again after each redirect.',
      'Send outbound fetches through an egress proxy or from an isolated network segment that cannot reach internal services or the cloud metadata endpoint.',
      'Require IMDSv2 (session tokens, hop limit 1) on cloud instances; never return raw fetched content or error details to the caller.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-PATH-TRAVERSAL',
    title: 'Never build file paths or object keys from request input',
    steps: [
      'Store files under generated identifiers (UUIDs) and keep the user-facing name in metadata.',
      'Where a name must come from the request, allow-list its characters, canonicalise the path and check it stays under the base directory (or key prefix of the caller) before use.',
      'Give the service file-system or bucket permissions only for its own directory or prefix.',
    ],
    references: ['https://owasp.org/www-community/attacks/Path_Traversal'],
  },
  {
    id: 'MIT-WAF',
    title: 'Put a web application firewall in front of public web apps and APIs',
    steps: [
      'Route internet traffic through a WAF (AWS WAF, Azure Front Door WAF, Cloudflare, ModSecurity with the OWASP Core Rule Set) on the CDN, load balancer or API gateway.',
      'Start in detection mode, tune false positives, then block; add rate-based rules and bot control.',
      'Allow traffic to the origin only from the WAF (security group, origin secret header or private origin).',
    ],
  },
  {
    id: 'MIT-LDAP-ESCAPING',
    title: 'Escape input in LDAP filters and distinguished names',
    steps: [
      'Build filters with the library\'s escaping for filter values (RFC 4515: `*`, `(`, `)`, `\\`, NUL) and for DN components (RFC 4514).',
      'Validate user names against a strict pattern before they reach a query; bind with a least-privilege service account that cannot read password attributes.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-SEARCH-QUERY-SAFE',
    title: 'Build search queries from structured parameters',
    steps: [
      'Use the client\'s query builder (bool/match/term queries) with user input as values; never pass user input to `query_string`, Lucene syntax or scripts.',
      'Apply the caller\'s tenant or permission filter server-side on every query; disable dynamic scripting and limit result sizes and aggregations.',
    ],
  },
  {
    id: 'MIT-XML-PARSER-HARDENING',
    title: 'Parse XML with DTDs and external entities disabled',
    steps: [
      'Disable DOCTYPE declarations, external entities and XInclude in every parser (e.g. `disallow-doctype-decl` in Java, `defusedxml` in Python, `XmlResolver = null` in .NET).',
      'Prefer JSON where the format is yours to choose; validate XML against a schema after parsing; render SVG uploads only in an isolated worker.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-SAFE-DESERIALISATION',
    title: 'Never deserialise native objects from untrusted input',
    steps: [
      'Exchange data as JSON or Protocol Buffers bound to plain data classes instead of Java serialization, pickle, BinaryFormatter, RMI or PHP `unserialize`.',
      'Where native serialization cannot go yet, allow-list the classes that may be deserialised (`ObjectInputFilter`), sign the payload and check the signature first, and keep gadget libraries patched.',
      'Close RMI/JMX/IIOP ports to anything outside the trust zone; sign and encrypt ASP.NET ViewState.',
    ],
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html'],
  },
  {
    id: 'MIT-IDENTITY-PROPAGATION',
    title: 'Propagate the end user\'s identity to the backend',
    steps: [
      'Pass the user\'s identity to the backend in a token it verifies (OAuth token exchange, on-behalf-of flow, or a signed internal JWT), not only the calling service\'s credentials.',
      'Have the backend authorise each request for that user and object, so a compromised or confused front service cannot act for any user.',
    ],
  },
  {
    id: 'MIT-ADMIN-MFA',
    title: 'Require a second factor on administrative access',
    steps: [
      'Put admin consoles, CI/CD UIs, bastions and cluster APIs behind SSO with phishing-resistant MFA (WebAuthn/FIDO2), enforced by the identity provider.',
      'Reach them only from the corporate network, a VPN or a zero-trust access proxy; never directly from the internet.',
      'Use just-in-time elevation and log every administrative session.',
    ],
  },
  {
    id: 'MIT-IDENTITY-STORE',
    title: 'Use a dedicated identity provider for end users',
    steps: [
      'Authenticate end users through a managed identity provider (Cognito, Entra ID, Auth0, Keycloak) or one hardened identity service, and draw it in the design.',
      'Keep password hashes (Argon2id/bcrypt), MFA and account recovery in that one place; services trust only the tokens it issues.',
    ],
  },
  {
    id: 'MIT-IDP-ISOLATION',
    title: 'Isolate the identity provider',
    steps: [
      'Run the identity provider or directory in its own network segment (or managed service), not on hosts, clusters or runtimes shared with other workloads.',
      'Allow inbound traffic only on its protocol ports from the components that need it; administer it only from a management network.',
    ],
  },
];
