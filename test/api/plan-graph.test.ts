// The whole-plan graph when the address names no plan: the first plan of the list, the one the
// explorer opens on, so that the web app can ask for it beside the list instead of after it —
// with several plans loaded too. Routes that need to be told which plan still ask.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanModel } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { FGW, get, loadSeed, SEED_PLAN, seedApp, type ErrorAnswer } from './support.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));

useTestNeo4j();

interface GraphAnswer {
  plan: string;
  elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] };
}

let app: Hono;
let other: string;

beforeAll(async () => {
  const driver = getDriver();
  const database = connection().database;
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  const model = await parseDocument(readFileSync(`${EXAMPLES}07-ledger.xlsx`), {
    name: '07-ledger.xlsx',
  });
  other = model.plan.id;
  await loadPlanModel(
    driver,
    model,
    { name: '07-ledger.xlsx', text: '', sha256: model.source?.sha256 ?? '' },
    { database, replace: true, force: true },
  );
  app = seedApp(driver, database);
}, 120_000);

afterAll(() => removePlansOtherThanSeed(getDriver()));

describe('GET /api/plans/graph without a plan', () => {
  it('answers with the first plan of the list, as the explorer opens on it', async () => {
    const plans = await get<{ id: string }[]>(app, '/api/plans');
    expect(plans.body.map((plan) => plan.id).sort()).toEqual([SEED_PLAN, other].sort());
    const first = plans.body[0]?.id ?? '';
    const unnamed = await get<GraphAnswer>(app, '/api/plans/graph');
    expect(unnamed.status).toBe(200);
    expect(unnamed.body.plan).toBe(first);
    const named = await get<GraphAnswer>(app, '/api/plans/graph', { plan: first });
    expect(unnamed.body).toEqual(named.body);
    expect(unnamed.body.elements.nodes.length).toBeGreaterThan(0);
  });

  it('still draws the other plan when it is named', async () => {
    const named = await get<GraphAnswer>(app, '/api/plans/graph', { plan: other });
    expect(named.status).toBe(200);
    expect(named.body.plan).toBe(other);
    const ids = new Set(named.body.elements.nodes.map((node) => node.data.id));
    expect(ids.has(FGW)).toBe(false);
  });

  it('leaves the other routes asking which plan when several are loaded', async () => {
    const profile = await get<ErrorAnswer>(app, '/api/units/profile', { id: FGW });
    expect(profile.status).toBe(400);
    expect(profile.body.error.code).toBe('plan_required');
  });

  it('says an unknown plan is unknown', async () => {
    const unknown = await get<ErrorAnswer>(app, '/api/plans/graph', { plan: 'no-such-plan' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_plan');
  });
});
