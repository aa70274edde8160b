// Changing the division of labour through the API, on a real database: collective decisions (R7), atomic
// re-divisions, the audit feed, optimistic concurrency and access control.
import { seedDemoIfEmpty } from '../../src/db/database';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, VIEWER, type TestApi } from '../support/api';
import { dumpAll } from '../support/dump';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('changes');
  await seedDemoIfEmpty(db.orm);
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const QUORATE = 'decision:qingchuan-2026-11-adjust'; // 第25次常务会议, 2026-11-20, 8 of 9 present
const J = 'jur:qingchuan';
const as = { viewer: EDITOR };

const APPLY = `mutation($input: ApplyChangesetInput!) { applyChangeset(input: $input) {
  id version decisionId effectiveDate appliedBy diff { itemIndex action entity id text } warnings { code } } }`;
const PREVIEW = `query($input: ChangesetInput!) { previewChangeset(input: $input) {
  valid version diff { itemIndex action entity id text } violations { itemIndex code message } warnings { itemIndex code } } }`;

async function version(): Promise<number> {
  const { jurisdiction } = await api.data(`{ jurisdiction(id: "${J}") { version } }`);
  return jurisdiction.version;
}

async function record(kind: string, date: string, voting: string[], category = 'DIVISION_OF_LABOUR'): Promise<string> {
  const { recordMeeting } = await api.data(
    `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id quorum { present required met } } }`,
    { input: { jurisdictionId: J, kind, date, votingAttendeeIds: voting, nonVotingAttendees: ['区政府办公室副主任'] } },
    as,
  );
  const { recordDecision } = await api.data(
    `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
    { input: { meetingId: recordMeeting.id, category, text: '研究调整分工', minutesNumber: '测试纪要' } },
    as,
  );
  return recordDecision.id;
}

const TEAM = ['leader:chen-yuanhang', 'leader:zhou-ming', 'leader:sun-haitao', 'leader:li-xiaoyan', 'leader:wang-lihua', 'leader:zhao-wenbin', 'leader:he-zhiyuan', 'leader:xu-jing', 'leader:wu-bin'];
/** 区教育局 moves from 王丽华 to 李晓燕. */
const moveEducation = { op: 'MOVE', lineId: 'line:wang-lihua-supervises-education', toLeaderId: 'leader:li-xiaoyan' };

describe('access', () => {
  it.each([
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['a VIEWER', VIEWER, 'FORBIDDEN'],
  ])('refuses a write by %s', async (_who, viewer, code) => {
    const input = { jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: 0, items: [moveEducation] };
    expect(await api.errorCode(APPLY, { input }, { viewer })).toBe(code);
  });

  it('lets anonymous callers read only when the server runs with public reads', async () => {
    const query = `{ leader(id: "leader:zhou-ming") { name } }`;
    expect((await api.data(query)).leader.name).toBe('周明');
    expect(await api.errorCode(query, undefined, { publicReads: false })).toBe('UNAUTHENTICATED');
    expect((await api.data(query, undefined, { publicReads: false, viewer: VIEWER })).leader.name).toBe('周明');
  });

  it('shows department heads’ contact details to EDITOR and above only', async () => {
    const query = `{ department(id: "dept:finance") { head { name contact } } }`;
    expect((await api.data(query)).department.head).toEqual({ name: expect.any(String), contact: null });
    expect((await api.data(query, undefined, { viewer: VIEWER })).department.head.contact).toBeNull();
    expect((await api.data(query, undefined, as)).department.head.contact).toBe('010-55501009');
  });
});

describe('meetings and decisions', () => {
  it('records a meeting with its quorum, and a decision that can carry a re-division', async () => {
    const { recordMeeting } = await api.data(
      `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) {
        id kind date votingAttendees { id } nonVotingAttendees quorum { present required teamSize met }
        agenda { position title presenter { id } departments { id } } } }`,
      {
        input: {
          jurisdictionId: J, kind: 'STANDING', number: '第27次', date: '2026-11-27', votingAttendeeIds: TEAM.slice(0, 5), nonVotingAttendees: ['区教育局局长'],
          agenda: [{ title: '关于调整区教育局分管领导的议题', presenterId: 'leader:wu-bin', departmentIds: ['dept:education'] }],
        },
      },
      as,
    );
    expect(recordMeeting).toMatchObject({
      kind: 'STANDING', date: '2026-11-27', nonVotingAttendees: ['区教育局局长'],
      quorum: { present: 5, required: 5, teamSize: 9, met: true },
      agenda: [{ position: 1, title: '关于调整区教育局分管领导的议题', presenter: { id: 'leader:wu-bin' }, departments: [{ id: 'dept:education' }] }],
    });
    const { recordDecision } = await api.data(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id category meeting { id } problems { code } } }`,
      { input: { meetingId: recordMeeting.id, category: 'DIVISION_OF_LABOUR', text: '同意区教育局改由李晓燕同志分管', minutesNumber: '青政常纪〔2026〕27号' } },
      as,
    );
    expect(recordDecision).toMatchObject({ category: 'DIVISION_OF_LABOUR', meeting: { id: recordMeeting.id }, problems: [] });
  });

  it('records the minutes of a meeting without quorum, and shows why they cannot carry a collective matter', async () => {
    const { decisions } = await api.data(`{ decisions(jurisdictionId: "${J}", category: LARGE_FUND) { nodes { id problems { code details } } } }`);
    expect(decisions.nodes).toEqual([
      { id: 'decision:qingchuan-2026-11-budget', problems: [{ code: 'QUORUM_NOT_MET', details: expect.objectContaining({ present: 3, required: 5 }) }] },
    ]);
  });

  it.each([
    ['a voting attendee not on the team', { votingAttendeeIds: ['leader:huang-dewei'] }, 'BAD_USER_INPUT'],
    ['an unknown government', { jurisdictionId: 'jur:atlantis' }, 'NOT_FOUND'],
    ['an impossible date', { date: '2026-11-31' }, 'BAD_USER_INPUT'],
  ])('refuses a meeting with %s', async (_label, patch, code) => {
    const input = { jurisdictionId: J, kind: 'STANDING', date: '2026-11-27', votingAttendeeIds: TEAM, nonVotingAttendees: [], ...patch };
    expect(await api.errorCode(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, { input }, as)).toBe(code);
  });
});

