// 市区一体 over plain facts: the subtree's order, each government's coverage in short, totals that agree with
// coverage() government by government, and one search ranking across governments.
import {
  compareMatches,
  coverage,
  coverageSummary,
  loadSpread,
  subtreeCoverage,
  subtreeMembers,
  whoOversees,
  whoOverseesAcross,
  type DirectoryFacts,
  type JurisdictionFact,
} from '../../src/domain';
import { factsByJurisdiction, mergeDatasets } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';

const ON = '2026-11-28';
const country = factsByJurisdiction(mergeDatasets(generateCountry({ governments: 20, validFrom: '2026-01-01' })));
const jurisdictions = [...country.values()].map((f) => f.jurisdiction);
const CITY = 'jur:city-00001';

const j = (id: string, name: string, parentId: string | null): JurisdictionFact => ({ id, name, level: 'CITY', parentId });

describe('subtreeMembers', () => {
  const tree = [j('c', '江州市', null), j('d2', '青川区', 'c'), j('d1', '东湖区', 'c'), j('t1', '青石镇', 'd2'), j('x', '别市', null)];

  it('lists the root, then depth first, siblings by name: parents before children; other trees are ignored', () => {
    expect(subtreeMembers(tree, 'c').map((m) => [m.jurisdiction.id, m.depth])).toEqual([['c', 0], ['d1', 1], ['d2', 1], ['t1', 2]]);
    expect(subtreeMembers(tree, 'd2').map((m) => m.jurisdiction.id)).toEqual(['d2', 't1']);
  });

  it('stops at maxDepth', () => {
    expect(subtreeMembers(tree, 'c', 1).map((m) => m.jurisdiction.id)).toEqual(['c', 'd1', 'd2']);
    expect(subtreeMembers(tree, 'c', 0).map((m) => m.jurisdiction.id)).toEqual(['c']);
  });

  it('refuses a missing root and a bad maxDepth; a cycle in the parent links cannot loop', () => {
    expect(() => subtreeMembers(tree, 'nowhere')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => subtreeMembers(tree, 'c', -1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const cycle = [j('a', '甲', 'b'), j('b', '乙', 'a'), j('p', '丙', 'q'), j('q', '丁', 'p')];
    // 'a' is the root, so its own parent link is not followed; b → a is, and a was already visited.
    expect(subtreeMembers(cycle, 'a').map((m) => m.jurisdiction.id)).toEqual(['a', 'b']);
    expect(subtreeMembers(cycle, 'p', 5).map((m) => m.jurisdiction.id)).toEqual(['p', 'q']);
  });

  it('finds a generated city and the ten districts under it', () => {
    const members = subtreeMembers(jurisdictions, CITY);
    expect(members).toHaveLength(11);
    expect(members.slice(1).every((m) => m.depth === 1 && m.jurisdiction.parentId === CITY)).toBe(true);
  });
});

describe('loadSpread', () => {
  const load = (leaderId: string, total: number) => ({ leaderId, presides: 0, responsibleFor: 0, supervises: total, liaisesWith: 0, assists: 0, coordinates: 0, total });

  it('gives the lightest and heaviest (first in protocol order on a tie), mean and spread', () => {
    expect(loadSpread([load('a', 3), load('b', 7), load('c', 7), load('d', 1)])).toEqual({
      leaders: 4, lines: 18, min: 1, max: 7, mean: 4.5, spread: 6, heaviestLeaderId: 'b', lightestLeaderId: 'd',
    });
    expect(loadSpread([])).toMatchObject({ leaders: 0, spread: 0, heaviestLeaderId: null });
  });
});

describe('subtreeCoverage', () => {
  // One district loses the supervisor of its first government-line unit (a gap), and the AB partner of its absent
  // deputy goes away too (an absence without cover).
  const broken = (facts: DirectoryFacts): DirectoryFacts => {
    const firstUnit = facts.departments[0].id;
    const absent = facts.absences[0].leaderId;
    const partner = facts.backups.find((b) => b.leaderId === absent)?.backupId as string;
    return {
      ...facts,
      assignments: facts.assignments.filter((a) => !(a.kind === 'SUPERVISES' && a.departmentId === firstUnit)),
      absences: [...facts.absences, { id: 'absence:partner', leaderId: partner, reason: '病假', designatedActorId: null, validFrom: '2026-11-01', validTo: null }],
    };
  };
  const members = subtreeMembers(jurisdictions, CITY);
  const factsOf = new Map(country);
  const districtId = members[3].jurisdiction.id;
  factsOf.set(districtId, broken(country.get(districtId) as DirectoryFacts));

  const answer = subtreeCoverage(members, factsOf, ON);

  it('summarises every government in tree order, each agreeing with its own coverage()', () => {
    expect(answer.governments.map((g) => g.jurisdictionId)).toEqual(members.map((m) => m.jurisdiction.id));
    for (const g of answer.governments) {
      const facts = factsOf.get(g.jurisdictionId) as DirectoryFacts;
      const c = coverage(facts, ON);
      expect(g).toEqual(coverageSummary(facts, ON, g.depth));
      expect([g.gapDepartmentIds, g.overlapCount, g.absenceCount]).toEqual([c.gapDepartmentIds, c.overlaps.length, c.absences.length]);
      expect(g.load.max).toBe(Math.max(...c.load.map((l) => l.total)));
    }
  });

  it('finds the broken district: one gap, and its two absent deputies, both now without cover', () => {
    const district = answer.governments.find((g) => g.jurisdictionId === districtId);
    expect(district?.gapDepartmentIds).toHaveLength(1);
    expect(district?.absentWithoutCoverLeaderIds).toHaveLength(2);
    const others = answer.governments.filter((g) => g.jurisdictionId !== districtId);
    expect(others.every((g) => g.gapDepartmentIds.length === 0 && g.absentWithoutCoverLeaderIds.length === 0)).toBe(true);
  });

  it('totals add up over the governments', () => {
    const t = answer.totals;
    expect(t).toMatchObject({ governments: 11, governmentsNeedingAttention: 1, gaps: 1, absentWithoutCover: 2, absences: 12 });
    expect(t.load.leaders).toBe(answer.governments.reduce((n, g) => n + g.load.leaders, 0));
    expect(t.load.lines).toBe(answer.governments.reduce((n, g) => n + g.load.lines, 0));
    expect(t.widestSpread).toBe(Math.max(...answer.governments.map((g) => g.load.spread)));
    // The city (scale 2) spreads its lines over more people than a district; its heaviest member carries the most.
    expect(t.load.max).toBe(Math.max(...answer.governments.map((g) => g.load.max)));
  });

  it('refuses a member whose facts were not given', () => {
    expect(() => subtreeCoverage(members, new Map(), ON)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('whoOverseesAcross', () => {
  const members = subtreeMembers(jurisdictions, CITY);
  const governments = members.map((m) => country.get(m.jurisdiction.id) as DirectoryFacts);

  it('who oversees 应急 in every district of the city: the city and each district, merged in one ranking', () => {
    const matches = whoOverseesAcross(governments, '应急', ON);
    const found = new Set(matches.map((m) => m.jurisdictionId));
    expect([...found].sort()).toEqual(members.map((m) => m.jurisdiction.id).sort());
    for (let i = 1; i < matches.length; i += 1) expect(compareMatches(matches[i - 1].match, matches[i].match)).toBeLessThanOrEqual(0);
    expect(matches.every((m) => m.match.overseers.length > 0)).toBe(true);
  });

  it('over one government it is exactly whoOversees, contract and matchedBy ranking unchanged', () => {
    const one = governments[1];
    expect(whoOverseesAcross([one], '谁分管应急管理?', ON).map((m) => m.match)).toEqual(whoOversees(one, '谁分管应急管理?', ON));
  });

  it('each match belongs to the government it names', () => {
    for (const { jurisdictionId, match } of whoOverseesAcross(governments, '财政', ON)) {
      const facts = country.get(jurisdictionId) as DirectoryFacts;
      const pool = match.targetType === 'DEPARTMENT' ? facts.departments : facts.workAreas;
      expect(pool.some((t) => t.id === match.targetId)).toBe(true);
    }
  });
});
