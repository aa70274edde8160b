// Pure: no I/O, no clock. The team's life cycle as first-class writes: appointments (任免) and their end, and the
// protocol order (排序). Appointments are made by the people's congress or the party committee and cite their 任免
// document and date, not a government meeting; the division of labour still changes only by changeset (R7).
import type { PostKind } from './vocabulary';
import type { AppointmentFact, BackupFact, AssignmentFact, DirectoryFacts, IsoDate, PostFact, TeamOrderFact } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { covers } from './interval';
import { leaderName } from './describe';
import { leadershipTeam, postOf } from './team';
import { linesStillHeld } from './division-rules';

function violation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

/** 任命: a new person (name) or a member already recorded (leaderId) takes a post from validFrom. */
export interface AppointmentRequest {
  readonly leaderId: string | null;
  readonly name: string | null;
  readonly postKind: PostKind;
  readonly title: string;
  readonly acting: boolean;
  readonly validFrom: IsoDate;
  /** The 任免 document, e.g. 青人常任〔2026〕8号. */
  readonly document: string | null;
}

/** Ids the plan needs for what it creates. */
export interface NewAppointmentIds {
  readonly leader: string;
  readonly post: string;
  readonly appointment: string;
}

/** What an appointment writes: maybe a new person and a new post, the closed appointment it replaces, the new one. */
export interface AppointmentPlan {
  readonly leader: { readonly id: string; readonly name: string; readonly created: boolean } | null;
  readonly post: PostFact | null;
  readonly postCreated: boolean;
  /** The same person's appointment to the same post it supersedes (代区长 → 区长), ending on validFrom. */
  readonly closes: readonly AppointmentFact[];
  readonly opens: AppointmentFact | null;
  readonly violations: readonly Refusal[];
}

/**
 * Plans an appointment (任免). Refusals: DOCUMENT_REQUIRED (no 任免 document: appointments are made by the people's
 * congress or the party committee and are cited by document); UNKNOWN_REFERENCE (leaderId not of this government);
 * BAD_USER_INPUT-like INVALID_INTERVAL is left to the edge. The post: a post of this kind and title that nobody else
 * holds on or after validFrom, else a new one; POST_OCCUPIED when the only such HEAD post is held by someone else
 * then (a government has one head). The same person already holding the post: an acting holder confirmed (代区长 →
 * 区长), or the reverse, closes the old appointment on validFrom and opens the new one — history shows both;
 * NO_CHANGE when nothing would differ.
 *
 * @example planAppointment(facts, { leaderId: 'leader:zhang-wei', postKind: 'HEAD', title: '区长', acting: false, validFrom: '2026-06-30', … }, ids).closes[0].acting // true
 */
