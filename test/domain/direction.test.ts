import fc from 'fast-check';
import { DIRECTION_BASES, actorForLine, canDirect, covers, isGovernmentLine, linesForDepartment, whoCanDirect } from '../../src/domain';
import type { DirectionBasis, RefusalCode } from '../../src/domain';
import { AFTER, BEFORE, REDIVISION, world } from './world';

const R3_QUOTE =
  '各位副区长都是青山区的副区长，不仅仅是分管部门的副区长。只要是工作需要，每个部门都要无条件服从每位副区长、党组成员的领导和工作安排';

type Allowed = [leaderId: string, departmentId: string, on: string, basis: DirectionBasis, actingForId: string | null, away: boolean];

describe('canDirect: allowed, with the strongest basis', () => {
  it.each<Allowed>([
    // R1 分管.
    ['leader:li-ming', 'dept:finance', BEFORE, 'SUPERVISES', null, false],
    ['leader:chen-jing', 'dept:urban-management', BEFORE, 'SUPERVISES', null, false], // an affiliated body
    ['leader:sun-li', 'dept:development-zone', BEFORE, 'SUPERVISES', null, false], // an agency, by a party-group member
    ['leader:sun-li', 'dept:qingshi-subdistrict', BEFORE, 'SUPERVISES', null, false], // a subdistrict with two supervisors
    ['leader:zhang-wei', 'dept:audit', BEFORE, 'SUPERVISES', null, false], // the head's own line outranks HEAD
    // 协助: valid only while the principal holds the unit.
    ['leader:sun-li', 'dept:development-reform', BEFORE, 'ASSISTS', null, false],
    ['leader:sun-li', 'dept:development-reform', '2026-03-31', 'ASSISTS', null, false],
    ['leader:sun-li', 'dept:development-reform', REDIVISION, 'GENERAL_AUTHORITY', null, false], // 李明's line ended: orphaned
    // R2 全面领导: the acting head (代区长) too.
    ['leader:zhang-wei', 'dept:education', BEFORE, 'HEAD', null, false],
    ['leader:zhang-wei', 'dept:qingshi-subdistrict', BEFORE, 'HEAD', null, false],
    ['leader:zhang-wei', 'dept:public-security', '2026-02-03', 'HEAD', 'leader:wang-qiang', false], // he takes the excepted line: HEAD is stronger, but he is shown acting for 王强 (R5 never hidden)
    ['leader:zhang-wei', 'dept:public-security', '2026-02-10', 'HEAD', null, false], // 王强 is back: HEAD only
    ['leader:zhang-wei', 'dept:education', '2026-06-02', 'HEAD', null, true], // the head away keeps R2
    // R3 the general authority of every deputy and party-group member.
    ['leader:li-ming', 'dept:statistics', BEFORE, 'GENERAL_AUTHORITY', null, false], // the executive deputy
    ['leader:zhao-min', 'dept:qingshi-subdistrict', BEFORE, 'GENERAL_AUTHORITY', null, false], // a deputy
    ['leader:sun-li', 'dept:education', BEFORE, 'GENERAL_AUTHORITY', null, false], // a party-group member with no deputy post
    ['leader:wu-yue', 'dept:finance', AFTER, 'GENERAL_AUTHORITY', null, false], // a deputy from his first day
    // R5 AB角: B acts only while A is away.
    ['leader:zhao-min', 'dept:justice', '2026-02-01', 'GENERAL_AUTHORITY', null, false], // 王强 not yet away
    ['leader:zhao-min', 'dept:justice', '2026-02-03', 'ACTING_FOR', 'leader:wang-qiang', false],
    ['leader:zhao-min', 'dept:justice', '2026-02-05', 'ACTING_FOR', 'leader:wang-qiang', false],
    ['leader:zhao-min', 'dept:justice', '2026-02-06', 'GENERAL_AUTHORITY', null, false], // 王强 is back
    ['leader:wang-qiang', 'dept:justice', '2026-02-03', 'SUPERVISES', null, true], // A's line stands while he is away
    ['leader:zhao-min', 'dept:public-security', '2026-02-03', 'GENERAL_AUTHORITY', null, false], // public security is excepted from B
    ['leader:sun-li', 'dept:housing', '2026-03-03', 'ACTING_FOR', 'leader:chen-jing', false],
    ['leader:sun-li', 'dept:housing', '2026-03-05', 'GENERAL_AUTHORITY', null, true], // B himself is away
    ['leader:wang-qiang', 'dept:housing', '2026-03-05', 'GENERAL_AUTHORITY', null, false], // depth one: B's B does not act for A
    ['leader:wang-qiang', 'dept:development-zone', '2026-03-05', 'ACTING_FOR', 'leader:sun-li', false], // but he does act for his own A
    ['leader:wu-yue', 'dept:education', '2026-05-12', 'ACTING_FOR', 'leader:zhao-min', false], // B away: the designated person
    ['leader:wu-yue', 'dept:health', '2026-05-12', 'ACTING_FOR', 'leader:zhao-min', false],
    ['leader:wu-yue', 'dept:education', '2026-05-14', 'GENERAL_AUTHORITY', null, false], // B is back
    ['leader:wang-qiang', 'dept:education', '2026-05-12', 'GENERAL_AUTHORITY', null, true],
    ['leader:wang-qiang', 'dept:education', '2026-05-14', 'ACTING_FOR', 'leader:zhao-min', false],
    ['leader:li-ming', 'dept:audit', '2026-06-02', 'ACTING_FOR', 'leader:zhang-wei', false], // for the absent head
    ['leader:li-ming', 'dept:audit', '2026-06-04', 'GENERAL_AUTHORITY', null, false],
    ['leader:zhang-wei', 'dept:finance', '2026-07-07', 'HEAD', 'leader:li-ming', false], // presiding covers 李明 (no B), and says so
    // R12 time travel: the same question before and after the re-division.
    ['leader:li-ming', 'dept:development-reform', BEFORE, 'SUPERVISES', null, false],
    ['leader:li-ming', 'dept:development-reform', AFTER, 'GENERAL_AUTHORITY', null, false],
    ['leader:chen-jing', 'dept:development-reform', BEFORE, 'GENERAL_AUTHORITY', null, false],
    ['leader:chen-jing', 'dept:development-reform', AFTER, 'SUPERVISES', null, false],
    ['leader:zhao-min', 'dept:health', BEFORE, 'GENERAL_AUTHORITY', null, false],
    ['leader:zhao-min', 'dept:health', AFTER, 'SUPERVISES', null, false],
    ['leader:qian-feng', 'dept:health', '2026-03-31', 'SUPERVISES', null, false],
    ['leader:wu-yue', 'dept:culture-tourism', AFTER, 'SUPERVISES', null, false],
    ['leader:li-ming', 'dept:grain', BEFORE, 'SUPERVISES', null, false],
  ])('%s → %s on %s: %s', (leaderId, departmentId, on, basis, actingForId, away) => {
    const verdict = canDirect(world, leaderId, departmentId, on);
    expect(verdict.allowed ? { basis: verdict.basis, actingForId: verdict.actingForId, away: verdict.away } : verdict).toEqual({
      basis,
      actingForId,
      away,
    });
  });
});

