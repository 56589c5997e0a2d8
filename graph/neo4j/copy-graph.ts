// Copies one Neo4j database into another, whole: schema, nodes and relationships with their
// labels, types and properties. The console's copy of the graph (console-copy.ts) is filled this
// way after every change, so that planners' console queries never run on the explorer's Neo4j.
//
// Both drivers must keep Neo4j's integers as Integers (no `disableLosslessIntegers`): a count read
// back as a JavaScript number would be written back as a float, and `seq = 1` in the copy would
// not be what it is in the plan.
import type { Driver, QueryResult, Session } from 'neo4j-driver';
import { z } from 'zod';

export interface CopyEnd {
  driver: Driver;
  database: string;
}

export interface CopyReport {
  nodes: number;
  relationships: number;
  /** Relationships read whose ends were not among the nodes read (a write landed mid-copy). */
  skipped: number;
  indexes: number;
  ms: number;
  /** Milliseconds by step, for the bench and the log. */
  steps: Record<string, number>;
}

/**
 * Rows written per transaction: few commits (each one a disk sync), yet small enough for the
 * copy's per-transaction memory limit whatever the plan's size.
 */
const BATCH = 10_000;

/** Up to this many nodes and relationships together, the copy is one transaction. */
const ONE_TRANSACTION = 50_000;

// Labels and types as data (Cypher 5.26's dynamic labels): one statement for every kind of node
// and relationship, so a batch is one round trip however many label sets the plan has.
const WRITE_NODES =
  'UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props RETURN row.id AS source, elementId(n) AS copy';
const WRITE_RELATIONSHIPS =
  'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.start MATCH (b) WHERE elementId(b) = row.end CREATE (a)-[r:$(row.type)]->(b) SET r = row.props';

/** Where the copy's statements go: one transaction, or each its own. */
type Writer = (query: string, params?: Record<string, unknown>) => Promise<QueryResult>;

/** Each statement its own write transaction, for a graph too large for one. */
const batchedWrites =
  (session: Session): Writer =>
  (query, params) =>
    session.executeWrite((tx) => tx.run(query, params));

const SchemaRow = z.object({ name: z.string(), createStatement: z.string() });
const NodeRow = z.object({
  id: z.string(),
  labels: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
});
const RelationshipRow = z.object({
  start: z.string(),
  end: z.string(),
  type: z.string(),
  props: z.record(z.string(), z.unknown()),
});
type NodeRow = z.infer<typeof NodeRow>;
type RelationshipRow = z.infer<typeof RelationshipRow>;

/** A label or type as Cypher spells it, whatever characters it holds. */
export function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function readSchema(end: CopyEnd): Promise<z.infer<typeof SchemaRow>[]> {
  const session = end.driver.session({ database: end.database });
  try {
    // Constraints first: each brings its own index, which SHOW INDEXES also lists by the
    // constraint's index name and which must not be created twice.
    const constraints = await session.run('SHOW CONSTRAINTS YIELD name, createStatement');
    const owned = await session.run(
      "SHOW INDEXES YIELD name, type, owningConstraint, createStatement WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name, createStatement",
    );
    return [...constraints.records, ...owned.records].map((record) =>
      SchemaRow.parse(record.toObject()),
    );
  } finally {
    await session.close();
  }
}

/** Everything in `source`, read in one transaction. */
async function readGraph(
  source: CopyEnd,
): Promise<{ nodes: NodeRow[]; relationships: RelationshipRow[] }> {
  const session = source.driver.session({ database: source.database });
  try {
    return await session.executeRead(
      async (tx) => {
        const nodes = await tx.run(
          'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
        );
        const relationships = await tx.run(
          'MATCH (a)-[r]->(b) RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props',
        );
        return {
          nodes: nodes.records.map((record) => NodeRow.parse(record.toObject())),
          relationships: relationships.records.map((record) =>
            RelationshipRow.parse(record.toObject()),
          ),
        };
      },
      { metadata: { app: 'guatu-console-copy' } },
    );
  } finally {
    await session.close();
  }
}

async function wipe(target: CopyEnd): Promise<void> {
  const session = target.driver.session({ database: target.database });
  try {
    for (;;) {
      const result = await session.executeWrite((tx) =>
        tx.run('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS gone'),
      );
      const gone = Number(result.records[0]?.get('gone') ?? 0);
      if (gone === 0) return;
    }
  } finally {
    await session.close();
  }
}

/** Makes the target's indexes and constraints those of the source, by name. */
async function copySchema(
  wanted: readonly z.infer<typeof SchemaRow>[],
  target: CopyEnd,
): Promise<void> {
  const present = await readSchema(target);
  const session = target.driver.session({ database: target.database });
  try {
    const wantedStatements = new Map(wanted.map((row) => [row.name, row.createStatement]));
    const presentStatements = new Map(present.map((row) => [row.name, row.createStatement]));
    for (const row of present) {
      if (wantedStatements.get(row.name) === row.createStatement) continue;
      const isConstraint = /^CREATE CONSTRAINT/i.test(row.createStatement);
      await session.run(
        `DROP ${isConstraint ? 'CONSTRAINT' : 'INDEX'} ${quoteName(row.name)} IF EXISTS`,
      );
    }
    for (const row of wanted) {
      if (presentStatements.get(row.name) === row.createStatement) continue;
      await session.run(row.createStatement);
    }
  } finally {
    await session.close();
  }
}

/**
 * Replaces everything in `target` with what `source` holds now. The target is wiped first, so
 * nobody may read it until this settles (console-copy.ts holds its queries back meanwhile).
 */
export async function copyGraph(source: CopyEnd, target: CopyEnd): Promise<CopyReport> {
  const started = Date.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    const now = Date.now();
    steps[name] = now - mark;
    mark = now;
  };
  const schema = await readSchema(source);
  step('schema read');
  const { nodes, relationships } = await readGraph(source);
  step('graph read');
  await copySchema(schema, target);
  step('schema written');

  const session = target.driver.session({ database: target.database });
  try {
    // A graph of a plan or a few is written in one transaction (one disk sync, never half a
    // copy); a larger one in batches, within the copy's per-transaction memory limit.
    const whole = nodes.length + relationships.length <= ONE_TRANSACTION;
    const copyOf = new Map<string, string>();
    let skipped = 0;
    const write = async (run: Writer) => {
      copyOf.clear();
      skipped = 0;
      if (whole) await run('MATCH (n) DETACH DELETE n');
      for (const batch of chunks(nodes, BATCH)) {
        const result = await run(WRITE_NODES, { rows: batch });
        for (const record of result.records) {
          copyOf.set(String(record.get('source')), String(record.get('copy')));
        }
      }
      const copied: { start: string; end: string; type: string; props: unknown }[] = [];
      for (const relationship of relationships) {
        const start = copyOf.get(relationship.start);
        const end = copyOf.get(relationship.end);
        if (start === undefined || end === undefined) skipped += 1;
        else copied.push({ ...relationship, start, end });
      }
      for (const batch of chunks(copied, BATCH)) {
        await run(WRITE_RELATIONSHIPS, { rows: batch });
      }
      return copied.length;
    };
    let written: number;
    if (whole) {
      written = await session.executeWrite((tx) =>
        write(async (query, params) => tx.run(query, params)),
      );
    } else {
      await wipe(target);
      written = await write(batchedWrites(session));
    }
    step('graph written');
    return {
      steps,
      nodes: copyOf.size,
      relationships: written,
      skipped,
      indexes: schema.length,
      ms: Date.now() - started,
    };
  } finally {
    await session.close();
  }
}