describe('R7: no change to the division of labour without a collective decision', () => {
  const refusal = async (patch: Record<string, unknown>) => {
    const input = { jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: await version(), items: [moveEducation], ...patch };
    const before = await dumpAll(db.orm);
    const result = await api.run(APPLY, { input }, as);
    expect(await dumpAll(db.orm)).toEqual(before);
    return result.errors?.[0];
  };

  it('COLLECTIVE_DECISION_REQUIRED: one person cannot change the division alone', async () => {
    expect((await refusal({ decisionId: null }))?.extensions?.code).toBe('COLLECTIVE_DECISION_REQUIRED');
    expect((await refusal({ decisionId: 'decision:nonexistent' }))?.extensions?.code).toBe('COLLECTIVE_DECISION_REQUIRED');
  });

  it('QUORUM_NOT_MET: the meeting had fewer than more than half of the team', async () => {
    const decisionId = await record('STANDING', '2026-11-26', TEAM.slice(0, 4));
    const error = await refusal({ decisionId });
    expect(error?.extensions?.code).toBe('QUORUM_NOT_MET');
    expect(error?.extensions?.violations).toEqual([expect.objectContaining({ code: 'QUORUM_NOT_MET', details: expect.objectContaining({ present: 4, required: 5 }) })]);
  });

  it('MEETING_KIND_NOT_ALLOWED: this government’s rules let only standing and party-group meetings re-divide', async () => {
    const decisionId = await record('PLENARY', '2026-11-26', TEAM);
    expect((await refusal({ decisionId }))?.extensions?.code).toBe('MEETING_KIND_NOT_ALLOWED');
  });

  it('DECISION_AFTER_EFFECTIVE_DATE: a change cannot take effect before it was decided', async () => {
    expect((await refusal({ effectiveDate: '2026-11-10' }))?.extensions?.code).toBe('DECISION_AFTER_EFFECTIVE_DATE');
  });

  it('DECISION_CATEGORY_MISMATCH: a routine decision cannot carry a re-division', async () => {
    const decisionId = await record('STANDING', '2026-11-26', TEAM, 'ROUTINE');
    expect((await refusal({ decisionId }))?.extensions?.code).toBe('DECISION_CATEGORY_MISMATCH');
  });

  it('ACTING_POWERS_EXCLUDED: whoever stands in for the presiding leader may not sign a re-division', async () => {
    await api.data(
      `mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }`,
      { input: { leaderId: 'leader:chen-yuanhang', validFrom: '2027-02-01', validTo: '2027-02-10', reason: '赴省委党校学习', designatedActorId: 'leader:zhou-ming' } },
      as,
    );
    const error = await refusal({ effectiveDate: '2027-02-05', issuedById: 'leader:zhou-ming' });
    expect(error?.extensions?.code).toBe('ACTING_POWERS_EXCLUDED');
  });
});

