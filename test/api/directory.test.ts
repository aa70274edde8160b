// The read API's contract on the demo district (seeds/demo-district), on a real database.
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, type TestApi } from '../support/api';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('directory');
  expect(await seedDemoIfEmpty(db.orm)).toBe(true);
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const BEFORE_REDIVISION = '2025-06-01';

describe('seeding', () => {
  it('seeds once: a second call finds the district and does nothing', async () => {
    expect(await seedDemoIfEmpty(db.orm)).toBe(false);
    const { leadershipTeam } = await api.data(`{ leadershipTeam(jurisdictionId: "jur:qingchuan") { totalCount } }`);
    expect(leadershipTeam.totalCount).toBe(9);
  });
});

describe('jurisdictions', () => {
  it('pages through governments in SQL and walks up to the parent', async () => {
    const first = await api.data(`{ jurisdictions(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`);
    expect(first.jurisdictions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ id: 'jur:jiangzhou' }] });
    const next = await api.data(`query($after: String) { jurisdictions(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id level parent { id name } } } }`, {
      after: first.jurisdictions.pageInfo.endCursor,
    });
    expect(next.jurisdictions).toEqual({
      pageInfo: { hasNextPage: false },
      nodes: [
        { id: 'jur:linjiang', level: 'DISTRICT', parent: { id: 'jur:jiangzhou', name: '江州市' } },
        { id: 'jur:qingchuan', level: 'DISTRICT', parent: { id: 'jur:jiangzhou', name: '江州市' } },
      ],
    });
    const children = await api.data(`{ jurisdictions(parentId: "jur:jiangzhou") { totalCount nodes { id } } }`);
    expect(children.jurisdictions).toEqual({ totalCount: 2, nodes: [{ id: 'jur:linjiang' }, { id: 'jur:qingchuan' }] });
  });
});

describe('departments', () => {
  it('lists the units in force, government line first, and filters by kind', async () => {
    const { all, vertical, before } = await api.data(`{
      all: departments(jurisdictionId: "jur:qingchuan", first: 100) { totalCount nodes { id kind } }
      vertical: departments(jurisdictionId: "jur:qingchuan", kinds: [VERTICAL, JUDICIAL]) { nodes { kind } }
      before: departments(jurisdictionId: "jur:qingchuan", asOf: "2025-06-01", first: 100) { nodes { id } }
    }`);
    expect(all.totalCount).toBe(43);
    const kinds = all.nodes.map((d: { kind: string }) => d.kind);
    expect(kinds.lastIndexOf('SUBDISTRICT')).toBeLessThan(kinds.indexOf('VERTICAL'));
    expect(new Set(vertical.nodes.map((d: { kind: string }) => d.kind))).toEqual(new Set(['VERTICAL', 'JUDICIAL']));
    const ids = (nodes: { id: string }[]) => nodes.map((d) => d.id);
    expect(ids(all.nodes)).toContain('dept:data');
    expect(ids(before.nodes)).toContain('dept:gov-service-center');
    expect(ids(before.nodes)).not.toContain('dept:data');
  });
});

