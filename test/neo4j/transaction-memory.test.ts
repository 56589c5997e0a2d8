// GUATU_NEO4J_TX_MEMORY: the local Neo4j's cap on one transaction (a load is one), validated
// against the heap it must fit in.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, sizeInBytes } from '../../graph/neo4j/config.ts';

const local = (env: Record<string, string>) => {
  const config = readConfig(env);
  if (config.mode !== 'local') throw new Error('expected a local configuration');
  return config.local;
};

describe('GUATU_NEO4J_TX_MEMORY', () => {
  it('is 512m unless set, and is passed on when set with a heap to hold it', () => {
    expect(local({}).transactionMemory).toBe('512m');
    expect(local({ GUATU_NEO4J_HEAP: '512m' }).transactionMemory).toBe('512m');
    expect(local({ GUATU_NEO4J_HEAP: '3g', GUATU_NEO4J_TX_MEMORY: '2g' }).transactionMemory).toBe(
      '2g',
    );
  });

  it('is refused when the heap could not hold it, or when it is no size', () => {
    const problems = (env: Record<string, string>) => {
      try {
        readConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
      }
      return '';
    };
    expect(problems({ GUATU_NEO4J_TX_MEMORY: '2g' })).toContain(
      'GUATU_NEO4J_TX_MEMORY: 2g does not fit in a heap of 1g',
    );
    expect(problems({ GUATU_NEO4J_TX_MEMORY: 'lots' })).toContain('expected a size such as 2g');
  });

  it('reads sizes as Java does', () => {
    expect(sizeInBytes('512m')).toBe(512 * 2 ** 20);
    expect(sizeInBytes('3G')).toBe(3 * 2 ** 30);
    expect(sizeInBytes('64k')).toBe(64 * 2 ** 10);
  });
});
