// Turns domain answers (ids and facts) into GraphQL nodes for one government on one date.
import type {
  ActingCover,
  AssignmentFact,
  ChainStep,
  Coverage,
  DirectionGrant,
  DirectionVerdict,
  DirectoryFacts,
  OversightMatch,
  PortfolioMatrix,
} from '../../domain';
import { NotFoundError } from '../../domain';
import {
  AbsenceNode,
  ActingCoverNode,
  ChainStepNode,
  CoverageNode,
  DepartmentNode,
  DirectionGrantNode,
  DirectionVerdictNode,
  JurisdictionNode,
  LeaderNode,
  OversightMatchNode,
  OverseerNode,
  PortfolioLineNode,
  PortfolioMatrixNode,
  WorkAreaNode,
} from './directory.types';

export class Presenter {
  constructor(
    readonly facts: DirectoryFacts,
    readonly asOf: string,
  ) {}

  private lookup<T extends { id: string }>(rows: readonly T[], id: string, entity: string): T {
    const found = rows.find((r) => r.id === id);
    if (found === undefined) throw new NotFoundError(entity, id);
    return found;
  }

  jurisdiction(): JurisdictionNode {
    return JurisdictionNode.of(this.facts.jurisdiction);
  }

  leader(id: string): LeaderNode {
    return LeaderNode.of(this.lookup(this.facts.leaders, id, 'Leader'), this.asOf);
  }

  optionalLeader(id: string | null): LeaderNode | null {
    return id === null ? null : this.leader(id);
  }

  department(id: string): DepartmentNode {
    return DepartmentNode.of(this.lookup(this.facts.departments, id, 'Department'), this.asOf);
  }

  workArea(id: string): WorkAreaNode {
    return WorkAreaNode.of(this.lookup(this.facts.workAreas, id, 'WorkArea'), this.asOf);
  }

  line(fact: AssignmentFact): PortfolioLineNode {
    return PortfolioLineNode.of(fact, this.asOf);
  }

  lineById(id: string): PortfolioLineNode {
    return this.line(this.lookup(this.facts.assignments, id, 'PortfolioLine'));
  }

  chain(steps: readonly ChainStep[]): ChainStepNode[] {
    return steps.map((s) => Object.assign(new ChainStepNode(), { kind: s.kind, factId: s.factId, text: s.text }));
  }

  cover(cover: ActingCover): ActingCoverNode {
    return Object.assign(new ActingCoverNode(), {
      absentLeader: this.leader(cover.absentLeaderId),
      absence: AbsenceNode.of(cover.absence, this.facts.jurisdiction.id, this.asOf),
      actor: this.optionalLeader(cover.actorId),
      basis: cover.basis,
      chain: this.chain(cover.chain),
      exceptions: cover.exceptions.map((e) => ({ targetId: e.targetId, actor: this.optionalLeader(e.actorId) })),
    });
  }

  verdict(verdict: DirectionVerdict, leaderId: string, department: DepartmentNode): DirectionVerdictNode {
    return Object.assign(new DirectionVerdictNode(), {
      allowed: verdict.allowed,
      basis: verdict.allowed ? verdict.basis : null,
      code: verdict.allowed ? null : verdict.code,
      reason: verdict.reason,
      chain: this.chain(verdict.chain),
      leader: this.leader(leaderId),
      department,
      asOf: this.asOf,
      away: verdict.allowed ? verdict.away : false,
      actingFor: verdict.allowed ? this.optionalLeader(verdict.actingForId) : null,
    });
  }

  grant(grant: DirectionGrant): DirectionGrantNode {
    return Object.assign(new DirectionGrantNode(), {
      leader: this.leader(grant.leaderId),
      basis: grant.basis,
      primary: grant.primary,
      reason: grant.reason,
      chain: this.chain(grant.chain),
      away: grant.away,
      actingFor: this.optionalLeader(grant.actingForId),
    });
  }

  match(match: OversightMatch): OversightMatchNode {
    return Object.assign(new OversightMatchNode(), {
      target: match.targetType === 'DEPARTMENT' ? this.department(match.targetId) : this.workArea(match.targetId),
      jurisdiction: this.jurisdiction(),
      matchedName: match.matchedName,
      matchedBy: match.matchedBy,
      score: match.score,
      overseers: match.overseers.map((o) =>
        Object.assign(new OverseerNode(), {
          leader: this.leader(o.leaderId),
          relation: o.relation,
          liaison: o.liaison,
          line: this.lineById(o.lineId),
          away: o.away,
          actingFor: this.optionalLeader(o.actingForId),
        }),
      ),
    });
  }

  matrix(matrix: PortfolioMatrix): PortfolioMatrixNode {
    return Object.assign(new PortfolioMatrixNode(), {
      jurisdiction: this.jurisdiction(),
      asOf: this.asOf,
      leaders: matrix.leaderIds.map((id) => this.leader(id)),
      departments: matrix.departmentIds.map((id) => this.department(id)),
      workAreas: matrix.workAreaIds.map((id) => this.workArea(id)),
      cells: matrix.cells.map((c) => ({
        leader: this.leader(c.leaderId),
        department: c.departmentId === null ? null : this.department(c.departmentId),
        workArea: c.workAreaId === null ? null : this.workArea(c.workAreaId),
        kind: c.kind,
        line: this.lineById(c.lineId),
        orphaned: c.orphaned,
      })),
    });
  }

  coverage(coverage: Coverage): CoverageNode {
    return Object.assign(new CoverageNode(), {
      jurisdiction: this.jurisdiction(),
      asOf: this.asOf,
      gaps: coverage.gapDepartmentIds.map((id) => this.department(id)),
      overlaps: coverage.overlaps.map((o) => ({
        department: this.department(o.departmentId),
        leaders: o.leaderIds.map((id) => this.leader(id)),
      })),
      load: coverage.load.map((l) => ({ ...l, leader: this.leader(l.leaderId) })),
      absences: coverage.absences.map((c) => this.cover(c)),
      absentWithoutCover: coverage.absentWithoutCover.map((c) => this.cover(c)),
      unliaisedExternalUnits: coverage.unliaisedExternalDepartmentIds.map((id) => this.department(id)),
      orphanedAssists: coverage.orphanedAssistIds.map((id) => this.lineById(id)),
    });
  }
}