describe('leadershipTeam', () => {
  const TEAM = `query($asOf: LocalDate) {
    leadershipTeam(jurisdictionId: "jur:qingchuan", asOf: $asOf) {
      totalCount
      nodes { id name protocolRank presides posts { acting post { kind title } } }
    }
  }`;

  it('lists today’s team in protocol order, the acting head first', async () => {
    const { leadershipTeam } = await api.data(TEAM);
    expect(leadershipTeam.nodes.map((l: { id: string }) => l.id)).toEqual([
      'leader:chen-yuanhang', 'leader:zhou-ming', 'leader:sun-haitao', 'leader:li-xiaoyan', 'leader:wang-lihua',
      'leader:zhao-wenbin', 'leader:he-zhiyuan', 'leader:xu-jing', 'leader:wu-bin',
    ]);
    const head = leadershipTeam.nodes[0];
    expect(head).toMatchObject({ name: '陈远航', protocolRank: 1, presides: true, posts: [{ acting: true, post: { kind: 'HEAD', title: '区长' } }] });
    expect(leadershipTeam.nodes[1].posts.map((p: { post: { kind: string } }) => p.post.kind)).toEqual(['EXECUTIVE_DEPUTY', 'PARTY_GROUP_MEMBER']);
  });

  it('travels back to the earlier division (R12)', async () => {
    const { leadershipTeam } = await api.data(TEAM, { asOf: BEFORE_REDIVISION });
    const ids = leadershipTeam.nodes.map((l: { id: string }) => l.id);
    expect(ids[0]).toBe('leader:liu-jianguo');
    expect(ids).toContain('leader:huang-dewei');
    expect(ids).not.toContain('leader:he-zhiyuan');
    expect(leadershipTeam.nodes[0].posts[0].acting).toBe(false);
  });

  it('pages with cursors and never truncates silently', async () => {
    const page = `query($after: String) { leadershipTeam(jurisdictionId: "jur:qingchuan", first: 4, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const { leadershipTeam }: { leadershipTeam: any } = await api.data(page, { after });
      seen.push(...leadershipTeam.nodes.map((n: { id: string }) => n.id));
      expect(leadershipTeam.totalCount).toBe(9);
      if (!leadershipTeam.pageInfo.hasNextPage) break;
      after = leadershipTeam.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });
});

describe('leader and department, both directions', () => {
  it('shows a leader’s portfolio by kind, with nested asOf inherited', async () => {
    const { leader } = await api.data(`{ leader(id: "leader:zhou-ming", asOf: "${BEFORE_REDIVISION}") {
      asOf
      supervises { department { id } }
      assists { principal { id } department { id } }
      liaisesWith { department { id } }
    } }`);
    expect(leader.asOf).toBe(BEFORE_REDIVISION);
    expect(leader.supervises.map((l: any) => l.department.id)).toContain('dept:gov-service-center');
    expect(leader.supervises.map((l: any) => l.department.id)).not.toContain('dept:data');
    expect(leader.assists).toEqual([{ principal: { id: 'leader:liu-jianguo' }, department: { id: 'dept:audit' } }]);
    expect(leader.liaisesWith.map((l: any) => l.department.id).sort()).toEqual(['dept:tax', 'dept:trade-union']);
  });

  it('shows a department’s supervisor, liaison and assisting lines (reverse direction)', async () => {
    const { audit, tax } = await api.data(`{
      audit: department(id: "dept:audit") { kind inGovernmentLine supervisedBy { leader { id } } assistedBy { leader { id } principal { id } } }
      tax: department(id: "dept:tax") { kind inGovernmentLine supervisedBy { id } liaisedBy { leader { id } } }
    }`);
    expect(audit).toEqual({
      kind: 'CONSTITUENT', inGovernmentLine: true,
      supervisedBy: [{ leader: { id: 'leader:chen-yuanhang' } }],
      assistedBy: [{ leader: { id: 'leader:zhou-ming' }, principal: { id: 'leader:chen-yuanhang' } }],
    });
    expect(tax).toEqual({ kind: 'VERTICAL', inGovernmentLine: false, supervisedBy: [], liaisedBy: [{ leader: { id: 'leader:zhou-ming' } }] });
  });

  it('keeps every line in the history of a unit that changed hands (nothing overwritten)', async () => {
    const { department } = await api.data(`{ department(id: "dept:education") {
      history { totalCount nodes { kind leader { id } validFrom validTo document } } } }`);
    const supervision = department.history.nodes.filter((l: any) => l.kind === 'SUPERVISES');
    expect(supervision).toEqual([
      { kind: 'SUPERVISES', leader: { id: 'leader:huang-dewei' }, validFrom: '2024-01-15', validTo: '2026-03-20', document: '青政发〔2024〕3号' },
      { kind: 'SUPERVISES', leader: { id: 'leader:wang-lihua' }, validFrom: '2026-03-20', validTo: null, document: '青政发〔2026〕12号' },
    ]);
  });

  it('shows who is away, who acts for him, and the AB pair with its exception', async () => {
    const { leader } = await api.data(`{ leader(id: "leader:zhao-wenbin") {
      absence { reason validTo }
      coveredBy { actor { id } basis exceptions { targetId actor { id } } }
      backedUpBy { backup { id } exceptedDepartments { id } exceptedWorkAreas { id } }
    } }`);
    expect(leader.absence.validTo).toBe('2027-01-16');
    expect(leader.coveredBy.actor.id).toBe('leader:wang-lihua');
    expect(leader.coveredBy.basis).toBe('BACKUP');
    expect(leader.coveredBy.exceptions).toEqual(
      expect.arrayContaining([{ targetId: 'dept:public-security', actor: { id: 'leader:chen-yuanhang' } }]),
    );
    expect(leader.backedUpBy).toEqual({
      backup: { id: 'leader:wang-lihua' },
      exceptedDepartments: [{ id: 'dept:public-security' }],
      exceptedWorkAreas: [{ id: 'area:public-security' }],
    });
    const { leader: b } = await api.data(`{ leader(id: "leader:wang-lihua") { actingFor { absentLeader { id } } } }`);
    expect(b.actingFor).toEqual([{ absentLeader: { id: 'leader:zhao-wenbin' } }]);
  });
});

describe('whoOversees', () => {
  const WHO = `query($text: String!, $asOf: LocalDate, $jurisdictionId: ID) {
    whoOversees(text: $text, asOf: $asOf, jurisdictionId: $jurisdictionId) {
      nodes { matchedName target { __typename ... on Department { id } ... on WorkArea { id } }
        overseers { leader { id } relation liaison away actingFor { id } } }
    }
  }`;
  const find = (nodes: any[], id: string) => nodes.find((n) => n.target.id === id);

  it.each([
    ['财政', 'dept:finance', 'leader:zhou-ming', 'SUPERVISES', false],
    ['谁分管财政局？', 'dept:finance', 'leader:zhou-ming', 'SUPERVISES', false],
    ['区发改委', 'dept:dev-reform', 'leader:zhou-ming', 'SUPERVISES', false],
    ['税务', 'dept:tax', 'leader:zhou-ming', 'LIAISES_WITH', true],
    ['法院', 'dept:court', 'leader:zhao-wenbin', 'LIAISES_WITH', true],
    ['教育', 'dept:education', 'leader:wang-lihua', 'SUPERVISES', false],
  ])('"%s" → %s, overseen by %s (%s, liaison %s)', async (text, target, leader, relation, liaison) => {
    const { whoOversees } = await api.data(WHO, { text });
    const match = find(whoOversees.nodes, target);
    expect(match).toBeDefined();
    expect(match.overseers[0]).toMatchObject({ leader: { id: leader }, relation, liaison });
  });

  it('matches work areas too, with the responsible leader', async () => {
    const { whoOversees } = await api.data(WHO, { text: '财政', jurisdictionId: 'jur:qingchuan' });
    expect(find(whoOversees.nodes, 'area:finance')).toMatchObject({
      target: { __typename: 'WorkArea' },
      overseers: [{ leader: { id: 'leader:zhou-ming' }, relation: 'RESPONSIBLE_FOR', liaison: false }],
    });
  });

  it('answers for the date asked: education before the re-division was 黄德伟’s', async () => {
    const { whoOversees } = await api.data(WHO, { text: '区教育局', asOf: BEFORE_REDIVISION });
    expect(find(whoOversees.nodes, 'dept:education').overseers[0].leader.id).toBe('leader:huang-dewei');
  });

  it('shows the absent supervisor and the leader acting for him', async () => {
    const { whoOversees } = await api.data(WHO, { text: '区司法局' });
    expect(find(whoOversees.nodes, 'dept:justice').overseers).toEqual([
      { leader: { id: 'leader:zhao-wenbin' }, relation: 'SUPERVISES', liaison: false, away: true, actingFor: null },
      { leader: { id: 'leader:wang-lihua' }, relation: 'SUPERVISES', liaison: false, away: false, actingFor: { id: 'leader:zhao-wenbin' } },
    ]);
  });

  it('returns an empty list, not an error, when nothing matches', async () => {
    const { whoOversees } = await api.data(WHO, { text: '航天发射' });
    expect(whoOversees.nodes).toEqual([]);
  });
});

describe('canDirect and whoCanDirect', () => {
  const CAN = `query($leaderId: ID!, $departmentId: ID!, $asOf: LocalDate) {
    canDirect(leaderId: $leaderId, departmentId: $departmentId, asOf: $asOf) {
      allowed basis code reason away actingFor { id } chain { kind factId text } leader { id } department { id } asOf
    }
  }`;

  it.each([
    // leader, unit, date, allowed, basis or code
    ['leader:wang-lihua', 'dept:education', undefined, true, 'SUPERVISES'],
    ['leader:wang-lihua', 'dept:education', BEFORE_REDIVISION, true, 'GENERAL_AUTHORITY'],
    ['leader:li-xiaoyan', 'dept:education', undefined, true, 'GENERAL_AUTHORITY'],
    ['leader:xu-jing', 'dept:finance', undefined, true, 'GENERAL_AUTHORITY'],
    ['leader:chen-yuanhang', 'dept:finance', undefined, true, 'HEAD'],
    ['leader:zhou-ming', 'dept:audit', undefined, true, 'ASSISTS'],
    ['leader:wang-lihua', 'dept:justice', undefined, true, 'ACTING_FOR'],
    ['leader:wang-lihua', 'dept:public-security', undefined, true, 'GENERAL_AUTHORITY'],
    ['leader:chen-yuanhang', 'dept:tax', undefined, false, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:zhao-wenbin', 'dept:court', undefined, false, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:wu-bin', 'dept:finance', undefined, false, 'NO_AUTHORITY'],
    ['leader:huang-dewei', 'dept:industry', BEFORE_REDIVISION, true, 'SUPERVISES'],
    ['leader:huang-dewei', 'dept:industry', undefined, false, 'NOT_IN_TEAM'],
    ['leader:zhou-ming', 'dept:data', BEFORE_REDIVISION, false, 'UNIT_NOT_ACTIVE'],
  ])('%s → %s on %s: allowed %s (%s)', async (leaderId, departmentId, asOf, allowed, basisOrCode) => {
    const { canDirect } = await api.data(CAN, { leaderId, departmentId, asOf });
    expect(canDirect.allowed).toBe(allowed);
    expect(allowed ? canDirect.basis : canDirect.code).toBe(basisOrCode);
    expect(canDirect.reason.length).toBeGreaterThan(0);
    expect(canDirect.chain.length).toBeGreaterThan(0);
  });

  it('proves an acting line with the absence and the AB pair', async () => {
    const { canDirect } = await api.data(CAN, { leaderId: 'leader:wang-lihua', departmentId: 'dept:justice' });
    expect(canDirect.actingFor).toEqual({ id: 'leader:zhao-wenbin' });
    const kinds = canDirect.chain.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ABSENCE', 'BACKUP', 'ASSIGNMENT']));
    expect(canDirect.chain.map((s: { factId: string | null }) => s.factId)).toEqual(
      expect.arrayContaining(['absence:zhao-wenbin-party-school-2026', 'backup:zhao-wenbin-by-wang-lihua']),
    );
  });

  it('lists every leader who may direct a unit, the primary line first, the away supervisor flagged', async () => {
    const { whoCanDirect } = await api.data(`{ whoCanDirect(departmentId: "dept:justice") {
      totalCount nodes { leader { id } basis primary away actingFor { id } } } }`);
    expect(whoCanDirect.nodes[0]).toEqual({ leader: { id: 'leader:zhao-wenbin' }, basis: 'SUPERVISES', primary: true, away: true, actingFor: null });
    const byLeader = Object.fromEntries(whoCanDirect.nodes.map((n: any) => [n.leader.id, n.basis]));
    expect(byLeader).toMatchObject({ 'leader:chen-yuanhang': 'HEAD', 'leader:wang-lihua': 'ACTING_FOR', 'leader:xu-jing': 'GENERAL_AUTHORITY' });
    expect(byLeader['leader:wu-bin']).toBeUndefined();
    expect(whoCanDirect.totalCount).toBe(8);
  });

  it('lists nobody for a unit outside the government line (R4)', async () => {
    const { whoCanDirect } = await api.data(`{ whoCanDirect(departmentId: "dept:procuratorate") { totalCount } }`);
    expect(whoCanDirect.totalCount).toBe(0);
  });
});

describe('portfolioMatrix and coverage', () => {
  it('tells 分管, 联系 and 协助 apart in the matrix', async () => {
    const { portfolioMatrix } = await api.data(`{ portfolioMatrix(jurisdictionId: "jur:qingchuan") {
      leaders { id } departments { id kind } cells { leader { id } department { id } workArea { id } kind orphaned } } }`);
    expect(portfolioMatrix.leaders).toHaveLength(9);
    const cell = (leader: string, dept: string) =>
      portfolioMatrix.cells.filter((c: any) => c.leader.id === leader && c.department?.id === dept).map((c: any) => c.kind);
    expect(cell('leader:zhou-ming', 'dept:finance')).toEqual(['SUPERVISES']);
    expect(cell('leader:zhou-ming', 'dept:tax')).toEqual(['LIAISES_WITH']);
    expect(cell('leader:zhou-ming', 'dept:audit')).toEqual(['ASSISTS']);
    expect(portfolioMatrix.cells.some((c: any) => c.orphaned)).toBe(false);
    const kinds = portfolioMatrix.departments.map((d: any) => d.kind);
    expect(kinds.indexOf('VERTICAL')).toBeGreaterThan(kinds.lastIndexOf('SUBDISTRICT'));
  });

  it('reports coverage: no gaps, load per leader, the absence and who covers it', async () => {
    const { coverage } = await api.data(`{ coverage(jurisdictionId: "jur:qingchuan") {
      gaps { id } overlaps { department { id } } load { leader { id } supervises total }
      absences { absentLeader { id } actor { id } basis } absentWithoutCover { absentLeader { id } }
      unliaisedExternalUnits { id } orphanedAssists { id } } }`);
    expect(coverage.gaps).toEqual([]);
    expect(coverage.overlaps).toEqual([]);
    expect(coverage.load[0]).toEqual({ leader: { id: 'leader:chen-yuanhang' }, supervises: 1, total: 4 });
    expect(coverage.load.find((l: any) => l.leader.id === 'leader:zhou-ming').supervises).toBe(8);
    expect(coverage.absences).toEqual([{ absentLeader: { id: 'leader:zhao-wenbin' }, actor: { id: 'leader:wang-lihua' }, basis: 'BACKUP' }]);
    expect(coverage.absentWithoutCover).toEqual([]);
    expect(coverage.unliaisedExternalUnits).toEqual([]);
    expect(coverage.orphanedAssists).toEqual([]);
  });
});

describe('bad input gets a coded error, never a crash', () => {
  it.each([
    ['unknown leader', `{ leader(id: "leader:nobody") { id } }`, 'NOT_FOUND'],
    ['unknown department', `{ whoCanDirect(departmentId: "dept:nothing") { totalCount } }`, 'NOT_FOUND'],
    ['unknown jurisdiction', `{ coverage(jurisdictionId: "jur:atlantis") { gaps { id } } }`, 'NOT_FOUND'],
    ['empty id', `{ leader(id: "") { id } }`, 'BAD_USER_INPUT'],
    ['over-long id', `{ leader(id: "${'x'.repeat(101)}") { id } }`, 'BAD_USER_INPUT'],
    ['impossible date', `{ leader(id: "leader:zhou-ming", asOf: "2026-02-30") { id } }`, 'BAD_USER_INPUT'],
    ['date in another format', `{ leader(id: "leader:zhou-ming", asOf: "2026/11/28") { id } }`, 'BAD_USER_INPUT'],
    ['date as a number', `{ leader(id: "leader:zhou-ming", asOf: 20261128) { id } }`, 'BAD_USER_INPUT'],
    ['unknown enum value', `{ departments(jurisdictionId: "jur:qingchuan", kinds: [MINISTRY]) { totalCount } }`, 'BAD_USER_INPUT'],
    ['page too large', `{ departments(jurisdictionId: "jur:qingchuan", first: 101) { totalCount } }`, 'BAD_USER_INPUT'],
    ['page of zero', `{ departments(jurisdictionId: "jur:qingchuan", first: 0) { totalCount } }`, 'BAD_USER_INPUT'],
    ['forged cursor', `{ departments(jurisdictionId: "jur:qingchuan", after: "bm90LWEtY3Vyc29y") { totalCount } }`, 'BAD_USER_INPUT'],
    ['empty search', `{ whoOversees(text: "") { totalCount } }`, 'BAD_USER_INPUT'],
    ['unknown field', `{ leader(id: "leader:zhou-ming") { salary } }`, 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s → %s', async (_label, query, code) => {
    expect(await api.errorCode(query)).toBe(code);
  });

  it('rejects a bad date passed as a variable with BAD_USER_INPUT', async () => {
    expect(await api.errorCode(`query($d: LocalDate) { leader(id: "leader:zhou-ming", asOf: $d) { id } }`, { d: 'yesterday' })).toBe('BAD_USER_INPUT');
  });

  it('says which id was not found', async () => {
    const result = await api.run(`{ department(id: "dept:nothing") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'dept:nothing' });
    expect(result.errors?.[0].message).toContain('dept:nothing');
  });
});
