// The parser against a hand-made reading of the seed: every item, every unit and every edge.
// The first block checks the hand-typed data against itself and the document, so that a failure
// in the second block points at the parser rather than at a slip in the transcription.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanModel, type Item } from '../../graph/model/plan.ts';
import { parsePlan } from '../../graph/parse/parse-plan.ts';
import {
  districtsMembers,
  districtsQualifier,
  optionalInferredLeads,
  seedDocuments,
  seedGolden,
  seedPlan,
  seedTotals,
  seedUnitNames,
  type GoldenItem,
} from './seed-golden.ts';

const seedText = readFileSync(
  new URL('../../seeds/wuhan-14th-fyp-task-division.txt', import.meta.url),
  'utf8',
);
const seedLines = seedText.split('\n');

const LEAD = '牵头单位';

/** An item reduced to what the golden file records, with ids turned back into printed refs. */
interface ItemView {
  ref: string;
  kind: string;
  title: string;
  line: number;
  parent: string | null;
  binding: boolean | undefined;
  column: number | undefined;
  delegatedTo: string | undefined;
  units: [name: string, role: string, edge: string, inferred: boolean][];
}

function goldenView(golden: GoldenItem): ItemView {
  return {
    ref: golden.ref,
    kind: golden.kind,
    title: golden.title,
    line: golden.line,
    parent: golden.parent ?? null,
    binding: golden.binding,
    column: golden.column,
    delegatedTo: golden.delegatedTo,
    units: golden.units.map(([name, role, edge, inferred]) => [
      name,
      role,
      edge,
      inferred === 'inferred',
    ]),
  };
}

// Parsed once, on first use, so the transcription checks still run when the parser throws.
let parsed: { model: PlanModel; byRef: Map<string, Item>; view: (item: Item) => ItemView } | null =
  null;

function parsedSeed() {
  if (parsed) return parsed;
  const model = parsePlan(seedText);
  const byId = new Map(model.items.map((item) => [item.id, item]));
  const byRef = new Map(model.items.map((item) => [item.ref, item]));
  const view = (item: Item): ItemView => {
    let parent: string | null = null;
    if (item.parent !== null) parent = byId.get(item.parent)?.ref ?? `(unknown id ${item.parent})`;
    let delegatedTo: string | undefined;
    if (item.delegatedTo !== undefined) {
      const document = model.documents.find((d) => d.id === item.delegatedTo);
      delegatedTo = document?.number ?? `(no document with id ${item.delegatedTo})`;
    }
    return {
      ref: item.ref,
      kind: item.kind,
      title: item.title,
      line: item.line,
      parent,
      binding: item.binding,
      column: item.column,
      delegatedTo,
      units: item.units.map((u) => [u.name, u.role, u.edge, u.inferred]),
    };
  };
  parsed = { model, byRef, view };
  return parsed;
}

const allUnits = seedGolden.flatMap((item) => item.units);

