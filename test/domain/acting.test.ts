import { absenceOn, actingCover, actorForLine, backupOf, coversActedBy, partnerAbsenceConflicts } from '../../src/domain';
import type { DirectoryFacts } from '../../src/domain';
import { BEFORE, lineById, world } from './world';

// A variant world: while the head is away (06-01..06-04), his backup 李明 is away too, and 王强 is away on 06-02.
const headAndBackupAway: DirectoryFacts = {
  ...world,
  absences: [
    ...world.absences,
    { id: 'absence:li-ming-june', leaderId: 'leader:li-ming', reason: '出差', designatedActorId: null, validFrom: '2026-06-01', validTo: '2026-06-03' },
    { id: 'absence:wang-qiang-june', leaderId: 'leader:wang-qiang', reason: '调研', designatedActorId: null, validFrom: '2026-06-02', validTo: '2026-06-03' },
  ],
};

// A variant world: 赵敏's trip in May designates nobody (her partner 王强 is away too, so neither is covered by the other).
const noDesignation: DirectoryFacts = {
  ...world,
  absences: world.absences.map((a) => (a.id === 'absence:zhao-min-trip' ? { ...a, designatedActorId: null } : a)),
};

describe('absenceOn and backupOf', () => {
  it.each([
    ['leader:wang-qiang', '2026-02-02', 'absence:wang-qiang-trip'],
    ['leader:wang-qiang', '2026-02-05', 'absence:wang-qiang-trip'],
    ['leader:wang-qiang', '2026-02-06', null], // validTo is the first day back
    ['leader:wang-qiang', '2026-05-12', 'absence:wang-qiang-meeting'],
    ['leader:li-ming', BEFORE, null],
  ])('absenceOn(%s, %s) → %s', (leaderId, on, expected) => {
    expect(absenceOn(world, leaderId, on)?.id ?? null).toBe(expected);
  });

  it.each([
    ['leader:wang-qiang', 'backup:wang-zhao'],
    ['leader:zhang-wei', 'backup:zhang-li'],
    ['leader:li-ming', null],
  ])('backupOf(%s) → %s', (leaderId, expected) => {
    expect(backupOf(world, leaderId, BEFORE)?.id ?? null).toBe(expected);
  });
});

describe('actingCover (R5 AB角): B, else the designated person, else the presiding leader; depth one', () => {
  it.each([
    ['B acts while A is away', world, 'leader:wang-qiang', '2026-02-03', 'leader:zhao-min', 'BACKUP', [{ targetId: 'dept:public-security', actorId: 'leader:zhang-wei' }]],
    ['B acts for 陈静 while B is at his post', world, 'leader:chen-jing', '2026-03-03', 'leader:sun-li', 'BACKUP', []],
    ["B is away too: B's own backup (王强) is not followed, the presiding leader acts", world, 'leader:chen-jing', '2026-03-05', 'leader:zhang-wei', 'PRESIDING', []],
    ['B is back (his validTo is exclusive)', world, 'leader:chen-jing', '2026-03-06', 'leader:sun-li', 'BACKUP', []],
    ['B is away: the designated person acts', world, 'leader:zhao-min', '2026-05-12', 'leader:wu-yue', 'DESIGNATED', []],
    ['B is back: B acts again, the designation is only a fallback', world, 'leader:zhao-min', '2026-05-14', 'leader:wang-qiang', 'BACKUP', []],
    ['both partners away: the person designated for the partner\'s absence covers both (the excepted line still goes to the presiding leader)', world, 'leader:wang-qiang', '2026-05-12', 'leader:wu-yue', 'DESIGNATED', [{ targetId: 'dept:public-security', actorId: 'leader:zhang-wei' }]],
    ['B away, nobody designated: the presiding leader, also for the excepted line', noDesignation, 'leader:wang-qiang', '2026-05-12', 'leader:zhang-wei', 'PRESIDING', [{ targetId: 'dept:public-security', actorId: 'leader:zhang-wei' }]],
    ['the absent head is covered by his B', world, 'leader:zhang-wei', '2026-06-02', 'leader:li-ming', 'BACKUP', []],
    ['no B at all: the presiding leader', world, 'leader:li-ming', '2026-07-07', 'leader:zhang-wei', 'PRESIDING', []],
    ['the head and his B away: nobody (he cannot stand in for himself)', headAndBackupAway, 'leader:zhang-wei', '2026-06-02', null, null, []],
    ['the presiding leader is away: the excepted line has nobody', headAndBackupAway, 'leader:wang-qiang', '2026-06-02', 'leader:zhao-min', 'BACKUP', [{ targetId: 'dept:public-security', actorId: null }]],
  ] as const)('%s', (_, facts, absentLeaderId, on, actorId, basis, exceptions) => {
    const cover = actingCover(facts, absentLeaderId, on);
    expect(cover === null ? null : { actorId: cover.actorId, basis: cover.basis, exceptions: cover.exceptions }).toEqual({
      actorId,
      basis,
      exceptions,
    });
  });

  it.each([
    ['leader:wang-qiang', '2026-02-06'],
    ['leader:wang-qiang', '2026-02-01'],
    ['leader:zhang-wei', BEFORE],
  ])('%s is at his post on %s: null', (leaderId, on) => {
    expect(actingCover(world, leaderId, on)).toBeNull();
  });

  it('explains itself: the absence, the pair, the exception, the rule', () => {
    const cover = actingCover(world, 'leader:wang-qiang', '2026-02-03');
    expect(cover?.chain.map((s) => [s.kind, s.factId])).toEqual([
      ['ABSENCE', 'absence:wang-qiang-trip'],
      ['BACKUP', 'backup:wang-zhao'],
      ['RULE', null],
      ['RULE', null],
    ]);
    expect(cover?.chain.map((s) => s.text).slice(0, 2)).toEqual([
      '王强自2026-02-02起不在岗（出差），2026-02-06返岗',
      '王强的B角为赵敏（区公安分局除外）',
    ]);
  });

  it('depth one is visible in the chain', () => {
    const cover = actingCover(world, 'leader:chen-jing', '2026-03-05');
    expect(cover?.chain.map((s) => [s.kind, s.factId])).toEqual([
      ['ABSENCE', 'absence:chen-jing-leave'],
      ['BACKUP', 'backup:chen-sun'],
      ['ABSENCE', 'absence:sun-li-training'],
      ['ASSIGNMENT', 'line:zhang-wei-presides'],
      ['RULE', null],
    ]);
  });
});

