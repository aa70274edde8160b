// Turns the domain's subtree answers into GraphQL nodes, each government's facts presenting its own ids.
import { NotFoundError, type DirectoryFacts, type LeaderFact, type LoadSpread, type SubtreeCoverage } from '../../domain';
import { JurisdictionNode, LeaderNode } from './directory.types';
import { Presenter } from './directory.present';
import { GovernmentCoverageNode, LoadSpreadNode, SubtreeCoverageNode } from './subtree.types';

export function presentSubtreeCoverage(answer: SubtreeCoverage, factsOf: ReadonlyMap<string, DirectoryFacts>, asOf: string): SubtreeCoverageNode {
  const leaders = new Map<string, LeaderFact>();
  for (const facts of factsOf.values()) for (const l of facts.leaders) leaders.set(l.id, l);
  const leader = (id: string | null): LeaderNode | null => {
    if (id === null) return null;
    const fact = leaders.get(id);
    if (fact === undefined) throw new NotFoundError('Leader', id);
    return LeaderNode.of(fact, asOf);
  };
  const spread = (s: LoadSpread): LoadSpreadNode =>
    Object.assign(new LoadSpreadNode(), {
      leaders: s.leaders, lines: s.lines, min: s.min, max: s.max, mean: s.mean, spread: s.spread,
      heaviest: leader(s.heaviestLeaderId), lightest: leader(s.lightestLeaderId),
    });
  const presenters = new Map([...factsOf].map(([id, facts]) => [id, new Presenter(facts, asOf)]));
  const present = (id: string): Presenter => {
    const p = presenters.get(id);
    if (p === undefined) throw new NotFoundError('Jurisdiction', id);
    return p;
  };
  const t = answer.totals;
  return Object.assign(new SubtreeCoverageNode(), {
    root: present(answer.rootId).jurisdiction(),
    asOf,
    governments: answer.governments.map((g) => {
      const p = present(g.jurisdictionId);
      return Object.assign(new GovernmentCoverageNode(), {
        jurisdiction: p.jurisdiction(),
        depth: g.depth,
        gaps: g.gapDepartmentIds.map((id) => p.department(id)),
        overlapCount: g.overlapCount,
        absenceCount: g.absenceCount,
        absentWithoutCover: g.absentWithoutCoverLeaderIds.map((id) => p.leader(id)),
        unliaisedExternalUnitCount: g.unliaisedExternalCount,
        orphanedAssistCount: g.orphanedAssistCount,
        load: spread(g.load),
      });
    }),
    totals: {
      governments: t.governments, governmentsNeedingAttention: t.governmentsNeedingAttention, gaps: t.gaps, overlaps: t.overlaps,
      absences: t.absences, absentWithoutCover: t.absentWithoutCover, unliaisedExternalUnits: t.unliaisedExternal,
      orphanedAssists: t.orphanedAssists, load: spread(t.load), widestSpread: t.widestSpread,
      widestSpreadJurisdiction: t.widestSpreadJurisdictionId === null ? null : JurisdictionNode.of(present(t.widestSpreadJurisdictionId).facts.jurisdiction),
    },
  });
}