describe('the hand-made golden data', () => {
  it('has the item counts counted by hand', () => {
    const perKind = { indicator: 0, theme: 0, task: 0, project: 0, requirement: 0 };
    for (const item of seedGolden) perKind[item.kind] += 1;
    expect(perKind).toEqual(seedTotals.items);

    const indicators = seedGolden.filter((item) => item.kind === 'indicator');
    expect(indicators.filter((item) => item.binding === true)).toHaveLength(
      seedTotals.bindingIndicators,
    );
    expect(indicators.filter((item) => item.binding === false)).toHaveLength(
      seedTotals.expectedIndicators,
    );

    const projects = seedGolden.filter((item) => item.kind === 'project');
    expect(projects.filter((item) => item.parent === undefined)).toHaveLength(
      seedTotals.topProjects,
    );
    expect(projects.filter((item) => item.parent !== undefined)).toHaveLength(
      seedTotals.subProjects,
    );
    expect(projects.filter((item) => item.delegatedTo !== undefined)).toHaveLength(
      seedTotals.delegatedProjects,
    );
  });

  it('has the edge counts counted by hand', () => {
    expect({
      edges: allUnits.length,
      leads: allUnits.filter(([, , edge]) => edge === 'LEADS').length,
      supports: allUnits.filter(([, , edge]) => edge === 'SUPPORTS').length,
      inferred: allUnits.filter(([, , , inferred]) => inferred === 'inferred').length,
      itemsWithoutLead: seedGolden.filter(
        (item) => item.units.length > 0 && !item.units.some(([, role]) => role === LEAD),
      ).length,
    }).toEqual({
      edges: seedTotals.edges,
      leads: seedTotals.leads,
      supports: seedTotals.supports,
      inferred: seedTotals.inferred,
      itemsWithoutLead: seedTotals.itemsWithoutLead,
    });
  });

  it('lists the 70 unit names in the order the items first name them', () => {
    const firstMet: string[] = [];
    for (const [name] of allUnits) if (!firstMet.includes(name)) firstMet.push(name);
    expect(firstMet).toEqual(seedUnitNames);
    expect(seedUnitNames).toHaveLength(seedTotals.units);
  });

  it('has unique refs, in document order, each parent printed before its children', () => {
    const refs = seedGolden.map((item) => item.ref);
    expect(new Set(refs).size).toBe(refs.length);
    const lines = seedGolden.map((item) => item.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    for (const item of seedGolden) {
      if (item.parent === undefined) continue;
      const parent = seedGolden.find((candidate) => candidate.ref === item.parent);
      expect(parent?.line, item.ref).toBeLessThan(item.line);
    }
  });

  it('gives each edge by the role rule (a typo check on the typed edges)', () => {
    for (const item of seedGolden) {
      const hasLead = item.units.some(([, role]) => role === LEAD);
      for (const [name, role, edge, inferred] of item.units) {
        const expected = !hasLead ? ['LEADS', 'inferred'] : [role === LEAD ? 'LEADS' : 'SUPPORTS'];
        expect([edge, inferred].filter(Boolean), `${item.ref} ${name}`).toEqual(expected);
      }
    }
  });

  it('agrees with the document: the title is on the item line, the units in printed order', () => {
    for (const item of seedGolden) {
      const text = seedLines[item.line - 1] ?? '';
      expect(text, item.ref).toContain(item.title);
      if (item.units.length === 0) continue;
      // Projects such as 三(一) print their units on the line after the heading's blank line.
      const unitText = text.includes('单位:') ? text : (seedLines[item.line + 1] ?? '');
      let from = unitText.indexOf('单位:');
      for (const [name, role] of item.units) {
        const at = unitText.indexOf(name, from);
        expect(at, `${item.ref} ${name}`).toBeGreaterThan(-1);
        const before = unitText.slice(0, at);
        const printedRole = [...before.matchAll(/(牵头单位|责任单位|参与单位):/g)].at(-1)?.[1];
        expect(printedRole, `${item.ref} ${name}`).toBe(role);
        from = at + name.length;
      }
    }
  });
});

describe('parsePlan on the seed', () => {
  it.each(seedGolden.map((golden) => [golden.ref, golden] as const))(
    '%s matches the reading of the document',
    (ref, golden) => {
      const { byRef, view } = parsedSeed();
      const item = byRef.get(ref);
      expect(item, `no parsed item with ref ${ref}`).toBeDefined();
      if (!item) return;
      const actual = view(item);
      const optionalLead = optionalInferredLeads[ref];
      if (optionalLead !== undefined && actual.units.length > 0) {
        expect(item.units).toHaveLength(1);
        expect(item.units[0]).toMatchObject({ name: optionalLead, edge: 'LEADS', inferred: true });
        actual.units = [];
      }
      expect(actual).toEqual(goldenView(golden));
    },
  );

  it('produces no item beyond the golden list, and no ref twice', () => {
    const { model } = parsedSeed();
    const goldenRefs = new Set(seedGolden.map((item) => item.ref));
    const refs = model.items.map((item) => item.ref);
    expect(refs.filter((ref) => !goldenRefs.has(ref))).toEqual([]);
    expect(refs).toHaveLength(new Set(refs).size);
  });

  it('names the 70 distinct units, each item unit joined to one of them', () => {
    const { model } = parsedSeed();
    const names = model.units.map((unit) => unit.name);
    expect([...new Set(names)].sort()).toEqual([...seedUnitNames].sort());
    expect(names).toHaveLength(seedUnitNames.length);
    const keys = new Set(model.units.map((unit) => unit.key));
    const unjoined = model.items.flatMap((item) =>
      item.units.filter((unit) => !keys.has(unit.key)).map((unit) => `${item.ref} ${unit.key}`),
    );
    expect(unjoined).toEqual([]);
  });

  it('reads the plan header', () => {
    const { model } = parsedSeed();
    expect(model.plan).toMatchObject(seedPlan);
  });

  it('keeps 各区人民政府 as one collective unit whose qualifier names its members', () => {
    const { model } = parsedSeed();
    const districts = model.units.find((unit) => unit.name === '各区人民政府');
    expect(districts).toBeDefined();
    expect(districts?.collective).toBe(true);
    expect(districts?.qualifier).toContain(districtsQualifier);
    expect(districts?.members).toEqual(districtsMembers);
  });

  it('records the two notices that projects are delegated to', () => {
    const { model } = parsedSeed();
    expect(model.documents.map((document) => document.number)).toEqual(
      seedDocuments.map((document) => document.number),
    );
    for (const [index, document] of model.documents.entries()) {
      expect(document.title).toContain(seedDocuments[index]?.titleContains);
    }
  });

  it('reports no error and returns a model the schema accepts', () => {
    const { model } = parsedSeed();
    expect(model.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(() => PlanModel.parse(JSON.parse(JSON.stringify(model)))).not.toThrow();
  });
});
