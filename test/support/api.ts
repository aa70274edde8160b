// Runs operations against the real schema and a real database through Apollo's executeOperation.
import assert from 'node:assert';
import type { MikroORM } from '@mikro-orm/core';
import type { FormattedExecutionResult } from 'graphql';
import type { Viewer } from '../../src/auth/tokens';
import { createRequestScope } from '../../src/scope/request-scope';
import { createEvents, type Events } from '../../src/scope/events';
import { createSchema } from '../../src/graphql/schema';
import { createApollo, createLocalPolicy } from '../../src/server';

/** The date the demo's expectations are written for. */
export const DEMO_TODAY = '2026-11-28';

/** Callers for tests: the government office (EDITOR), a reader (VIEWER), an administrator. */
export const EDITOR: Viewer = { tokenId: 'token:test-editor', name: '区政府办公室', role: 'EDITOR' };
export const VIEWER: Viewer = { tokenId: 'token:test-viewer', name: '区财政局', role: 'VIEWER' };

export interface RunOptions {
  readonly viewer?: Viewer | null;
  readonly publicReads?: boolean;
}

export interface TestApi {
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<FormattedExecutionResult<T>>;
  /** Runs and asserts there were no errors; returns data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<T>;
  /** Runs and returns the first error's code. */
  errorCode(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<unknown>;
  readonly events: Events;
  readonly logged: unknown[][];
  stop(): Promise<void>;
}

/** Anonymous, public reads by default; pass `{ viewer: EDITOR }` to write. */
export async function createTestApi(orm: MikroORM, today = DEMO_TODAY): Promise<TestApi> {
  const logged: unknown[][] = [];
  const events = createEvents();
  const apollo = createApollo(await createSchema(events), createLocalPolicy({ error: (...args: unknown[]) => logged.push(args) }));
  await apollo.start();
  const run = async <T>(query: string, variables?: Record<string, unknown>, options: RunOptions = {}) => {
    const contextValue = createRequestScope(orm.em, {
      today, now: new Date(`${today}T04:00:00Z`), viewer: options.viewer ?? null, publicReads: options.publicReads ?? true, events,
    });
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    assert(response.body.kind === 'single');
    return response.body.singleResult;
  };
  return {
    run,
    events,
    logged,
    async data<T>(query: string, variables?: Record<string, unknown>, options?: RunOptions) {
      const result = await run<T>(query, variables, options);
      expect(result.errors).toBeUndefined();
      return result.data as T;
    },
    async errorCode(query: string, variables?: Record<string, unknown>, options?: RunOptions) {
      const result = await run(query, variables, options);
      expect(result.errors?.length).toBeGreaterThan(0);
      return result.errors?.[0].extensions?.code;
    },
    stop: () => apollo.stop(),
  };
}
