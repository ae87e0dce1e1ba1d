// Regression tests for hostile and broken designs, through readArchitecture as `bulwark model` calls it:
// every note points inside the input or nowhere, a design that could not be read is an error (never an empty
// all-clear), and each size and nesting cap is refused with a message naming the limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArchitecture, type InputFormat, type ReadResult } from '../../../src/model/adapters/index.js';
import { ModelBuilder } from '../../../src/model/adapters/builder.js';
import * as hostile from '../../hostile/model-inputs.js';

function read(text: string, format: InputFormat, fileName = 'design'): ReadResult {
  return readArchitecture(text, { format, fileName });
}

function errors(r: ReadResult): string[] {
  return r.notes.filter((n) => n.level === 'error').map((n) => n.message);
}

/** Every line a note or a model item names is a line of `text` (1 .. its number of lines). */
function assertLinesInside(text: string, r: ReadResult): void {
  const lines = text.split('\n').length;
  for (const n of r.notes) if (n.line !== undefined) assert.ok(n.line >= 1 && n.line <= lines, `note at line ${n.line} of ${lines}: ${n.message}`);
  for (const item of [...r.model.elements, ...r.model.flows, ...r.model.boundaries, ...r.model.dataAssets]) {
    const line = item.location?.line;
    if (line !== undefined) assert.ok(line >= 1 && line <= lines, `${item.id} at line ${line} of ${lines}`);
  }
}

describe('hostile designs: locations', () => {
  it('puts JSON and YAML model notes on a line of the input, never line 0', () => {
    for (const [text, format] of [['{"":null,"elements":[{"name":"API"},{"name":"DB","kind":"datastore"}],"flows":[{"from":"API","to":"DB"}]}', 'json'], ['{"":null,"elements":["API"]}', 'yaml'], ['}', 'json']] as const) {
      const r = read(text, format);
      assertLinesInside(text, r);
      assert.ok(r.notes.every((n) => n.line === undefined || n.line === 1), JSON.stringify(r.notes));
    }
    const unknown = read('{"":null,"elements":[{"name":"API"}]}', 'json');
    assert.equal(unknown.notes.find((n) => /unknown model field ""/.test(n.message))?.line, 1);
  });

  it('keeps the model of a one-line JSON document, with its items located on line 1', () => {
    const r = read(JSON.stringify({ name: 'Tiny', elements: [{ name: 'Browser', kind: 'actor' }, { name: 'API' }], flows: [{ from: 'Browser', to: 'API' }] }), 'json');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(r.model.elements.map((e) => e.location?.line), [1, 1]);
    assert.equal(r.model.flows.length, 1);
  });

  it('ignores a Threat Dragon line number that is not a line of the file', () => {
    const text = JSON.stringify({
      summary: { title: 'One line' },
      detail: { diagrams: [{ cells: [
        { id: 'c1', shape: 'actor', data: { name: 'Customer', type: 'tm.Actor' } },
        { id: 'c2', shape: 'process', data: { name: 'Orders API', type: 'tm.Process', bulwark: { kind: 'process', line: 2 } } },
        { id: 'c3', shape: 'flow', source: { cell: 'c1' }, target: { cell: 'c2' }, data: { name: 'HTTPS', type: 'tm.Flow' } },
      ] }] },
    });
    const r = read(text, 'threat-dragon');
    assert.equal(r.model.elements.length, 2);
    assertLinesInside(text, r);
  });
});

