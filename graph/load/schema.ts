// Constraints and indexes, created before any data and safe to run on every start. Each has a
// fixed name, so a definition that changed in code replaces the stale one in the database
// instead of being skipped by IF NOT EXISTS.
import neo4j, { type Driver } from 'neo4j-driver';
import { DRAFT_LABEL, LEASE_LABEL, RETIRED_LABEL } from './staging.ts';

export interface SchemaEntry {
  name: string;
  kind: 'uniqueness' | 'range' | 'relationship-range' | 'fulltext';
  /** Node labels, or the relationship type for `relationship-range`. */
  on: readonly string[];
  properties: readonly string[];
}

/** The full-text indexes the search uses; both with the CJK analyzer (bigrams of Chinese text). */
export const UNIT_SEARCH_INDEX = 'unit_search';
export const ITEM_SEARCH_INDEX = 'item_search';
export const FULLTEXT_ANALYZER = 'cjk';

export const schemaEntries: readonly SchemaEntry[] = [
  { name: 'plan_id', kind: 'uniqueness', on: ['Plan'], properties: ['id'] },
  // Covers every kind of item: Indicator, Theme, Task, Project and Requirement are all Items.
  { name: 'item_id', kind: 'uniqueness', on: ['Item'], properties: ['id'] },
  { name: 'unit_id', kind: 'uniqueness', on: ['Unit'], properties: ['id'] },
  { name: 'document_id', kind: 'uniqueness', on: ['Document'], properties: ['id'] },
  { name: 'item_plan', kind: 'range', on: ['Item'], properties: ['planId'] },
  // A plan's next version while it is written, and its last one until deleted
  // (graph/load/staging.ts): the draft's edges find its items by id, the switch and the clean-up
  // find them by plan. Not a uniqueness constraint: a MATCH on one seeks it with a lock per
  // row, which made the draft's edges several times slower (one draft per plan is the lease's
  // to ensure, and an item's id includes its plan's).
  { name: 'item_draft_id', kind: 'range', on: [DRAFT_LABEL], properties: ['id'] },
  { name: 'item_draft_plan', kind: 'range', on: [DRAFT_LABEL], properties: ['planId'] },
  { name: 'item_retired_plan', kind: 'range', on: [RETIRED_LABEL], properties: ['planId'] },
  { name: 'plan_draft_id', kind: 'uniqueness', on: [LEASE_LABEL], properties: ['id'] },
  { name: 'item_ref', kind: 'range', on: ['Item'], properties: ['ref'] },
  // The plan's items by how many lead them or are named on them (multi-lead-items, unowned-items,
  // single-owner-items): a seek on both, not every item of the plan filtered.
  {
    name: 'item_plan_lead_count',
    kind: 'range',
    on: ['Item'],
    properties: ['planId', 'leadCount'],
  },
  {
    name: 'item_plan_unit_count',
    kind: 'range',
    on: ['Item'],
    properties: ['planId', 'unitCount'],
  },
  // Records kept beside a plan's items (graph/progress/): an item's history is read by its id, and
  // a reload relinks a plan's records by the plan's id.
  { name: 'progress_item', kind: 'range', on: ['Progress'], properties: ['itemId'] },
  { name: 'progress_plan', kind: 'range', on: ['Progress'], properties: ['planId'] },
  { name: 'deadline_change_plan', kind: 'range', on: ['DeadlineChange'], properties: ['planId'] },
  { name: 'indicator_value_plan', kind: 'range', on: ['IndicatorValue'], properties: ['planId'] },
  { name: 'unit_key', kind: 'range', on: ['Unit'], properties: ['key'] },
  { name: 'unit_name', kind: 'range', on: ['Unit'], properties: ['name'] },
  { name: 'unit_pinyin_initials', kind: 'range', on: ['Unit'], properties: ['pinyinInitials'] },
  { name: 'unit_jurisdiction', kind: 'range', on: ['Unit'], properties: ['jurisdiction'] },
  { name: 'active_in_plan', kind: 'relationship-range', on: ['ACTIVE_IN'], properties: ['planId'] },
  {
    name: 'coordinates_with_plan',
    kind: 'relationship-range',
    on: ['COORDINATES_WITH'],
    properties: ['planId'],
  },
  { name: 'member_of_plan', kind: 'relationship-range', on: ['MEMBER_OF'], properties: ['planId'] },
  {
    name: UNIT_SEARCH_INDEX,
    kind: 'fulltext',
    on: ['Unit'],
    properties: ['name', 'fullName', 'englishName', 'searchText'],
  },
  // The item's text too (it holds the title and everything after it): the search finds 示范区
  // where only the text names it. A database indexed on the title alone gets this one replaced on
  // its next start, as any definition that differs.
  // Over a load's draft and the version it retires too (graph/load/staging.ts): a node moving
  // between labels the index covers is not indexed again, so the switch's commit does not
  // analyse every item's text (it was most of that commit: 4–5 s of 5.5 for 18,000 items);
  // the search keeps the hits labelled Item.
  {
    name: ITEM_SEARCH_INDEX,
    kind: 'fulltext',
    on: ['Item', DRAFT_LABEL, RETIRED_LABEL],
    properties: ['title', 'text'],
  },
];

