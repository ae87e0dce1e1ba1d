import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaryTypeFromName, classifyElement, dataAssetsIn, flowHints, slugify } from '../../../src/model/adapters/vocabulary.js';

describe('technology vocabulary', () => {
  it('classifies by technology, then head noun, then shape', () => {
    assert.deepEqual(classifyElement('Orders DB\nPostgreSQL'), { kind: 'datastore', technology: 'PostgreSQL', reason: 'technology' });
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