export function planAppointment(facts: DirectoryFacts, request: AppointmentRequest, ids: NewAppointmentIds): AppointmentPlan {
  const refuse = (v: Refusal): AppointmentPlan => ({ leader: null, post: null, postCreated: false, closes: [], opens: null, violations: [v] });
  if (request.document === null || request.document.trim() === '') {
    return refuse(violation('DOCUMENT_REQUIRED', '任免须写明人大常委会或党委的任免文件文号（任免不由政府会议决定）', { field: 'document' }));
  }
  const government = `${facts.jurisdiction.name}政府`;
  let leader: { id: string; name: string; created: boolean };
  if (request.leaderId !== null) {
    const known = facts.leaders.find((l) => l.id === request.leaderId && l.jurisdictionId === facts.jurisdiction.id);
    if (known === undefined) return refuse(violation('UNKNOWN_REFERENCE', `找不到${government}的领导：${request.leaderId}`, { leaderId: request.leaderId }));
    leader = { id: known.id, name: known.name, created: false };
  } else {
    const name = (request.name ?? '').trim();
    if (name === '') return refuse(violation('UNKNOWN_REFERENCE', '新任领导须写明姓名，或给出已有领导的 leaderId', { field: 'name' }));
    leader = { id: ids.leader, name, created: true };
  }
  const heldAfter = (post: PostFact, by: (a: AppointmentFact) => boolean) =>
    facts.appointments.filter((a) => a.postId === post.id && by(a) && (a.validTo === null || a.validTo > request.validFrom));
  const candidates = facts.posts.filter((p) => p.jurisdictionId === facts.jurisdiction.id && p.kind === request.postKind && p.title === request.title);
  const own = candidates.find((p) => heldAfter(p, (a) => a.leaderId === leader.id).some((a) => covers(a, request.validFrom)));
  const vacant = candidates.find((p) => heldAfter(p, (a) => a.leaderId !== leader.id).length === 0);
  if (own === undefined && vacant === undefined && request.postKind === 'HEAD' && candidates.length > 0) {
    const holder = heldAfter(candidates[0], () => true)[0];
    return refuse(
      violation('POST_OCCUPIED', `${candidates[0].title}职务自${request.validFrom}起由${leaderName(facts, holder.leaderId)}担任：须先免去其职务`, {
        postId: candidates[0].id, holderId: holder.leaderId, appointmentId: holder.id,
      }),
    );
  }
  const post: PostFact = own ?? vacant ?? { id: ids.post, jurisdictionId: facts.jurisdiction.id, kind: request.postKind, title: request.title };
  const current = own === undefined ? [] : heldAfter(own, (a) => a.leaderId === leader.id && covers(a, request.validFrom));
  if (current.some((a) => a.acting === request.acting)) {
    return refuse(
      violation('NO_CHANGE', `${leader.name}在${request.validFrom}已任${request.acting ? '代' : ''}${post.title}：本次任命不改变任何职务`, {
        leaderId: leader.id, postId: post.id,
      }),
    );
  }
  const closes = current.filter((a) => a.validFrom < request.validFrom);
  const opens: AppointmentFact = {
    id: ids.appointment, leaderId: leader.id, postId: post.id, acting: request.acting, validFrom: request.validFrom,
    validTo: null, document: request.document,
  };
  return { leader, post, postCreated: own === undefined && vacant === undefined, closes: closes.map((a) => ({ ...a, validTo: request.validFrom })), opens, violations: [] };
}

/**
 * May this appointment end on validTo (免职, exclusive end)? UNKNOWN_REFERENCE, DOCUMENT_REQUIRED, INVALID_INTERVAL
 * (not after its start, or after its recorded end), NO_CHANGE (it ends then already), and LINES_STILL_HELD: a
 * leader who leaves the team then may not keep a portfolio line or an AB pair in force on or after that date —
 * unless the same change ends or moves them: pass the facts as they will be after that changeset (`after`).
 */
export function checkEndAppointment(
  facts: DirectoryFacts,
  request: { readonly appointmentId: string; readonly validTo: IsoDate; readonly document: string | null },
  after: DirectoryFacts = facts,
): { readonly appointment: AppointmentFact | null; readonly violations: readonly Refusal[] } {
  const leaders = new Set(facts.leaders.filter((l) => l.jurisdictionId === facts.jurisdiction.id).map((l) => l.id));
  const appointment = facts.appointments.find((a) => a.id === request.appointmentId && leaders.has(a.leaderId)) ?? null;
  if (appointment === null) return { appointment, violations: [violation('UNKNOWN_REFERENCE', `找不到任职记录：${request.appointmentId}`, { appointmentId: request.appointmentId })] };
  if (request.document === null || request.document.trim() === '') {
    return { appointment, violations: [violation('DOCUMENT_REQUIRED', '免职须写明人大常委会或党委的任免文件文号', { field: 'document' })] };
  }
  const who = leaderName(facts, appointment.leaderId);
  const title = postOf(facts, appointment).title;
  if (appointment.validTo === request.validTo) {
    return { appointment, violations: [violation('NO_CHANGE', `${who}的${title}任职本来就于${request.validTo}终止`, { appointmentId: appointment.id })] };
  }
  if (request.validTo <= appointment.validFrom || (appointment.validTo !== null && request.validTo > appointment.validTo)) {
    return {
      appointment,
      violations: [violation('INVALID_INTERVAL', `免职日期${request.validTo}须在任职期间（${appointment.validFrom}至${appointment.validTo ?? '今'}）之内`, { appointmentId: appointment.id })],
    };
  }
  const ended: DirectoryFacts = { ...after, appointments: after.appointments.map((a) => (a.id === appointment.id ? { ...a, validTo: request.validTo } : a)) };
  const leaderId = appointment.leaderId;
  const offTeam = (on: IsoDate) => !leadershipTeam(ended, on).some((m) => m.leader.id === leaderId);
  const laterOrOn = (i: { validFrom: IsoDate; validTo: IsoDate | null }) => i.validTo === null || i.validTo > request.validTo;
  const start = (i: { validFrom: IsoDate }) => (i.validFrom > request.validTo ? i.validFrom : request.validTo);
  const lines: AssignmentFact[] = ended.assignments.filter(
    (l) => l.jurisdictionId === facts.jurisdiction.id && l.leaderId === leaderId && laterOrOn(l) && offTeam(start(l)),
  );
  const pairs: BackupFact[] = ended.backups.filter(
    (b) => b.jurisdictionId === facts.jurisdiction.id && (b.leaderId === leaderId || b.backupId === leaderId) && laterOrOn(b) && offTeam(start(b)),
  );
  if (lines.length === 0 && pairs.length === 0) return { appointment, violations: [] };
  const held = linesStillHeld(ended, leaderId, request.validTo, lines, pairs);
  return { appointment, violations: [violation(held.code, held.message, held.details)] };
}

