// Search as people ask, through GraphQL on a real database (issue 14): matchedBy, heads' contacts for EDITOR
// and above only, bad input refused, and a search that names no government finding one by the vocabulary.
// (Kept beside the domain's search tests while test/api is being edited by others; it belongs in test/api.)
import { generateDistrict } from '../../src/io/generate';
import { importDataset } from '../../src/io/importer';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, VIEWER, type TestApi } from '../support/api';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('search', {}, { demo: true });
  // A district as imported from a notice: no aliases at all.
  const district = generateDistrict({ id: 'jur:plain', name: '平原县', level: 'COUNTY', scale: 1, validFrom: '2026-01-01' });
  await importDataset(db.orm.em.fork(), {
    ...district,
    departments: district.departments.map((d) => ({ ...d, aliases: [] })),
    workAreas: district.workAreas.map((w) => ({ ...w, aliases: [] })),
  });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const WHO = `query($text: String!, $jurisdictionId: ID) {
  whoOversees(text: $text, jurisdictionId: $jurisdictionId) {
    totalCount
    nodes {
      matchedName matchedBy score
      target { __typename ... on Department { id name head { name contact } } ... on WorkArea { id } }
      overseers { leader { id } relation liaison away actingFor { id } }
    }
  }
}`;

describe('whoOversees as people ask', () => {
  it.each([
    ['殡葬', 'dept:civil-affairs', 'TOPIC', '殡葬'],
    ['殯葬歸誰管？', 'dept:civil-affairs', 'TOPIC', '殡葬'],
    ['市监局', 'dept:market-regulation', 'SHORT_FORM', '市监局'],
    ['区财政局', 'dept:finance', 'NAME', '区财政局'],
    ['sjj', 'dept:audit', 'PINYIN', '区审计局'],
    ['起诉', 'dept:court', 'TOPIC', '起诉'],
  ])('%j → %s by %s (%s)', async (text, target, matchedBy, matchedName) => {
    const { whoOversees } = await api.data(WHO, { text, jurisdictionId: 'jur:qingchuan' });
    expect(whoOversees.nodes[0]).toMatchObject({ matchedBy, matchedName, target: { id: target } });
  });

  it('a topic of an outside unit: the liaising leader, marked', async () => {
    const { whoOversees } = await api.data(WHO, { text: '起诉', jurisdictionId: 'jur:qingchuan' });
    expect(whoOversees.nodes[0].overseers[0]).toMatchObject({ leader: { id: 'leader:zhao-wenbin' }, relation: 'LIAISES_WITH', liaison: true, away: true });
    expect(whoOversees.nodes[0].overseers[1]).toMatchObject({ leader: { id: 'leader:wang-lihua' }, actingFor: { id: 'leader:zhao-wenbin' } });
  });

  it('a leader’s name: what he oversees, each with him among the overseers', async () => {
    const { whoOversees } = await api.data(WHO, { text: '周明', jurisdictionId: 'jur:qingchuan' });
    expect(whoOversees.totalCount).toBeGreaterThan(3);
    for (const node of whoOversees.nodes) {
      expect(node).toMatchObject({ matchedBy: 'LEADER', matchedName: '周明' });
      expect(node.overseers.map((o: { leader: { id: string } }) => o.leader.id)).toContain('leader:zhou-ming');
    }
  });

  it('"…局长": the unit’s head, the contact for EDITOR and above only', async () => {
    const anonymous = await api.data(WHO, { text: '教育局长', jurisdictionId: 'jur:qingchuan' });
    expect(anonymous.whoOversees.nodes[0]).toMatchObject({ matchedBy: 'HEAD', target: { id: 'dept:education', head: { name: '林雅琴', contact: null } } });
    const viewer = await api.data(WHO, { text: '教育局长', jurisdictionId: 'jur:qingchuan' }, { viewer: VIEWER });
    expect(viewer.whoOversees.nodes[0].target.head.contact).toBeNull();
    const editor = await api.data(WHO, { text: '教育局长', jurisdictionId: 'jur:qingchuan' }, { viewer: EDITOR });
    expect(editor.whoOversees.nodes[0].target.head).toEqual({ name: '林雅琴', contact: '010-55501003' });
  });

  it('a search that names no government finds one with no aliases by the vocabulary (林草局 → 林业局, 殡葬 → 民政局)', async () => {
    const forestry = await api.data(WHO, { text: '林草局' });
    expect(forestry.whoOversees.nodes[0]).toMatchObject({ matchedBy: 'SHORT_FORM', target: { name: '平原县林业局' } });
    const funerals = await api.data(WHO, { text: '殡葬' });
    const names = funerals.whoOversees.nodes.map((n: { target: { name?: string } }) => n.target.name);
    expect(names).toEqual(expect.arrayContaining(['区民政局', '平原县民政局']));
  });

  it.each([
    ['empty', ''],
    ['over-long', '财'.repeat(51)],
    ['a control character', '审计\u0007局'],
  ])('refuses %s text with BAD_USER_INPUT', async (_label, text) => {
    expect(await api.errorCode(WHO, { text })).toBe('BAD_USER_INPUT');
  });
});
