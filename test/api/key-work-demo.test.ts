// The demo's key work (seeds/demo-district/key-work.json), replayed through the same rules as the API when the
// seed is imported: pre-holiday work, city-sourced projects and 民生工程, one overdue task, directives — one
// cross-portfolio, one escalated — and R11: attendance by topic, the standing meeting's cadence.
import { AuditEvent, KeyTask } from '../../src/entities';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('keyworkdemo', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

it('imports the demo key work without touching the audit feed', async () => {
  const em = db.orm.em.fork();
  expect(await em.count(KeyTask, { jurisdictionId: 'jur:qingchuan' })).toBe(8);
  // The city's 民生工程 and its two child tasks, one in each district.
  expect(await em.count(KeyTask, { jurisdictionId: 'jur:jiangzhou' })).toBe(1);
  expect(await em.count(KeyTask, { jurisdictionId: 'jur:linjiang' })).toBe(1);
  expect(await em.count(KeyTask, { parentTaskId: 'task:jiangzhou-2026-gas-pipes' })).toBe(2);
  expect(await em.count(AuditEvent, {})).toBe(0);
});

it('shows the overdue 民生工程 first among overdue tasks, and statuses derived on the date', async () => {
  const data = await api.data(`{ keyTasks(jurisdictionId: "jur:qingchuan") { nodes { id category source status progress } } }`);
  const byId = Object.fromEntries(data.keyTasks.nodes.map((n: any) => [n.id, n]));
  expect(byId['task:qingchuan-2026-rural-water']).toMatchObject({ category: '民生工程', source: 'CITY', status: 'OVERDUE', progress: 75 });
  expect(byId['task:qingchuan-2026-flu-vaccination'].status).toBe('COMPLETED');
  expect(byId['task:qingchuan-2026-holiday-safety'].status).toBe('ON_TRACK');
  const completed = await api.data(`{ keyTasks(jurisdictionId: "jur:qingchuan", filter: { status: COMPLETED }) { nodes { id completedOn } } }`);
  expect(completed.keyTasks.nodes).toEqual([{ id: 'task:qingchuan-2026-flu-vaccination', completedOn: '2026-11-22' }]);
  const byUnit = await api.data(`{ keyTasks(jurisdictionId: "jur:qingchuan", filter: { unitId: "dept:housing", source: CITY }) { nodes { id } } }`);
  expect(byUnit.keyTasks.nodes.map((n: any) => n.id).sort()).toEqual([
    'task:qingchuan-2026-gas-pipes', 'task:qingchuan-2026-holiday-safety', 'task:qingchuan-2026-jiangbin-renewal', 'task:qingchuan-2026-old-housing',
  ]);
  const overdue = await api.data(`{ keyTasks(jurisdictionId: "jur:qingchuan", filter: { overdueAsOf: "2026-11-28" }) { nodes { id } } }`);
  expect(overdue.keyTasks.nodes).toEqual([{ id: 'task:qingchuan-2026-rural-water' }]);
  // On its last day it was not yet overdue, but 75% against an even pace of 100% lags by 25 points: at risk.
  const before = await api.data(`{ keyTask(id: "task:qingchuan-2026-rural-water") { status(asOf: "2026-10-31") statusView(asOf: "2026-10-31") { expectedPercent } } }`);
  expect(before.keyTask).toEqual({ status: 'AT_RISK', statusView: { expectedPercent: 100 } });
});

it('names who answers for 信访维稳 while its supervising leader is at the party school (R5, public security excepted)', async () => {
  const data = await api.data(`{ accountability(taskId: "task:qingchuan-2026-petitions") {
    leader { leader { name } away acting { name } actingBasis answerable { name } }
    leadUnit { department { name } headName } flags { code }
  } }`);
  expect(data.accountability.leader).toMatchObject({ leader: { name: '赵文斌' }, away: true });
  expect(data.accountability.leader.answerable).not.toBeNull();
  expect(data.accountability.leader.answerable).toEqual(data.accountability.leader.acting);
  expect(data.accountability.leadUnit).toEqual({ department: { name: '区信访局' }, headName: '叶振东' });
  // After his return he answers himself.
  const later = await api.data(`{ accountability(taskId: "task:qingchuan-2026-petitions", asOf: "2027-01-20") { leader { away answerable { name } } } }`);
  expect(later.accountability.leader).toEqual({ away: false, answerable: { name: '赵文斌' } });
});

it('lists the directives to the education bureau from outside its portfolio, with who was told', async () => {
  const data = await api.data(`{ directives(jurisdictionId: "jur:qingchuan", filter: { departmentId: "dept:education", crossPortfolio: true }) {
    nodes { subject issuer { name } status basis notified { leader { name } basis } }
  } }`);
  expect(data.directives.nodes).toEqual([
    { subject: '寒假前完成全区中小学校消防安全检查', issuer: { name: '何志远' }, status: 'ISSUED', basis: 'GENERAL_AUTHORITY', notified: [{ leader: { name: '王丽华' }, basis: 'SUPERVISES' }] },
    { subject: '开展中小学校园周边道路交通安全隐患排查整治', issuer: { name: '孙海涛' }, status: 'IN_PROGRESS', basis: 'GENERAL_AUTHORITY', notified: [{ leader: { name: '王丽华' }, basis: 'SUPERVISES' }] },
  ]);
});

it('has one escalated directive, back with its issuer and the reason', async () => {
  const data = await api.data(`{ directives(jurisdictionId: "jur:qingchuan", filter: { status: ESCALATED }) {
    nodes { subject issuer { name } department { name } transitions { action to text } notified { leader { name } kind } }
  } }`);
  expect(data.directives.nodes).toHaveLength(1);
  const d = data.directives.nodes[0];
  expect(d).toMatchObject({ issuer: { name: '李晓燕' }, department: { name: '区城市管理局' } });
  expect(d.transitions.at(-1)).toMatchObject({ action: 'ESCALATE', to: 'ESCALATED' });
  expect(d.notified).toEqual([{ leader: { name: '孙海涛' }, kind: 'DIRECTIVE_CROSS_PORTFOLIO' }, { leader: { name: '李晓燕' }, kind: 'DIRECTIVE_ESCALATED' }]);
  const past = await api.data(`{ directives(jurisdictionId: "jur:qingchuan", filter: { status: ESCALATED, overdueAsOf: "2026-11-23" }) { totalCount } }`);
  expect(past.directives.totalCount).toBe(0);
});

it('says when the next standing meeting is due (every two weeks) and suggests attendees by agenda', async () => {
  const meetings = await api.data(`{ meetings(jurisdictionId: "jur:qingchuan", first: 1) { nextDue { kind lastDate dueOn overdue } } jurisdiction(id: "jur:qingchuan") { rules { cadences { kind everyDays } } } }`);
  expect(meetings.meetings.nextDue).toEqual([{ kind: 'STANDING', lastDate: '2026-11-25', dueOn: '2026-12-09', overdue: false }]);
  expect(meetings.jurisdiction.rules.cadences).toEqual([{ kind: 'STANDING', everyDays: 14 }]);
  const recorded = await api.data(`mutation { recordMeeting(input: { jurisdictionId: "jur:qingchuan", kind: STANDING, date: "2026-12-09", votingAttendeeIds: [],
    agenda: [{ title: "研究校园安全工作", departmentIds: ["dept:education", "dept:public-security"] }] }) { id } }`, {}, { viewer: EDITOR });
  const s = await api.data(`query($id: ID!) { suggestedAttendees(meetingId: $id) {
    leaders { leader { name } reasons { code department { name } actingFor { name } } } heads { department { name } headName } away { name } quorum { met }
  } }`, { id: recorded.recordMeeting.id });
  const names = s.suggestedAttendees.leaders.map((l: any) => l.leader.name);
  expect(names).toContain('陈远航');
  expect(names).toContain('王丽华');
  expect(s.suggestedAttendees.leaders.find((l: any) => l.leader.name === '王丽华').reasons).toEqual([{ code: 'SUPERVISES_AGENDA_UNIT', department: { name: '区教育局' }, actingFor: null }]);
  // 赵文斌, who supervises public security, is away: he is listed as away, and someone acts for him.
  expect(s.suggestedAttendees.away).toEqual([{ name: '赵文斌' }]);
  expect(s.suggestedAttendees.heads).toEqual([{ department: { name: '区教育局' }, headName: '林雅琴' }, { department: { name: '区公安分局' }, headName: '赵文斌' }]);
  expect(s.suggestedAttendees.quorum.met).toBe(true);
});
