// Notices in shapes the shared examples do not show (test/fixtures/genre/README.md), each read
// through the entry a planner's file takes: every listed item with its units, roles and edges in
// printed order, and the table fields where the probe gives them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanModel } from '../../graph/model/plan.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';

const dir = fileURLToPath(new URL('../fixtures/genre/', import.meta.url));

interface Probe {
  document: string;
  items: {
    ref: string;
    deadline?: string;
    leader?: string;
    progress?: string;
    units: [name: string, role: string, edge: 'LEADS' | 'SUPPORTS'][];
  }[];
}

const probes = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Probe);

const models = new Map<string, PlanModel>();
beforeAll(async () => {
  for (const probe of probes) {
    const bytes = readFileSync(path.join(dir, probe.document));
    models.set(probe.document, await parseDocument(bytes, { name: probe.document }));
  }
});

describe.each(probes.map((p) => [p.document, p] as const))('%s', (document, probe) => {
  it.each(probe.items.map((i) => [i.ref, i] as const))('%s', (ref, want) => {
    const model = models.get(document) as PlanModel;
    const item = model.items.find((i) => i.ref === ref);
    expect(item, `no item ${ref} in ${model.items.map((i) => i.ref).join(' ')}`).toBeDefined();
    expect(item?.units.map((u) => [u.name, u.role, u.edge])).toEqual(want.units);
    for (const field of ['deadline', 'leader', 'progress'] as const) {
      if (want[field] !== undefined) expect(item?.[field], field).toBe(want[field]);
    }
  });

  it('reads no other item with units, and no error', () => {
    const model = models.get(document) as PlanModel;
    const refs = new Set(probe.items.map((i) => i.ref));
    const extra = model.items.filter((i) => !refs.has(i.ref) && i.units.length > 0);
    expect(extra.map((i) => `${i.ref} ${i.title}`)).toEqual([]);
    expect(model.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
