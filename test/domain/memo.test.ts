// rememberBounded (src/domain/memo.ts): a bounded memo of a pure function — each key computed once while kept, the
// least recently used key the first to go.
import { rememberBounded } from '../../src/domain';

it('computes a kept key once, and drops the least recently used key first', () => {
  const cache = new Map<string, string>();
  const computed: string[] = [];
  const remember = (key: string) => rememberBounded(cache, key, 2, () => {
    computed.push(key);
    return key.toUpperCase();
  });
  expect([remember('a'), remember('b'), remember('a')]).toEqual(['A', 'B', 'A']);
  expect(computed).toEqual(['a', 'b']);
  remember('c'); // 'b' is the least recently used: 'a' was asked for after it
  expect([...cache.keys()]).toEqual(['a', 'c']);
  remember('b');
  expect(computed).toEqual(['a', 'b', 'c', 'b']);
  expect([...cache.keys()]).toEqual(['c', 'b']);
});
