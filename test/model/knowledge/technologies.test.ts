// The technology catalogue is the one list both halves of the threat modeller read: the input readers
// (kind and technology of an element) and the knowledge base (pattern tags). These tests hold them together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyElement, matchTechnology } from '../../../src/model/adapters/vocabulary.js';
import { TECHNOLOGY_TERMS } from '../../../src/model/knowledge/technologies.js';
import { tagsOfElement, tagsOfText } from '../../../src/model/knowledge/vocabulary.js';
import type { Element } from '../../../src/model/schema/architecture.js';

const tagged = TECHNOLOGY_TERMS.filter((t) => t.tags.length > 0);

function element(name: string, classified: ReturnType<typeof classifyElement>): Element {
  return { id: 'x', name, kind: classified.kind, ...(classified.technology ? { technology: classified.technology } : {}), props: {}, data: [] };
}

describe('technology catalogue', () => {
  it('tags every technology a reader recognises with its pattern families', () => {
    assert.ok(tagged.length >= 25, `most products carry tags (${tagged.length})`);
    for (const t of tagged) {
      const tags = tagsOfText(t.technology.toLowerCase());
      for (const tag of t.tags) assert.ok(tags.has(tag), `${t.technology} is tagged ${tag}`);
    }
  });

  it('gives an element the reader classified by technology the tags of that technology', () => {
    for (const t of tagged) {
      // "Component (Kafka)": the name says nothing, only the technology does.
      const classified = classifyElement(`Component\n${t.displayName}`);
      assert.equal(classified.technology, t.technology, `${t.displayName} is recognised`);
      assert.equal(classified.kind, t.kind);
      const tags = tagsOfElement(element('Component', classified));
      for (const tag of t.tags) assert.ok(tags.has(tag), `an element on ${t.technology} is tagged ${tag}`);
    }
  });

  it('spots looser spellings in free text without changing how readers classify', () => {
    assert.ok(tagsOfText('three lambdas resize images').has('serverless'));
    assert.ok(tagsOfText('rediss://sessions:6380').has('cache'));
    assert.ok(tagsOfText('dynamo table of orders').has('nosql'));
    assert.equal(matchTechnology('three lambdas'), undefined, 'a reader still wants the word itself');
    assert.deepEqual([...tagsOfText('active directory')], ['ldap'], 'Active Directory is an LDAP directory, not OAuth');
    assert.ok(tagsOfText('entra id').has('oauth'));
  });

  it('writes tag patterns in lower case, as free text is lower-cased before tagging', () => {
    for (const t of TECHNOLOGY_TERMS) {
      const source = (t.tagPattern ?? t.pattern).source;
      assert.equal(source, source.toLowerCase(), `${t.technology}: ${source}`);
    }
  });

  it('lists specific names before the generic ones that contain them', () => {
    const index = (technology: string) => TECHNOLOGY_TERMS.findIndex((t) => t.technology === technology);
    assert.ok(index('Azure Key Vault') < index('HashiCorp Vault'));
    assert.equal(matchTechnology('Azure Key Vault')?.technology, 'Azure Key Vault');
    assert.equal(matchTechnology('Aurora PostgreSQL')?.technology, 'PostgreSQL');
  });
});
