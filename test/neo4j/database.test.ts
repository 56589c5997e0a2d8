import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  connection,
  getDriver,
  readTransaction,
  writeTransaction,
} from '../../graph/neo4j/database.ts';
import { freePort } from '../../graph/neo4j/ports.ts';
import { useTestNeo4j } from '../support/neo4j.ts';

const run = useTestNeo4j();
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the database module', () => {
  it("connects to the run's Neo4j through the process configuration", () => {
    expect(connection()).toEqual(run);
    expect(getDriver()).toBe(getDriver());
  });

  it('writes in one transaction and reads the same values back in another', async () => {
    const id = `probe-${randomUUID()}`;
    const written = { id, name: '市发改委', items: 42, share: 0.25, lead: true };
    try {
      await writeTransaction((tx) =>
        tx.run('CREATE (probe:GuatuRuntimeProbe) SET probe = $written', { written }),
      );
      const read = await readTransaction(async (tx) => {
        const result = await tx.run(
          'MATCH (probe:GuatuRuntimeProbe {id: $id}) RETURN probe {.*} AS probe, count(*) AS n',
          { id },
        );
        return result.records.map((record) => ({
          probe: record.get('probe') as unknown,
          n: record.get('n') as unknown,
        }));
      });
      // Integers come back as plain numbers (disableLosslessIntegers), strings intact.
      expect(read).toEqual([{ probe: written, n: 1 }]);
    } finally {
      await writeTransaction((tx) =>
        tx.run('MATCH (probe:GuatuRuntimeProbe {id: $id}) DELETE probe', { id }),
      );
    }
  });

  it('rolls a failed write transaction back', async () => {
    const id = `probe-${randomUUID()}`;
    await expect(
      writeTransaction(async (tx) => {
        await tx.run('CREATE (:GuatuRuntimeProbe {id: $id})', { id });
        throw new Error('the loader changed its mind');
      }),
    ).rejects.toThrow('the loader changed its mind');
    const count = await readTransaction(async (tx) => {
      const result = await tx.run(
        'MATCH (probe:GuatuRuntimeProbe {id: $id}) RETURN count(probe) AS n',
        { id },
      );
      return result.records[0]?.get('n') as unknown;
    });
    expect(count).toBe(0);
  });

  it('names the URI it tried when Neo4j cannot be reached, without a stack trace', async () => {
    // Nothing listens on a port the kernel just handed out and took back.
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'graph/cli/start.ts'], {
        cwd: repositoryRoot,
        env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: 'whatever-it-is' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      `Could not use Neo4j at ${uri} (user "neo4j", database "neo4j")`,
    );
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
  });
});
