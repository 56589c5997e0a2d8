import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleCopyWanted } from '../../graph/neo4j/console-copy.ts';
import {
  ConfigError,
  DEFAULT_DATA_DIR,
  DEFAULT_LOCAL_PASSWORD,
  readConfig,
} from '../../graph/neo4j/config.ts';

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected readConfig to reject this environment');
}

describe('readConfig', () => {
  it('runs the local Neo4j with the documented defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      mode: 'local',
      connection: {
        uri: 'bolt://127.0.0.1:7687',
        username: 'neo4j',
        password: DEFAULT_LOCAL_PASSWORD,
        database: 'neo4j',
      },
      local: {
        port: 7687,
        password: 'guatu-local-dev',
        dataDir: resolve(DEFAULT_DATA_DIR),
        heap: '1g',
        pageCache: '512m',
        transactionTimeoutSeconds: 30,
        transactionMemory: '512m',
      },
    });
    expect(DEFAULT_DATA_DIR).toBe(resolve(import.meta.dirname, '../../.guatu') + '/');
  });

  it('takes port, password, data folder and memory from the GUATU_* variables', () => {
    const config = readConfig({
      GUATU_NEO4J_PORT: '17687',
      GUATU_NEO4J_PASSWORD: 'a-longer-secret',
      GUATU_DATA_DIR: 'relative/data',
      GUATU_NEO4J_HEAP: '2g',
      GUATU_NEO4J_PAGECACHE: '256M',
    });
    expect(config.mode).toBe('local');
    expect(config.connection).toEqual({
      uri: 'bolt://127.0.0.1:17687',
      username: 'neo4j',
      password: 'a-longer-secret',
      database: 'neo4j',
    });
    if (config.mode !== 'local') return;
    expect(config.local).toMatchObject({
      port: 17687,
      dataDir: resolve(process.cwd(), 'relative/data'),
      heap: '2g',
      pageCache: '256M',
    });
  });

  it('uses the server named by NEO4J_URI, starting nothing', () => {
    expect(
      readConfig({
        NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
        NEO4J_USERNAME: 'planner',
        NEO4J_PASSWORD: 'secret',
        NEO4J_DATABASE: 'plans',
        GUATU_NEO4J_PORT: '7000',
      }),
    ).toEqual({
      mode: 'remote',
      connection: {
        uri: 'neo4j+s://abcd1234.databases.neo4j.io',
        username: 'planner',
        password: 'secret',
        database: 'plans',
      },
    });
  });

  it('defaults NEO4J_USERNAME and NEO4J_DATABASE to neo4j', () => {
    const config = readConfig({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_PASSWORD: 'pw' });
    expect(config.connection.username).toBe('neo4j');
    expect(config.connection.database).toBe('neo4j');
  });

  it.each([
    'bolt://h',
    'bolt+s://h:7687',
    'bolt+ssc://h',
    'neo4j://h',
    'neo4j+s://h',
    'neo4j+ssc://h',
  ])('accepts %s', (uri) => {
    expect(readConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw' }).connection.uri).toBe(uri);
  });

  it('rejects a malformed NEO4J_URI with a message naming the variable and the value', () => {
    expect(() => readConfig({ NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'pw' })).toThrow(
      'NEO4J_URI: expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI, got "http://x"',
    );
    expect(problemsOf({ NEO4J_URI: 'localhost:7687', NEO4J_PASSWORD: 'pw' })).toEqual([
      'NEO4J_URI: expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI, got "localhost:7687"',
    ]);
    expect(problemsOf({ NEO4J_URI: 'bolt://', NEO4J_PASSWORD: 'pw' })[0]).toMatch(/^NEO4J_URI:/);
  });

  it('requires NEO4J_PASSWORD along with NEO4J_URI', () => {
    expect(problemsOf({ NEO4J_URI: 'neo4j://db.example' })).toEqual([
      'NEO4J_PASSWORD: required when NEO4J_URI is set (connecting to neo4j://db.example)',
    ]);
  });

  it('names every bad GUATU_* variable at once, without echoing the password', () => {
    const problems = problemsOf({
      GUATU_NEO4J_PORT: '70000',
      GUATU_NEO4J_PASSWORD: 'short',
      GUATU_NEO4J_HEAP: 'lots',
      GUATU_NEO4J_PAGECACHE: '512',
    });
    expect(problems).toEqual([
      'GUATU_NEO4J_PORT: expected a port number from 1 to 65535, got "70000"',
      'GUATU_NEO4J_PASSWORD: expected at least 8 characters, the minimum Neo4j accepts',
      'GUATU_NEO4J_HEAP: expected a size such as 1g, got "lots"',
      'GUATU_NEO4J_PAGECACHE: expected a size such as 512m, got "512"',
    ]);
    expect(problems.join('\n')).not.toContain('short');
    expect(problemsOf({ GUATU_NEO4J_PORT: 'abc' })).toEqual([
      'GUATU_NEO4J_PORT: expected a port number from 1 to 65535, got "abc"',
    ]);
  });

  it('treats a variable set to the empty string as not set', () => {
    expect(readConfig({ NEO4J_URI: '', GUATU_NEO4J_PORT: '', GUATU_NEO4J_PASSWORD: '' })).toEqual(
      readConfig({}),
    );
  });
});

describe('GUATU_CONSOLE_COPY', () => {
  it('is on unless set off, and names a bad value before any JVM starts', () => {
    expect(consoleCopyWanted({})).toBe(true);
    expect(consoleCopyWanted({ GUATU_CONSOLE_COPY: 'on' })).toBe(true);
    expect(consoleCopyWanted({ GUATU_CONSOLE_COPY: 'off' })).toBe(false);
    expect(() => consoleCopyWanted({ GUATU_CONSOLE_COPY: 'maybe' })).toThrow(
      'GUATU_CONSOLE_COPY: expected on or off, got "maybe"',
    );
  });
});
