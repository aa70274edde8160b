// Changing the division of labour through the API, on a real database: collective decisions (R7), atomic
// re-divisions, the audit feed, optimistic concurrency and access control.
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, VIEWER, type TestApi } from '../support/api';
import { dumpAll } from '../support/dump';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('changes', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const QUORATE = 'decision:qingchuan-2026-11-adjust'; // 第25次常务会议, 2026-11-20, 8 of 9 present; approves 青政发〔2026〕30号
const DOC = '青政发〔2026〕30号';
const HEAD = 'leader:chen-yuanhang'; // 代区长: presides in his own right, signs re-divisions
const J = 'jur:qingchuan';
const as = { viewer: EDITOR };
/** What every apply carries besides its items: the decision, the 文号 it approved, the signatory. */
const basis = { jurisdictionId: J, decisionId: QUORATE, document: DOC, issuedById: HEAD };

const APPLY = `mutation($input: ApplyChangesetInput!) { applyChangeset(input: $input) {
  id version decisionId effectiveDate appliedBy diff { itemIndex action entity id text } warnings { code } } }`;
const PREVIEW = `query($input: ChangesetInput!) { previewChangeset(input: $input) {
  valid version diff { itemIndex action entity id text } violations { itemIndex code message } warnings { itemIndex code } } }`;

async function version(): Promise<number> {
  const { jurisdiction } = await api.data(`{ jurisdiction(id: "${J}") { version } }`);
  return jurisdiction.version;
}

async function record(kind: string, date: string, voting: string[], category = 'DIVISION_OF_LABOUR', approvesDocument?: string): Promise<string> {
  const { recordMeeting } = await api.data(
    `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id quorum { present required met } } }`,
    { input: { jurisdictionId: J, kind, date, votingAttendeeIds: voting, nonVotingAttendees: ['区政府办公室副主任'] } },
    as,
  );
  const { recordDecision } = await api.data(
    `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
    { input: { meetingId: recordMeeting.id, category, text: '研究调整分工', minutesNumber: '测试纪要', approvesDocument } },
    as,
  );
  return recordDecision.id;
}

const TEAM = ['leader:chen-yuanhang', 'leader:zhou-ming', 'leader:sun-haitao', 'leader:li-xiaoyan', 'leader:wang-lihua', 'leader:zhao-wenbin', 'leader:he-zhiyuan', 'leader:xu-jing', 'leader:wu-bin'];
/** The team less 赵文斌, who is at the Party School from 2026-11-02 to 2027-01-16. */
const PRESENT = TEAM.filter((id) => id !== 'leader:zhao-wenbin');
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
      { input: { meetingId: recordMeeting.id, category: 'DIVISION_OF_LABOUR', text: '同意区教育局改由李晓燕同志分管', minutesNumber: '青政常纪〔2026〕27号', approvesDocument: '青政发〔2026〕33号' } },
      as,
    );
    expect(recordDecision).toMatchObject({ category: 'DIVISION_OF_LABOUR', meeting: { id: recordMeeting.id }, problems: [] });
  });

  it('records a meeting dated after today as planned; it carries no decision until its date (MEETING_NOT_HELD)', async () => {
    const { recordMeeting } = await api.data(
      `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id quorum { met } } }`,
      { input: { jurisdictionId: J, kind: 'STANDING', number: '第28次', date: '2026-12-10', votingAttendeeIds: PRESENT } },
      as,
    );
    expect(recordMeeting.quorum.met).toBe(true);
    const before = await dumpAll(db.orm);
    const result = await api.run(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
      { input: { meetingId: recordMeeting.id, category: 'DIVISION_OF_LABOUR', text: '同意调整分工', approvesDocument: '青政发〔2026〕40号' } },
      as,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'MEETING_NOT_HELD', violations: [expect.objectContaining({ code: 'MEETING_NOT_HELD' })] });
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('records the minutes of a meeting without quorum, and shows why they cannot carry a collective matter', async () => {
    const { decisions } = await api.data(`{ decisions(jurisdictionId: "${J}", category: LARGE_FUND) { nodes { id problems { code details } } } }`);
    expect(decisions.nodes).toEqual([
      { id: 'decision:qingchuan-2026-11-budget', problems: [{ code: 'QUORUM_NOT_MET', details: expect.objectContaining({ present: 3, required: 5 }) }] },
    ]);
  });

  it.each([
    ['a voting attendee not on the team (黄德伟 left in March)', { votingAttendeeIds: ['leader:huang-dewei'] }, 'ATTENDEE_NOT_IN_TEAM', 0],
    ['a voting attendee away that day (赵文斌, at the Party School)', { votingAttendeeIds: TEAM }, 'ATTENDEE_ABSENT', 5],
    ['an unknown government', { jurisdictionId: 'jur:atlantis' }, 'NOT_FOUND', undefined],
    ['an impossible date', { date: '2026-11-31' }, 'BAD_USER_INPUT', undefined],
  ])('refuses a meeting with %s, writing nothing', async (_label, patch, code, itemIndex) => {
    const input = { jurisdictionId: J, kind: 'STANDING', date: '2026-11-27', votingAttendeeIds: PRESENT, nonVotingAttendees: [], ...patch };
    const before = await dumpAll(db.orm);
    const result = await api.run(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, { input }, as);
    expect(result.errors?.[0].extensions?.code).toBe(code);
    if (itemIndex !== undefined) expect(result.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ itemIndex, code })]);
    expect(await dumpAll(db.orm)).toEqual(before);
  });
});

describe('R7: no change to the division of labour without a collective decision', () => {
  const refusal = async (patch: Record<string, unknown>, through: TestApi = api, items: unknown[] = [moveEducation]) => {
    const input = { ...basis, effectiveDate: '2026-12-01', expectedVersion: await version(), items, ...patch };
    const before = await dumpAll(db.orm);
    const result = await through.run(APPLY, { input }, as);
    expect(await dumpAll(db.orm)).toEqual(before);
    return result.errors?.[0];
  };

  it('COLLECTIVE_DECISION_REQUIRED: one person cannot change the division alone', async () => {
    expect((await refusal({ decisionId: null }))?.extensions?.code).toBe('COLLECTIVE_DECISION_REQUIRED');
    expect((await refusal({ decisionId: 'decision:nonexistent' }))?.extensions?.code).toBe('COLLECTIVE_DECISION_REQUIRED');
  });

  it('QUORUM_NOT_MET: the meeting had fewer than more than half of the team', async () => {
    const decisionId = await record('STANDING', '2026-11-26', TEAM.slice(0, 4), 'DIVISION_OF_LABOUR', DOC);
    const error = await refusal({ decisionId });
    expect(error?.extensions?.code).toBe('QUORUM_NOT_MET');
    expect(error?.extensions?.violations).toEqual([expect.objectContaining({ code: 'QUORUM_NOT_MET', details: expect.objectContaining({ present: 4, required: 5 }) })]);
  });

  it('MEETING_KIND_NOT_ALLOWED: this government’s rules let only standing and party-group meetings re-divide', async () => {
    const decisionId = await record('PLENARY', '2026-11-26', PRESENT, 'DIVISION_OF_LABOUR', DOC);
    expect((await refusal({ decisionId }))?.extensions?.code).toBe('MEETING_KIND_NOT_ALLOWED');
  });

  it('DECISION_AFTER_EFFECTIVE_DATE: a change cannot take effect before it was decided', async () => {
    expect((await refusal({ effectiveDate: '2026-11-10' }))?.extensions?.code).toBe('DECISION_AFTER_EFFECTIVE_DATE');
  });

  it('DECISION_CATEGORY_MISMATCH: a routine decision cannot carry a re-division', async () => {
    const decisionId = await record('STANDING', '2026-11-26', PRESENT, 'ROUTINE');
    expect((await refusal({ decisionId }))?.extensions?.code).toBe('DECISION_CATEGORY_MISMATCH');
  });

  it('DECISION_SCOPE_MISMATCH: a decision authorizes the proposal it approved, not another', async () => {
    const error = await refusal({ document: '青政发〔2026〕99号' });
    expect(error?.extensions).toMatchObject({ code: 'DECISION_SCOPE_MISMATCH', violations: [{ itemIndex: null, code: 'DECISION_SCOPE_MISMATCH' }] });
    expect(error?.message).toContain('青政发〔2026〕30号');
  });

  it('DECISION_STALE: a decision older than the government’s limit (90 days) carries nothing', async () => {
    const later = await createTestApi(db.orm, '2027-03-01');
    try {
      expect((await refusal({ effectiveDate: '2027-03-05' }, later))?.extensions?.code).toBe('DECISION_STALE');
    } finally {
      await later.stop();
    }
  });

  it('SIGNATORY_REQUIRED / SIGNATORY_NOT_PRESIDING: the presiding leader himself signs', async () => {
    expect((await refusal({ issuedById: null }))?.extensions?.code).toBe('SIGNATORY_REQUIRED');
    expect((await refusal({ issuedById: 'leader:zhou-ming' }))?.extensions?.code).toBe('SIGNATORY_NOT_PRESIDING');
  });

  it('SIGNED_AFTER_EFFECTIVE_DATE: signed today, a change cannot take effect in the past', async () => {
    expect((await refusal({ effectiveDate: '2026-11-25' }))?.extensions?.code).toBe('SIGNED_AFTER_EFFECTIVE_DATE');
  });

  it('ACTING_POWERS_EXCLUDED: whoever stands in for the presiding leader may not sign a re-division', async () => {
    await api.data(
      `mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }`,
      { input: { leaderId: 'leader:chen-yuanhang', validFrom: '2027-02-01', validTo: '2027-02-10', reason: '赴省委党校学习', designatedActorId: 'leader:zhou-ming' } },
      as,
    );
    const then = await createTestApi(db.orm, '2027-02-05');
    try {
      expect((await refusal({ effectiveDate: '2027-02-05', issuedById: 'leader:zhou-ming' }, then))?.extensions?.code).toBe('ACTING_POWERS_EXCLUDED');
      expect((await refusal({ effectiveDate: '2027-02-05' }, then))?.extensions?.code).toBe('SIGNATORY_ABSENT');
    } finally {
      await then.stop();
    }
  });

  it('NO_CHANGE: a move to the line’s current holder changes nothing and is refused with its item', async () => {
    const error = await refusal({}, api, [{ op: 'MOVE', lineId: 'line:wang-lihua-supervises-education', toLeaderId: 'leader:wang-lihua' }]);
    expect(error?.extensions).toMatchObject({ code: 'NO_CHANGE', violations: [{ itemIndex: 0, code: 'NO_CHANGE' }] });
  });

  it('checks the state after the change at every later date: a stand-in supervisor who leaves in January leaves a gap', async () => {
    const error = await refusal({}, api, [
      { op: 'END', lineId: 'line:zhou-ming-supervises-finance' },
      { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:li-xiaoyan', departmentId: 'dept:finance', validTo: '2027-01-01' },
    ]);
    expect(error?.extensions).toMatchObject({ code: 'SUPERVISOR_LOST', violations: [{ itemIndex: 0, code: 'SUPERVISOR_LOST' }] });
    expect(error?.message).toContain('2027-01-01');
  });
});

describe('re-divisions as changesets', () => {
  it('previews the diff and every violation with its item, writing nothing', async () => {
    const before = await dumpAll(db.orm);
    const { previewChangeset } = await api.data(PREVIEW, {
      input: {
        ...basis, effectiveDate: '2026-12-01',
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
    const result = await api.run(APPLY, { input: { ...basis, effectiveDate: '2026-12-01', expectedVersion: await version(), items } }, as);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'OUTSIDE_GOVERNMENT_LINE', violations: [{ itemIndex: 4, code: 'OUTSIDE_GOVERNMENT_LINE' }] });
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('applies a valid re-division atomically; asOf sees it from its (future) date on, history is kept, the feed records it', async () => {
    const start = await version();
    const { applyChangeset } = await api.data(APPLY, {
      input: { ...basis, effectiveDate: '2026-12-01', expectedVersion: start, items: [moveEducation] },
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

    // A decision authorizes one change: a second changeset citing it is refused, and nothing is written.
    const before = await dumpAll(db.orm);
    const again = await api.run(APPLY, {
      input: { ...basis, effectiveDate: '2026-12-02', expectedVersion: start + 1, items: [{ op: 'MOVE', lineId: 'line:he-zhiyuan-supervises-commerce', toLeaderId: 'leader:sun-haitao' }] },
    }, as);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'DECISION_ALREADY_USED', violations: [expect.objectContaining({ code: 'DECISION_ALREADY_USED', details: { decisionId: QUORATE, usedBy: [applyChangeset.id] } })] });
    expect(await dumpAll(db.orm)).toEqual(before);
    const { decisions } = await api.data(`{ decisions(jurisdictionId: "${J}", category: DIVISION_OF_LABOUR) { nodes { id approvesDocument problems { code } } } }`);
    expect(decisions.nodes.find((d: any) => d.id === QUORATE)).toEqual({ id: QUORATE, approvesDocument: DOC, problems: [{ code: 'DECISION_ALREADY_USED' }] });
  });

  it('refuses a write made against a stale version with CONFLICT, changing nothing', async () => {
    const stale = (await version()) - 1;
    const before = await dumpAll(db.orm);
    const input = { ...basis, effectiveDate: '2026-12-15', expectedVersion: stale, items: [{ op: 'MOVE', lineId: 'line:he-zhiyuan-supervises-commerce', toLeaderId: 'leader:sun-haitao' }] };
    const result = await api.run(APPLY, { input }, as);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: stale, currentVersion: stale + 1 });
    expect(await dumpAll(db.orm)).toEqual(before);
  });

  it('offers one-item mutations that go through the same rules', async () => {
    const decisionId = await record('STANDING', '2026-11-27', PRESENT, 'DIVISION_OF_LABOUR', '青政发〔2026〕31号');
    const v = await version();
    const { setBackup } = await api.data(
      `mutation($input: SetBackupInput!) { setBackup(input: $input) { version diff { action entity } } }`,
      { input: { leaderId: 'leader:xu-jing', backupId: 'leader:wu-bin', exceptTargetIds: [], decisionId, document: '青政发〔2026〕31号', issuedById: HEAD, effectiveDate: '2026-12-01', expectedVersion: v } },
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
    const input = { ...basis, effectiveDate: '2026-12-01', expectedVersion: await version(), items: [moveEducation, { op: 'MOVE', lineId: 'line:x' }] };
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
    wangAbsence = recordAbsence.id;
  });

  const END = `mutation($id: ID!, $on: LocalDate!) { endAbsence(absenceId: $id, on: $on) { id validFrom validTo } }`;
  const UPDATE = `mutation($input: UpdateAbsenceInput!) { updateAbsence(input: $input) { id validTo } }`;
  const ZHAO = 'absence:zhao-wenbin-party-school-2026';
  let wangAbsence = '';
  const refused = async (query: string, variables: Record<string, unknown>) => {
    const before = await dumpAll(db.orm);
    const result = await api.run(query, variables, as);
    expect(await dumpAll(db.orm)).toEqual(before);
    return result.errors?.[0].extensions;
  };

  it('endAbsence: 赵文斌 comes back early; from that day he acts himself, and the feed records it', async () => {
    const v = await version();
    const { endAbsence } = await api.data(END, { id: ZHAO, on: '2026-12-20' }, as);
    expect(endAbsence).toEqual({ id: ZHAO, validFrom: '2026-11-02', validTo: '2026-12-20' });
    expect(await version()).toBe(v + 1);
    const acting = async (asOf: string) =>
      (await api.data(`{ whoCanDirect(departmentId: "dept:justice", asOf: "${asOf}") { nodes { leader { id } basis away } } }`)).whoCanDirect.nodes.slice(0, 3);
    expect((await acting('2026-12-19'))[0]).toEqual({ leader: { id: 'leader:zhao-wenbin' }, basis: 'SUPERVISES', away: true });
    expect((await acting('2026-12-20'))[0]).toEqual({ leader: { id: 'leader:zhao-wenbin' }, basis: 'SUPERVISES', away: false });
    const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", since: "2026-11-28T00:00:00Z", first: 100) { nodes { action entityType entityId before after } } }`);
    expect(changes.nodes.filter((e: any) => e.entityId === ZHAO)).toEqual([
      { action: 'CLOSE', entityType: 'ABSENCE', entityId: ZHAO, before: expect.objectContaining({ validTo: '2027-01-16' }), after: expect.objectContaining({ validTo: '2026-12-20' }) },
    ]);
  });

  it.each([
    ['on the first day away', '2026-11-02', 'INVALID_INTERVAL'],
    ['after the recorded return (that is an extension)', '2027-02-01', 'INVALID_INTERVAL'],
    ['on the recorded return itself', '2026-12-20', 'NO_CHANGE'],
  ])('endAbsence refuses a return %s, writing nothing', async (_label, on, code) => {
    expect((await refused(END, { id: ZHAO, on }))?.code).toBe(code);
  });

  it('updateAbsence: the overlapping-partner rule applies to updates too; extending with a stand-in is fine', async () => {
    // 王丽华 and 赵文斌 (AB partners) are both away 12-10..12-12 only because 李晓燕 is designated.
    expect((await refused(UPDATE, { input: { absenceId: wangAbsence, designatedActorId: null } }))?.code).toBe('PARTNER_ABSENCES_OVERLAP');
    expect((await refused(UPDATE, { input: { absenceId: 'absence:nope', validTo: '2026-12-13' } }))?.code).toBe('NOT_FOUND');
    expect((await refused(UPDATE, { input: { absenceId: wangAbsence, validTo: '2026-12-12' } }))?.code).toBe('NO_CHANGE');
    const { updateAbsence } = await api.data(UPDATE, { input: { absenceId: wangAbsence, validTo: '2026-12-15', reason: '出差（延期）' } }, as);
    expect(updateAbsence).toEqual({ id: wangAbsence, validTo: '2026-12-15' });
  });
});
