import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaryTypeFromName, classifyElement, dataAssetsIn, flowHints, slugify } from '../../../src/model/adapters/vocabulary.js';

describe('technology vocabulary', () => {
  it('classifies by head noun, then technology, then shape', () => {
    assert.deepEqual(classifyElement('Orders DB\nPostgreSQL'), { kind: 'datastore', technology: 'PostgreSQL', reason: 'name' });
    assert.equal(classifyElement('Uploads', 'datastore').kind, 'datastore');
    assert.equal(classifyElement('User Service').kind, 'process', 'the head noun decides: a service, not a user');
    assert.equal(classifyElement('Users').kind, 'actor');
    assert.equal(classifyElement('Customer Browser').kind, 'actor');
    assert.equal(classifyElement('Sessions (Redis)', 'datastore').kind, 'cache');
    assert.equal(classifyElement('Secrets Manager').kind, 'secret-store');
    assert.equal(classifyElement('Keycloak').kind, 'identity-provider');
    assert.equal(classifyElement('nginx').kind, 'gateway');
    assert.equal(classifyElement('RabbitMQ').kind, 'queue');
    assert.equal(classifyElement('Billing').kind, 'process');
  });

  it('people drawn as boxes are actors, whatever the box', () => {
    for (const label of ['Browser/User', 'Customer / mobile browser', 'Nurse', 'Claims analyst', 'Shop owner', 'Store clerks', 'Warehouse pickers via scanner app'.replace(' via scanner app', ' staff'), 'Homeowners']) {
      assert.equal(classifyElement(label, 'process').kind, 'actor', label);
    }
    assert.equal(classifyElement('Admin service').kind, 'process', 'a service named after its users is still a service');
    assert.equal(classifyElement('Kiosk desktop client').kind, 'process', 'a desktop client is software');
  });

  it('words that describe a component never decide its kind', () => {
    // Each of these once took the kind of a technology its description mentions.
    assert.equal(classifyElement('Billing worker\nreads the Vault token from env').kind, 'process');
    assert.equal(classifyElement('Events queue\nencrypted with KMS').kind, 'queue');
    assert.equal(classifyElement('Invoice processor\nStripe key in env var').kind, 'process', 'our processor, not a payment processor');
    assert.equal(classifyElement('Card payment processor').kind, 'external-system');
    assert.equal(classifyElement('API gateway / Fastify server').kind, 'process', 'the last alternative is what it is');
    assert.equal(classifyElement('Notification service\nsends mail via SendGrid').kind, 'process');
    assert.equal(classifyElement('Auth API\nvalidates Okta tokens').kind, 'process');
    assert.equal(classifyElement('Billing worker\nreads the Vault token from env').technology, undefined, 'what it talks to is not its technology');
  });

  it('a technology the name itself is decides, and a qualifier speaks when the name has no head noun', () => {
    assert.equal(classifyElement('MongoDB').kind, 'datastore');
    assert.equal(classifyElement('RabbitMQ - no TLS').kind, 'queue');
    assert.deepEqual(classifyElement('Accounts - MySQL 8'), { kind: 'datastore', technology: 'MySQL', reason: 'technology' });
    assert.equal(classifyElement('Postgres server').kind, 'datastore', 'a database server is the database');
    assert.equal(classifyElement('Stripe callback handler').kind, 'process', 'ours, talking to Stripe');
    assert.equal(classifyElement('PayPal REST API').kind, 'external-system', "the provider's own API");
    assert.equal(classifyElement('Pricing API', 'external-system').kind, 'external-system', 'an explicit external shape beats a generic head noun');
    assert.equal(classifyElement('Frontend Application', undefined, 'React, Vite').kind, 'web-app', "a declared technology (C4's techn) is the element's own");
    assert.equal(classifyElement('Frontend Application\nTalks to React Native apps').kind, 'process', 'a description is not');
  });

  it('reads flow labels conservatively', () => {
    assert.deepEqual(flowHints('HTTPS'), { protocol: 'https', encrypted: true });
    assert.deepEqual(flowHints('HTTP :8080'), { protocol: 'http', port: 8080, encrypted: false });
    assert.deepEqual(flowHints('gRPC+TLS'), { protocol: 'grpc', encrypted: true });
    assert.deepEqual(flowHints('mTLS'), { protocol: 'https', encrypted: true, authenticated: true });
    assert.deepEqual(flowHints(':443'), { port: 443, protocol: 'https', encrypted: true });
    assert.deepEqual(flowHints('REST over HTTPS with API key'), { protocol: 'https', encrypted: true, authenticated: true });
    assert.deepEqual(flowHints('SQL'), { protocol: 'sql' });
    assert.deepEqual(flowHints('writes orders'), {});
    assert.deepEqual(flowHints('stores files encrypted at rest'), {}, 'at rest says nothing about the wire');
    assert.equal(flowHints('anonymous HTTP').authenticated, false);
  });

  it('types boundaries from their names', () => {
    assert.equal(boundaryTypeFromName('Internet'), 'internet');
    assert.equal(boundaryTypeFromName('Public subnet'), 'network-zone');
    assert.equal(boundaryTypeFromName('Production VPC'), 'network-zone');
    assert.equal(boundaryTypeFromName('AWS account 1234'), 'cloud-account');
    assert.equal(boundaryTypeFromName('EKS cluster'), 'cluster');
    assert.equal(boundaryTypeFromName('docker-compose network'), 'container-network');
    assert.equal(boundaryTypeFromName('Payments team'), undefined);
    assert.equal(boundaryTypeFromName('Application server'), 'process');
    assert.equal(boundaryTypeFromName('Server-Side Trust Boundary'), undefined, 'the side of the servers, not one server');
    // The internet by head noun, never by a word in a system's name.
    for (const name of ['Public internet', 'The Internet (untrusted)', 'External users', 'World', 'Untrusted zone']) assert.equal(boundaryTypeFromName(name), 'internet', name);
    for (const name of ['Internet Banking', 'Internet banking platform', 'Public API services', 'External payments system']) assert.notEqual(boundaryTypeFromName(name), 'internet', name);
  });

  it('names data assets and slugs names', () => {
    assert.deepEqual(dataAssetsIn('card details and e-mail').map((a) => [a.id, a.classification]), [['payment-data', 'payment'], ['personal-data', 'pii']]);
    assert.deepEqual(dataAssetsIn('HTTPS + JWT', false), []);
    assert.deepEqual(dataAssetsIn('returns JWT').map((a) => a.id), ['auth-tokens']);
    assert.equal(slugify('Order Service (Node.js)'), 'order-service-node-js');
    assert.equal(slugify('Café'), 'cafe');
    assert.equal(slugify('!!!'), 'element');
  });
});
