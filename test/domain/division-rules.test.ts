// One rule source (issue #9 item 8): the invariants of a division's state, stated once in division-rules.ts, hold
// for a recorded history (checkRecordedDivision, what every import asks) as for the state after a changeset
// (planChangeset) — the same codes, the same words, over all time.
import fc from 'fast-check';
import {
  checkRecordedDivision,
  divisionDates,
  firstDayOffTeam,
  planChangeset,
  type AssignmentFact,
  type AssignmentKind,
  type ChangeEntity,
  type ChangeItem,
  type DirectoryFacts,
  type IsoDate,
} from '../../src/domain';
import { AFTER, BEFORE, DOC_2026_20, FUTURE, J, REDIVISION, lineById, world } from './world';

const mint = (entity: ChangeEntity, itemIndex: number): string => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:new-${itemIndex}`;
const plan = (facts: DirectoryFacts, items: readonly ChangeItem[], on: IsoDate = FUTURE) =>
  planChangeset(facts, { jurisdictionId: J, document: DOC_2026_20, decisionId: 'decision:2026-standing-9', effectiveDate: on, issuedById: null, items }, mint);
const assign = (kind: AssignmentKind, leaderId: string, target: Partial<Pick<AssignmentFact, 'departmentId' | 'workAreaId' | 'principalId' | 'subject' | 'validTo'>> = {}): ChangeItem => ({
  op: 'ASSIGN', kind, leaderId, departmentId: null, workAreaId: null, principalId: null, subject: null, validTo: null, ...target,
});
const end = (lineId: string): ChangeItem => ({ op: 'END', lineId });

/** [code, the fact blamed] of each finding. */
const found = (facts: DirectoryFacts) => checkRecordedDivision(facts).map((f) => [f.code, f.factId]);

// The fixture world on purpose holds three states no changeset could make (a unit whose only supervisor leaves with
// nobody after him, an assist never ended when its principal's line was, partners away together): a file that held
// them would be refused. `clean` is the world without them.
const clean: DirectoryFacts = {
  ...world,
  assignments: [
    ...world.assignments.filter((a) => a.id !== 'line:sun-li-assists-development-reform'),
    { ...lineById('line:wu-yue-culture-tourism'), id: 'line:wu-yue-statistics', departmentId: 'dept:statistics' },
  ],
  absences: world.absences.filter((a) => a.id !== 'absence:sun-li-training'),
};

it('the fixture world holds three states no changeset could make, and a file holding them is told which', () => {
  expect(found(world)).toEqual([
    ['SUPERVISOR_LOST', 'line:qian-feng-statistics'],
    ['ASSIST_ORPHANED', 'line:sun-li-assists-development-reform'],
    ['PARTNER_ABSENCES_OVERLAP', 'backup:chen-sun'],
  ]);
  expect(checkRecordedDivision(world)[0].message).toBe('区统计局自2026-04-01起没有分管领导：每个政府部门都要有分管领导（R10）');
  expect(found(clean)).toEqual([]);
});

const withLine = (line: Partial<AssignmentFact> & { id: string }, like = 'line:li-ming-finance'): DirectoryFacts => ({
  ...clean,
  assignments: [...clean.assignments, { ...lineById(like), ...line }],
});
const editLine = (id: string, patch: Partial<AssignmentFact>): DirectoryFacts => ({
  ...clean,
  assignments: clean.assignments.map((a) => (a.id === id ? { ...a, ...patch } : a)),
});
const wuYueLeaves: DirectoryFacts = {
  ...clean,
  appointments: clean.appointments.map((a) => (a.id === 'appt:wu-yue-deputy' ? { ...a, validTo: '2027-01-01' } : a)),
};

// Each row: recorded facts that break one rule → [code, fact blamed]; the changeset on `clean` that breaks it → [item, code].
describe.each<[string, DirectoryFacts, [string, string][], ChangeItem[], [number | null, string][]]>([
  ['a line overlapping an identical one', withLine({ id: 'line:copy', validFrom: '2026-06-01' }),
    [['DUPLICATE_LINE', 'line:copy']], [assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:finance' })], [[0, 'DUPLICATE_LINE']]],
  ['two presiding at once', withLine({ id: 'line:second-head', leaderId: 'leader:li-ming' }, 'line:zhang-wei-presides'),
    [['PRESIDES_NOT_UNIQUE', 'line:second-head']], [assign('PRESIDES', 'leader:li-ming')], [[0, 'PRESIDES_NOT_UNIQUE']]],
  ['nobody presiding once the presiding line ends', editLine('line:zhang-wei-presides', { validTo: '2026-12-01' }),
    [['PRESIDES_NOT_UNIQUE', 'line:zhang-wei-presides']], [end('line:zhang-wei-presides')], [[0, 'PRESIDES_NOT_UNIQUE']]],
  ['a unit whose supervisor leaves later, with nobody after him (checked at every date)', editLine('line:li-ming-finance', { validTo: '2027-01-01' }),
    [['SUPERVISOR_LOST', 'line:li-ming-finance']], [end('line:li-ming-finance'), assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:finance', validTo: '2027-01-01' })], [[0, 'SUPERVISOR_LOST']]],
  ['a stand-in for a unit nobody supervised before him, who leaves with nobody after him',
    { ...clean, assignments: [...clean.assignments.filter((a) => a.id !== 'line:wu-yue-statistics'), { ...lineById('line:wu-yue-culture-tourism'), id: 'line:stand-in', departmentId: 'dept:statistics', validTo: '2027-01-01' }] },
    [['SUPERVISOR_LOST', 'line:stand-in']],
    [end('line:wu-yue-statistics'), assign('SUPERVISES', 'leader:zhao-min', { departmentId: 'dept:statistics', validTo: '2027-01-01' })], [[0, 'SUPERVISOR_LOST']]],
  ['an assist whose principal gives up the area later', editLine('line:zhang-wei-audit-work', { validTo: '2027-01-01' }),
    [['ASSIST_ORPHANED', 'line:li-ming-assists-audit']], [end('line:zhang-wei-audit-work')], [[0, 'ASSIST_ORPHANED']]],
  ['a line held past its holder’s appointment', wuYueLeaves,
    [['LINES_STILL_HELD', 'line:wu-yue-culture-tourism'], ['LINES_STILL_HELD', 'line:wu-yue-statistics']], [], []],
  ['a line before its holder joins the team', withLine({ id: 'line:early', leaderId: 'leader:wu-yue', validFrom: '2026-01-01' }, 'line:li-ming-tax'),
    [['NOT_IN_TEAM', 'line:early']], [assign('SUPERVISES', 'leader:qian-feng', { departmentId: 'dept:justice' })], [[0, 'NOT_IN_TEAM']]],
  ['a line to a unit abolished before it begins', withLine({ id: 'line:grain', leaderId: 'leader:wu-yue', departmentId: 'dept:grain', validFrom: REDIVISION }),
    [['UNIT_NOT_ACTIVE', 'line:grain']], [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:grain' })], [[0, 'UNIT_NOT_ACTIVE']]],
  ['a line to another government’s unit', withLine({ id: 'line:elsewhere', departmentId: 'dept:elsewhere' }),
    [['UNKNOWN_REFERENCE', 'line:elsewhere']], [assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:elsewhere' })], [[0, 'UNKNOWN_REFERENCE']]],
  ['a deputy 分管 the tax bureau (R4)', withLine({ id: 'line:tax', departmentId: 'dept:tax' }),
    [['OUTSIDE_GOVERNMENT_LINE', 'line:tax']], [assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:tax' })], [[0, 'OUTSIDE_GOVERNMENT_LINE']]],
  ['a leader as his own B角', { ...clean, backups: [...clean.backups, { ...clean.backups[0], id: 'backup:self', leaderId: 'leader:li-ming', backupId: 'leader:li-ming' }] },
    [['SELF_BACKUP', 'backup:self']], [{ op: 'SET_BACKUP', leaderId: 'leader:li-ming', backupId: 'leader:li-ming', exceptTargetIds: [] }], [[0, 'SELF_BACKUP']]],
  ['two B角 for one leader at once', { ...clean, backups: [...clean.backups, { ...clean.backups[0], id: 'backup:second', backupId: 'leader:chen-jing' }] },
    [['DUPLICATE_LINE', 'backup:second']],
    [{ op: 'SET_BACKUP', leaderId: 'leader:li-ming', backupId: 'leader:zhao-min', exceptTargetIds: [] }, { op: 'SET_BACKUP', leaderId: 'leader:li-ming', backupId: 'leader:chen-jing', exceptTargetIds: [] }],
    [[1, 'DUPLICATE_LINE']]],
  ['AB partners away together, nobody designated', { ...clean, absences: [...clean.absences, { id: 'absence:zhao-min-too', leaderId: 'leader:zhao-min', reason: '出差', designatedActorId: null, validFrom: '2026-02-03', validTo: '2026-02-05' }] },
    [['PARTNER_ABSENCES_OVERLAP', 'backup:wang-zhao'], ['PARTNER_ABSENCES_OVERLAP', 'backup:zhao-wang']], [], []],
  ['two absences of one leader at once', { ...clean, absences: [...clean.absences, { id: 'absence:again', leaderId: 'leader:li-ming', reason: '出差', designatedActorId: null, validFrom: '2026-07-08', validTo: '2026-07-12' }] },
    [['ABSENCE_OVERLAP', 'absence:again']], [], []],
])('%s', (_label, recorded, expected, items, refused) => {
  it('is found in the recorded facts, once, on the fact to blame', () => {
    expect(found(recorded)).toEqual(expected);
  });
  if (items.length > 0) {
    it('gets the same code as a changeset that makes it', () => {
      expect(plan(clean, items).violations.map((v) => [v.itemIndex, v.code])).toEqual(refused);
    });
  }
});

it('a changeset and a file are told the same words, less the item and "调整后"', () => {
  const words = (facts: DirectoryFacts) => checkRecordedDivision(facts).map((f) => f.message);
  const told = (items: ChangeItem[]) => plan(clean, items).violations.map((v) => v.message.replace(/^第\d+项：/, '').replace(/^调整后/, ''));
  expect(words(editLine('line:li-ming-finance', { validTo: FUTURE }))).toEqual(told([end('line:li-ming-finance')]));
  expect(words(editLine('line:zhang-wei-presides', { validTo: FUTURE }))).toEqual(told([end('line:zhang-wei-presides')]));
  expect(words(editLine('line:zhang-wei-audit-work', { validTo: FUTURE }))).toEqual(told([end('line:zhang-wei-audit-work')]));
  expect(words(withLine({ id: 'line:new-0', validFrom: FUTURE }))).toEqual(told([assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:finance' })]));
  expect(words(withLine({ id: 'line:elsewhere', departmentId: 'dept:elsewhere' }))).toEqual(told([assign('SUPERVISES', 'leader:li-ming', { departmentId: 'dept:elsewhere' })]));
});

describe('over all time, as a changeset is checked', () => {
  it('a unit never supervised is a gap coverage shows, not a violation', () => {
    expect(found({ ...clean, assignments: clean.assignments.filter((a) => a.id !== 'line:li-ming-finance') })).toEqual([]);
  });

  it('a unit abolished with its lines loses nothing', () => {
    const abolished = { ...clean, departments: clean.departments.map((d) => (d.id === 'dept:justice' ? { ...d, validTo: '2027-01-01' } : d)) };
    expect(found({ ...abolished, assignments: abolished.assignments.map((a) => (a.id === 'line:wang-qiang-justice' ? { ...a, validTo: '2027-01-01' } : a)) })).toEqual([]);
  });

  it('a government where nobody presides yet is not refused; a presidency handed over without a day between is fine', () => {
    expect(found({ ...clean, assignments: clean.assignments.filter((a) => a.kind !== 'PRESIDES') })).toEqual([]);
    const handedOver = editLine('line:zhang-wei-presides', { validTo: '2027-01-01' });
    expect(found({ ...handedOver, assignments: [...handedOver.assignments, { ...lineById('line:zhang-wei-presides'), id: 'line:li-ming-presides', leaderId: 'leader:li-ming', validFrom: '2027-01-01' }] })).toEqual([]);
  });

  it('says on which date a rule breaks first', () => {
    const [finding] = checkRecordedDivision(editLine('line:li-ming-finance', { validTo: '2027-01-01' }));
    expect(finding.details).toMatchObject({ departmentId: 'dept:finance', on: '2027-01-01', endedLineIds: ['line:li-ming-finance'] });
  });

  it('a line with a fault of its own is reported for it once, and not again as a duplicate', () => {
    expect(found(withLine({ id: 'line:copy', leaderId: 'leader:qian-feng', validFrom: AFTER }))).toEqual([['NOT_IN_TEAM', 'line:copy']]);
  });

  it('divisionDates: every date a line or a unit starts or ends; from a date, that date and the later ones', () => {
    expect(divisionDates(clean)).toEqual(['2010-01-01', '2026-01-01', REDIVISION]);
    expect(divisionDates(editLine('line:li-ming-finance', { validTo: '2027-01-01' }), FUTURE)).toEqual([FUTURE, '2027-01-01']);
  });

  it('firstDayOffTeam: the first day within a line on which its holder is not on the team', () => {
    expect(firstDayOffTeam(clean, 'leader:qian-feng', { validFrom: '2026-01-01', validTo: null })).toBe(REDIVISION);
    expect(firstDayOffTeam(clean, 'leader:qian-feng', { validFrom: '2026-01-01', validTo: REDIVISION })).toBeNull();
    expect(firstDayOffTeam(clean, 'leader:wu-yue', { validFrom: BEFORE, validTo: null })).toBe(BEFORE);
  });
});

describe('what a changeset now refuses so that a file can hold whatever it leaves', () => {
  it('a line it opens may not outlive its holder’s place on the team (LINES_STILL_HELD, as endAppointment)', () => {
    const refused = plan(wuYueLeaves, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:justice' })]);
    expect(refused.violations.map((v) => [v.itemIndex, v.code])).toEqual([[0, 'LINES_STILL_HELD']]);
    expect(refused.violations[0].message).toMatch(/^第1项：吴越自2027-01-01起不再是青山区政府班子成员，但仍承担“吴越分管区司法局”/);
    expect(plan(wuYueLeaves, [assign('COORDINATES', 'leader:wu-yue', { subject: '招商引资', validTo: '2027-01-01' })]).violations).toEqual([]);
  });

  it('a stand-in for a unit nobody supervised leaves it without one when he goes (SUPERVISOR_LOST), unless someone follows', () => {
    const gap = { ...clean, assignments: clean.assignments.filter((a) => a.id !== 'line:wu-yue-statistics') };
    const standIn = assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics', validTo: '2027-01-01' });
    expect(plan(gap, [standIn]).violations.map((v) => [v.itemIndex, v.code, v.details.on])).toEqual([[0, 'SUPERVISOR_LOST', '2027-01-01']]);
    expect(plan(gap, [standIn, assign('SUPERVISES', 'leader:zhao-min', { departmentId: 'dept:statistics' })]).violations).toEqual([]);
    expect(plan(gap, [assign('SUPERVISES', 'leader:wu-yue', { departmentId: 'dept:statistics' })]).violations).toEqual([]);
  });
});

describe('whatever a changeset may leave, a file may hold (fast-check)', () => {
  const leaderIds = clean.leaders.map((l) => l.id);
  const departmentIds = clean.departments.map((d) => d.id);
  const lineIds = clean.assignments.map((a) => a.id);
  const target = fc.oneof(
    fc.constantFrom(...departmentIds).map((departmentId) => ({ departmentId })),
    fc.constantFrom(...clean.workAreas.map((w) => w.id)).map((workAreaId) => ({ workAreaId })),
  );
  const item: fc.Arbitrary<ChangeItem> = fc.oneof(
    fc
      .record({
        kind: fc.constantFrom<AssignmentKind>('SUPERVISES', 'LIAISES_WITH', 'RESPONSIBLE_FOR', 'ASSISTS', 'PRESIDES'),
        leaderId: fc.constantFrom(...leaderIds),
        principalId: fc.constantFrom(...leaderIds),
        target,
        validTo: fc.constantFrom(null, '2027-01-01', '2027-06-01'),
      })
      .map(({ kind, leaderId, principalId, target: t, validTo }) =>
        assign(kind, leaderId, kind === 'PRESIDES' ? { validTo } : { ...t, principalId: kind === 'ASSISTS' ? principalId : null, validTo }),
      ),
    fc.constantFrom(...lineIds).map(end),
    fc.record({ lineId: fc.constantFrom(...lineIds), toLeaderId: fc.constantFrom(...leaderIds) }).map(({ lineId, toLeaderId }): ChangeItem => ({ op: 'MOVE', lineId, toLeaderId })),
    fc.record({ leaderId: fc.constantFrom(...leaderIds), backupId: fc.constantFrom(...leaderIds) }).map(({ leaderId, backupId }): ChangeItem => ({ op: 'SET_BACKUP', leaderId, backupId, exceptTargetIds: [] })),
    fc.constantFrom(...clean.backups.map((b) => b.id)).map((backupId): ChangeItem => ({ op: 'END_BACKUP', backupId })),
  );

  it('an accepted changeset on a clean history leaves a history checkRecordedDivision accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.constantFrom(BEFORE, AFTER, FUTURE, '2026-12-31'), (items, on) => {
        const result = plan(clean, items, on);
        if (result.violations.length > 0) return;
        accepted += 1;
        expect(found(result.after)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});
