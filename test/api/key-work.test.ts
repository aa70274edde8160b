// Key work and directives through the real schema on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): R8 tasks and accountability, R9 directives and notifications, scoped tokens, the audit feed,
// bad input refused with a code and nothing written, city tasks assigned to districts.
import type { Viewer } from '../../src/auth/tokens';
import { AuditEvent, Directive, DirectiveTransition, KeyTask, KeyTaskUnit, Notification, ProgressReport } from '../../src/entities';
import { importDataset } from '../../src/io/importer';
import { mergeDatasets } from '../../src/io/dataset';
import { generateDistrict } from '../../src/io/generate';
import { loadDirectoryFacts } from '../../src/store/load-facts';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { parse, subscribe, type ExecutionResult } from 'graphql';
import { createRequestScope } from '../../src/scope/request-scope';
import { createSchema } from '../../src/graphql/schema';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, VIEWER, type TestApi } from '../support/api';

let db: TestDatabase;
let api: TestApi;

const WANG: Viewer = { tokenId: 'token:wang-lihua', name: '王丽华', role: 'EDITOR', scope: { kind: 'LEADER', id: 'leader:wang-lihua' } };
const SUN: Viewer = { tokenId: 'token:sun-haitao', name: '孙海涛', role: 'EDITOR', scope: { kind: 'LEADER', id: 'leader:sun-haitao' } };
const EDUCATION: Viewer = { tokenId: 'token:education', name: '区教育局', role: 'EDITOR', scope: { kind: 'DEPARTMENT', id: 'dept:education' } };
const EMERGENCY: Viewer = { tokenId: 'token:emergency', name: '区应急管理局', role: 'EDITOR', scope: { kind: 'DEPARTMENT', id: 'dept:emergency' } };