type Refused = [leaderId: string, departmentId: string, on: string, code: RefusalCode];

describe('canDirect: refused, with a code', () => {
  it.each<Refused>([
    ['leader:qian-feng', 'dept:health', REDIVISION, 'NOT_IN_TEAM'], // left the team
    ['leader:wu-yue', 'dept:culture-tourism', BEFORE, 'NOT_IN_TEAM'], // not yet appointed
    ['leader:zhang-wei', 'dept:education', '2025-12-31', 'NOT_IN_TEAM'],
    ['leader:nobody', 'dept:finance', BEFORE, 'NOT_IN_TEAM'],
    ['leader:qian-feng', 'dept:tax', AFTER, 'NOT_IN_TEAM'], // the team check comes first
    ['leader:li-ming', 'dept:jiangcheng-finance', BEFORE, 'OTHER_JURISDICTION'],
    ['leader:li-ming', 'dept:grain', REDIVISION, 'UNIT_NOT_ACTIVE'], // abolished at the re-division
    ['leader:zhang-wei', 'dept:grain', AFTER, 'UNIT_NOT_ACTIVE'],
    // R4: outside the government's line nobody directs, not even the head.
    ['leader:zhang-wei', 'dept:tax', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:li-ming', 'dept:tax', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'], // he liaises with it
    ['leader:zhang-wei', 'dept:court', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:wang-qiang', 'dept:court', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:sun-li', 'dept:procuratorate', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:zhao-min', 'dept:womens-federation', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:chen-jing', 'dept:urban-investment', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    ['leader:zhou-tao', 'dept:tax', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'],
    // A secretary-general who is not a party-group member has no authority of his own.
    ['leader:zhou-tao', 'dept:education', BEFORE, 'NO_AUTHORITY'],
    ['leader:zhou-tao', 'dept:qingshi-subdistrict', BEFORE, 'NO_AUTHORITY'],
    ['leader:zhou-tao', 'dept:finance', '2026-07-07', 'NO_AUTHORITY'], // 李明 away: the presiding leader acts, not the office
  ])('%s → %s on %s: %s', (leaderId, departmentId, on, code) => {
    const verdict = canDirect(world, leaderId, departmentId, on);
    expect(verdict.allowed ? verdict : verdict.code).toBe(code);
  });
});

describe('canDirect explains itself (R6)', () => {
  const chainOf = (leaderId: string, departmentId: string, on: string): [string, string | null][] =>
    canDirect(world, leaderId, departmentId, on).chain.map((s) => [s.kind, s.factId]);

  it('SUPERVISES: the appointments, the line, R1', () => {
    expect(chainOf('leader:li-ming', 'dept:finance', BEFORE)).toEqual([
      ['APPOINTMENT', 'appt:li-ming-executive'],
      ['APPOINTMENT', 'appt:li-ming-party'],
      ['ASSIGNMENT', 'line:li-ming-finance'],
      ['RULE', null],
    ]);
    expect(canDirect(world, 'leader:li-ming', 'dept:finance', BEFORE).chain[2]?.text).toBe('李明分管区财政局');
  });

  it('ASSISTS: the assist and the principal line that keeps it valid', () => {
    expect(chainOf('leader:sun-li', 'dept:development-reform', BEFORE)).toEqual([
      ['APPOINTMENT', 'appt:sun-li-party'],
      ['ASSIGNMENT', 'line:sun-li-assists-development-reform'],
      ['ASSIGNMENT', 'line:li-ming-development-reform'],
      ['RULE', null],
    ]);
  });

  it('HEAD: the acting appointment and the PRESIDES line', () => {
    const verdict = canDirect(world, 'leader:zhang-wei', 'dept:education', BEFORE);
    expect(verdict.chain.map((s) => [s.kind, s.factId, s.text]).slice(0, 2)).toEqual([
      ['APPOINTMENT', 'appt:zhang-wei-head', '张伟任代区长'],
      ['ASSIGNMENT', 'line:zhang-wei-presides', '张伟主持青山区政府全面工作'],
    ]);
  });

  it('ACTING_FOR: the absent leader’s line, his absence, the pair', () => {
    expect(chainOf('leader:zhao-min', 'dept:justice', '2026-02-03')).toEqual([
      ['APPOINTMENT', 'appt:zhao-min-deputy'],
      ['ASSIGNMENT', 'line:wang-qiang-justice'],
      ['ABSENCE', 'absence:wang-qiang-trip'],
      ['BACKUP', 'backup:wang-zhao'],
      ['RULE', null],
      ['RULE', null],
    ]);
  });

  it('GENERAL_AUTHORITY quotes the seed (R3)', () => {
    const verdict = canDirect(world, 'leader:sun-li', 'dept:education', BEFORE);
    expect(verdict.allowed && verdict.reason.startsWith(R3_QUOTE)).toBe(true);
    expect(verdict.chain.map((s) => s.text)).toContain(`${R3_QUOTE}（R3）`);
  });

  it('an away leader’s chain shows his absence', () => {
    expect(chainOf('leader:wang-qiang', 'dept:justice', '2026-02-03')).toEqual([
      ['APPOINTMENT', 'appt:wang-qiang-deputy'],
      ['ASSIGNMENT', 'line:wang-qiang-justice'],
      ['RULE', null],
      ['ABSENCE', 'absence:wang-qiang-trip'],
    ]);
  });

  it.each([
    ['leader:li-ming', true], // he liaises with the tax bureau: said so, as coordination only
    ['leader:zhang-wei', false],
  ])('R4: %s and the tax bureau — liaison mentioned: %s', (leaderId, liaises) => {
    const verdict = canDirect(world, leaderId, 'dept:tax', BEFORE);
    expect(verdict.reason.includes('联系国家税务总局青山区税务局，仅限沟通协调')).toBe(liaises);
    expect(verdict.chain.some((s) => s.factId === 'line:li-ming-tax')).toBe(liaises);
    expect(verdict.chain.some((s) => s.kind === 'DEPARTMENT' && s.factId === 'dept:tax')).toBe(true);
  });
});

describe('whoCanDirect: every team member once, strongest basis, by basis then protocol rank', () => {
  it.each([
    ['dept:education', BEFORE, [
      ['leader:zhao-min', 'SUPERVISES', null],
      ['leader:zhang-wei', 'HEAD', null],
      ['leader:li-ming', 'GENERAL_AUTHORITY', null],
      ['leader:wang-qiang', 'GENERAL_AUTHORITY', null],
      ['leader:qian-feng', 'GENERAL_AUTHORITY', null],
      ['leader:chen-jing', 'GENERAL_AUTHORITY', null],
      ['leader:sun-li', 'GENERAL_AUTHORITY', null],
    ]],
    ['dept:justice', '2026-02-03', [
      ['leader:wang-qiang', 'SUPERVISES', null],
      ['leader:zhang-wei', 'HEAD', null],
      ['leader:zhao-min', 'ACTING_FOR', 'leader:wang-qiang'],
      ['leader:li-ming', 'GENERAL_AUTHORITY', null],
      ['leader:qian-feng', 'GENERAL_AUTHORITY', null],
      ['leader:chen-jing', 'GENERAL_AUTHORITY', null],
      ['leader:sun-li', 'GENERAL_AUTHORITY', null],
    ]],
    ['dept:development-reform', BEFORE, [
      ['leader:li-ming', 'SUPERVISES', null],
      ['leader:sun-li', 'ASSISTS', null],
      ['leader:zhang-wei', 'HEAD', null],
      ['leader:wang-qiang', 'GENERAL_AUTHORITY', null],
      ['leader:qian-feng', 'GENERAL_AUTHORITY', null],
      ['leader:zhao-min', 'GENERAL_AUTHORITY', null],
      ['leader:chen-jing', 'GENERAL_AUTHORITY', null],
    ]],
    ['dept:development-reform', AFTER, [
      ['leader:chen-jing', 'SUPERVISES', null],
      ['leader:zhang-wei', 'HEAD', null],
      ['leader:li-ming', 'GENERAL_AUTHORITY', null],
      ['leader:zhao-min', 'GENERAL_AUTHORITY', null],
      ['leader:wang-qiang', 'GENERAL_AUTHORITY', null],
      ['leader:sun-li', 'GENERAL_AUTHORITY', null],
      ['leader:wu-yue', 'GENERAL_AUTHORITY', null],
    ]],
    ['dept:qingshi-subdistrict', BEFORE, [
      ['leader:chen-jing', 'SUPERVISES', null],
      ['leader:sun-li', 'SUPERVISES', null],
      ['leader:zhang-wei', 'HEAD', null],
      ['leader:li-ming', 'GENERAL_AUTHORITY', null],
      ['leader:wang-qiang', 'GENERAL_AUTHORITY', null],
      ['leader:qian-feng', 'GENERAL_AUTHORITY', null],
      ['leader:zhao-min', 'GENERAL_AUTHORITY', null],
    ]],
    ['dept:tax', BEFORE, []], // R4
    ['dept:womens-federation', BEFORE, []], // R4
    ['dept:grain', AFTER, []], // abolished
    ['dept:jiangcheng-finance', BEFORE, []], // another government's
  ])('%s on %s', (departmentId, on, expected) => {
    expect(whoCanDirect(world, departmentId, on).map((g) => [g.leaderId, g.basis, g.actingForId])).toEqual(expected);
  });

  it('marks the R1 supervisor primary and an away supervisor away', () => {
    expect(whoCanDirect(world, 'dept:justice', '2026-02-03').slice(0, 2).map((g) => [g.primary, g.away])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  // Property: the reverse lookup agrees with the check for every leader, unit and date of the world.
  const leaderIds = [...world.leaders.map((l) => l.id), 'leader:nobody'];
  const departmentIds = [...world.departments.map((d) => d.id), 'dept:jiangcheng-finance'];
  const interestingDates = ['2026-01-01', '2026-02-03', '2026-02-06', '2026-03-05', REDIVISION, '2026-05-12', '2026-06-02', '2026-07-07'];
  const anyDate = fc.oneof(
    fc.constantFrom(...interestingDates),
    fc.integer({ min: 0, max: 240 }).map((n) => new Date(Date.UTC(2025, 11, 20 + n)).toISOString().slice(0, 10)),
  );

  it('agrees with canDirect for every leader (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...departmentIds), anyDate, (departmentId, on) => {
        const grants = whoCanDirect(world, departmentId, on);
        for (const leaderId of leaderIds) {
          const verdict = canDirect(world, leaderId, departmentId, on);
          const mine = grants.filter((g) => g.leaderId === leaderId);
          expect(mine.map((g) => [g.basis, g.actingForId, g.away, g.reason])).toEqual(
            verdict.allowed ? [[verdict.basis, verdict.actingForId, verdict.away, verdict.reason]] : [],
          );
        }
        const ranks = grants.map((g) => DIRECTION_BASES.indexOf(g.basis));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });
});

describe('R5 is never hidden: whoever exercises an absent supervisor’s line shows as acting for him', () => {
  const dates = ['2026-02-03', '2026-03-05', '2026-05-12', '2026-06-02', '2026-07-07'];
  const cases = dates.flatMap((on) =>
    world.departments
      .filter((d) => isGovernmentLine(d.kind) && covers(d, on))
      .flatMap((d) =>
        linesForDepartment(world, d.id, on)
          .filter((l) => l.kind === 'SUPERVISES')
          .flatMap((l) => {
            const actor = actorForLine(world, l, on);
            return actor === null || actor.actorId === null ? [] : [[on, d.id, l.leaderId, actor.actorId] as const];
          }),
      ),
  );

  it('has cases to check, the excepted public-security line among them', () => {
    expect(cases).toEqual(expect.arrayContaining([['2026-02-03', 'dept:public-security', 'leader:wang-qiang', 'leader:zhang-wei']]));
  });

  it.each(cases)('on %s, %s: %s is away, %s acts, and canDirect and whoCanDirect say so', (on, departmentId, absentId, actorId) => {
    const verdict = canDirect(world, actorId, departmentId, on);
    const supervisesItself = linesForDepartment(world, departmentId, on).some((l) => l.kind === 'SUPERVISES' && l.leaderId === actorId);
    expect(verdict.allowed && verdict.actingForId).toBe(supervisesItself ? null : absentId);
    const grant = whoCanDirect(world, departmentId, on).find((g) => g.leaderId === actorId);
    expect(grant?.actingForId ?? null).toBe(supervisesItself ? null : absentId);
  });
});
