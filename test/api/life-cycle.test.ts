// The team's life cycle through the API, on a real database: 任命 (a new deputy; the 代区长 confirmed as 区长), 免职
// atomic with the re-division that hands over the leaver's lines, and 排序 — each audited, refused with nothing written.
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';
import { dumpAll } from '../support/dump';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('life_cycle', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const J = 'jur:qingchuan';
const as = { viewer: EDITOR };
const APPOINT = `mutation($input: AppointLeaderInput!) { appointLeader(input: $input) {
  id name posts { acting document post { kind title } } appointmentHistory { acting validFrom validTo document post { title } } } }`;
const END = `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id name posts { post { title } } } }`;
const ORDER = `mutation($input: SetTeamOrderInput!) { setTeamOrder(input: $input) { id } }`;

async function version(): Promise<number> {
  return (await api.data(`{ jurisdiction(id: "${J}") { version } }`)).jurisdiction.version;
}

async function refused(query: string, input: Record<string, unknown>) {
  const before = await dumpAll(db.orm);
  const result = await api.run(query, { input }, as);
  expect(await dumpAll(db.orm)).toEqual(before);
  return result.errors?.[0].extensions;
}

it('appoints a new 副区长 from a 任免 document; he is on the team from that day, and the feed records it', async () => {
  const v = await version();
  const { appointLeader } = await api.data(APPOINT, {
    input: { jurisdictionId: J, name: '马骏', postKind: 'DEPUTY', title: '副区长', validFrom: '2026-12-10', document: '青人常任〔2026〕8号', expectedVersion: v },
  }, as);
  expect(appointLeader).toMatchObject({ name: '马骏', posts: [{ acting: false, document: '青人常任〔2026〕8号', post: { kind: 'DEPUTY', title: '副区长' } }] });
  expect(await version()).toBe(v + 1);
  const team = async (asOf: string) =>
    (await api.data(`{ leadershipTeam(jurisdictionId: "${J}", asOf: "${asOf}", first: 50) { nodes { id } } }`)).leadershipTeam.nodes.map((n: { id: string }) => n.id);
  expect(await team('2026-12-09')).not.toContain(appointLeader.id);
  expect(await team('2026-12-10')).toContain(appointLeader.id);
  const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", since: "2026-11-28T00:00:00Z") { nodes { action entityType } } }`);
  expect(changes.nodes.map((e: any) => [e.action, e.entityType])).toEqual(expect.arrayContaining([['RECORD', 'LEADER'], ['OPEN', 'APPOINTMENT']]));
});

it('confirms the 代区长 as 区长: two appointments, and history shows both', async () => {
  const { appointLeader } = await api.data(APPOINT, {
    input: { jurisdictionId: J, leaderId: 'leader:chen-yuanhang', postKind: 'HEAD', title: '区长', acting: false, validFrom: '2026-12-15', document: '青人常任〔2026〕9号', expectedVersion: await version() },
  }, as);
  expect(appointLeader.appointmentHistory.filter((a: any) => a.post.title === '区长')).toEqual([
    { acting: true, validFrom: '2026-03-20', validTo: '2026-12-15', document: null, post: { title: '区长' } },
    { acting: false, validFrom: '2026-12-15', validTo: null, document: '青人常任〔2026〕9号', post: { title: '区长' } },
  ]);
});

it.each([
  ['a second 区长 while the post is held', { name: '钱多多', postKind: 'HEAD', title: '区长' }, 'POST_OCCUPIED'],
  ['an unknown leader', { leaderId: 'leader:nobody' }, 'UNKNOWN_REFERENCE'],
  ['neither a leader nor a name', {}, 'UNKNOWN_REFERENCE'],
])('refuses an appointment of %s, writing nothing', async (_label, patch, code) => {
  const input = { jurisdictionId: J, postKind: 'DEPUTY', title: '副区长', validFrom: '2026-12-20', document: '青人常任〔2026〕10号', expectedVersion: await version(), ...patch };
  expect((await refused(APPOINT, input))?.code).toBe(code);
});

it('refuses an appointment against a stale version with CONFLICT', async () => {
  const input = { jurisdictionId: J, name: '钱多多', postKind: 'DEPUTY', title: '副区长', validFrom: '2026-12-20', document: '青人常任〔2026〕10号', expectedVersion: (await version()) - 1 };
  expect((await refused(APPOINT, input))?.code).toBe('CONFLICT');
});

describe('免职', () => {
  const xuJing = { appointmentId: 'appt:xu-jing-party-member', validTo: '2026-12-31', document: '青委任〔2026〕15号' };

  it('refuses to end 徐静’s only appointment while she keeps a line (LINES_STILL_HELD), writing nothing', async () => {
    const error = await refused(END, { ...xuJing, expectedVersion: await version() });
    expect(error).toMatchObject({ code: 'LINES_STILL_HELD', violations: [{ itemIndex: null, code: 'LINES_STILL_HELD', details: { lineIds: ['line:xu-jing-coordinates-old-housing-renovation', 'line:xu-jing-responsible-investment'] } }] });
  });

  it('ends it atomically with the re-division that ends her line (citing its own decision, R7)', async () => {
    const { recordDecision } = await api.data(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
      { input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意徐静同志不再负责招商引资工作', approvesDocument: '青政发〔2026〕35号' } },
      as,
    );
    const lineChanges = {
      decisionId: recordDecision.id, document: '青政发〔2026〕35号', issuedById: 'leader:chen-yuanhang', effectiveDate: '2026-12-31',
      items: [{ op: 'END', lineId: 'line:xu-jing-responsible-investment' }, { op: 'MOVE', lineId: 'line:xu-jing-coordinates-old-housing-renovation', toLeaderId: 'leader:wu-bin' }],
    };
    // Handing over only one of her two lines is not enough.
    const half = await refused(END, { ...xuJing, lineChanges: { ...lineChanges, items: lineChanges.items.slice(0, 1) }, expectedVersion: await version() });
    expect(half).toMatchObject({ code: 'LINES_STILL_HELD', violations: [{ details: { lineIds: ['line:xu-jing-coordinates-old-housing-renovation'] } }] });
    // The re-division must itself be valid: the same change signed by someone else is refused as a whole.
    const wrongSigner = await refused(END, { ...xuJing, lineChanges: { ...lineChanges, issuedById: 'leader:zhou-ming' }, expectedVersion: await version() });
    expect(wrongSigner?.code).toBe('SIGNATORY_NOT_PRESIDING');
    const v = await version();
    const { endAppointment } = await api.data(END, { input: { ...xuJing, lineChanges, expectedVersion: v } }, as);
    expect(endAppointment).toEqual({ id: 'leader:xu-jing', name: '徐静', posts: [] });
    expect(await version()).toBe(v + 1);
    const { leader } = await api.data(`{ leader(id: "leader:xu-jing", asOf: "2026-12-30") { posts { post { title } } } }`);
    expect(leader.posts).toEqual([{ post: { title: '区政府党组成员' } }]);
    const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", since: "2026-11-28T00:00:00Z", first: 100) { nodes { action entityType entityId changesetId } } }`);
    const closing = changes.nodes.filter((e: any) => e.action === 'CLOSE' && (e.entityId.startsWith('appt:xu-jing') || e.entityId.startsWith('line:xu-jing')));
    expect(closing.map((e: any) => [e.action, e.entityType])).toEqual([['CLOSE', 'ASSIGNMENT'], ['CLOSE', 'ASSIGNMENT'], ['CLOSE', 'APPOINTMENT']]);
    expect(new Set(closing.map((e: any) => e.changesetId)).size).toBe(1);
  });
});

describe('排序', () => {
  const order = ['leader:chen-yuanhang', 'leader:zhou-ming', 'leader:li-xiaoyan', 'leader:sun-haitao', 'leader:wang-lihua', 'leader:zhao-wenbin', 'leader:he-zhiyuan', 'leader:xu-jing', 'leader:wu-bin'];

  it('sets the protocol order from a date; the team lists in it from then on', async () => {
    const { setTeamOrder } = await api.data(ORDER, { input: { jurisdictionId: J, validFrom: '2026-12-01', leaderIds: order, expectedVersion: await version() } }, as);
    expect(setTeamOrder.map((l: { id: string }) => l.id).slice(0, order.length)).toEqual(order);
    const team = async (asOf: string) =>
      (await api.data(`{ leadershipTeam(jurisdictionId: "${J}", asOf: "${asOf}") { nodes { id } } }`)).leadershipTeam.nodes.map((n: { id: string }) => n.id);
    expect((await team('2026-11-30')).slice(2, 4)).toEqual(['leader:sun-haitao', 'leader:li-xiaoyan']);
    expect((await team('2026-12-01')).slice(2, 4)).toEqual(['leader:li-xiaoyan', 'leader:sun-haitao']);
  });

  it.each([
    ['a leader who left in March', ['leader:chen-yuanhang', 'leader:huang-dewei'], 'NOT_IN_TEAM', 1],
    ['a leader listed twice', ['leader:chen-yuanhang', 'leader:zhou-ming', 'leader:zhou-ming'], 'DUPLICATE_IN_ORDER', 2],
  ])('refuses an order with %s, naming his place, writing nothing', async (_label, leaderIds, code, itemIndex) => {
    const error = await refused(ORDER, { jurisdictionId: J, validFrom: '2026-12-05', leaderIds, expectedVersion: await version() });
    expect(error).toMatchObject({ code, violations: [{ itemIndex, code }] });
  });
});
