// Runs operations against the real schema and a real database through Apollo's executeOperation.
import assert from 'node:assert';
import type { MikroORM } from '@mikro-orm/core';
import type { FormattedExecutionResult } from 'graphql';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { createApollo } from '../../src/server';

/** The date the demo's expectations are written for. */
export const DEMO_TODAY = '2026-11-28';

export interface TestApi {
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<FormattedExecutionResult<T>>;
  /** Runs and asserts there were no errors; returns data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs and returns the first error's code. */
  errorCode(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  readonly logged: unknown[][];
  stop(): Promise<void>;
}

export async function createTestApi(orm: MikroORM, today = DEMO_TODAY): Promise<TestApi> {
  const logged: unknown[][] = [];
  const apollo = createApollo(await createSchema(), { error: (...args: unknown[]) => logged.push(args) });
  await apollo.start();
  const run = async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue: createContext(orm.em, today) });
    assert(response.body.kind === 'single');
    return response.body.singleResult;
  };
  return {
    run,
    logged,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await run<T>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data as T;
    },
    async errorCode(query: string, variables?: Record<string, unknown>) {
      const result = await run(query, variables);
      expect(result.errors?.length).toBeGreaterThan(0);
      return result.errors?.[0].extensions?.code;
    },
    stop: () => apollo.stop(),
  };
}