/**
 * Indexes an earlier version created and this one must not leave behind: a planId index on
 * LEADS / SUPPORTS tempts the planner, on a database without statistics yet, to seek it once per
 * item while verifying a load, which turns a million-edge load into hours.
 */
export const retiredSchema: readonly string[] = ['leads_plan', 'supports_plan'];

// Names, labels and properties above are constants of this file, never input: interpolating
// them is the only way Cypher accepts them in schema commands.
function createStatement(entry: SchemaEntry): string {
  const props = (v: string) => entry.properties.map((p) => `${v}.${p}`).join(', ');
  switch (entry.kind) {
    case 'uniqueness':
      return `CREATE CONSTRAINT ${entry.name} IF NOT EXISTS FOR (n:${entry.on[0]}) REQUIRE ${props('n')} IS UNIQUE`;
    case 'range':
      return `CREATE INDEX ${entry.name} IF NOT EXISTS FOR (n:${entry.on[0]}) ON (${props('n')})`;
    case 'relationship-range':
      return `CREATE INDEX ${entry.name} IF NOT EXISTS FOR ()-[r:${entry.on[0]}]-() ON (${props('r')})`;
    case 'fulltext':
      return (
        `CREATE FULLTEXT INDEX ${entry.name} IF NOT EXISTS FOR (n:${entry.on.join('|')}) ON EACH [${props('n')}] ` +
        `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}'}}`
      );
  }
}

interface ExistingIndex {
  name: string;
  type: string;
  labelsOrTypes: string[] | null;
  properties: string[] | null;
  owningConstraint: string | null;
  analyzer: string | null;
  eventuallyConsistent: boolean | null;
}

function sameList(x: readonly string[] | null, y: readonly string[]): boolean {
  return x !== null && x.length === y.length && x.every((value, i) => value === y[i]);
}

function matches(entry: SchemaEntry, index: ExistingIndex): boolean {
  const type = entry.kind === 'fulltext' ? 'FULLTEXT' : 'RANGE';
  if (index.type !== type) return false;
  if (!sameList(index.labelsOrTypes, entry.on) || !sameList(index.properties, entry.properties)) {
    return false;
  }
  if (entry.kind === 'fulltext') {
    // Consistent at commit: a search right after a load (npm start, the tests) must find it.
    if (index.analyzer !== FULLTEXT_ANALYZER || index.eventuallyConsistent === true) return false;
  }
  return (entry.kind === 'uniqueness') === (index.owningConstraint !== null);
}

export interface SchemaReport {
  created: string[];
  replaced: string[];
}

/**
 * Creates what is missing, replaces what differs from `schemaEntries`, and waits until every
 * index is online: a load right after must not scan, and a search must not miss.
 */
export async function ensureSchema(
  driver: Driver,
  database: string,
  awaitSeconds = 300,
): Promise<SchemaReport> {
  const session = driver.session({ database });
  try {
    const existing = new Map<string, ExistingIndex>();
    const result = await session.run(
      `SHOW INDEXES
       YIELD name, type, labelsOrTypes, properties, owningConstraint, options
       RETURN name, type, labelsOrTypes, properties, owningConstraint,
              options.indexConfig['fulltext.analyzer'] AS analyzer,
              options.indexConfig['fulltext.eventually_consistent'] AS eventuallyConsistent`,
    );
    for (const record of result.records) {
      const index = record.toObject() as ExistingIndex;
      existing.set(index.owningConstraint ?? index.name, index);
    }
    const report: SchemaReport = { created: [], replaced: [] };
    for (const name of retiredSchema) {
      if (existing.has(name)) await session.run(`DROP INDEX ${name} IF EXISTS`);
    }
    for (const entry of schemaEntries) {
      const index = existing.get(entry.name);
      if (index !== undefined && matches(entry, index)) continue;
      if (index !== undefined) {
        await session.run(
          index.owningConstraint === null
            ? `DROP INDEX ${entry.name} IF EXISTS`
            : `DROP CONSTRAINT ${entry.name} IF EXISTS`,
        );
        report.replaced.push(entry.name);
      } else {
        report.created.push(entry.name);
      }
      await session.run(createStatement(entry));
    }
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(awaitSeconds) });
    return report;
  } finally {
    await session.close();
  }
}
