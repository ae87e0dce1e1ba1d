import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat, INPUT_FORMATS, readArchitecture, toThreatDragon } from '../../../src/model/adapters/index.js';

describe('detectFormat', () => {
  it('goes by extension first', () => {
    assert.equal(detectFormat('a.mmd', ''), 'mermaid');
    assert.equal(detectFormat('a.mermaid', ''), 'mermaid');
    assert.equal(detectFormat('a.puml', ''), 'plantuml');
    assert.equal(detectFormat('a.plantuml', ''), 'plantuml');
    assert.equal(detectFormat('a.pu', ''), 'plantuml');
    assert.equal(detectFormat('a.yml', ''), 'yaml');
    assert.equal(detectFormat('a.YAML', ''), 'yaml');
    assert.equal(detectFormat('a.txt', 'flowchart LR\n a-->b'), 'prose');
  });

  it('tells Threat Dragon JSON from Bulwark JSON', () => {
    const td = JSON.stringify(toThreatDragon({ version: 1, name: 'x', elements: [], flows: [], boundaries: [], dataAssets: [] }));
    assert.equal(detectFormat('model.json', td), 'threat-dragon');
    assert.equal(detectFormat('model.json', '{"elements": []}'), 'json');
    assert.equal(detectFormat('model.json', '{ broken'), 'json');
  });

  it('looks inside Markdown for diagram fences', () => {
    assert.equal(detectFormat('design.md', 'Intro\n\n```mermaid\ngraph TD\n a-->b\n```\n'), 'mermaid');
    assert.equal(detectFormat('design.md', '```plantuml\n@startuml\na -> b\n@enduml\n```\n'), 'plantuml');
    assert.equal(detectFormat('design.md', 'We store uploads in S3.'), 'prose');
  });

  it('falls back to the content when the extension says nothing', () => {
    assert.equal(detectFormat('design', 'flowchart LR\n a-->b'), 'mermaid');
    assert.equal(detectFormat('-', '%% comment\ngraph TD\n a-->b'), 'mermaid');
    assert.equal(detectFormat('x', 'C4Context\nPerson(a, "A")'), 'mermaid');
    assert.equal(detectFormat('x', 'architecture-beta\n service a(server)[A]'), 'mermaid');
    assert.equal(detectFormat('x', '@startuml\nA -> B\n@enduml'), 'plantuml');
    assert.equal(detectFormat('x', 'name: Shop\nelements:\n  - name: A\n'), 'yaml');
    assert.equal(detectFormat('x', 'The API stores orders in PostgreSQL.'), 'prose');
  });
});

describe('bad input never crashes', () => {
  const samples = [
    '',
    '\u0000\u0001\u0002',
    '{{{{[[[[((((',
    'flowchart\n  a[unclosed\n  b -->\n  --> c\n subgraph\n end\n end',
    '@startuml\n}\n}\nnode x {\n[a] -[#red-> b\n',
    'elements: {a: 1}\nflows: 7\nboundaries: [[]]',
    '{"summary": 1, "detail": {"diagrams": "no"}}',
    '→ → → ; ; : : that: -',
    'x'.repeat(5000),
    'C4Context\nRel(a)\nPerson(\nSystem_Boundary(b, "B") {\n',
  ];
  for (const format of INPUT_FORMATS) {
    it(`${format} reader turns garbage into notes`, () => {
      for (const text of samples) {
        const r = readArchitecture(text, { format });
        assert.equal(r.model.version, 1);
        assert.ok(Array.isArray(r.notes));
      }
    });
  }
});