beforeAll(async () => {
  db = await openTestDatabase('keywork', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

async function rowCounts(): Promise<number[]> {
  const em = db.orm.em.fork();
  return Promise.all([KeyTask, KeyTaskUnit, ProgressReport, Directive, DirectiveTransition, Notification, AuditEvent].map((e) => em.count(e as never)));
}

const CREATE = `mutation($input: CreateKeyTaskInput!) { createKeyTask(input: $input) {
  id title source status progress version supervisingLeader { name } leadUnit { name } responsibleUnits { name } cooperatingUnits { name }
} }`;

const SAFETY = {
  jurisdictionId: 'jur:qingchuan', title: '节前安全生产大检查', description: '重点检查燃气、消防、建筑工地', source: 'PARTY_COMMITTEE', category: '安全生产',
  tags: ['节前'], supervisingLeaderId: 'leader:zhou-ming', leadUnitId: 'dept:emergency', responsibleUnitIds: ['dept:housing', 'dept:street-jiangbin'],
  cooperatingUnitIds: ['dept:fire'], deadline: '2027-01-20', milestones: [{ title: '完成排查', dueOn: '2026-12-31' }],
};

describe('key tasks (R8)', () => {
  let taskId: string;

  it('creates a task with one supervising leader, one lead unit, responsible and cooperating units', async () => {
    const data = await api.data(CREATE, { input: SAFETY }, { viewer: EDITOR });
    const t = data.createKeyTask;
    taskId = t.id;
    expect(t).toMatchObject({
      title: '节前安全生产大检查', source: 'PARTY_COMMITTEE', status: 'NOT_STARTED', progress: 0, version: 1,
      supervisingLeader: { name: '周明' }, leadUnit: { name: '区应急管理局' },
      responsibleUnits: [{ name: '区住房和城乡建设局' }, { name: '江滨街道办事处' }], cooperatingUnits: [{ name: '区消防救援大队' }],
    });
  });

  it('answers who is accountable, ending in named people, with flags not refusals', async () => {
    const data = await api.data(`query($id: ID!) { accountability(taskId: $id) {
      leader { leader { name } away answerable { name } } leadUnit { department { name } headName role }
      responsibleUnits { department { name } headName } cooperatingUnits { department { name } } flags { code }
    } }`, { id: taskId });
    expect(data.accountability).toEqual({
      leader: { leader: { name: '周明' }, away: false, answerable: { name: '周明' } },
      leadUnit: { department: { name: '区应急管理局' }, headName: '吕国强', role: 'LEAD' },
      responsibleUnits: [{ department: { name: '区住房和城乡建设局' }, headName: '冯建军' }, { department: { name: '江滨街道办事处' }, headName: '朱红梅' }],
      cooperatingUnits: [{ department: { name: '区消防救援大队' } }],
      flags: [],
    });
    const flagged = await api.data(CREATE, { input: { ...SAFETY, title: '保供稳价', supervisingLeaderId: 'leader:sun-haitao', leadUnitId: 'dept:commerce', responsibleUnitIds: [], cooperatingUnitIds: [] } }, { viewer: EDITOR });
    const acc = await api.data(`query($id: ID!) { keyTask(id: $id) { accountability { flags { code departmentId } } } }`, { id: flagged.createKeyTask.id });
    expect(acc.keyTask.accountability.flags).toEqual([{ code: 'SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT', departmentId: 'dept:commerce' }]);
  });

  it.each([
    ['an unknown leader', { supervisingLeaderId: 'leader:nobody' }, 'UNKNOWN_REFERENCE'],
    ['an unknown unit', { responsibleUnitIds: ['dept:nowhere'] }, 'UNKNOWN_REFERENCE'],
    ['a deadline before creation', { deadline: '2026-11-27' }, 'DEADLINE_BEFORE_CREATION'],
    ['an empty title', { title: '   ' }, 'BAD_USER_INPUT'],
    ['an over-long title', { title: '长'.repeat(201) }, 'BAD_USER_INPUT'],
    ['an unknown government', { jurisdictionId: 'jur:nowhere' }, 'NOT_FOUND'],
    ['the lead unit listed again', { responsibleUnitIds: ['dept:emergency'] }, 'LEAD_UNIT_ALSO_LISTED'],
    ['三重一大 without a decision', { majorMatter: true }, 'COLLECTIVE_DECISION_REQUIRED'],
    ['三重一大 citing a routine re-division decision', { majorMatter: true, decisionId: 'decision:qingchuan-2026-11-adjust' }, 'DECISION_CATEGORY_MISMATCH'],
  ])('refuses %s with a code and writes nothing', async (_label, change, code) => {
    const before = await rowCounts();
    expect(await api.errorCode(CREATE, { input: { ...SAFETY, ...change } }, { viewer: EDITOR })).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a unit of another government (OTHER_JURISDICTION)', async () => {
    await importDataset(db.orm.em.fork(), generateDistrict({ id: 'jur:other', name: '别区', scale: 1, validFrom: '2026-01-01' }));
    const before = await rowCounts();
    const result = await api.run(CREATE, { input: { ...SAFETY, responsibleUnitIds: ['dept:other-1'] } }, { viewer: EDITOR });
    expect(result.errors?.[0].extensions?.code).toBe('OTHER_JURISDICTION');
    expect(await rowCounts()).toEqual(before);
  });

  it('reports progress (unit token of the lead unit) and refuses a percent outside 0–100 or a cooperating unit', async () => {
    const REPORT = `mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { percent reporterKind reporterId } }`;
    const before = await rowCounts();
    expect(await api.errorCode(REPORT, { input: { taskId, text: '已排查', percent: 140 } }, { viewer: EMERGENCY })).toBe('BAD_USER_INPUT');
    expect(await api.errorCode(REPORT, { input: { taskId, text: '已排查', percent: -1 } }, { viewer: EMERGENCY })).toBe('BAD_USER_INPUT');
    expect(await api.errorCode(REPORT, { input: { taskId, text: '已排查', percent: 10 } }, { viewer: EDUCATION })).toBe('FORBIDDEN');
    expect(await api.errorCode(REPORT, { input: { taskId: 'task:nowhere', text: '已排查', percent: 10 } }, { viewer: EDITOR })).toBe('NOT_FOUND');
    expect(await api.errorCode(REPORT, { input: { taskId, text: '已排查', percent: 10, reportedOn: '2026-12-01' } }, { viewer: EMERGENCY })).toBe('BAD_USER_INPUT');
    expect(await api.errorCode(REPORT, { input: { taskId, text: '', percent: 10 } }, { viewer: EMERGENCY })).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
    const data = await api.data(REPORT, { input: { taskId, text: '已排查燃气点位120处', percent: 40 } }, { viewer: EMERGENCY });
    expect(data.reportTaskProgress).toEqual({ percent: 40, reporterKind: 'DEPARTMENT', reporterId: 'dept:emergency' });
    const task = await api.data(`query($id: ID!) { keyTask(id: $id) { status progress reports { text } } }`, { id: taskId });
    expect(task.keyTask).toEqual({ status: 'ON_TRACK', progress: 40, reports: [{ text: '已排查燃气点位120处' }] });
    const audit = await db.orm.em.fork().findOne(AuditEvent, { entityType: 'PROGRESS_REPORT' });
    expect(audit).toMatchObject({ tokenId: 'token:emergency', personId: 'dept:emergency' });
  });

  it('keeps a percent outside 0–100 out of the table itself (CHECK), whatever writes it', async () => {
    const row = { id: 'report:raw', jurisdictionId: 'jur:qingchuan', taskId, reportedOn: '2026-11-28', text: 'x', percent: 140, reporterKind: 'OFFICE' as const, recordedAt: '2026-11-28T00:00:00Z' };
    await expect(db.orm.em.fork().insert(ProgressReport, row)).rejects.toThrow(/check|constraint/i);
    expect(await db.orm.em.fork().count(ProgressReport, { id: 'report:raw' })).toBe(0);
  });

  it('derives OVERDUE from the deadline and the date, never stored', async () => {
    const data = await api.data(`query($id: ID!) { keyTask(id: $id) { now: status later: status(asOf: "2027-01-21") } }`, { id: taskId });
    expect(data.keyTask).toEqual({ now: 'ON_TRACK', later: 'OVERDUE' });
    const list = await api.data(`{ keyTasks(jurisdictionId: "jur:qingchuan", filter: { overdueAsOf: "2027-01-21", leaderId: "leader:zhou-ming" }) { totalCount nodes { id } } }`);
    expect(list.keyTasks.nodes.map((n: { id: string }) => n.id)).toContain(taskId);
  });

  it('lets a leader token write only tasks it has standing on; a unit token may not create', async () => {
    expect(await api.errorCode(CREATE, { input: SAFETY }, { viewer: WANG })).toBe('FORBIDDEN');
    expect(await api.errorCode(CREATE, { input: SAFETY }, { viewer: EMERGENCY })).toBe('FORBIDDEN');
    const data = await api.data(`mutation($id: ID!) { updateKeyTask(input: { taskId: $id, expectedVersion: 2, deadline: "2027-01-25" }) { deadline version } }`, { id: taskId }, { viewer: EDITOR });
    expect(data.updateKeyTask).toEqual({ deadline: '2027-01-25', version: 3 });
    expect(await api.errorCode(`mutation($id: ID!) { updateKeyTask(input: { taskId: $id, expectedVersion: 2, title: "x" }) { id } }`, { id: taskId }, { viewer: EDITOR })).toBe('CONFLICT');
    const done = await api.data(`mutation($id: ID!) { completeKeyTask(taskId: $id) { status completedOn } }`, { id: taskId }, { viewer: EDITOR });
    expect(done.completeKeyTask).toEqual({ status: 'COMPLETED', completedOn: '2026-11-28' });
    expect(await api.errorCode(`mutation($id: ID!) { completeKeyTask(taskId: $id) { id } }`, { id: taskId }, { viewer: EDITOR })).toBe('TASK_ALREADY_COMPLETED');
  });

  it('keeps scoped tokens out of the directory’s own writes and readers out of all writes', async () => {
    const ABSENCE = `mutation { recordAbsence(input: { leaderId: "leader:wang-lihua", reason: "x", validFrom: "2026-12-01", validTo: "2026-12-02" }) { id } }`;
    expect(await api.errorCode(ABSENCE, {}, { viewer: WANG })).toBe('FORBIDDEN');
    expect(await api.errorCode(CREATE, { input: SAFETY }, { viewer: VIEWER })).toBe('FORBIDDEN');
  });
});

const ISSUE = `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) {
  id status crossPortfolio basis issuer { name } department { name } notified { leader { name } basis kind read }
} }`;

describe('directives (R9)', () => {
  let directiveId: string;

  it('issues a cross-portfolio directive and tells the unit’s supervising leader (stored and as an event)', async () => {
    const iterator = api.events.subscribe('DIRECTIVE_CHANGED')[Symbol.asyncIterator]();
    const next = iterator.next();
    const data = await api.data(ISSUE, { input: { issuerId: 'leader:sun-haitao', departmentId: 'dept:education', subject: '开展校园周边交通安全整治', deadline: '2026-12-15' } }, { viewer: SUN });
    const d = data.issueDirective;
    directiveId = d.id;
    expect(d).toMatchObject({
      status: 'ISSUED', crossPortfolio: true, basis: 'GENERAL_AUTHORITY', issuer: { name: '孙海涛' }, department: { name: '区教育局' },
      notified: [{ leader: { name: '王丽华' }, basis: 'SUPERVISES', kind: 'DIRECTIVE_CROSS_PORTFOLIO', read: false }],
    });
    expect((await next).value).toEqual({ jurisdictionId: 'jur:qingchuan', directiveId, notifiedLeaderIds: ['leader:wang-lihua'] });
    await iterator.return?.();
    const notes = await api.data(`{ notifications(leaderId: "leader:wang-lihua", unreadOnly: true) { totalCount nodes { id directive { subject } } } }`);
    // The demo already told her of two directives to the education bureau from outside its portfolio; this is the newest.
    expect(notes.notifications.totalCount).toBe(3);
    expect(notes.notifications.nodes[0].directive.subject).toBe('开展校园周边交通安全整治');
    const noteId = notes.notifications.nodes[0].id;
    expect(await api.errorCode(`mutation($id: ID!) { markNotificationRead(id: $id) { read } }`, { id: noteId }, { viewer: SUN })).toBe('FORBIDDEN');
    const read = await api.data(`mutation($id: ID!) { markNotificationRead(id: $id) { read } }`, { id: noteId }, { viewer: WANG });
    expect(read.markNotificationRead.read).toBe(true);
    const unread = await api.data(`{ notifications(leaderId: "leader:wang-lihua", unreadOnly: true) { totalCount } }`);
    expect(unread.notifications.totalCount).toBe(2);
  });

  it.each([
    ['the tax bureau (vertical)', { departmentId: 'dept:tax' }, EDITOR, 'OUTSIDE_GOVERNMENT_LINE'],
    ['an empty subject', { subject: ' ' }, EDITOR, 'BAD_USER_INPUT'],
    ['an over-long subject', { subject: '事'.repeat(501) }, EDITOR, 'BAD_USER_INPUT'],
    ['a deadline before today', { deadline: '2026-11-01' }, EDITOR, 'DEADLINE_BEFORE_CREATION'],
    ['an unknown issuer', { issuerId: 'leader:nobody' }, EDITOR, 'UNKNOWN_REFERENCE'],
    ['an unknown decision', { decisionId: 'decision:nowhere' }, EDITOR, 'UNKNOWN_REFERENCE'],
    ['a leader token issuing as another', {}, WANG, 'FORBIDDEN'],
    ['a unit token', {}, EDUCATION, 'FORBIDDEN'],
  ])('refuses %s with a code and writes nothing', async (_label, change, viewer, code) => {
    const before = await rowCounts();
    const input = { issuerId: 'leader:sun-haitao', departmentId: 'dept:education', subject: '专项整治', ...change };
    expect(await api.errorCode(ISSUE, { input }, { viewer })).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it('moves only along the state machine; anything else is INVALID_TRANSITION', async () => {
    const MOVE = (name: string, extra = '') => `mutation($id: ID!) { ${name}(directiveId: $id${extra}) { status transitions { action from to actorKind actorId text } } }`;
    expect(await api.errorCode(MOVE('completeDirective', ', report: "done"'), { id: directiveId }, { viewer: EDUCATION })).toBe('INVALID_TRANSITION');
    expect(await api.errorCode(MOVE('startDirective'), { id: directiveId }, { viewer: EDUCATION })).toBe('INVALID_TRANSITION');
    expect(await api.errorCode(MOVE('acknowledgeDirective'), { id: directiveId }, { viewer: EMERGENCY })).toBe('FORBIDDEN');
    expect((await api.data(MOVE('acknowledgeDirective'), { id: directiveId }, { viewer: EDUCATION })).acknowledgeDirective.status).toBe('ACKNOWLEDGED');
    expect(await api.errorCode(MOVE('acknowledgeDirective'), { id: directiveId }, { viewer: EDUCATION })).toBe('INVALID_TRANSITION');
    // Escalation goes back to the issuer; only the unit's supervising leader (not the issuer) may raise it.
    expect(await api.errorCode(MOVE('escalateDirective', ', reason: "需协调交警"'), { id: directiveId }, { viewer: SUN })).toBe('FORBIDDEN');
    expect(await api.errorCode(MOVE('escalateDirective', ', reason: " "'), { id: directiveId }, { viewer: WANG })).toBe('BAD_USER_INPUT');
    const escalated = await api.data(MOVE('escalateDirective', ', reason: "需协调交警部门"'), { id: directiveId }, { viewer: WANG });
    expect(escalated.escalateDirective.status).toBe('ESCALATED');
    const issuerNotes = await api.data(`{ notifications(leaderId: "leader:sun-haitao") { nodes { kind basis directive { id } } } }`);
    expect(issuerNotes.notifications.nodes[0]).toEqual({ kind: 'DIRECTIVE_ESCALATED', basis: 'ISSUER', directive: { id: directiveId } });
    await api.data(MOVE('startDirective'), { id: directiveId }, { viewer: EDUCATION });
    const done = await api.data(MOVE('completeDirective', ', report: "已完成整治"'), { id: directiveId }, { viewer: EDUCATION });
    expect(done.completeDirective).toEqual({
      status: 'COMPLETED',
      transitions: [
        { action: 'ACKNOWLEDGE', from: 'ISSUED', to: 'ACKNOWLEDGED', actorKind: 'DEPARTMENT', actorId: 'dept:education', text: null },
        { action: 'ESCALATE', from: 'ACKNOWLEDGED', to: 'ESCALATED', actorKind: 'LEADER', actorId: 'leader:wang-lihua', text: '需协调交警部门' },
        { action: 'START', from: 'ESCALATED', to: 'IN_PROGRESS', actorKind: 'DEPARTMENT', actorId: 'dept:education', text: null },
        { action: 'COMPLETE', from: 'IN_PROGRESS', to: 'COMPLETED', actorKind: 'DEPARTMENT', actorId: 'dept:education', text: '已完成整治' },
      ],
    });
    const { changes } = await api.data(`{ changes(jurisdictionId: "jur:qingchuan", first: 100) { nodes { entityType entityId tokenId personId actor } } }`);
    expect(changes.nodes.filter((e: any) => e.entityType === 'DIRECTIVE' && e.entityId === directiveId)[1]).toEqual({
      entityType: 'DIRECTIVE', entityId: directiveId, tokenId: 'token:education', personId: 'dept:education', actor: '区教育局 (EDITOR)',
    });
    const feed = await db.orm.em.fork().find(AuditEvent, { entityType: 'DIRECTIVE', entityId: directiveId }, { orderBy: { seq: 'asc' } });
    expect(feed.map((e) => [e.tokenId, e.personId])).toEqual([
      ['token:sun-haitao', 'leader:sun-haitao'], ['token:education', 'dept:education'], ['token:wang-lihua', 'leader:wang-lihua'],
      ['token:education', 'dept:education'], ['token:education', 'dept:education'],
    ]);
  });

  it('the office records on a leader’s behalf; directives filter by unit, cross-portfolio and decision', async () => {
    await api.data(ISSUE, { input: { issuerId: 'leader:wang-lihua', departmentId: 'dept:education', subject: '做好寒假学生安全教育' } }, { viewer: EDITOR });
    const audit = await db.orm.em.fork().find(AuditEvent, { entityType: 'DIRECTIVE', action: 'OPEN' }, { orderBy: { seq: 'desc' }, limit: 1 });
    expect(audit[0]).toMatchObject({ tokenId: EDITOR.tokenId, personId: 'leader:wang-lihua' });
    const data = await api.data(`{ directives(jurisdictionId: "jur:qingchuan", filter: { departmentId: "dept:education", crossPortfolio: true, withoutDecision: true }) {
      totalCount nodes { id issuer { name } crossPortfolio } } }`);
    // Two from the demo (孙海涛, 何志远) and the one issued above; not 王丽华's own, though it was recorded today too.
    expect(data.directives.totalCount).toBe(3);
    expect(data.directives.nodes.map((n: any) => n.issuer.name).sort()).toEqual(['何志远', '孙海涛', '孙海涛']);
    expect(data.directives.nodes.map((n: any) => n.id)).toContain(directiveId);
    const own = await api.data(`{ directives(jurisdictionId: "jur:qingchuan", filter: { departmentId: "dept:education", crossPortfolio: false }) { nodes { issuer { name } } } }`);
    expect(own.directives.nodes).toEqual([{ issuer: { name: '王丽华' } }]);
  });

  it('counts work per leader and unit', async () => {
    const data = await api.data(`{ workload(jurisdictionId: "jur:qingchuan") {
      leaders { leader { id } crossPortfolioIssued openDirectivesReceived } units { department { id } openDirectives crossPortfolioReceived } } }`);
    // 孙海涛: the demo's directive to the education bureau and the one issued above.
    expect(data.workload.leaders.find((l: any) => l.leader.id === 'leader:sun-haitao').crossPortfolioIssued).toBe(2);
    // Open to the education bureau: the demo's two (in progress, issued) and 王丽华's own; the one above is completed.
    expect(data.workload.units.find((u: any) => u.department.id === 'dept:education')).toEqual({ department: { id: 'dept:education' }, openDirectives: 3, crossPortfolioReceived: 3 });
  });
});

describe('concurrency', () => {
  it('two simultaneous moves of one directive: one wins, the other is refused, one transition is written', async () => {
    const issued = await api.data(ISSUE, { input: { issuerId: 'leader:wang-lihua', departmentId: 'dept:education', subject: '寒假安全提醒' } }, { viewer: EDITOR });
    const ACK = `mutation($id: ID!) { acknowledgeDirective(directiveId: $id) { status } }`;
    const results = await Promise.all([1, 2].map(() => api.run(ACK, { id: issued.issueDirective.id }, { viewer: EDUCATION })));
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes[1]).toBe('OK');
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(codes[0]);
    expect(await db.orm.em.fork().count(DirectiveTransition, { directiveId: issued.issueDirective.id })).toBe(1);
  });
});

describe('subscriptions', () => {
  it('keyTaskChanged and directiveChanged deliver the government’s task and directive after the commit', async () => {
    const schema = await createSchema(api.events);
    const contextValue = () => createRequestScope(db.orm.em, { today: '2026-11-28', now: new Date('2026-11-28T04:00:00Z'), viewer: null, publicReads: true, events: api.events });
    const open = async (query: string) => {
      const result = await subscribe({ schema, document: parse(query), contextValue: contextValue() });
      if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
      return result as AsyncGenerator<ExecutionResult>;
    };
    const tasks = await open(`subscription { keyTaskChanged(jurisdictionId: "jur:qingchuan") { title status leadUnit { name } } }`);
    const elsewhere = await open(`subscription { keyTaskChanged(jurisdictionId: "jur:other") { title } }`);
    const directives = await open(`subscription { directiveChanged(jurisdictionId: "jur:qingchuan") { subject crossPortfolio notified { leader { name } } } }`);
    const nextTask = tasks.next();
    const nextDirective = directives.next();
    await api.data(CREATE, { input: { ...SAFETY, title: '冬季森林防火' } }, { viewer: EDITOR });
    expect((await nextTask).value.data).toEqual({ keyTaskChanged: { title: '冬季森林防火', status: 'NOT_STARTED', leadUnit: { name: '区应急管理局' } } });
    await api.data(ISSUE, { input: { issuerId: 'leader:sun-haitao', departmentId: 'dept:health', subject: '做好冬季呼吸道疾病防治' } }, { viewer: EDITOR });
    expect((await nextDirective).value.data).toEqual({ directiveChanged: { subject: '做好冬季呼吸道疾病防治', crossPortfolio: true, notified: [{ leader: { name: '王丽华' } }] } });
    // Nothing for another government's subscribers.
    const other = elsewhere.next();
    expect(await Promise.race([other.then(() => 'event'), new Promise((r) => setTimeout(() => r('quiet'), 200))])).toBe('quiet');
    await Promise.all([tasks.return(undefined), elsewhere.return(undefined), directives.return(undefined)]);
  });
});

describe('city tasks assigned to districts (市区一体)', () => {
  it('assigns a CITY task of a city to two districts; the city sees each child task, its accountable leader and status', async () => {
    const city = { id: 'jur:metro', name: '都市', level: 'CITY' as const, parentId: null };
    const districts = ['jur:east', 'jur:west'].map((id) => {
      const ds = generateDistrict({ id, name: id === 'jur:east' ? '东区' : '西区', parent: city, scale: 1, validFrom: '2026-01-01' });
      return { ...ds, jurisdictions: ds.jurisdictions.filter((j) => j.id === id) };
    });
    await importDataset(db.orm.em.fork(), mergeDatasets([generateDistrict({ id: 'jur:metro', name: '都市', level: 'CITY', scale: 1, validFrom: '2026-01-01' }), ...districts]));
    const facts = await loadDirectoryFacts(db.orm.em.fork() as SqlEntityManager, ['jur:metro', 'jur:east', 'jur:west']);
    const pick = (jid: string) => {
      const line = facts.get(jid)!.assignments.find((a) => a.kind === 'SUPERVISES' && a.validTo === null)!;
      return { supervisingLeaderId: line.leaderId, leadUnitId: line.departmentId as string };
    };
    const parent = await api.data(CREATE, {
      input: { jurisdictionId: 'jur:metro', title: '老旧小区改造（民生工程）', description: '', source: 'CITY', category: '民生工程', deadline: '2027-06-30', ...pick('jur:metro') },
    }, { viewer: EDITOR });
    const ASSIGN = `mutation($id: ID!, $a: [DistrictAssignmentInput!]!) { assignKeyTaskToDistricts(taskId: $id, assignments: $a) { jurisdiction { id } parentTask { id } } }`;
    const before = await rowCounts();
    expect(await api.errorCode(ASSIGN, { id: parent.createKeyTask.id, a: [{ districtId: 'jur:qingchuan', ...pick('jur:east') }] }, { viewer: EDITOR })).toBe('OTHER_JURISDICTION');
    expect(await rowCounts()).toEqual(before);
    const assigned = await api.data(ASSIGN, { id: parent.createKeyTask.id, a: [{ districtId: 'jur:east', ...pick('jur:east') }, { districtId: 'jur:west', ...pick('jur:west') }] }, { viewer: EDITOR });
    expect(assigned.assignKeyTaskToDistricts).toEqual([
      { jurisdiction: { id: 'jur:east' }, parentTask: { id: parent.createKeyTask.id } },
      { jurisdiction: { id: 'jur:west' }, parentTask: { id: parent.createKeyTask.id } },
    ]);
    const seen = await api.data(`query($id: ID!) { keyTask(id: $id) { childTasks { jurisdiction { id } status accountability { leader { answerable { id } } } } } }`, { id: parent.createKeyTask.id });
    expect(seen.keyTask.childTasks.map((c: any) => [c.jurisdiction.id, c.status, c.accountability.leader.answerable.id])).toEqual([
      ['jur:east', 'NOT_STARTED', pick('jur:east').supervisingLeaderId],
      ['jur:west', 'NOT_STARTED', pick('jur:west').supervisingLeaderId],
    ]);
  });
});