describe('re-divisions as changesets', () => {
  it('previews the diff and every violation with its item, writing nothing', async () => {
    const before = await dumpAll(db.orm);
    const { previewChangeset } = await api.data(PREVIEW, {
      input: {
        jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-01',
        items: [moveEducation, { op: 'END', lineId: 'line:zhou-ming-supervises-finance' }, { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:xu-jing', departmentId: 'dept:tax' }],
      },
    }, as);
    expect(previewChangeset.valid).toBe(false);
    expect(previewChangeset.violations.map((v: any) => [v.itemIndex, v.code])).toEqual([
      [1, 'SUPERVISOR_LOST'],
      [2, 'OUTSIDE_GOVERNMENT_LINE'],
    ]);
    expect(previewChangeset.diff.map((d: any) => [d.itemIndex, d.action])).toEqual(expect.arrayContaining([[0, 'CLOSE'], [0, 'OPEN']]));
    expect(previewChangeset.diff.find((d: any) => d.action === 'OPEN').text).toContain('李晓燕');
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('applies nothing of a ten-item changeset whose fifth item breaks a rule (every table exactly as before)', async () => {
    const items = [
      { op: 'ASSIGN', kind: 'RESPONSIBLE_FOR', leaderId: 'leader:xu-jing', workAreaId: 'area:commerce' },
      { op: 'ASSIGN', kind: 'LIAISES_WITH', leaderId: 'leader:xu-jing', departmentId: 'dept:women' },
      { op: 'MOVE', lineId: 'line:sun-haitao-supervises-transport', toLeaderId: 'leader:he-zhiyuan' },
      { op: 'ASSIGN', kind: 'COORDINATES', leaderId: 'leader:li-xiaoyan', subject: '冬季供暖保障' },
      { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:li-xiaoyan', departmentId: 'dept:court' }, // R4: a court is never directed
      moveEducation,
      { op: 'ASSIGN', kind: 'RESPONSIBLE_FOR', leaderId: 'leader:he-zhiyuan', workAreaId: 'area:culture-tourism' },
      { op: 'SET_BACKUP', leaderId: 'leader:xu-jing', backupId: 'leader:wu-bin', exceptTargetIds: [] },
      { op: 'ASSIGN', kind: 'LIAISES_WITH', leaderId: 'leader:he-zhiyuan', departmentId: 'dept:weather' },
      { op: 'ASSIGN', kind: 'RESPONSIBLE_FOR', leaderId: 'leader:wu-bin', workAreaId: 'area:gov-services' },
    ];
    expect(items).toHaveLength(10);
    const before = await dumpAll(db.orm);
    const result = await api.run(APPLY, { input: { jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: await version(), items } }, as);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'OUTSIDE_GOVERNMENT_LINE', violations: [{ itemIndex: 4, code: 'OUTSIDE_GOVERNMENT_LINE' }] });
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('applies a valid re-division atomically; asOf sees it from its (future) date on, history is kept, the feed records it', async () => {
    const start = await version();
    const { applyChangeset } = await api.data(APPLY, {
      input: { jurisdictionId: J, document: '青政发〔2026〕30号', decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: start, items: [moveEducation] },
    }, as);
    expect(applyChangeset).toMatchObject({ version: start + 1, decisionId: QUORATE, effectiveDate: '2026-12-01', appliedBy: EDITOR.name });
    expect(applyChangeset.diff.map((d: any) => d.action)).toEqual(['CLOSE', 'OPEN']);
    expect(await version()).toBe(start + 1);

    const supervisor = async (asOf: string) =>
      (await api.data(`{ department(id: "dept:education", asOf: "${asOf}") { supervisedBy { leader { id } document } } }`)).department.supervisedBy;
    expect(await supervisor('2026-11-30')).toEqual([{ leader: { id: 'leader:wang-lihua' }, document: '青政发〔2026〕12号' }]);
    expect(await supervisor('2026-12-01')).toEqual([{ leader: { id: 'leader:li-xiaoyan' }, document: '青政发〔2026〕30号' }]);
    const { department } = await api.data(`{ department(id: "dept:education") { history { nodes { kind leader { id } validFrom validTo } } } }`);
    expect(department.history.nodes.filter((l: any) => l.kind === 'SUPERVISES').map((l: any) => [l.leader.id, l.validFrom, l.validTo])).toEqual([
      ['leader:huang-dewei', '2024-01-15', '2026-03-20'],
      ['leader:wang-lihua', '2026-03-20', '2026-12-01'],
      ['leader:li-xiaoyan', '2026-12-01', null],
    ]);

    const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", first: 100) { totalCount nodes { seq action entityType entityId actor decisionId changesetId before after } } }`);
    const mine = changes.nodes.filter((e: any) => e.changesetId === applyChangeset.id);
    expect(mine.map((e: any) => [e.action, e.entityType, e.decisionId, e.actor])).toEqual([
      ['CLOSE', 'ASSIGNMENT', QUORATE, '区政府办公室 (EDITOR)'],
      ['OPEN', 'ASSIGNMENT', QUORATE, '区政府办公室 (EDITOR)'],
    ]);
    expect(mine[0].before).toMatchObject({ id: 'line:wang-lihua-supervises-education', validTo: null });
    expect(mine[0].after).toMatchObject({ id: 'line:wang-lihua-supervises-education', validTo: '2026-12-01' });
  });

  it('refuses a write made against a stale version with CONFLICT, changing nothing', async () => {
    const stale = (await version()) - 1;
    const before = await dumpAll(db.orm);
    const input = { jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-15', expectedVersion: stale, items: [{ op: 'MOVE', lineId: 'line:he-zhiyuan-supervises-commerce', toLeaderId: 'leader:sun-haitao' }] };
    const result = await api.run(APPLY, { input }, as);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: stale, currentVersion: stale + 1 });
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('offers one-item mutations that go through the same rules', async () => {
    const v = await version();
    const { setBackup } = await api.data(
      `mutation($input: SetBackupInput!) { setBackup(input: $input) { version diff { action entity } } }`,
      { input: { leaderId: 'leader:xu-jing', backupId: 'leader:wu-bin', exceptTargetIds: [], decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: v } },
      as,
    );
    expect(setBackup).toEqual({ version: v + 1, diff: [{ action: 'OPEN', entity: 'BACKUP' }] });
    const code = await api.errorCode(
      `mutation($input: EndAssignmentInput!) { endAssignment(input: $input) { id } }`,
      { input: { lineId: 'line:zhou-ming-supervises-finance', effectiveDate: '2026-12-01', expectedVersion: v + 1 } },
      as,
    );
    expect(code).toBe('COLLECTIVE_DECISION_REQUIRED');
  });

  it('names the item and the field when an item lacks what its op needs', async () => {
    const input = { jurisdictionId: J, decisionId: QUORATE, effectiveDate: '2026-12-01', expectedVersion: await version(), items: [moveEducation, { op: 'MOVE', lineId: 'line:x' }] };
    const result = await api.run(APPLY, { input }, as);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', itemIndex: 1, field: 'toLeaderId' });
  });
});

describe('absences', () => {
  it('refuses overlapping absences of AB partners unless a third person is designated', async () => {
    const mutation = `mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id leader { id } } }`;
    // 赵文斌 is away until 2027-01-16; 王丽华 is his B角.
    const overlapping = { leaderId: 'leader:wang-lihua', validFrom: '2026-12-10', validTo: '2026-12-12', reason: '出差' };
    expect(await api.errorCode(mutation, { input: overlapping }, as)).toBe('PARTNER_ABSENCES_OVERLAP');
    const { recordAbsence } = await api.data(mutation, { input: { ...overlapping, designatedActorId: 'leader:li-xiaoyan' } }, as);
    expect(recordAbsence.leader.id).toBe('leader:wang-lihua');
  });
});