/**
 * Plans a protocol order (排序) from validFrom: the order in force then ends there; the new one runs until the next
 * recorded order begins (or open-ended). Refusals: NOT_IN_TEAM (a listed leader is not on the team that day; itemIndex =
 * his position), DUPLICATE_IN_ORDER (listed twice), NO_CHANGE (the same order is in force already). Leaders on the team
 * but not listed come after it, as today.
 */
export function planTeamOrder(
  facts: DirectoryFacts,
  request: { readonly validFrom: IsoDate; readonly leaderIds: readonly string[] },
  newId: string,
): { readonly closes: readonly TeamOrderFact[]; readonly opens: TeamOrderFact | null; readonly violations: readonly Refusal[] } {
  const team = new Set(leadershipTeam(facts, request.validFrom).map((m) => m.leader.id));
  const found: Refusal[] = [];
  request.leaderIds.forEach((id, index) => {
    if (request.leaderIds.indexOf(id) !== index) {
      found.push({ itemIndex: index, code: 'DUPLICATE_IN_ORDER', message: `第${index + 1}位：${team.has(id) ? leaderName(facts, id) : id}重复列出`, details: { leaderId: id } });
    } else if (!team.has(id)) {
      const known = facts.leaders.some((l) => l.id === id && l.jurisdictionId === facts.jurisdiction.id);
      found.push({
        itemIndex: index, code: 'NOT_IN_TEAM',
        message: `第${index + 1}位：${known ? leaderName(facts, id) : id}在${request.validFrom}不是${facts.jurisdiction.name}政府班子成员`,
        details: { leaderId: id, on: request.validFrom },
      });
    }
  });
  const orders = facts.teamOrders.filter((o) => o.jurisdictionId === facts.jurisdiction.id);
  const inForce = orders.find((o) => covers(o, request.validFrom));
  if (found.length === 0 && inForce !== undefined && inForce.leaderIds.join('|') === request.leaderIds.join('|')) {
    found.push(violation('NO_CHANGE', `自${inForce.validFrom}起的排序与此相同：本次不改变排序`, { teamOrderId: inForce.id }));
  }
  if (found.length > 0) return { closes: [], opens: null, violations: found };
  const next = orders.filter((o) => o.validFrom > request.validFrom).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  const closes = inForce === undefined ? [] : [{ ...inForce, validTo: request.validFrom }];
  // An order that starts on the same day is replaced, not cut to nothing: it is closed on its own first day.
  return {
    closes,
    opens: { id: newId, jurisdictionId: facts.jurisdiction.id, leaderIds: [...request.leaderIds], validFrom: request.validFrom, validTo: next?.validFrom ?? null },
    violations: [],
  };
}
