// The one place errors become JSON, and the server's environment: statuses and codes for each
// kind of failure, and PORT/HOST read with messages that name the variable.
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readServerConfig, ServerConfigError } from '../../graph/api/config.ts';
import { HttpError, toErrorBody } from '../../graph/api/http-error.ts';
import { consoleError } from '../../graph/api/routes/cypher.ts';
import { QueryError } from '../../graph/queries/params.ts';

const neo4jError = (code: string) =>
  new Neo4jError(
    'boom at bolt://10.0.0.1:7687',
    code,
    '50N42',
    'error: general processing exception',
  );

describe('toErrorBody', () => {
  it('keeps an HttpError as thrown', () => {
    expect(toErrorBody(new HttpError(422, 'write_rejected', 'the console only reads'))).toEqual({
      status: 422,
      body: { error: { code: 'write_rejected', message: 'the console only reads' } },
    });
  });

  it('turns a zod failure into a 400 naming the field', () => {
    const failure = z.object({ limit: z.number().max(5) }).safeParse({ limit: 9 });
    const { status, body } = toErrorBody(failure.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/^limit: /);
  });

  it('turns an unreachable Neo4j into a 503 that does not echo its address', () => {
    for (const code of [neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]) {
      const { status, body } = toErrorBody(new Error('wrapped', { cause: neo4jError(code) }));
      expect(status).toBe(503);
      expect(body.error.code).toBe('neo4j_unavailable');
      expect(body.error.message).not.toContain('10.0.0.1');
    }
  });

  it('turns a pool with no free connection into a 503 "busy", not a 500', () => {
    // What neo4j-driver throws when every connection of a pool stays busy past its wait.
    const exhausted = new Neo4jError(
      'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 4, Idle conn count = 0.',
      'N/A',
      '50N42',
      'error: general processing exception',
    );
    expect(toErrorBody(new Error('wrapped', { cause: exhausted }))).toMatchObject({
      status: 503,
      body: { error: { code: 'busy' } },
    });
  });

  it("calls a console query the launcher's watchdog stopped a timeout, however Neo4j reports it", () => {
    const stopped = new Neo4jError('java.lang.ThreadDeath', 'N/A', '50N42', 'error');
    const answer = consoleError(new Error('wrapped', { cause: stopped }), 10_400, 10_000);
    expect(toErrorBody(answer)).toMatchObject({
      status: 504,
      body: { error: { code: 'timeout' } },
    });
  });

  it('turns a transaction timeout into a 504', () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    ]) {
      expect(toErrorBody(neo4jError(code))).toMatchObject({
        status: 504,
        body: { error: { code: 'timeout' } },
      });
    }
  });

  it('maps the registry refusals: unknown query 404, bad parameters 400', () => {
    expect(toErrorBody(new QueryError('unknown-query', 'no query x', 'x')).status).toBe(404);
    expect(
      toErrorBody(new QueryError('wrong-type', 'limit must be an integer', 'limit')),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'wrong_type' } },
    });
  });

  it('answers anything else with a 500 that hides the details', () => {
    const { status, body } = toErrorBody(new TypeError('secret internals'));
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('secret');
  });
});

describe('readServerConfig', () => {
  it('listens on 127.0.0.1:8080 unless told otherwise', () => {
    // Answers are kept in 64 MB for a minute unless told otherwise (GUATU_ANSWER_CACHE_*).
    // Deadlines pass at midnight in Wuhan unless told otherwise (GUATU_TIME_ZONE).
    const answerCache = { maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 };
    const timeZone = 'Asia/Shanghai';
    expect(readServerConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      answerCache,
      timeZone,
    });
    expect(readServerConfig({ PORT: '', HOST: '' })).toEqual({
      port: 8080,
      host: '127.0.0.1',
      answerCache,
      timeZone,
    });
    expect(readServerConfig({ PORT: '0', HOST: '::1', GUATU_TIME_ZONE: 'UTC' })).toEqual({
      port: 0,
      host: '::1',
      answerCache,
      timeZone: 'UTC',
    });
  });

  it('names the variable and the value it refuses', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(ServerConfigError);
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(/PORT: .*"eighty"/);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT: .*"70000"/);
    expect(() => readServerConfig({ HOST: 'not a host!' })).toThrow(/HOST: .*"not a host!"/);
    expect(() => readServerConfig({ GUATU_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /GUATU_TIME_ZONE: .*"Mars\/Olympus"/,
    );
  });
});
