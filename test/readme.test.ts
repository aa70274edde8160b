// The README's example queries run against the demo district and give the answers the README states, and every
// GraphQL document the README shows is valid against the committed schema (schema/schema.graphql).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLError } from 'graphql';
import { PROJECT_ROOT } from '../src/config';
import { openTestDatabase, type TestDatabase } from './support/database';
import { createTestApi, EDITOR, type TestApi } from './support/api';

const examples = [...readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('readme', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

it('has example queries', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

// Before the examples run (one of them applies this very re-division):
it('the re-division preview is valid: 区教育局 moves from 王丽华 to 李晓燕', async () => {
  const preview = examples.find((e) => e.includes('previewChangeset')) as string;
  const { previewChangeset, jurisdiction } = await api.data(preview, undefined, { viewer: EDITOR });
  expect(jurisdiction.version).toBe(0);
  expect(previewChangeset.valid).toBe(true);
  expect(previewChangeset.violations).toEqual([]);
  expect(previewChangeset.diff.map((d: { action: string }) => d.action)).toEqual(['CLOSE', 'OPEN']);
  expect(previewChangeset.diff[1].text).toContain('李晓燕');
});

// Run as the government office: one example is the dry run of a re-division, which needs EDITOR.
it.each(examples.map((query, i) => [i + 1, query]))('example %i runs without errors', async (_n, query) => {
  const result = await api.run(query as string, undefined, { viewer: EDITOR });
  expect(result.errors).toBeUndefined();
});

it('the apply example used the decision: citing it again is refused with DECISION_ALREADY_USED', async () => {
  const preview = examples.find((e) => e.includes('previewChangeset')) as string;
  const { previewChangeset, jurisdiction } = await api.data(preview, undefined, { viewer: EDITOR });
  expect(jurisdiction.version).toBe(1);
  expect(previewChangeset.violations.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['DECISION_ALREADY_USED']));
});

it('who oversees 财政: 周明 supervises 区财政局 and is responsible for 财政', async () => {
  const { whoOversees } = await api.data(examples[0]);
  const dept = whoOversees.nodes.find((n: any) => n.target.name === '区财政局');
  const area = whoOversees.nodes.find((n: any) => n.target.__typename === 'WorkArea' && n.target.name === '财政');
  expect(dept.overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'SUPERVISES', liaison: false });
  expect(area.overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'RESPONSIBLE_FOR' });
});

it('税务: 周明 liaises with the tax bureau', async () => {
  const { whoOversees } = await api.data(examples[0].replace('"财政"', '"税务"'));
  expect(whoOversees.nodes[0].overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'LIAISES_WITH', liaison: true });
});

it('李晓燕 may direct the education bureau by general authority; the tax bureau is outside the line', async () => {
  const { canDirect } = await api.data(examples[1]);
  expect(canDirect).toMatchObject({ allowed: true, basis: 'GENERAL_AUTHORITY' });
  const { canDirect: tax } = await api.data(examples[1].replace('dept:education', 'dept:tax').replace('basis', 'basis code'));
  expect(tax).toMatchObject({ allowed: false, code: 'OUTSIDE_GOVERNMENT_LINE' });
});

