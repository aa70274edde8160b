// Use cases of collective decision-making: record a meeting (with its agenda) and record a decision.
// Load facts → check → persist once (with its audit entries) → publish.
import {
  BadInputError,
  ChangeRefusedError,
  checkCollectiveDecision,
  checkDecisionRecord,
  checkMeetingAttendance,
  COLLECTIVE_CATEGORIES,
  leadershipTeam,
  NotFoundError,
  type DecisionCategory,
  type DecisionFact,
  type DecisionUse,
  type DirectoryFacts,
  type GovernanceRules,
  type MeetingFact,
  type MeetingKind,
  type Violation,
} from '../../domain';
import { raw } from '@mikro-orm/core';
import { AgendaItem, Decision, Jurisdiction, Meeting } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';
import { TOPICS } from '../../scope/events';
import { appendAudit, newId } from '../audit';
import { DirectoryService } from '../directory/directory.service';
import { decisionUsesOf } from '../changes/changes.service';

/** A meeting as the office records it (the GraphQL RecordMeetingInput is one of these). */
export interface RecordMeetingCommand {
  readonly jurisdictionId: string;
  readonly kind: MeetingKind;
  readonly number?: string;
  readonly date: string;
  readonly votingAttendeeIds: readonly string[];
  readonly nonVotingAttendees: readonly string[];
  readonly agenda: readonly { readonly title: string; readonly presenterId?: string; readonly departmentIds: readonly string[] }[];
}

/** A decision taken at a recorded meeting. */
export interface RecordDecisionCommand {
  readonly meetingId: string;
  readonly agendaItemId?: string;
  readonly category: DecisionCategory;
  readonly text: string;
  readonly minutesNumber?: string;
  readonly approvesDocument?: string;
}

/** A government's rules of procedure on collective decisions. */
export interface SetGovernanceRulesCommand {
  readonly jurisdictionId: string;
  readonly quorumMoreThan: number;
  readonly meetingKindsByCategory: readonly { readonly category: DecisionCategory; readonly meetingKinds: readonly MeetingKind[] }[];
  readonly source?: string;
  readonly decisionMaxAgeDays: number;
  readonly cadences: readonly { readonly kind: MeetingKind; readonly everyDays: number; readonly source?: string }[];
}

export class GovernanceService {
  constructor(private readonly ctx: RequestScope) {}

  async recordMeeting(input: RecordMeetingCommand): Promise<MeetingFact> {
    const facts = await new DirectoryService(this.ctx).facts(input.jurisdictionId);
    const team = new Set(leadershipTeam(facts, input.date).map((m) => m.leader.id));
    // Quorum is counted from who was really there: members of the team that day, not away (R7).
    const attendance = checkMeetingAttendance(facts, { date: input.date, votingAttendeeIds: input.votingAttendeeIds });
    if (attendance.length > 0) throw new ChangeRefusedError(attendance);
    if (new Set(input.votingAttendeeIds).size !== input.votingAttendeeIds.length) {
      throw new BadInputError('表决出席人重复 (a voting attendee is listed twice)', { votingAttendeeIds: input.votingAttendeeIds });
    }
    const units = new Set(facts.departments.map((d) => d.id));
    input.agenda.forEach((item, i) => {
      if (item.presenterId !== undefined && !team.has(item.presenterId)) {
        throw new BadInputError(`议题 ${i + 1} 的汇报人不是班子成员 (agenda item ${i + 1}: the presenter is not on the team)`, { item: i, presenterId: item.presenterId });
      }
      const unknown = item.departmentIds.filter((id) => !units.has(id));
      if (unknown.length > 0) throw new BadInputError(`议题 ${i + 1} 涉及未知单位 (agenda item ${i + 1} names unknown units)`, { item: i, unknown });
    });

    const meeting: MeetingFact = {
      id: newId('meeting', input.date),
      jurisdictionId: input.jurisdictionId,
      kind: input.kind,
      number: input.number ?? null,
      date: input.date,
      votingAttendeeIds: [...input.votingAttendeeIds],
      nonVotingAttendees: [...input.nonVotingAttendees],
    };
    await this.ctx.em.transactional(async (tx) => {
      tx.create(Meeting, {
        id: meeting.id, jurisdiction: meeting.jurisdictionId, kind: meeting.kind, number: meeting.number, date: meeting.date,
        votingAttendeeIds: [...meeting.votingAttendeeIds], nonVotingAttendees: [...meeting.nonVotingAttendees],
      });
      input.agenda.forEach((item, i) =>
        tx.create(AgendaItem, {
          id: `${meeting.id}/item-${i + 1}`, meeting: meeting.id, position: i + 1, title: item.title,
          presenter: item.presenterId ?? null, departmentIds: [...item.departmentIds],
        }),
      );
      await tx.flush();
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, [
        { jurisdictionId: meeting.jurisdictionId, action: 'RECORD', entityType: 'MEETING', entityId: meeting.id, decisionId: null, changesetId: null, before: null, after: { ...meeting, agenda: input.agenda } },
      ]);
    });
    this.ctx.loaders.facts.clear(input.jurisdictionId);
    return meeting;
  }

  /**
   * Records what a meeting decided. The minutes are a fact and are recorded as they are; whether the decision
   * can carry a collective matter (quorum, meeting kind, age — R7) is shown by `problems` and enforced where the
   * decision is cited. A meeting that has not yet been held decides nothing (MEETING_NOT_HELD). A decision on the
   * division of labour names the 文号 of the proposal it approved (approvesDocument): it authorizes that change only.
   */
  async recordDecision(input: RecordDecisionCommand): Promise<DecisionFact> {
    const row = await this.ctx.em.findOne(Meeting, { id: input.meetingId }, { fields: ['jurisdiction'] });
    if (row === null) throw new NotFoundError('Meeting', input.meetingId);
    const facts = await new DirectoryService(this.ctx).facts(row.jurisdiction.id);
    const meeting = facts.meetings.find((m) => m.id === input.meetingId);
    if (meeting === undefined) throw new NotFoundError('Meeting', input.meetingId);
    const notHeld = checkDecisionRecord(facts, meeting, this.ctx.today);
    if (notHeld.length > 0) throw new ChangeRefusedError(notHeld);
    if (input.approvesDocument !== undefined && input.category !== 'DIVISION_OF_LABOUR') {
      throw new BadInputError('只有分工调整决定才批准调整方案文号 (approvesDocument is for DIVISION_OF_LABOUR decisions only)', { field: 'approvesDocument' });
    }
    if (input.agendaItemId !== undefined) {
      const item = await this.ctx.em.findOne(AgendaItem, { id: input.agendaItemId, meeting: input.meetingId });
      if (item === null) throw new NotFoundError('AgendaItem', input.agendaItemId);
    }
    const decision: DecisionFact = {
      id: newId('decision', this.ctx.today),
      jurisdictionId: row.jurisdiction.id,
      meetingId: input.meetingId,
      category: input.category,
      text: input.text,
      minutesNumber: input.minutesNumber ?? null,
      approvesDocument: input.approvesDocument ?? null,
    };
    await this.ctx.em.transactional(async (tx) => {
      tx.create(Decision, { ...decision, jurisdiction: decision.jurisdictionId, meeting: decision.meetingId, agendaItem: input.agendaItemId ?? null });
      await tx.flush();
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, [
        { jurisdictionId: decision.jurisdictionId, action: 'RECORD', entityType: 'DECISION', entityId: decision.id, decisionId: decision.id, changesetId: null, before: null, after: decision },
      ]);
    });
    this.ctx.loaders.facts.clear(decision.jurisdictionId);
    this.ctx.events.publish(TOPICS.decisionRecorded, { jurisdictionId: decision.jurisdictionId, decisionId: decision.id });
    return decision;
  }

  /** Why a recorded decision could not carry a collective matter today; empty when it can. */
  async problems(decision: DecisionFact): Promise<Violation[]> {
    const facts = await new DirectoryService(this.ctx).facts(decision.jurisdictionId);
    const uses = decisionUsesOf(facts, await this.ctx.loaders.appliedChangesets.load(decision.jurisdictionId));
    return decisionProblems(facts, decision, this.ctx.today, uses);
  }
}

