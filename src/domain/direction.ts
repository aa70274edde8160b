// Pure: no I/O, no clock. Implements R1–R6: may leader L direct unit U on date D, and who may — each answer explained.
import { DIRECTION_BASES } from './vocabulary';
import type { DirectionBasis, PostKind, RefusalCode } from './vocabulary';
import type { DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import type { ChainStep, DirectionGrant, DirectionVerdict } from './verdict';
import { covers } from './interval';
import { compareBy } from './order';
import {
  absenceStep,
  appointmentStep,
  departmentKindLabel,
  departmentStep,
  leaderName,
  lineStep,
  ruleStep,
} from './describe';
import { appointmentsOn, compareByProtocol, leadershipTeam, postKindsOn, presidingOn, protocolRanks } from './team';
import { assistIsValid, isGovernmentLine, linesForDepartment, principalLine } from './portfolio';
import { absenceOn, actingCover, actorForLine } from './acting';

/** The post kinds that carry the general authority of R3. */
const GENERAL_AUTHORITY_POSTS: readonly PostKind[] = ['EXECUTIVE_DEPUTY', 'DEPUTY', 'PARTY_GROUP_MEMBER'];

interface Grant {
  readonly basis: DirectionBasis;
  readonly reason: string;
  readonly chain: readonly ChainStep[];
  readonly actingForId: string | null;
}

/**
 * May the leader direct the department on `on`? Always explained (R6): a basis and the chain of facts that
 * proves it, or a refusal code and the reason.
 *
 * Refusals, in this order: NOT_IN_TEAM (no appointment covering `on`); OTHER_JURISDICTION (not one of this
 * government's units); UNIT_NOT_ACTIVE (the unit does not exist on `on`); OUTSIDE_GOVERNMENT_LINE (R4: vertical,
 * judicial, mass organisations and state enterprises are liaised with, never directed — not even by the head);
 * NO_AUTHORITY (e.g. a secretary-general who is not a party-group member).
 * Bases, strongest first: SUPERVISES (R1), ASSISTS (a valid 协助 line), HEAD (R2: the 区长 post, acting or not, or the
 * PRESIDES line), ACTING_FOR (R5: he acts for the absent supervisor of the unit, exceptions honoured),
 * GENERAL_AUTHORITY (R3). A leader who is away keeps his lines (`away: true`); someone else exercises them.
 * R1, seed: "各单位各部门要按照分管领导的安排部署恪尽职守,做好本职工作".
 * R3, seed: "各位副区长都是 X 区的副区长,不仅仅是分管部门的副区长。只要是工作需要,每个部门都要无条件服从每位副区长、
 * 党组成员的领导和工作安排。"
 *
 * @example canDirect(facts, 'leader:li-ming', 'dept:finance', '2026-03-16') // { allowed: true, basis: 'SUPERVISES', … }
 * @example canDirect(facts, 'leader:zhang-wei', 'dept:tax', '2026-03-16') // { allowed: false, code: 'OUTSIDE_GOVERNMENT_LINE', … }
 */
export function canDirect(facts: DirectoryFacts, leaderId: string, departmentId: string, on: IsoDate): DirectionVerdict {
  const who = leaderName(facts, leaderId);
  const government = `${facts.jurisdiction.name}政府`;
  const appointments = appointmentsOn(facts, leaderId, on);
  if (appointments.length === 0) {
    return refuse('NOT_IN_TEAM', `${who}在${on}不是${government}班子成员`, [
      ruleStep(`${on}${who}未在${government}任职，不能领导${government}的部门`),
    ]);
  }
  const appointmentSteps = appointments.map((a) => appointmentStep(facts, a));
  const department = facts.departments.find((d) => d.id === departmentId && d.jurisdictionId === facts.jurisdiction.id);
  if (department === undefined) {
    return refuse('OTHER_JURISDICTION', `${departmentId}不是${government}的部门，${who}只能领导本级政府的部门`, [
      ...appointmentSteps,
      ruleStep(`${government}班子成员的职权只及于${government}的部门`),
    ]);
  }
  if (!covers(department, on)) {
    return refuse('UNIT_NOT_ACTIVE', `${department.name}在${on}未设立或已撤销`, [
      ...appointmentSteps,
      { kind: 'DEPARTMENT', factId: department.id, text: `${department.name}的存续期间不含${on}` },
    ]);
  }
  if (!isGovernmentLine(department.kind)) return outsideGovernmentLine(facts, leaderId, department, on, appointmentSteps);

  const absence = absenceOn(facts, leaderId, on);
  const grant =
    supervisesGrant(facts, leaderId, department, on) ??
    assistsGrant(facts, leaderId, department, on) ??
    headGrant(facts, leaderId, department, on) ??
    actingForGrant(facts, leaderId, department, on) ??
    generalAuthorityGrant(facts, leaderId, department, on);
  if (grant === null) {
    return refuse('NO_AUTHORITY', `${who}既不分管、协助分管${department.name}，也不是区长、副区长或党组成员，不能领导该部门`, [
      ...appointmentSteps,
      departmentStep(department),
      ruleStep('领导各部门的是区长（R2）、分管领导（R1）和各位副区长、党组成员（R3）'),
    ]);
  }
  const awaySteps = absence === null ? [] : [absenceStep(facts, absence, '；其分管工作由代行的领导行使（R5）')];
  // R5 is never hidden: whoever exercises an absent supervisor's line on this unit (e.g. the presiding leader for
  // an excepted line) is shown as acting for him, whatever his own, stronger basis.
  const acting = grant.actingForId === null && grant.basis !== 'SUPERVISES' ? actingForGrant(facts, leaderId, department, on) : null;
  return {
    allowed: true,
    basis: grant.basis,
    reason: acting === null ? grant.reason : `${grant.reason}；${acting.reason}`,
    chain: [...appointmentSteps, ...grant.chain, ...(acting === null ? [] : acting.chain), ...awaySteps],
    actingForId: acting === null ? grant.actingForId : acting.actingForId,
    away: absence !== null,
  };
}

function refuse(code: RefusalCode, reason: string, chain: readonly ChainStep[]): DirectionVerdict {
  return { allowed: false, code, reason, chain };
}

/** R4: units outside the government's line are liaised with (联系), which is coordination, not direction. */
function outsideGovernmentLine(
  facts: DirectoryFacts,
  leaderId: string,
  department: DepartmentFact,
  on: IsoDate,
  appointmentSteps: readonly ChainStep[],
): DirectionVerdict {
  const liaison = linesForDepartment(facts, department.id, on).find(
    (l) => l.kind === 'LIAISES_WITH' && l.leaderId === leaderId,
  );
  const kind = departmentKindLabel(department.kind);
  const base = `${department.name}是${kind}，不属于${facts.jurisdiction.name}政府工作部门，只联系、不领导（R4）`;
  const reason =
    liaison === undefined ? base : `${base}；${leaderName(facts, leaderId)}联系${department.name}，仅限沟通协调`;
  return refuse('OUTSIDE_GOVERNMENT_LINE', reason, [
    ...appointmentSteps,
    departmentStep(department),
    ...(liaison === undefined ? [] : [lineStep(facts, liaison, '（联系是沟通协调，不是领导）')]),
    ruleStep(`${kind}只联系、不领导；各位副区长、党组成员的领导权只及于政府工作部门（R4）`),
  ]);
}

function supervisesGrant(facts: DirectoryFacts, leaderId: string, department: DepartmentFact, on: IsoDate): Grant | null {
  const line = linesForDepartment(facts, department.id, on).find((l) => l.kind === 'SUPERVISES' && l.leaderId === leaderId);
  if (line === undefined) return null;
  return {
    basis: 'SUPERVISES',
    reason: `${leaderName(facts, leaderId)}分管${department.name}（R1）`,
    chain: [lineStep(facts, line), ruleStep('分管领导是所分管部门的第一领导线，各部门要按照分管领导的安排部署恪尽职守（R1）')],
    actingForId: null,
  };
}

function assistsGrant(facts: DirectoryFacts, leaderId: string, department: DepartmentFact, on: IsoDate): Grant | null {
  const line = linesForDepartment(facts, department.id, on).find(
    (l) => l.kind === 'ASSISTS' && l.leaderId === leaderId && assistIsValid(facts, l, on),
  );
  const principal = line === undefined ? undefined : principalLine(facts, line, on);
  if (line === undefined || principal === undefined) return null;
  return {
    basis: 'ASSISTS',
    reason: `${leaderName(facts, leaderId)}协助${leaderName(facts, principal.leaderId)}分管${department.name}（协助关系在${leaderName(facts, principal.leaderId)}分管期间有效）`,
    chain: [
      lineStep(facts, line),
      lineStep(facts, principal, '（协助关系在此期间有效）'),
      ruleStep('协助领导在主责领导仍分管该部门期间协助领导该部门'),
    ],
    actingForId: null,
  };
}

function headGrant(facts: DirectoryFacts, leaderId: string, department: DepartmentFact, on: IsoDate): Grant | null {
  const presiding = presidingOn(facts, on);
  const presides = presiding !== null && presiding.leaderId === leaderId;
  if (!postKindsOn(facts, leaderId, on).includes('HEAD') && !presides) return null;
  const who = leaderName(facts, leaderId);
  return {
    basis: 'HEAD',
    reason: `${who}${presides ? '主持' : '领导'}${facts.jurisdiction.name}政府全面工作，可以领导${department.name}（R2）`,
    chain: [
      ...(presiding !== null && presides ? [lineStep(facts, presiding.assignment)] : []),
      ruleStep('区长（含代区长）、主持政府全面工作的领导可以领导政府各部门（R2）'),
    ],
    actingForId: null,
  };
}

function actingForGrant(facts: DirectoryFacts, leaderId: string, department: DepartmentFact, on: IsoDate): Grant | null {
  for (const line of linesForDepartment(facts, department.id, on)) {
    if (line.kind !== 'SUPERVISES' || line.leaderId === leaderId) continue;
    const actor = actorForLine(facts, line, on);
    const cover = actingCover(facts, line.leaderId, on);
    if (actor === null || actor.actorId !== leaderId || cover === null) continue;
    const who = leaderName(facts, leaderId);
    const absent = leaderName(facts, line.leaderId);
    return {
      basis: 'ACTING_FOR',
      reason: `${absent}不在岗，${who}代行其分管的${department.name}工作（R5）`,
      chain: [lineStep(facts, line), ...cover.chain],
      actingForId: line.leaderId,
    };
  }
  return null;
}

function generalAuthorityGrant(facts: DirectoryFacts, leaderId: string, department: DepartmentFact, on: IsoDate): Grant | null {
  if (!postKindsOn(facts, leaderId, on).some((k) => GENERAL_AUTHORITY_POSTS.includes(k))) return null;
  const name = facts.jurisdiction.name;
  const quote = `各位副区长都是${name}的副区长，不仅仅是分管部门的副区长。只要是工作需要，每个部门都要无条件服从每位副区长、党组成员的领导和工作安排`;
  return {
    basis: 'GENERAL_AUTHORITY',
    reason: `${quote}（R3）；${department.name}应服从${leaderName(facts, leaderId)}的领导和工作安排`,
    chain: [departmentStep(department), ruleStep(`${quote}（R3）`)],
    actingForId: null,
  };
}

/**
 * Everyone who may direct the department on `on` (R6 reverse lookup): each team member once, with his strongest
 * basis, ordered by DIRECTION_BASES precedence (the R1 supervisor first) and then protocol rank. Empty for a unit
 * outside the government's line (R4), not active, or not this government's. Agrees with canDirect for every leader.
 *
 * @example whoCanDirect(facts, 'dept:finance', '2026-03-16')[0] // { leaderId: 'leader:li-ming', basis: 'SUPERVISES', primary: true, … }
 */
export function whoCanDirect(facts: DirectoryFacts, departmentId: string, on: IsoDate): DirectionGrant[] {
  const byProtocol = compareByProtocol(protocolRanks(facts, on));
  const grants: DirectionGrant[] = [];
  for (const member of leadershipTeam(facts, on)) {
    const verdict = canDirect(facts, member.leader.id, departmentId, on);
    if (!verdict.allowed) continue;
    grants.push({
      leaderId: member.leader.id,
      basis: verdict.basis,
      primary: verdict.basis === 'SUPERVISES',
      reason: verdict.reason,
      chain: verdict.chain,
      away: verdict.away,
      actingForId: verdict.actingForId,
    });
  }
  return grants.sort(
    (a, b) => compareBy(DIRECTION_BASES.indexOf(a.basis) - DIRECTION_BASES.indexOf(b.basis), byProtocol(a.leaderId, b.leaderId)),
  );
}
