// The read-retry policy (src/db/retry.ts): which failures a read runs again after, and how many times.
import { retryRead } from '../../src/db/retry';

const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' });

/** A read that fails with `failures` in turn, then answers 'facts'; counts its calls. */
function flakyRead(failures: Error[]) {
  let calls = 0;
  return {
    read: async () => {
      calls += 1;
      if (calls <= failures.length) throw failures[calls - 1];
      return 'facts';
    },
    calls: () => calls,
  };
}

describe('retryRead', () => {
  it.each([
    ['answers at once', [], 'facts', 1],
    ['retries a dropped connection', [terminated], 'facts', 2],
    ['retries a second dropped connection (another dead one from the same pool)', [terminated, terminated], 'facts', 3],
    ['gives up after three attempts', [terminated, terminated, terminated], terminated, 3],
    ['never retries an error the database gave about the statement', [syntax], syntax, 1],
    ['stops at a statement error met on a retry', [terminated, syntax], syntax, 2],
  ])('%s', async (_name, failures, outcome, calls) => {
    const flaky = flakyRead(failures as Error[]);
    if (outcome === 'facts') await expect(retryRead(flaky.read)).resolves.toBe('facts');
    else await expect(retryRead(flaky.read)).rejects.toBe(outcome);
    expect(flaky.calls()).toBe(calls);
  });
});