it('the justice bureau: 赵文斌 first (away), 陈远航 HEAD, 王丽华 acting for him', async () => {
  const { whoCanDirect } = await api.data(examples[2]);
  expect(whoCanDirect.nodes.slice(0, 3)).toEqual([
    { leader: { name: '赵文斌' }, basis: 'SUPERVISES', primary: true, away: true, actingFor: null },
    { leader: { name: '陈远航' }, basis: 'HEAD', primary: false, away: false, actingFor: null },
    { leader: { name: '王丽华' }, basis: 'ACTING_FOR', primary: false, away: false, actingFor: { name: '赵文斌' } },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// Every GraphQL document in the README is valid against the committed schema, selections included: the ```graphql
// fences, and the "query" of each JSON body sent with `curl -d '…'` in any other fence.

interface ReadmeDocument {
  /** 1-based, in README order: the number a failure names. */
  readonly n: number;
  /** Line of README.md where the fence opens. */
  readonly line: number;
  readonly from: 'graphql fence' | 'curl body';
  readonly text: string;
}

const README_TEXT = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const SDL = readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');

/** The GraphQL documents of a Markdown text; a curl body that looks like JSON but is not is an error. */
function graphqlDocuments(markdown: string): ReadmeDocument[] {
  const found: Omit<ReadmeDocument, 'n'>[] = [];
  for (const fence of markdown.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    const line = markdown.slice(0, fence.index).split('\n').length;
    const language = fence[1].trim().split(/\s+/)[0];
    const body = fence[2];
    if (language === 'graphql') {
      found.push({ line, from: 'graphql fence', text: body });
      continue;
    }
    for (const data of body.matchAll(/(?:^|\s)(?:-d|--data|--data-raw|--data-binary)\s+'([^']*)'/g)) {
      const payload = data[1].trim();
      if (!payload.startsWith('{')) continue; // e.g. -d '…' standing for "a body like the above"
      let json: unknown;
      try {
        json = JSON.parse(payload);
      } catch (error) {
        throw new Error(`README.md line ${line}: a curl body is not JSON (${(error as Error).message}): ${payload}`);
      }
      const query = (json as { query?: unknown }).query;
      if (typeof query === 'string') found.push({ line, from: 'curl body', text: query });
    }
  }
  return found.map((d, i) => ({ ...d, n: i + 1 }));
}

/** What graphql-js finds wrong with one document, one line per error, naming the document; [] when valid. */
function problemsOf(schema: ReturnType<typeof buildSchema>, doc: ReadmeDocument): string[] {
  const where = `README GraphQL block ${doc.n} (${doc.from}, README.md line ${doc.line})`;
  const describe = (e: GraphQLError) =>
    `${where}: ${e.message}${e.locations === undefined ? '' : ` at ${e.locations.map((l) => `${l.line}:${l.column}`).join(', ')}`}`;
  try {
    return validate(schema, parse(doc.text)).map(describe);
  } catch (error) {
    return [describe(error as GraphQLError)];
  }
}

describe('every GraphQL document in the README is valid against schema/schema.graphql', () => {
  const schema = buildSchema(SDL);
  const documents = graphqlDocuments(README_TEXT);

  it('finds the ```graphql fences and the curl bodies', () => {
    expect(documents.filter((d) => d.from === 'graphql fence')).toHaveLength(examples.length);
    expect(documents.some((d) => d.from === 'curl body')).toBe(true);
  });

  it.each(documents.map((d) => [d.n, d.from, d.line, d] as const))('block %i (%s, line %i)', (_n, _from, _line, doc) => {
    expect(problemsOf(schema, doc)).toEqual([]);
  });

  it('the check catches what the schema does not have (the audit feed’s old field names) and bad syntax', () => {
    const wrong = { n: 99, line: 1, from: 'graphql fence', text: '{ changes { nodes { time entity } } }' } as const;
    expect(problemsOf(schema, wrong)).toEqual([
      'README GraphQL block 99 (graphql fence, README.md line 1): Cannot query field "time" on type "AuditEvent". at 1:21',
      'README GraphQL block 99 (graphql fence, README.md line 1): Cannot query field "entity" on type "AuditEvent". Did you mean "entityId"? at 1:26',
    ]);
    expect(problemsOf(schema, { ...wrong, text: '{ changes { nodes { at } }' })).toHaveLength(1);
    expect(problemsOf(schema, { ...wrong, text: '{ canDirect(leaderId: "x") { allowed } }' })[0]).toContain('argument "departmentId"');
  });

  it('reads curl bodies as JSON and refuses one that is not', () => {
    expect(graphqlDocuments("```sh\ncurl localhost:4000/graphql -d '{\"query\":\"{ jurisdictions { totalCount } }\"}'\n```\n")).toEqual([
      { n: 1, line: 1, from: 'curl body', text: '{ jurisdictions { totalCount } }' },
    ]);
    expect(graphqlDocuments("```sh\ncurl localhost:4000/graphql -d '…'\n```\n")).toEqual([]);
    expect(() => graphqlDocuments("```sh\ncurl localhost:4000/graphql -d '{query: 1}'\n```\n")).toThrow('README.md line 1: a curl body is not JSON');
  });
});

// The curl examples run too, as an anonymous reader would send them (reads are public in the demo).
it.each(graphqlDocuments(README_TEXT).filter((d) => d.from === 'curl body').map((d) => [d.n, d]))(
  'curl example (README GraphQL block %i) runs without errors',
  async (_n, doc) => {
    const result = await api.run((doc as ReadmeDocument).text);
    expect(result.errors).toBeUndefined();
  },
);