describe('actorForLine: who exercises one line while its holder is away', () => {
  it.each([
    ['line:wang-qiang-justice', '2026-02-03', { actorId: 'leader:zhao-min', actingForId: 'leader:wang-qiang' }],
    ['line:wang-qiang-public-security', '2026-02-03', { actorId: 'leader:zhang-wei', actingForId: 'leader:wang-qiang' }], // excepted: to the presiding leader
    ['line:wang-qiang-work-safety', '2026-02-03', { actorId: 'leader:zhao-min', actingForId: 'leader:wang-qiang' }],
    ['line:chen-jing-housing', '2026-03-05', { actorId: 'leader:zhang-wei', actingForId: 'leader:chen-jing' }],
    ['line:wang-qiang-justice', '2026-02-06', null], // he is back
    ['line:qian-feng-health', '2026-04-15', null], // the line is no longer in force
  ])('%s on %s', (lineId, on, expected) => {
    expect(actorForLine(world, lineById(lineId), on)).toEqual(expected);
  });
});

describe('coversActedBy: whom a leader acts for', () => {
  it.each([
    ['leader:zhao-min', '2026-02-03', ['leader:wang-qiang']],
    ['leader:zhang-wei', '2026-02-03', ['leader:wang-qiang']], // only the excepted public-security line
    ['leader:zhang-wei', '2026-03-05', ['leader:chen-jing']],
    ['leader:wang-qiang', '2026-03-05', ['leader:sun-li']],
    ['leader:wu-yue', '2026-05-12', ['leader:zhao-min', 'leader:wang-qiang']], // designated for 赵敏, he covers her partner 王强 too
    ['leader:zhang-wei', '2026-05-12', ['leader:wang-qiang']],
    ['leader:li-ming', BEFORE, []],
  ])('%s on %s', (leaderId, on, expected) => {
    expect(coversActedBy(world, leaderId, on).map((c) => c.absentLeaderId)).toEqual(expected);
  });
});

describe('partnerAbsenceConflicts: AB partners away together with no third person designated', () => {
  const withAbsences = (change: (a: DirectoryFacts['absences'][number]) => DirectoryFacts['absences'][number]): DirectoryFacts => ({
    ...world,
    absences: world.absences.map(change),
  });

  it.each([
    ['the world: 陈静 and 孙力 overlap; 赵敏 and 王强 overlap but 吴越 is designated', world, [
      { backupId: 'backup:chen-sun', absenceIds: ['absence:chen-jing-leave', 'absence:sun-li-training'] },
    ]],
    ['without the designation, both directions of the 赵敏/王强 pair conflict', withAbsences((a) => (a.id === 'absence:zhao-min-trip' ? { ...a, designatedActorId: null } : a)), [
      { backupId: 'backup:chen-sun', absenceIds: ['absence:chen-jing-leave', 'absence:sun-li-training'] },
      { backupId: 'backup:wang-zhao', absenceIds: ['absence:wang-qiang-meeting', 'absence:zhao-min-trip'] },
      { backupId: 'backup:zhao-wang', absenceIds: ['absence:zhao-min-trip', 'absence:wang-qiang-meeting'] },
    ]],
    ['designating the partner himself is not a third person', withAbsences((a) => (a.id === 'absence:zhao-min-trip' ? { ...a, designatedActorId: 'leader:wang-qiang' } : a)), [
      { backupId: 'backup:chen-sun', absenceIds: ['absence:chen-jing-leave', 'absence:sun-li-training'] },
      { backupId: 'backup:wang-zhao', absenceIds: ['absence:wang-qiang-meeting', 'absence:zhao-min-trip'] },
      { backupId: 'backup:zhao-wang', absenceIds: ['absence:zhao-min-trip', 'absence:wang-qiang-meeting'] },
    ]],
    ['touching absences do not overlap (陈静 back on the day 孙力 leaves)', withAbsences((a) => (a.id === 'absence:chen-jing-leave' ? { ...a, validTo: '2026-03-04' } : a)), []],
  ])('%s', (_, facts, expected) => {
    expect(partnerAbsenceConflicts(facts)).toEqual(expected);
  });
});
