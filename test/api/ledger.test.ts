// A 督办台账 imported as progress: rows matched to a loaded plan's items by number and title (and
// how sure each match is), unmatched rows listed with why and never written, 确认 writing one
// record per matched row in one transaction, and a write that fails leaving nothing behind.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerConfirmAnswer, LedgerReview } from '../../contract/api/ledger.ts';
import { statusOfText } from '../../contract/progress.ts';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { loadPlanModel } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { matchLedger, titleSimilarity, type LedgerRow } from '../../graph/progress/ledger.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, seedApp, type ErrorAnswer } from './support.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const LEDGER = readFileSync(`${EXAMPLES}07-ledger.xlsx`);
const expected = JSON.parse(readFileSync(`${EXAMPLES}07-ledger.expected.json`, 'utf8')) as {
  items: { ref: string; title: string; status: string; progress: string }[];
};

const PAGE = {
  Host: 'localhost',
  Origin: 'http://localhost',
  'X-Guatu-Request': '1',
};

useTestNeo4j();

let driver: Driver;
let database: string;
let app: Hono;
let planId: string;
let audit: AuditLog;
let store: AccountStore;
const accountsDir = mkdtempSync(join(tmpdir(), 'guatu-ledger-test-'));

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database });
  try {
    return (await session.run(query, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

const toNumber = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : Number(value));

async function progressCount(): Promise<number> {
  const [row] = await cypher('MATCH (p:Progress {planId: $planId}) RETURN count(p) AS n', {
    planId,
  });
  return toNumber(row?.['n']);
}

/**
 * The ledger's own plan as a notice would have loaded it, before any progress: no statuses or
 * notes, item 2 reworded a little, item 11 left out.
 */
async function loadLedgerPlan(): Promise<void> {
  const model = await parseDocument(LEDGER, { name: '07-ledger.xlsx' });
  planId = model.plan.id;
  const items = model.items
    .filter((item) => item.ref !== '11')
    .map(({ status: _status, progress: _progress, ...item }) =>
      item.ref === '2' ? { ...item, title: '全面实施城镇老旧小区改造' } : item,
    );
  await loadPlanModel(
    driver,
    { ...model, items },
    { name: '07-ledger.xlsx', text: '', sha256: model.source?.sha256 ?? '' },
    { database, replace: true, force: true },
  );
}

async function upload(query = ''): Promise<{ status: number; body: unknown }> {
  const response = await app.request(`/api/ledger${query}`, {
    method: 'POST',
    headers: {
      ...PAGE,
      'Content-Type': 'application/octet-stream',
      'X-Guatu-File-Name': encodeURIComponent('07-ledger.xlsx'),
    },
    body: LEDGER,
  });
  return { status: response.status, body: await response.json() };
}

async function confirm(token: string): Promise<{ status: number; body: unknown }> {
  const response = await app.request(`/api/ledger/${token}/confirm`, {
    method: 'POST',
    headers: { ...PAGE, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  await loadLedgerPlan();
  await cypher('MATCH (p:Progress {planId: $planId}) DETACH DELETE p', { planId });
  // With an accounts store and no account yet: local mode, audited as the local planner.
  store = await AccountStore.open(join(accountsDir, 'accounts.sqlite'));
  audit = new AuditLog(join(accountsDir, 'audit.log'));
  app = seedApp(driver, database, {
    now: () => new Date('2023-11-15T02:00:00Z'),
    accounts: { store, audit, throttle: new LoginThrottle() },
  });
});

afterAll(async () => {
  await cypher('MATCH (p:Progress {planId: $planId}) DETACH DELETE p', { planId });
  await removePlansOtherThanSeed(driver);
  store.close();
  rmSync(accountsDir, { recursive: true, force: true });
});

describe('matching rows to items', () => {
  const item = (id: string, ref: string, title: string) => ({ id, ref, title, status: null });
  const row = (ref: string, title: string, status = '推进中'): LedgerRow => ({
    ref,
    title,
    status,
    progress: '进展',
    line: 1,
  });

  it('says how sure each match is, and never guesses among several', () => {
    const items = [
      item('a', '1', '实施科技型企业培育工程'),
      item('b', '2', '实施城镇老旧小区改造'),
      item('c', '3', '推进城市排水管网建设'),
      item('d', '4', '推进城市排水管网建设'),
      item('e', '5', '开展招商引资攻坚行动'),
    ];
    const { matched, unmatched } = matchLedger(
      [
        row('1', '实施科技型企业培育工程'),
        row('9', '实施城镇老旧小区改造'),
        row('7', '推进城市排水管网建设'),
        row('5', '全面开展招商引资攻坚专项行动'),
        row('1', '完全不同的一项工作'),
        row('8', '没有这一项'),
        row('2', '实施城镇老旧小区改造', '待定'),
        row('9', '实施科技型企业培育工程'),
      ],
      items,
    );
    expect(matched.map((m) => [m.itemId, m.how])).toEqual([
      ['a', 'ref-and-title'],
      ['b', 'title'],
      ['e', 'ref-similar-title'],
    ]);
    expect(matched[2]?.similarity).toBeGreaterThanOrEqual(0.6);
    expect(matched[2]?.similarity).toBeLessThan(1);
    expect(unmatched.map((u) => [u.row.title, u.reason, u.candidates.map((c) => c.id)])).toEqual([
      ['推进城市排水管网建设', 'several-items', ['c', 'd']],
      ['完全不同的一项工作', 'title-differs', ['a']],
      ['没有这一项', 'no-item', []],
      ['实施城镇老旧小区改造', 'duplicate', ['b']],
      ['实施科技型企业培育工程', 'duplicate', ['a']],
    ]);
  });

  it('keeps the note of a row whose status words are not a status', () => {
    const { matched } = matchLedger(
      [row('1', '实施科技型企业培育工程', '待定')],
      [item('a', '1', '实施科技型企业培育工程')],
    );
    expect(matched[0]).toMatchObject({ after: null, unknownStatus: '待定', note: '进展' });
  });

  it('compares titles without spacing or punctuation', () => {
    expect(titleSimilarity('实施 城镇老旧小区改造。', '实施城镇老旧小区改造')).toBe(1);
    expect(titleSimilarity('甲乙丙丁', '戊己庚辛')).toBe(0);
  });
});

describe('POST /api/ledger', () => {
  it('reviews the ledger against its plan, writing nothing', async () => {
    const { status, body } = await upload();
    expect(status).toBe(200);
    const review = LedgerReview.parse(body);
    expect(review.plan.id).toBe(planId);
    expect(review.counts).toMatchObject({ rows: 11, matched: 10, unmatched: 1 });
    expect(review.unmatched.map((miss) => [miss.row.ref, miss.reason])).toEqual([
      ['11', 'no-item'],
    ]);
    const reworded = review.matched.find((match) => match.row.ref === '2');
    expect(reworded).toMatchObject({
      how: 'ref-similar-title',
      before: null,
      after: 'in-progress',
    });
    expect(review.matched.filter((match) => match.how === 'ref-and-title')).toHaveLength(9);
    expect(await progressCount()).toBe(0);
  });

  it('refuses a write from another page', async () => {
    const response = await app.request('/api/ledger', {
      method: 'POST',
      headers: {
        ...PAGE,
        Origin: 'http://evil.example',
        'Content-Type': 'application/octet-stream',
      },
      body: LEDGER,
    });
    expect(response.status).toBe(403);
  });

  it('confirmed, leaves no record when one write fails', async () => {
    const review = LedgerReview.parse((await upload()).body);
    // The plan changes under the review: the fifth item goes away before 确认.
    const gone = review.matched.find((match) => match.row.ref === '5');
    await cypher('MATCH (i:Item {id: $id}) DETACH DELETE i', { id: gone?.itemId });
    try {
      const { status, body } = await confirm(review.token);
      expect(status).toBe(409);
      expect((body as ErrorAnswer).error.code).toBe('ledger_item_gone');
      expect(await progressCount()).toBe(0);
    } finally {
      await loadLedgerPlan();
    }
  });

  it('confirmed, records each matched row: the statuses the ledger prints', async () => {
    const review = LedgerReview.parse((await upload()).body);
    const { status, body } = await confirm(review.token);
    expect(status).toBe(200);
    expect(LedgerConfirmAnswer.parse(body)).toEqual({ planId, written: 10, unmatched: 1 });
    const rows = await cypher(
      `MATCH (p:Progress {planId: $planId})-[:ON]->(i:Item)
       RETURN i.ref AS ref, p.status AS status, p.note AS note, p.source AS source, p.by AS by`,
      { planId },
    );
    const written = new Map(rows.map((row) => [row['ref'] as string, row]));
    expect(written.size).toBe(10);
    for (const item of expected.items.filter((one) => one.ref !== '11')) {
      expect(written.get(item.ref)).toEqual({
        ref: item.ref,
        status: statusOfText(item.status),
        note: item.progress,
        source: 'ledger',
        by: 'local',
      });
    }
    // One audit entry for the import: who, the plan, the file and the counts.
    const entries = audit.entries().filter((entry) => entry.action === 'import-ledger');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      who: 'local',
      target: planId,
      after: { file: '07-ledger.xlsx', planId, written: 10, unmatched: 1, changed: 10 },
    });
    // The review is gone once confirmed.
    expect((await confirm(review.token)).status).toBe(404);
  });
});