describe('hostile designs: YAML', () => {
  it('refuses YAML whose broken indentation nests a mapping on every other line, naming the nesting limit', () => {
    const text = `name: Shop\nelements:\n${'  -me: CloudFront CDN\n    kind:\n'.repeat(2000)}`;
    const r = read(text, 'yaml');
    assert.deepEqual(errors(r), ['YAML: the document nests deeper than the limit of 128 levels']);
    assert.ok(!r.notes.some((n) => /could not read|call stack/i.test(n.message)), JSON.stringify(r.notes.slice(0, 3)));
    assertLinesInside(text, r);
  });

  it('refuses a YAML alias bomb ("billion laughs") with the alias limit', () => {
    const lines = ['name: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('elements:', '  - id: web', '    kind: process', '    name: *a9', '');
    const r = read(lines.join('\n'), 'yaml');
    assert.deepEqual(errors(r), ['YAML aliases expand to more than 100,000 values, over the limit of 100,000']);
    assert.equal(r.model.elements.length, 0);
  });

  it('still reads a model that repeats a list with an alias', () => {
    const text = 'elements:\n  - {name: API, data: &d [cards]}\n  - {name: Worker, data: *d}\ndataAssets:\n  - {id: cards, name: Cards, classification: payment}\n';
    const r = read(text, 'yaml');
    assert.deepEqual(errors(r), []);
    assert.equal(r.model.elements.length, 2);
  });

  it('reads a flow written with twenty thousand stray keys, its warnings capped', () => {
    const ports = Array.from({ length: 20_000 }, (_, i) => 1000 + i).join(',');
    const text = `elements:\n  - {name: Shop API}\n  - {name: Orders DB, kind: datastore}\nflows:\n  - { from: Shop API, to: Orders DB, protocol: sql, port: ${ports} }\n`;
    const r = read(text, 'yaml');
    assert.deepEqual(errors(r), []);
    assert.equal(r.model.flows.length, 1);
    assert.ok(r.notes.length <= 1_002, `${r.notes.length} notes`);
    assert.match(r.notes.at(-1)!.message, /^[\d,]+ warnings more not listed \(only the first 1,000 are kept\)$/);
  });
});

describe('hostile designs: prose', () => {
  it('reads a description with a run of twenty thousand spaces in a sentence', () => {
    const text = `We're building a web API that: accepts user uploads (images,${' '.repeat(20_000)}up to 10MB); stores uploads in S3; updates metadata in PostgreSQL.\n`;
    const r = read(text, 'prose', 'design.txt');
    assert.deepEqual(errors(r), []);
    assert.ok(r.model.elements.some((e) => e.technology === 'PostgreSQL'), JSON.stringify(r.model.elements.map((e) => e.name)));
  });
});

describe('hostile designs: labels', () => {
  // Found by fuzzing: the HTML-tag pattern of label clean-up rescanned the rest of the label from every `<`
  // that no `>` closed, so a 130 KB label took two seconds and this one would take minutes.
  it('reads a Mermaid label holding three hundred thousand unclosed tags, and the nodes after it', () => {
    const text = `flowchart LR\n  user((Customer${'<btomer'.repeat(300_000)}<br/>Browser))\n  api[Order API] --> db[(Orders DB)]\n  user --> api\n`;
    const r = read(text, 'mermaid', 'design.mmd');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(r.model.flows.length, 2);
  });

  it('reads a PlantUML stereotype opener repeated without a close', () => {
    const text = `@startuml\nnode "CDN" as cdn ${'<<a'.repeat(300_000)} {\n}\nnode "Web server" as web\ncdn --> web : HTTPS\n@enduml\n`;
    const r = read(text, 'plantuml', 'design.puml');
    assert.ok(r.model.elements.some((e) => e.name === 'Web server'));
  });
});

describe('hostile designs: PlantUML', () => {
  // Both lines took minutes before: a line-comment pattern backtracked over every space of the run, and
  // the unclosed-description pattern rescanned the rest of the line from every `[`.
  it('reads a C4 description holding a run of two hundred thousand spaces', () => {
    const text = `@startuml\n!include <C4/C4_Container>\nPerson(customer, "Customer", "Buys things from${' '.repeat(200_000)}the shop")\nSystem(shop, "Shop")\nRel(customer, shop, "Orders", "HTTPS")\n@enduml\n`;
    const r = read(text, 'plantuml', 'design.puml');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(r.model.elements.map((e) => e.name).sort(), ['Customer', 'Shop']);
  });

  it('reads a node whose name holds a hundred thousand brackets, and the nodes after it', () => {
    const text = `@startuml\nnode "${'['.repeat(100_000)}${']'.repeat(100_000)}CDN" as cdn <<CloudFront>>\nnode "Web server" as web\ncdn --> web : HTTPS\n@enduml\n`;
    const r = read(text, 'plantuml', 'design.puml');
    assert.deepEqual(errors(r), []);
    assert.ok(r.model.elements.some((e) => e.name === 'Web server'));
    assert.equal(r.model.flows.length, 1);
  });
});

describe('hostile designs: nothing understood is an error, for every reader', () => {
  const cases: Array<[InputFormat, string]> = [
    ['yaml', 'elements:\n  - name: A\n   kind: [unclosed\n'],
    ['json', '{"elements": [{"name": "API"}'],
    ['mermaid', 'flowchart LR\n  %% only a comment\n'],
    ['mermaid', 'architecture-beta\n  this is not a service\n'],
    ['mermaid', 'C4Container\n  nothing of C4 here\n'],
    ['plantuml', '@startuml\nskinparam monochrome true\n@enduml\n'],
    ['prose', 'Thanks for reading. See you soon.\n'],
    ['threat-dragon', '{"summary": {"title": "x"}}'],
  ];
  for (const [format, text] of cases) {
    it(`${format}: ${JSON.stringify(text.split('\n')[0])} gives one one-line error and no model`, () => {
      const r = read(text, format);
      const [error, ...more] = errors(r);
      assert.ok(error !== undefined && !error.includes('\n'), JSON.stringify(r.notes));
      assert.deepEqual(more, []);
      assert.equal(r.model.elements.length, 0);
      assertLinesInside(text, r);
    });
  }

  it('reads the rest of a Threat Dragon model when one cell has a bad value, naming the cell and the field', () => {
    const text = JSON.stringify({
      summary: { title: 'Shop' },
      detail: { diagrams: [{ cells: [
        { id: 'user', shape: 'actor', data: { name: 'Customer', type: 'tm.Actor' } },
        { id: 'api', shape: 'process', data: { name: 'Orders API', type: 'tm.Process', bulwark: { kind: 'bogus' } } },
        { id: 'db', shape: 'store', data: { name: 'Orders DB', type: 'tm.Store' } },
        { id: 'f1', shape: 'flow', source: { cell: 'user' }, target: { cell: 'api' }, data: { name: 'HTTPS', type: 'tm.Flow' } },
        { id: 'f2', shape: 'flow', source: { cell: 'api' }, target: { cell: 'db' }, data: { name: 'SQL', type: 'tm.Flow' } },
      ] }] },
    });
    const r = read(text, 'threat-dragon');
    assert.deepEqual(errors(r), []);
    assert.equal(r.model.elements.length, 3);
    assert.equal(r.model.flows.length, 2);
    const warning = r.notes.find((n) => n.level === 'warning' && /bogus/.test(n.message));
    assert.ok(warning && /cell "api"/.test(warning.message) && /bulwark\.kind/.test(warning.message) && !warning.message.includes('\n'), JSON.stringify(r.notes));
  });

  it('takes words that name built-in object members ("constructor") as plain words in every diagram reader', () => {
    const puml = read('@startuml\nactor Customer\nconstructor [Orders API] as api\nCustomer --> api : HTTPS\n@enduml\n', 'plantuml');
    assert.deepEqual(puml.notes.filter((n) => n.level !== 'info').map((n) => `${n.line}: ${n.message}`), ['3: not understood: constructor [Orders API] as api']);
    const arch = read('architecture-beta\n  service web(constructor)[Web app]\n  service db(database)[Orders DB]\n  web:R --> L:db\n', 'mermaid');
    assert.deepEqual(errors(arch), []);
    assert.deepEqual(arch.model.elements.map((e) => e.kind), ['web-app', 'datastore']);
    const prose = read('The constructor service writes orders to the PostgreSQL database.\n', 'prose');
    assert.deepEqual(errors(prose), []);
    assert.ok(prose.model.elements.every((e) => e.technology === undefined || typeof e.technology === 'string'));
  });

  it('names a PlantUML !include it did not follow', () => {
    const text = '@startuml\n!include https://example.com/shared.puml\nactor Customer\ncomponent "Orders API" as api\nCustomer --> api : HTTPS\n@enduml\n';
    const r = read(text, 'plantuml');
    const note = r.notes.find((n) => /!include https:\/\/example\.com\/shared\.puml/.test(n.message));
    assert.ok(note && note.level === 'warning' && note.line === 2, JSON.stringify(r.notes));
    assert.equal(r.model.elements.length, 2);
  });
});

describe('hostile designs: size and nesting caps', () => {
  it('refuses Mermaid subgraphs nested 5,000 deep with the boundary depth limit', () => {
    const r = read(hostile.mermaidNestedSubgraphs(5_000), 'mermaid');
    assert.deepEqual(errors(r), ['trust boundaries nest 5,000 deep (down to "Network zone 4999"), over the limit of 50']);
  });

  it('refuses PlantUML packages nested 2,000 deep with the boundary depth limit', () => {
    const r = read(hostile.plantUmlNestedPackages(2_000), 'plantuml');
    assert.deepEqual(errors(r), ['trust boundaries nest 2,000 deep (down to "Zone 1999"), over the limit of 50']);
  });

  it('refuses YAML boundaries nested through children past the nesting limit', () => {
    const r = read(hostile.yamlNestedBoundaries(2_000), 'yaml');
    assert.deepEqual(errors(r), ['the document nests 4,004 levels deep, over the limit of 128']);
  });

  it('refuses a Threat Dragon file with more trust-boundary boxes than the limit', () => {
    const r = read(hostile.threatDragonNestedBoxes(1_001), 'threat-dragon');
    assert.deepEqual(errors(r), ['the Threat Dragon file draws 1,001 trust-boundary boxes, over the limit of 1,000']);
  });

  it('refuses prose over the prose size limit, and any design over the design size limit', () => {
    assert.deepEqual(errors(read('The web app calls the Orders API. '.repeat(8_000), 'prose')), ['the prose description is 272,000 bytes, over the limit of 262,144 bytes for prose']);
    const huge = 'x'.repeat(16 * 1024 * 1024 + 1);
    assert.deepEqual(errors(read(huge, 'mermaid')), ['the design is 16,777,217 bytes, over the limit of 16,777,216 bytes']);
  });

  it('refuses a YAML model over the YAML size limit, pointing at JSON', () => {
    const text = `elements:\n${'  - {name: Orders service, kind: process, technology: Node.js}\n'.repeat(70_000)}`;
    const [error] = errors(read(text, 'yaml'));
    assert.match(error ?? '', /^the YAML model is [\d,]+ bytes, over the limit of 4,194,304 bytes for YAML \(write a larger model as JSON\)$/);
  });

  it('refuses more elements and more data flows than their limits, before any other work', () => {
    // Straight into the builder every reader fills: reading 300,000 flows from any format takes seconds.
    const elements = new ModelBuilder('mermaid');
    for (let i = 0; i <= 100_000; i++) elements.addElement(`n${i}`, { name: `Service ${i}`, kind: 'process' });
    elements.build();
    assert.deepEqual(elements.notes.map((n) => `${n.level}: ${n.message}`), ['error: the design has 100,001 elements, over the limit of 100,000']);
    const flows = new ModelBuilder('mermaid');
    flows.addElement('a', { name: 'Web app', kind: 'web-app' });
    flows.addElement('b', { name: 'Orders API', kind: 'process' });
    for (let i = 0; i <= 300_000; i++) flows.addFlow({ sourceKey: 'a', targetKey: 'b' });
    flows.build();
    assert.deepEqual(flows.notes.map((n) => `${n.level}: ${n.message}`), ['error: the design has 300,001 data flows, over the limit of 300,000']);
  });

  it('refuses more trust boundaries than the boundary limit', () => {
    const text = `flowchart LR\n${Array.from({ length: 10_001 }, (_, i) => `  subgraph z${i}[Zone ${i}]\n    s${i}[Service ${i}]\n  end`).join('\n')}\n`;
    assert.deepEqual(errors(read(text, 'mermaid')), ['the design has 10,001 trust boundaries, over the limit of 10,000']);
  });

  it('refuses an architecture-beta junction that would pair more services than the flow limit', () => {
    const services = Array.from({ length: 1_200 }, (_, i) => `  service s${i}(server)[Service ${i}]`);
    const edges = Array.from({ length: 1_200 }, (_, i) => (i < 600 ? `  s${i}:R --> L:hub` : `  hub:R --> L:s${i}`));
    const text = `architecture-beta\n  junction hub\n${[...services, ...edges].join('\n')}\n`;
    assert.deepEqual(errors(read(text, 'mermaid')), ['junctions connect services in up to 360,000 pairs, over the limit of 300,000 data flows']);
  });

  it('reads a quoted Mermaid label left open as one line, with a warning naming the label limit', () => {
    const text = `flowchart LR\n  a["Web app] --> b[Orders API]\n${'  b --> c[(Orders DB)]\n'.repeat(60)}`;
    const r = read(text, 'mermaid');
    assert.ok(r.notes.some((n) => n.level === 'warning' && n.line === 2 && n.message === 'a quote opened on this line is not closed within 50 lines; the line is read on its own'), JSON.stringify(r.notes.slice(0, 3)));
    assert.ok(r.model.flows.length >= 1);
  });

  it('gives sixty thousand elements with one name distinct ids', () => {
    // Replicas drawn with one label: each id must not be found by probing -2, -3, ... from the start.
    const builder = new ModelBuilder('mermaid');
    for (let i = 0; i < 60_000; i++) builder.addElement(`n${i}`, { name: 'Worker', kind: 'process' });
    const ids = new Set(builder.build().elements.map((e) => e.id));
    assert.equal(ids.size, 60_000);
    assert.ok(ids.has('worker') && ids.has('worker-2') && ids.has('worker-60000'));
  });
});
