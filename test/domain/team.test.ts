import { leadershipTeam, postKindRank, postKindsOn, presidingOn, protocolRanks } from '../../src/domain';
import type { DirectoryFacts, PostKind } from '../../src/domain';
import { AFTER, BEFORE, world } from './world';

describe('postKindRank', () => {
  it.each([
    ['HEAD', 1],
    ['EXECUTIVE_DEPUTY', 2],
    ['DEPUTY', 3],
    ['PARTY_GROUP_MEMBER', 4],
    ['SECRETARY_GENERAL', 5],
  ] as const)('%s → %d', (kind: PostKind, rank) => {
    expect(postKindRank(kind)).toBe(rank);
  });
});

describe('leadershipTeam: members on a date, in protocol order', () => {
  it.each([
    // No team order in force: by highest post, then name (code points: 王 < 赵 < 钱 < 陈).
    ['2026-01-02', ['张伟', '李明', '王强', '赵敏', '钱峰', '陈静', '孙力', '周涛']],
    // order:2026-01.
    [BEFORE, ['张伟', '李明', '王强', '钱峰', '赵敏', '陈静', '孙力', '周涛']],
    // order:2026-04; 钱峰 has left; 吴越 is not listed, so he comes after the listed members.
    [AFTER, ['张伟', '李明', '赵敏', '王强', '陈静', '孙力', '周涛', '吴越']],
    // Before the team formed.
    ['2025-12-31', []],
  ])('on %s', (on, names) => {
    const team = leadershipTeam(world, on);
    expect(team.map((m) => m.leader.name)).toEqual(names);
    expect(team.map((m) => m.rank)).toEqual(names.map((_, i) => i + 1));
  });

  it('lists every appointment with its post, highest first', () => {
    const li = leadershipTeam(world, BEFORE).find((m) => m.leader.id === 'leader:li-ming');
    expect(li?.appointments.map((a) => [a.appointment.id, a.post.kind])).toEqual([
      ['appt:li-ming-executive', 'EXECUTIVE_DEPUTY'],
      ['appt:li-ming-party', 'PARTY_GROUP_MEMBER'],
    ]);
  });

  it('protocolRanks maps leader ids to ranks', () => {
    expect([...protocolRanks(world, AFTER).entries()].slice(-2)).toEqual([
      ['leader:zhou-tao', 7],
      ['leader:wu-yue', 8],
    ]);
  });
});

describe('postKindsOn', () => {
  it.each([
    ['leader:li-ming', BEFORE, ['EXECUTIVE_DEPUTY', 'PARTY_GROUP_MEMBER']],
    ['leader:zhang-wei', BEFORE, ['HEAD']],
    ['leader:qian-feng', '2026-03-31', ['DEPUTY']],
    ['leader:qian-feng', '2026-04-01', []],
    ['leader:wu-yue', '2026-04-01', ['DEPUTY']],
  ])('%s on %s → %j', (leaderId, on, kinds) => {
    expect(postKindsOn(world, leaderId, on)).toEqual(kinds);
  });
});

describe('presidingOn', () => {
  // Variant worlds: the head's appointment made substantive; the executive deputy presiding instead.
  const substantiveHead: DirectoryFacts = {
    ...world,
    appointments: world.appointments.map((a) => (a.id === 'appt:zhang-wei-head' ? { ...a, acting: false } : a)),
  };
  const deputyPresides: DirectoryFacts = {
    ...world,
    assignments: world.assignments.map((a) => (a.kind === 'PRESIDES' ? { ...a, leaderId: 'leader:li-ming' } : a)),
  };

  it.each([
    ['the 代区长 presides, acting', world, BEFORE, { leaderId: 'leader:zhang-wei', acting: true }],
    ['a substantive 区长 presides', substantiveHead, BEFORE, { leaderId: 'leader:zhang-wei', acting: false }],
    ['the executive deputy presides, acting', deputyPresides, BEFORE, { leaderId: 'leader:li-ming', acting: true }],
  ])('%s', (_, facts, on, expected) => {
    const presiding = presidingOn(facts, on);
    expect(presiding === null ? null : { leaderId: presiding.leaderId, acting: presiding.acting }).toEqual(expected);
    expect(presiding?.assignment.id).toBe('line:zhang-wei-presides');
  });

  it('is null when no PRESIDES line is in force', () => {
    expect(presidingOn(world, '2025-12-31')).toBeNull();
  });
});
