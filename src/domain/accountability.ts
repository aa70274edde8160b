// Pure: no I/O, no clock. Implements R8 (打板子找到人): a key task's chain of accountability on a date — the
// supervising leader (and who acts for him today, R5), the lead unit and its head, the responsible units and their
// heads — with flags that warn but never refuse.
import type { ActingBasis } from './vocabulary';
import type { DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import type { ChainStep } from './verdict';
import { covers } from './interval';
import { departmentName, departmentStep, leaderName, lineStep, ruleStep } from './describe';
import { leadershipTeam } from './team';
import { isGovernmentLine, linesForDepartment } from './portfolio';
import { actingCover, actorForLine } from './acting';
import type { KeyTaskFact } from './key-task';

export const ACCOUNTABILITY_FLAGS = [
  'SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT',
  'UNIT_HEAD_UNKNOWN',
  'SUPERVISOR_NOT_IN_TEAM',
  'SUPERVISOR_AWAY_UNCOVERED',
  'UNIT_NOT_ACTIVE',
  'UNIT_OUTSIDE_GOVERNMENT_LINE',
] as const;
/** What an accountability chain warns about (R8: flagged, not refused). */
export type AccountabilityFlagCode = (typeof ACCOUNTABILITY_FLAGS)[number];

export interface AccountabilityFlag {
  readonly code: AccountabilityFlagCode;
  readonly leaderId: string | null;
  readonly departmentId: string | null;
  readonly message: string;
}

/** The supervising leader's link: who he is, whether he is away, and who answers for the task today. */
export interface LeaderLink {
  readonly leaderId: string;
  readonly name: string;
  readonly inTeam: boolean;
  readonly away: boolean;
  /** The absence covering the date, if any. */
  readonly absenceId: string | null;
  /** Who acts for him today (R5): the B角, the designated person, the presiding leader (excepted areas), or nobody. */
  readonly actingLeaderId: string | null;
  readonly actingName: string | null;
  readonly actingBasis: ActingBasis | null;
  /** The named person who answers today: the leader himself, or whoever acts for him; null when nobody can. */
  readonly answerableId: string | null;
  readonly chain: readonly ChainStep[];
}

export const TASK_UNIT_ROLES = ['LEAD', 'RESPONSIBLE', 'COOPERATING'] as const;
/** 牵头单位 / 责任单位 / 配合单位. */
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/** One unit of the chain and its head (主要负责人), the person at the end of the chain. */
export interface UnitLink {
  readonly departmentId: string;
  readonly name: string;
  readonly role: TaskUnitRole;
  /** 主要负责人 by name; null when the directory does not know him (flag UNIT_HEAD_UNKNOWN). */
  readonly headName: string | null;
  readonly active: boolean;
}

/** R8's answer: leader → lead unit (+ head) → responsible units (+ heads); cooperating units are listed apart. */
export interface Accountability {
  readonly taskId: string;
  readonly on: IsoDate;
  readonly leader: LeaderLink;
  readonly leadUnit: UnitLink;
  readonly responsibleUnits: readonly UnitLink[];
  readonly cooperatingUnits: readonly UnitLink[];
  readonly flags: readonly AccountabilityFlag[];
}

/**
 * Who answers for the task on `on` (R8). docs/rules.md R8: the chain runs leader → lead unit (+ its head) →
 * responsible units (+ their heads), as of D, resolved through absences (R5); the supervising leader should be one
 * who supervises the lead unit, and a task where this is not so is flagged, not refused. Seed: "要把责任明确到分管领导,
 * 明确到牵头单位,明确到责任主体,打板子找到人".
 *
 * Away leaders are resolved with R5's own logic: through his SUPERVISES line to the lead unit when he holds one (so a
 * pair's excepted area, e.g. public security, goes to the presiding leader), otherwise through his general cover.
 * Flags, in this order: SUPERVISOR_NOT_IN_TEAM, SUPERVISOR_AWAY_UNCOVERED (away and nobody can act),
 * SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT (no SUPERVISES line to the lead unit on the date); then per unit (lead,
 * responsible, cooperating, in input order) UNIT_NOT_ACTIVE, UNIT_OUTSIDE_GOVERNMENT_LINE (lead or responsible unit
 * that is only liaised with, R4), UNIT_HEAD_UNKNOWN (lead or responsible unit; cooperating units are not accountable).
 *
 * @example accountability(task, facts, '2026-02-03').leader // { name: '王强', away: true, actingName: '赵敏', actingBasis: 'BACKUP', … }
 */
export function accountability(task: KeyTaskFact, facts: DirectoryFacts, on: IsoDate): Accountability {
  const flags: AccountabilityFlag[] = [];
  const leader = leaderLink(facts, task, on, flags);
  const units = (ids: readonly string[], role: TaskUnitRole): UnitLink[] => ids.map((id) => unitLink(facts, id, role, on, flags));
  const leadUnit = unitLink(facts, task.leadUnitId, 'LEAD', on, flags);
  return {
    taskId: task.id,
    on,
    leader,
    leadUnit,
    responsibleUnits: units(task.responsibleUnitIds, 'RESPONSIBLE'),
    cooperatingUnits: units(task.cooperatingUnitIds, 'COOPERATING'),
    flags,
  };
}

function leaderLink(facts: DirectoryFacts, task: KeyTaskFact, on: IsoDate, flags: AccountabilityFlag[]): LeaderLink {
  const leaderId = task.supervisingLeaderId;
  const name = leaderName(facts, leaderId);
  const inTeam = leadershipTeam(facts, on).some((m) => m.leader.id === leaderId);
  const line = linesForDepartment(facts, task.leadUnitId, on).find((l) => l.kind === 'SUPERVISES' && l.leaderId === leaderId);
  const lead = departmentName(facts, task.leadUnitId);
  const chain: ChainStep[] = line === undefined ? [ruleStep(`${name}在${on}不分管牵头单位${lead}`)] : [lineStep(facts, line)];
  if (!inTeam) {
    flags.push(flag('SUPERVISOR_NOT_IN_TEAM', leaderId, null, `分管领导${name}在${on}不是${facts.jurisdiction.name}政府班子成员，须重新明确分管领导`));
  }
  const cover = actingCover(facts, leaderId, on);
  let acting: { readonly actorId: string | null; readonly basis: ActingBasis | null } = { actorId: null, basis: null };
  if (cover !== null) {
    const byLine = line === undefined ? null : actorForLine(facts, line, on);
    const excepted = byLine !== null && byLine.actorId !== cover.actorId;
    // An excepted area passes to the presiding leader, not the B角 (R5): report that actor and basis.
    acting = excepted ? { actorId: byLine.actorId, basis: byLine.actorId === null ? null : 'PRESIDING' } : { actorId: cover.actorId, basis: cover.basis };
    chain.push(...cover.chain);
    if (excepted) chain.push(ruleStep(`${lead}不由B角代行，由${byLine.actorId === null ? '（无人）' : leaderName(facts, byLine.actorId)}代行（R5）`));
    if (acting.actorId === null) {
      flags.push(flag('SUPERVISOR_AWAY_UNCOVERED', leaderId, null, `分管领导${name}在${on}不在岗，无人代行，请区政府办公室指定代行人`));
    }
  }
  if (line === undefined) {
    flags.push(
      flag('SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT', leaderId, task.leadUnitId, `分管领导${name}在${on}不分管牵头单位${lead}（R8：应由分管牵头单位的领导负责）`),
    );
  }
  return {
    leaderId,
    name,
    inTeam,
    away: cover !== null,
    absenceId: cover === null ? null : cover.absence.id,
    actingLeaderId: acting.actorId,
    actingName: acting.actorId === null ? null : leaderName(facts, acting.actorId),
    actingBasis: acting.basis,
    answerableId: cover === null ? (inTeam ? leaderId : null) : acting.actorId,
    chain,
  };
}

function unitLink(facts: DirectoryFacts, departmentId: string, role: TaskUnitRole, on: IsoDate, flags: AccountabilityFlag[]): UnitLink {
  const unit: DepartmentFact | undefined = facts.departments.find((d) => d.id === departmentId);
  const name = unit === undefined ? departmentId : unit.name;
  const active = unit !== undefined && covers(unit, on);
  const accountable = role !== 'COOPERATING';
  if (!active) flags.push(flag('UNIT_NOT_ACTIVE', null, departmentId, `${name}在${on}未设立或已撤销，须重新明确${roleLabel(role)}`));
  if (unit !== undefined && accountable && !isGovernmentLine(unit.kind)) {
    flags.push(
      flag('UNIT_OUTSIDE_GOVERNMENT_LINE', null, departmentId, `${departmentStep(unit).text}，只联系、不领导（R4），作为${roleLabel(role)}时责任落不到政府工作部门`),
    );
  }
  const headName = unit === undefined || unit.headName === null || unit.headName.trim() === '' ? null : unit.headName;
  if (accountable && headName === null) {
    flags.push(flag('UNIT_HEAD_UNKNOWN', null, departmentId, `未登记${name}的主要负责人，责任找不到人`));
  }
  return { departmentId, name, role, headName, active };
}

function roleLabel(role: TaskUnitRole): string {
  if (role === 'LEAD') return '牵头单位';
  return role === 'RESPONSIBLE' ? '责任单位' : '配合单位';
}

function flag(code: AccountabilityFlagCode, leaderId: string | null, departmentId: string | null, message: string): AccountabilityFlag {
  return { code, leaderId, departmentId, message };
}

