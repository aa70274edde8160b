// Hostile input for the fuzz suites (test/api/fuzz-*.test.ts): GraphQL operations built from the real schema
// with random arguments and variables, raw HTTP bodies and raw WebSocket messages. Each operation is built
// from a seed by a small deterministic generator, so a failure names the seed and prints the operation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType, isUnionType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config';

/** Every id the demo district seeds (jur:qingchuan, leader:…, line:…), so random operations reach real records. */
export const DEMO_IDS: readonly string[] = (() => {
  const dir = path.join(PROJECT_ROOT, 'seeds', 'demo-district');
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/"([a-z]+:[A-Za-z0-9._-]+)"/g)) ids.add(match[1]);
  }
  return [...ids].sort();
})();

/** Strings a careless or hostile client sends: control characters, huge, full-width, injection-shaped, odd Unicode. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', '财\u0000政', '\u001b[31m', '\r\n', '\t', '\u200b', '\ufeff', '\ud800', '\udfff', '😀', '𠮷',
  '教育', '财政', '区财政局', '王丽华', '青政发〔2026〕30号', 'ＡＢＣ１２３', '　教育　', "'; drop table leader; --", '" OR 1=1 --',
  '%', '_', '\\', '${x}', '<script>alert(1)</script>', '../../etc/passwd', 'null', 'undefined', 'NaN', '-1', '1e309',
  '2026-11-28', '2026-02-30', '0000-00-00', '9999-12-31', '2026-11-28T00:00:00Z', 'x'.repeat(5000), '教'.repeat(2000),
];

/** mulberry32: a tiny deterministic PRNG, seeded by fast-check. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  string(): string {
    const roll = this.int(10);
    if (roll < 3) return this.pick(DEMO_IDS);
    if (roll < 6) return this.pick(NASTY_STRINGS);
    const length = this.int(24);
    let s = '';
    for (let i = 0; i < length; i++) {
      const kind = this.int(4);
      s += String.fromCodePoint(kind === 0 ? this.int(0x80) : kind === 1 ? 0x4e00 + this.int(0x5000) : kind === 2 ? this.int(0x20) : this.int(0x110000 - 0xe000) + (this.chance(0.5) ? 0 : 0xe000));
    }
    return s;
  }
  /** Any JSON value, for variables of the wrong type. */
  json(depth = 2): unknown {
    const roll = this.int(depth > 0 ? 8 : 6);
    switch (roll) {
      case 0: return null;
      case 1: return this.chance(0.5);
      case 2: return this.pick([0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, -0.0001, 1e308]);
      case 3: case 4: case 5: return this.string();
      case 6: return Array.from({ length: this.int(4) }, () => this.json(depth - 1));
      default: return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.pick(['id', 'input', 'first', 'x', '__proto__', 'constructor', this.string()]), this.json(depth - 1)]));
    }
  }
}

/** A value for an input type: mostly well-typed, sometimes null or of the wrong type. */
function inputValue(type: GraphQLInputType, random: Random, depth: number): unknown {
  if (random.chance(0.04)) return random.json(1);
  if (isNonNullType(type)) return inputValue(type.ofType, random, depth);
  if (random.chance(0.05)) return null;
  if (isListType(type)) return Array.from({ length: random.chance(0.02) ? 1001 : random.int(4) }, () => inputValue(type.ofType, random, depth - 1));
  if (isEnumType(type)) return random.chance(0.9) ? random.pick(type.getValues()).value : random.string();
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) ? random.chance(0.95) : random.chance(depth > 0 ? 0.4 : 0.1)) value[field.name] = inputValue(field.type, random, depth - 1);
    }
    if (random.chance(0.03)) value[random.pick(['unknownField', '__typename', 'id'])] = random.json(0);
    return value;
  }
  switch (type.name) {
    case 'Int': return random.pick([0, 1, 2, 5, 10, 100, 101, 1000, -1, 2 ** 31 - 1, random.int(50)]);
    case 'Float': return random.pick([0, 0.5, 1, -1, 1e9, random.next()]);
    case 'Boolean': return random.chance(0.5);
    case 'LocalDate': return random.chance(0.7) ? random.pick(['2026-11-28', '2026-01-01', '2025-06-30', '2027-03-01', '1900-01-01']) : random.string();
    case 'JSON': return random.json(2);
    default: return random.string(); // String, ID and any other scalar
  }
}