/**
 * Sets a government's rules of procedure. It changes which decisions can carry a re-division, so it moves
 * the directory version like any other change to the division's ground rules; audited with before → after.
 */
export async function setGovernanceRules(ctx: RequestScope, input: SetGovernanceRulesCommand): Promise<GovernanceRules> {
  const before = (await new DirectoryService(ctx).facts(input.jurisdictionId)).rules;
  const categories = input.meetingKindsByCategory.map((c) => c.category);
  if (new Set(categories).size !== categories.length) {
    throw new BadInputError('同一类别列出了两次 (a category is listed twice)', { categories });
  }
  const rules: GovernanceRules = {
    quorumMoreThan: input.quorumMoreThan,
    meetingKindsByCategory: Object.fromEntries(input.meetingKindsByCategory.map((c) => [c.category, [...new Set(c.meetingKinds)]])),
    source: input.source ?? null,
    decisionMaxAgeDays: input.decisionMaxAgeDays,
    cadences: input.cadences.map((c) => ({ kind: c.kind, everyDays: c.everyDays, source: c.source ?? null })),
  };
  const kinds = input.cadences.map((c) => c.kind);
  if (new Set(kinds).size !== kinds.length) throw new BadInputError('同一会议类型列出了两个周期 (a meeting kind has two cadences)', { kinds });
  await ctx.em.transactional(async (tx) => {
    await tx.nativeUpdate(Jurisdiction, { id: input.jurisdictionId }, { rules, version: raw('version + 1') });
    await appendAudit(tx, ctx.viewer, ctx.now, [
      { jurisdictionId: input.jurisdictionId, action: 'RECORD', entityType: 'GOVERNANCE_RULES', entityId: input.jurisdictionId, decisionId: null, changesetId: null, before, after: rules },
    ]);
  });
  ctx.loaders.facts.clear(input.jurisdictionId);
  ctx.loaders.version.clear(input.jurisdictionId);
  return rules;
}

/**
 * Why a recorded decision could not carry a collective matter today (quorum, meeting kind, a meeting not yet held,
 * age, a re-division decision naming no proposal or already used); empty when it can.
 */
export function decisionProblems(facts: DirectoryFacts, decision: DecisionFact, today: string, uses: readonly DecisionUse[]): Violation[] {
  if (!COLLECTIVE_CATEGORIES.includes(decision.category)) return [];
  const meeting = facts.meetings.find((m) => m.id === decision.meetingId);
  if (meeting === undefined) return [];
  const effectiveDate = meeting.date > today ? meeting.date : today;
  return checkCollectiveDecision(facts, {
    decisionId: decision.id, category: decision.category, effectiveDate, issuedById: null, signedOn: null,
    document: decision.approvesDocument, uses,
  }).concat(checkDecisionRecord(facts, meeting, today));
}
