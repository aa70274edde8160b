import fc from 'fast-check';
import { backupOf, canDirect, coverage, linesOn, planChangeset, validateChangeset, whoCanDirect } from '../../src/domain';
import type { AssignmentFact, AssignmentKind, ChangeEntity, ChangeItem, ChangesetDraft, DirectoryFacts, IsoDate, SigningContext } from '../../src/domain';
import { AFTER, BEFORE, DOC_2026_5, DOC_2026_20, FUTURE, J, REDIVISION, lineById, world } from './world';

/** The 文号 decision:2026-standing-9 approved. */
const DOC = DOC_2026_20;
const mint = (entity: ChangeEntity, itemIndex: number): string => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:new-${itemIndex}`;

function draft(items: readonly ChangeItem[], effectiveDate: IsoDate = FUTURE, more: Partial<ChangesetDraft> = {}): ChangesetDraft {
  return { jurisdictionId: J, document: DOC, decisionId: 'decision:2026-standing-9', effectiveDate, issuedById: null, items, ...more };
}

function assign(
  kind: AssignmentKind,
  leaderId: string,
  target: { departmentId?: string; workAreaId?: string; principalId?: string; subject?: string; validTo?: IsoDate } = {},
): ChangeItem {
  return {
    op: 'ASSIGN',
    kind,
    leaderId,
    departmentId: target.departmentId ?? null,
    workAreaId: target.workAreaId ?? null,
    principalId: target.principalId ?? null,
    subject: target.subject ?? null,
    validTo: target.validTo ?? null,
  };
}
const end = (lineId: string): ChangeItem => ({ op: 'END', lineId });
const move = (lineId: string, toLeaderId: string): ChangeItem => ({ op: 'MOVE', lineId, toLeaderId });
const setBackup = (leaderId: string, backupId: string, exceptTargetIds: string[] = []): ChangeItem => ({ op: 'SET_BACKUP', leaderId, backupId, exceptTargetIds });
const endBackup = (backupId: string): ChangeItem => ({ op: 'END_BACKUP', backupId });

// A variant world: in December 陈静 and 吴越 are both away, with nobody designated.
const decemberAbsences: DirectoryFacts = {
  ...world,
  absences: [
    ...world.absences,
    { id: 'absence:chen-jing-december', leaderId: 'leader:chen-jing', reason: '休假', designatedActorId: null, validFrom: '2026-12-10', validTo: '2026-12-15' },
    { id: 'absence:wu-yue-december', leaderId: 'leader:wu-yue', reason: '出差', designatedActorId: null, validFrom: '2026-12-12', validTo: '2026-12-20' },
  ],
};
// The same, but the office designates 李明 for 吴越's trip: a third person.
const decemberWithDesignation: DirectoryFacts = {
  ...decemberAbsences,
  absences: decemberAbsences.absences.map((a) => (a.id === 'absence:wu-yue-december' ? { ...a, designatedActorId: 'leader:li-ming' } : a)),
};

describe('planChangeset: the diff of each op', () => {
  it.each([
    ['ASSIGN opens a line', [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })], [
      [0, 'OPEN', 'ASSIGNMENT', 'line:new-0', '自2026-12-01起，吴越分管区统计局'],
    ]],
    ['ASSIGN with an end date', [assign('COORDINATES', 'leader:sun-li', { subject: '招商引资', validTo: '2027-06-01' })], [
      [0, 'OPEN', 'ASSIGNMENT', 'line:new-0', '自2026-12-01起，孙力牵头协调招商引资（2027-06-01起终止）'],
    ]],
    ['END closes a line', [end('line:chen-jing-urban-investment')], [
      [0, 'CLOSE', 'ASSIGNMENT', 'line:chen-jing-urban-investment', '自2026-12-01起，陈静不再联系青山城市投资集团有限公司'],
    ]],
    ['MOVE closes the line and opens it for the new leader', [move('line:li-ming-finance', 'leader:zhao-min')], [
      [0, 'CLOSE', 'ASSIGNMENT', 'line:li-ming-finance', '自2026-12-01起，李明不再分管区财政局'],
      [0, 'OPEN', 'ASSIGNMENT', 'line:new-0', '自2026-12-01起，赵敏分管区财政局'],
    ]],
    ['MOVE of an assist keeps its principal', [move('line:li-ming-assists-audit', 'leader:zhou-tao')], [
      [0, 'CLOSE', 'ASSIGNMENT', 'line:li-ming-assists-audit', '自2026-12-01起，李明不再协助张伟负责审计工作'],
      [0, 'OPEN', 'ASSIGNMENT', 'line:new-0', '自2026-12-01起，周涛协助张伟负责审计工作'],
    ]],
    ['SET_BACKUP replaces the B in force', [setBackup('leader:wang-qiang', 'leader:chen-jing', ['dept:public-security'])], [
      [0, 'CLOSE', 'BACKUP', 'backup:wang-zhao', '自2026-12-01起，王强的B角不再为赵敏'],
      [0, 'OPEN', 'BACKUP', 'backup:new-0', '自2026-12-01起，王强的B角为陈静（区公安分局除外）'],
    ]],
    ['SET_BACKUP for a leader with no B only opens', [setBackup('leader:li-ming', 'leader:zhao-min')], [
      [0, 'OPEN', 'BACKUP', 'backup:new-0', '自2026-12-01起，李明的B角为赵敏'],
    ]],
    ['END_BACKUP closes the pair', [endBackup('backup:sun-wang')], [
      [0, 'CLOSE', 'BACKUP', 'backup:sun-wang', '自2026-12-01起，孙力的B角不再为王强'],
    ]],
  ] as const)('%s', (_, items, expected) => {
    const plan = planChangeset(world, draft(items), mint);
    expect(plan.violations).toEqual([]);
    expect(plan.diff.map((d) => [d.itemIndex, d.action, d.entity, d.id, d.text])).toEqual(expected);
  });

  it('CLOSE shows the fact before and after; OPEN a new fact citing the draft', () => {
    const line = lineById('line:li-ming-finance');
    const plan = planChangeset(world, draft([move(line.id, 'leader:zhao-min'), setBackup('leader:wang-qiang', 'leader:chen-jing')]), mint);
    expect(plan.diff.map((d) => [d.before, d.after])).toEqual([
      [line, { ...line, validTo: FUTURE }],
      [null, { ...line, id: 'line:new-0', leaderId: 'leader:zhao-min', document: DOC, decisionId: 'decision:2026-standing-9', validFrom: FUTURE, validTo: null }],
      [world.backups.find((b) => b.id === 'backup:wang-zhao'), { ...world.backups.find((b) => b.id === 'backup:wang-zhao'), validTo: FUTURE }],
      [null, { id: 'backup:new-1', jurisdictionId: J, leaderId: 'leader:wang-qiang', backupId: 'leader:chen-jing', exceptTargetIds: [], decisionId: 'decision:2026-standing-9', validFrom: FUTURE, validTo: null }],
    ]);
  });
});

describe('planChangeset: `after` answers as the directory will, and the input is untouched', () => {
  const items = [move('line:li-ming-finance', 'leader:zhao-min'), setBackup('leader:wang-qiang', 'leader:chen-jing'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })];

  it('never mutates the facts it is given', () => {
    const snapshot = structuredClone(world);
    planChangeset(world, draft(items), mint);
    expect(world).toEqual(snapshot);
  });

  it.each([
    // [facts: 'before' | 'after', leader, on, basis]
    ['before', 'leader:zhao-min', FUTURE, 'GENERAL_AUTHORITY'],
    ['after', 'leader:zhao-min', FUTURE, 'SUPERVISES'], // the new supervisor
    ['after', 'leader:li-ming', FUTURE, 'GENERAL_AUTHORITY'], // the old one keeps only R3
    ['after', 'leader:li-ming', '2026-11-30', 'SUPERVISES'], // history is not rewritten
    ['after', 'leader:zhao-min', '2026-11-30', 'GENERAL_AUTHORITY'],
  ] as const)('canDirect on %s: %s over 区财政局 on %s → %s', (which, leaderId, on, basis) => {
    const facts = which === 'before' ? world : planChangeset(world, draft(items), mint).after;
    const verdict = canDirect(facts, leaderId, 'dept:finance', on);
    expect(verdict.allowed ? verdict.basis : verdict.code).toBe(basis);
  });

  it('whoCanDirect, the AB pairs and coverage follow', () => {
    const { after } = planChangeset(world, draft(items), mint);
    expect(whoCanDirect(after, 'dept:finance', FUTURE)[0].leaderId).toBe('leader:zhao-min');
    expect([backupOf(after, 'leader:wang-qiang', '2026-11-30')?.backupId, backupOf(after, 'leader:wang-qiang', FUTURE)?.backupId]).toEqual([
      'leader:zhao-min',
      'leader:chen-jing',
    ]);
    expect([coverage(after, AFTER).gapDepartmentIds, coverage(after, FUTURE).gapDepartmentIds]).toEqual([['dept:statistics'], []]);
  });
});

describe('planChangeset: violations, each with the item that caused it', () => {
  it.each([
    // allowed
    ['ending one of two supervisors of a unit', world, [end('line:sun-li-qingshi')], FUTURE, []],
    ['an old gap (区统计局) and an old orphaned assist are not this changeset\'s', world, [end('line:zhou-tao-business-climate')], FUTURE, []],
    ['a new assist whose principal gets the unit in the same changeset', world, [move('line:li-ming-finance', 'leader:zhao-min'), assign('ASSISTS', 'leader:wu-yue', { principalId: 'leader:zhao-min', departmentId: 'dept:finance' })], FUTURE, []],
    ['handing over the presidency', world, [move('line:zhang-wei-presides', 'leader:li-ming')], FUTURE, []],
    ['ending and re-assigning the presidency', world, [end('line:zhang-wei-presides'), assign('PRESIDES', 'leader:li-ming')], FUTURE, []],
    ['replacing a B: the old pair\'s conflict in March is not this changeset\'s', world, [setBackup('leader:chen-jing', 'leader:zhou-tao')], FUTURE, []],
    ['a new pair whose absences overlap, with a third person designated', decemberWithDesignation, [setBackup('leader:chen-jing', 'leader:wu-yue')], FUTURE, []],
    ['a past-dated change', world, [end('line:chen-jing-urban-investment')], '2026-02-15', []],
    // refused
    ['no items', world, [], FUTURE, [[null, 'EMPTY_CHANGESET']]],
    ['an unknown leader', world, [assign('SUPERVISES', 'leader:nobody', { departmentId: 'dept:statistics' })], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown department', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:nowhere' })], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown work area', world, [assign('RESPONSIBLE_FOR', 'leader:wu-yue', { workAreaId: 'wa:nowhere' })], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown principal', world, [assign('ASSISTS', 'leader:wu-yue', { principalId: 'leader:nobody', departmentId: 'dept:finance' })], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown line', world, [end('line:nope')], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['a move to an unknown leader', world, [move('line:li-ming-finance', 'leader:nobody')], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown AB pair', world, [endBackup('backup:nope')], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['an unknown exception', world, [setBackup('leader:li-ming', 'leader:zhao-min', ['dept:nowhere'])], FUTURE, [[0, 'UNKNOWN_REFERENCE']]],
    ['a unit abolished at the re-division', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:grain' })], FUTURE, [[0, 'UNIT_NOT_ACTIVE']]],
    ['a leader who left', world, [assign('SUPERVISES', 'leader:qian-feng', { departmentId: 'dept:statistics' })], FUTURE, [[0, 'NOT_IN_TEAM']]],
    ['a leader who has not joined yet', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })], BEFORE, [[0, 'NOT_IN_TEAM']]],
    ['a move to a leader who left', world, [move('line:li-ming-finance', 'leader:qian-feng')], FUTURE, [[0, 'NOT_IN_TEAM']]],
    ['a B who left', world, [setBackup('leader:li-ming', 'leader:qian-feng')], FUTURE, [[0, 'NOT_IN_TEAM']]],
    ['ending a line that already ended changes nothing', world, [end('line:qian-feng-health')], FUTURE, [[0, 'NO_CHANGE']]],
    ['moving a line to the leader who holds it changes nothing', world, [move('line:li-ming-finance', 'leader:li-ming')], FUTURE, [[0, 'NO_CHANGE']]],
    ['setting the B a leader already has changes nothing', world, [setBackup('leader:wang-qiang', 'leader:zhao-min', ['dept:public-security'])], FUTURE, [[0, 'NO_CHANGE']]],
    ['the same B with other exceptions is a change', world, [setBackup('leader:wang-qiang', 'leader:zhao-min')], FUTURE, []],
    ['a stand-in supervisor who leaves later leaves a gap then (checked at every later date)', world, [end('line:li-ming-finance'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:finance', validTo: '2027-01-01' })], FUTURE, [[0, 'SUPERVISOR_LOST']]],
    ['a stand-in supervisor followed by another is no gap', world, [end('line:li-ming-finance'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:finance', validTo: '2027-01-01' }), assign('SUPERVISES', 'leader:zhao-min', { departmentId: 'dept:finance' })], FUTURE, []],
    ['a presiding leader for a month only leaves nobody presiding after it', world, [end('line:zhang-wei-presides'), assign('PRESIDES', 'leader:li-ming', { validTo: '2027-01-01' })], FUTURE, [[1, 'PRESIDES_NOT_UNIQUE']]],
    ['a principal whose area ends later orphans the assist then', world, [end('line:zhang-wei-audit-work'), assign('RESPONSIBLE_FOR', 'leader:zhang-wei', { workAreaId: 'wa:audit', validTo: '2027-01-01' })], FUTURE, [[0, 'ASSIST_ORPHANED']]],
    ['ending a line on the day it starts', world, [end('line:zhao-min-health')], REDIVISION, [[0, 'LINE_NOT_ACTIVE']]],
    ['ending a line before it starts', world, [end('line:zhao-min-health')], BEFORE, [[0, 'LINE_NOT_ACTIVE']]],
    ['moving a line that already ended', world, [move('line:qian-feng-statistics', 'leader:wu-yue')], FUTURE, [[0, 'NO_CHANGE']]],
    ['ending the same line twice', world, [end('line:chen-jing-urban-investment'), end('line:chen-jing-urban-investment')], FUTURE, [[1, 'LINE_NOT_ACTIVE']]],
    ['moving a line an earlier item ended', world, [end('line:sun-li-qingshi'), move('line:sun-li-qingshi', 'leader:wu-yue')], FUTURE, [[1, 'LINE_NOT_ACTIVE']]],
    ['ending the same pair twice', world, [endBackup('backup:sun-wang'), endBackup('backup:sun-wang')], FUTURE, [[1, 'LINE_NOT_ACTIVE']]],
    ['ending a pair an earlier item replaced', world, [setBackup('leader:wang-qiang', 'leader:chen-jing'), endBackup('backup:wang-zhao')], FUTURE, [[1, 'LINE_NOT_ACTIVE']]],
    ['presiding over a department', world, [assign('PRESIDES', 'leader:li-ming', { departmentId: 'dept:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['responsible for a department', world, [assign('RESPONSIBLE_FOR', 'leader:wu-yue', { departmentId: 'dept:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['supervising a unit and an area at once', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics', workAreaId: 'wa:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['supervising nothing', world, [assign('SUPERVISES', 'leader:wu-yue')], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['liaising with a work area', world, [assign('LIAISES_WITH', 'leader:wu-yue', { workAreaId: 'wa:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['assisting nobody', world, [assign('ASSISTS', 'leader:wu-yue', { departmentId: 'dept:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['assisting oneself', world, [assign('ASSISTS', 'leader:li-ming', { principalId: 'leader:li-ming', departmentId: 'dept:finance' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['coordinating nothing', world, [assign('COORDINATES', 'leader:sun-li', { subject: '  ' })], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['moving an assist to its own principal', world, [move('line:li-ming-assists-audit', 'leader:zhang-wei')], FUTURE, [[0, 'TARGET_MISMATCH']]],
    ['supervising a vertically managed unit (R4)', world, [assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:tax' })], FUTURE, [[0, 'OUTSIDE_GOVERNMENT_LINE']]],
    ['moving a liaison is fine, supervising the court is not', world, [move('line:wang-qiang-court', 'leader:wu-yue'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:court' })], FUTURE, [[1, 'OUTSIDE_GOVERNMENT_LINE']]],
    ['an end date on the effective date', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics', validTo: FUTURE })], FUTURE, [[0, 'INVALID_INTERVAL']]],
    ['an end date before it', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics', validTo: '2026-11-01' })], FUTURE, [[0, 'INVALID_INTERVAL']]],
    ['one\'s own B', world, [setBackup('leader:li-ming', 'leader:li-ming')], FUTURE, [[0, 'SELF_BACKUP']]],
    ['a department left without a supervisor', world, [end('line:li-ming-finance')], FUTURE, [[0, 'SUPERVISOR_LOST']]],
    ['the last of two supervisors ended: the later item', world, [end('line:chen-jing-qingshi'), end('line:sun-li-qingshi')], FUTURE, [[1, 'SUPERVISOR_LOST']]],
    ['an assist whose principal loses the area', world, [end('line:zhang-wei-audit-work')], FUTURE, [[0, 'ASSIST_ORPHANED']]],
    ['an assist whose principal\'s line moves away', world, [move('line:zhang-wei-audit-work', 'leader:wu-yue')], FUTURE, [[0, 'ASSIST_ORPHANED']]],
    ['a new assist of a principal who does not hold the unit', world, [assign('ASSISTS', 'leader:wu-yue', { principalId: 'leader:zhao-min', departmentId: 'dept:finance' })], FUTURE, [[0, 'ASSIST_ORPHANED']]],
    ['a line the leader already holds', world, [assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:finance' })], FUTURE, [[0, 'DUPLICATE_LINE']]],
    ['the same new line twice: the second', world, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' }), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })], FUTURE, [[1, 'DUPLICATE_LINE']]],
    ['a move to a leader who already holds it', world, [move('line:chen-jing-qingshi', 'leader:sun-li')], FUTURE, [[0, 'DUPLICATE_LINE']]],
    ['two new Bs for one leader: the second', world, [setBackup('leader:li-ming', 'leader:zhao-min'), setBackup('leader:li-ming', 'leader:wang-qiang')], FUTURE, [[1, 'DUPLICATE_LINE']]],
    ['nobody presides', world, [end('line:zhang-wei-presides')], FUTURE, [[0, 'PRESIDES_NOT_UNIQUE']]],
    ['two preside', world, [assign('PRESIDES', 'leader:li-ming')], FUTURE, [[0, 'PRESIDES_NOT_UNIQUE']]],
    ['a new pair whose absences overlap with nobody designated (R5)', decemberAbsences, [setBackup('leader:chen-jing', 'leader:wu-yue')], FUTURE, [[0, 'PARTNER_ABSENCES_OVERLAP']]],
    ['a refused item changes nothing: no knock-on SUPERVISOR_LOST', world, [move('line:li-ming-finance', 'leader:qian-feng')], FUTURE, [[0, 'NOT_IN_TEAM']]],
    ['several items, several violations, in item order', world, [end('line:zhang-wei-presides'), assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:tax' }), end('line:li-ming-finance')], FUTURE, [
      [0, 'PRESIDES_NOT_UNIQUE'],
      [1, 'OUTSIDE_GOVERNMENT_LINE'],
      [2, 'SUPERVISOR_LOST'],
    ]],
  ] as const)('%s', (_, facts, items, effectiveDate, expected) => {
    const plan = planChangeset(facts, draft(items, effectiveDate), mint);
    expect(plan.violations.map((v) => [v.itemIndex, v.code])).toEqual(expected);
  });

  it('a changeset for another government is refused as a whole', () => {
    const plan = planChangeset(world, draft([end('line:li-ming-tax')], FUTURE, { jurisdictionId: 'jurisdiction:jiangcheng' }), mint);
    expect([plan.violations.map((v) => [v.itemIndex, v.code]), plan.diff]).toEqual([[[null, 'UNKNOWN_REFERENCE']], []]);
  });

  it('联系 of a government department is a warning, not a refusal', () => {
    const plan = planChangeset(world, draft([assign('LIAISES_WITH', 'leader:zhao-min', { departmentId: 'dept:finance' })]), mint);
    expect([plan.violations, plan.warnings.map((w) => [w.itemIndex, w.code]), plan.diff.length]).toEqual([[], [[0, 'LIAISON_TO_GOVERNMENT_UNIT']], 1]);
  });

  it('says in Chinese why, naming the item, the people and the units', () => {
    const plan = planChangeset(world, draft([end('line:zhou-tao-business-climate'), end('line:li-ming-finance'), setBackup('leader:li-ming', 'leader:li-ming')]), mint);
    expect(plan.violations.map((v) => v.message)).toEqual([
      '第2项：调整后区财政局自2026-12-01起没有分管领导：每个政府部门都要有分管领导（R10）',
      '第3项：李明不能做自己的B角',
    ]);
  });

  it('a ten-item re-division whose fifth item breaks a rule reports exactly that item', () => {
    const items = [
      assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' }),
      move('line:li-ming-finance', 'leader:zhao-min'),
      assign('ASSISTS', 'leader:wu-yue', { principalId: 'leader:zhao-min', departmentId: 'dept:finance' }),
      end('line:chen-jing-urban-investment'),
      assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:tax' }), // R4: a vertically managed unit
      assign('LIAISES_WITH', 'leader:wu-yue', { departmentId: 'dept:urban-investment' }),
      setBackup('leader:li-ming', 'leader:zhao-min'),
      endBackup('backup:sun-wang'),
      assign('COORDINATES', 'leader:sun-li', { subject: '招商引资' }),
      assign('RESPONSIBLE_FOR', 'leader:zhou-tao', { workAreaId: 'wa:tourism-promotion' }),
    ];
    const plan = planChangeset(world, draft(items), mint);
    expect([plan.violations.map((v) => [v.itemIndex, v.code]), plan.warnings]).toEqual([[[4, 'OUTSIDE_GOVERNMENT_LINE']], []]);
    expect(plan.diff.map((d) => d.itemIndex)).toEqual([0, 1, 1, 2, 3, 5, 6, 7, 8, 9]);
  });
});

describe('planChangeset: future-dated re-divisions', () => {
  const plan = planChangeset(world, draft([move('line:li-ming-finance', 'leader:zhao-min'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })]), mint);
  const ids = (lines: readonly AssignmentFact[]): string[] => lines.filter((l) => l.departmentId === 'dept:finance' || l.departmentId === 'dept:statistics').map((l) => l.id);

  it.each([
    [AFTER, ['line:li-ming-finance']],
    ['2026-11-30', ['line:li-ming-finance']],
    [FUTURE, ['line:new-0', 'line:new-1']],
    ['2027-03-01', ['line:new-0', 'line:new-1']],
  ])('asOf %s sees %j', (on, expected) => {
    expect(ids(linesOn(plan.after, on))).toEqual(expected);
  });
});

describe('validateChangeset: the plan with R7 in front', () => {
  const items = [move('line:li-ming-finance', 'leader:zhao-min')];
  const recorded: SigningContext = { signedOn: null, uses: [] };
  const today = (signedOn: IsoDate, uses: SigningContext['uses'] = []): SigningContext => ({ signedOn, uses });
  const ZW = 'leader:zhang-wei';

  it.each([
    ['a quorate decision taken in advance', draft(items), recorded, []],
    ['signed by the presiding leader after the meeting, effective later', draft(items, FUTURE, { issuedById: ZW }), today('2026-09-20'), []],
    ['no decision', draft(items, FUTURE, { decisionId: null }), recorded, [[null, 'COLLECTIVE_DECISION_REQUIRED']]],
    ['no decision and a department left without supervisor', draft([end('line:li-ming-finance')], FUTURE, { decisionId: null }), recorded, [
      [null, 'COLLECTIVE_DECISION_REQUIRED'],
      [0, 'SUPERVISOR_LOST'],
    ]],
    ['a decision without quorum', draft(items, '2026-03-01', { decisionId: 'decision:2026-standing-2', document: '青政发〔2026〕3号' }), recorded, [[null, 'QUORUM_NOT_MET']]],
    ['decided after the effective date', draft(items, '2026-09-01'), recorded, [[null, 'DECISION_AFTER_EFFECTIVE_DATE']]],
    ['signed by the B of the absent head', draft(items, '2026-06-02', { decisionId: 'decision:2026-standing-3', document: DOC_2026_5, issuedById: 'leader:li-ming' }), recorded, [[null, 'ACTING_POWERS_EXCLUDED']]],
    ['applied with no signatory', draft(items), today('2026-09-20'), [[null, 'SIGNATORY_REQUIRED']]],
    ['a draft under another 文号 than the decision approved', draft(items, FUTURE, { document: '青政发〔2026〕99号', issuedById: ZW }), today('2026-09-20'), [[null, 'DECISION_SCOPE_MISMATCH']]],
    ['a decision another changeset already used', draft(items, FUTURE, { issuedById: ZW }), today('2026-09-20', [{ changesetId: 'changeset:x', decisionId: 'decision:2026-standing-9', document: DOC }]), [[null, 'DECISION_ALREADY_USED']]],
    ['a meeting not yet held', draft(items, FUTURE, { issuedById: ZW }), today('2026-09-01'), [[null, 'MEETING_NOT_HELD']]],
    ['a no-op with every basis in order', draft([move('line:li-ming-finance', 'leader:li-ming')], FUTURE, { issuedById: ZW }), today('2026-09-20'), [[0, 'NO_CHANGE']]],
  ] as const)('%s', (_, d, signing, expected) => {
    expect(validateChangeset(world, d, mint, signing).violations.map((v) => [v.itemIndex, v.code])).toEqual(expected);
  });

  it('a gap that opens later says when', () => {
    const plan = planChangeset(world, draft([end('line:li-ming-finance'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:finance', validTo: '2027-01-01' })]), mint);
    expect(plan.violations.map((v) => [v.message, v.details.on])).toEqual([
      ['第1项：调整后区财政局自2027-01-01起没有分管领导：每个政府部门都要有分管领导（R10）', '2027-01-01'],
    ]);
  });
});

describe('planChangeset never rewrites history (fast-check)', () => {
  const leaderIds = [...world.leaders.map((l) => l.id), 'leader:nobody'];
  const departmentIds = world.departments.map((d) => d.id);
  const lineIds = world.assignments.map((a) => a.id);
  const kinds: AssignmentKind[] = ['SUPERVISES', 'LIAISES_WITH'];
  const item: fc.Arbitrary<ChangeItem> = fc.oneof(
    fc.record({ kind: fc.constantFrom(...kinds), leaderId: fc.constantFrom(...leaderIds), departmentId: fc.constantFrom(...departmentIds) }).map(
      ({ kind, leaderId, departmentId }) => assign(kind, leaderId, { departmentId }),
    ),
    fc.constantFrom(...lineIds).map(end),
  );
  const effectiveDate = fc.constantFrom('2026-02-01', BEFORE, REDIVISION, AFTER, FUTURE);
  const dayBefore = (d: IsoDate): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  it('linesOn(after, d) equals linesOn(input, d) for every d before the effective date, intervals cut at it', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), effectiveDate, (items, on) => {
        const { after } = planChangeset(world, draft(items, on), mint);
        const cut = (l: AssignmentFact): AssignmentFact => ({ ...l, validTo: l.validTo === null || l.validTo > on ? on : l.validTo });
        for (const d of ['2026-01-01', '2026-02-03', BEFORE, dayBefore(on)].filter((x) => x < on)) {
          expect(linesOn(after, d).map(cut)).toEqual(linesOn(world, d).map(cut));
        }
      }),
    );
  });
});