/** `value` as a GraphQL literal of `type` (enums unquoted); strings escaped as JSON, which GraphQL shares. */
function literal(value: unknown, type: GraphQLInputType | null): string {
  const named = type === null ? null : getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return named !== null && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  const inner = type !== null && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner !== null && isListType(inner) ? inner.ofType : null)).join(', ')}]`;
  const fields = named !== null && isInputObjectType(named) ? named.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k)).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`).join(', ')} }`;
}

export interface Operation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly kind: 'query' | 'mutation';
}

class Builder {
  readonly definitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  constructor(readonly schema: GraphQLSchema, readonly random: Random) {}

  args(field: GraphQLField<unknown, unknown>): string {
    const given = field.args.filter((a) => isNonNullType(a.type) ? !this.random.chance(0.03) : this.random.chance(0.35));
    if (given.length === 0) return '';
    return `(${given.map((arg) => {
      const value = inputValue(arg.type, this.random, 2);
      if (this.random.chance(0.5)) {
        const name = `v${this.definitions.length}`;
        // Usually the argument's own type; sometimes a wrong or nullable one (a validation error, never a 500).
        const declared = this.random.chance(0.9) ? String(arg.type) : this.random.pick(['String', 'Int!', 'ID', '[String!]!', 'JSON', 'Boolean']);
        this.definitions.push(`$${name}: ${declared}`);
        if (!this.random.chance(0.03)) this.variables[name] = value;
        return `${arg.name}: $${name}`;
      }
      return `${arg.name}: ${literal(value, arg.type)}`;
    }).join(', ')})`;
  }

  selection(type: GraphQLOutputType, depth: number): string {
    const named: GraphQLNamedType = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = this.schema.getPossibleTypes(named);
      const on = this.random.pick(possible);
      return `{ __typename ... on ${on.name} ${this.selection(on, depth) || '{ __typename }'} }`;
    }
    const object = named as GraphQLObjectType;
    const fields = Object.values(object.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const pool = depth <= 0 ? leaves : fields;
    const count = 1 + this.random.int(3);
    const parts: string[] = [];
    for (let i = 0; i < count && pool.length > 0; i++) {
      const field = this.random.pick(pool);
      const alias = this.random.chance(0.1) ? `a${i}: ` : '';
      parts.push(`${alias}${field.name}${this.args(field)} ${this.selection(field.type, depth - 1)}`.trim());
    }
    if (parts.length === 0) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  }
}

/** A random operation over the schema's Query or Mutation fields, with literal arguments and variables mixed. */
export function buildOperation(schema: GraphQLSchema, seed: number, kind: 'query' | 'mutation'): Operation {
  const random = new Random(seed);
  const builder = new Builder(schema, random);
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = random.pick(Object.values(root.getFields()));
  const body = `{ ${field.name}${builder.args(field)} ${builder.selection(field.type, 1 + random.int(3))} }`.replace(/\s+}/g, ' }');
  const header = builder.definitions.length > 0 ? `${kind} Fuzz(${builder.definitions.join(', ')}) ` : `${kind} Fuzz `;
  return { query: header + body, variables: builder.variables, kind };
}

/** Raw request bodies: random bytes, random JSON, GraphQL-shaped JSON with junk, batches, huge and nested values. */
export const rawBody: fc.Arbitrary<{ body: Uint8Array | string; contentType: string }> = fc.oneof(
  fc.record({ body: fc.uint8Array({ maxLength: 512 }), contentType: fc.constantFrom('application/json', 'application/graphql-response+json', 'application/octet-stream') }),
  fc.record({ body: fc.json({ maxDepth: 4 }), contentType: fc.constant('application/json') }),
  fc.record({
    body: fc.record({
      query: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{ __typename }', '{ leadershipTeam(jurisdictionId: "jur:qingchuan") { totalCount } }', 'mutation { revokeToken(id: "x") }', '{', '}', 'subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { version } }'), fc.jsonValue()),
      variables: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)),
      operationName: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined)),
      extensions: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ persistedQuery: { version: 1, sha256Hash: 'abc' } }), fc.constant(undefined)),
    }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  }),
  fc.array(fc.record({ query: fc.constantFrom('{ __typename }', '{ nope }', '{'), variables: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 5 })
    .map((batch) => ({ body: JSON.stringify(batch), contentType: 'application/json' })),
  fc.nat({ max: 20_000 }).map((n) => ({ body: `{"query":"{ __typename }","variables":${'['.repeat(n % 5000)}${']'.repeat(n % 5000)}}`, contentType: 'application/json' })),
);

/** Raw graphql-transport-ws messages after the handshake: protocol-shaped with junk, random JSON, random text. */
export const rawWsMessage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.record({
    id: fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
    type: fc.constantFrom('subscribe', 'complete', 'ping', 'pong', 'connection_init', 'next', 'error', 'unknown', ''),
    payload: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ query: fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom('{ __typename }', '{ jurisdiction(id: "jur:qingchuan") { id } }', '{ x')), variables: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    ),
  }, { requiredKeys: ['type'] }).map((m) => JSON.stringify(m)),
);

/** The codes a client mistake may get; INTERNAL_SERVER_ERROR is never one of them. */
export function internalErrors(body: unknown): unknown[] {
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? [];
  return Array.isArray(errors) ? errors.filter((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR' || e?.extensions?.code === undefined) : [];
}
