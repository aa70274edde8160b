// A government's own rules of procedure decide which decisions can carry a re-division (R7 settings).
import type { Viewer } from '../../src/auth/tokens';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';

const ADMIN: Viewer = { tokenId: 'token:test-admin', name: '系统管理员', role: 'ADMIN' };
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('rules', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const SET = `mutation($input: SetGovernanceRulesInput!) { setGovernanceRules(input: $input) { quorumMoreThan source meetingKindsByCategory { category meetingKinds } } }`;
const RULES = `{ jurisdiction(id: "jur:qingchuan") { version rules { quorumMoreThan source meetingKindsByCategory { category meetingKinds } } } }`;

it('reads the demo’s rules: more than half; re-divisions by standing or party-group meetings', async () => {
  const { jurisdiction } = await api.data(RULES);
  expect(jurisdiction.rules.quorumMoreThan).toBe(0.5);
  expect(jurisdiction.rules.source).toBe('《江州市青川区人民政府工作规则》第二十一条');
  expect(jurisdiction.rules.meetingKindsByCategory).toEqual(
    expect.arrayContaining([{ category: 'DIVISION_OF_LABOUR', meetingKinds: ['STANDING', 'PARTY_GROUP'] }]),
  );
});

it.each([
  ['an EDITOR', EDITOR, { quorumMoreThan: 0.66 }, 'FORBIDDEN'],
  ['a quorum below more than half', ADMIN, { quorumMoreThan: 0.4 }, 'BAD_USER_INPUT'],
  ['a category listed twice', ADMIN, { meetingKindsByCategory: [{ category: 'LARGE_FUND', meetingKinds: ['STANDING'] }, { category: 'LARGE_FUND', meetingKinds: ['PLENARY'] }] }, 'BAD_USER_INPUT'],
])('refuses rules set by %s', async (_label, viewer, patch, code) => {
  const input = { jurisdictionId: 'jur:qingchuan', quorumMoreThan: 0.5, meetingKindsByCategory: [], ...patch };
  expect(await api.errorCode(SET, { input }, { viewer })).toBe(code);
});

it('a stricter quorum set by an ADMIN makes an 8-of-9 meeting too small for a re-division, and is audited', async () => {
  const before = (await api.data(RULES)).jurisdiction.version;
  const { setGovernanceRules } = await api.data(SET, {
    input: { jurisdictionId: 'jur:qingchuan', quorumMoreThan: 0.9, meetingKindsByCategory: [{ category: 'DIVISION_OF_LABOUR', meetingKinds: ['STANDING'] }], source: '测试规则' },
  }, { viewer: ADMIN });
  expect(setGovernanceRules).toEqual({ quorumMoreThan: 0.9, source: '测试规则', meetingKindsByCategory: [{ category: 'DIVISION_OF_LABOUR', meetingKinds: ['STANDING'] }] });
  const version = (await api.data(RULES)).jurisdiction.version;
  expect(version).toBe(before + 1);

  const result = await api.run(
    `mutation($input: ApplyChangesetInput!) { applyChangeset(input: $input) { id } }`,
    { input: { jurisdictionId: 'jur:qingchuan', decisionId: 'decision:qingchuan-2026-11-adjust', document: '青政发〔2026〕30号', issuedById: 'leader:chen-yuanhang',
      effectiveDate: '2026-12-01', expectedVersion: version,
      items: [{ op: 'MOVE', lineId: 'line:wang-lihua-supervises-education', toLeaderId: 'leader:li-xiaoyan' }] } },
    { viewer: EDITOR },
  );
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUORUM_NOT_MET', violations: [expect.objectContaining({ details: expect.objectContaining({ present: 8, required: 9 }) })] });

  const { changes } = await api.data(`{ changes(jurisdictionId: "jur:qingchuan") { nodes { entityType actor before after } } }`);
  const audit = changes.nodes.find((e: { entityType: string }) => e.entityType === 'GOVERNANCE_RULES');
  expect(audit).toMatchObject({ actor: '系统管理员 (ADMIN)', before: { quorumMoreThan: 0.5 }, after: { quorumMoreThan: 0.9 } });
});
