// The team's life cycle as first-class writes: 任命, 免职 (with the lines it must not leave behind), 排序.
import { checkEndAppointment, leadershipTeam, planAppointment, planChangeset, planTeamOrder } from '../../src/domain';
import type { AppointmentRequest, ChangeItem, DirectoryFacts } from '../../src/domain';
import { FUTURE, J, REDIVISION, world } from './world';

const ids = { leader: 'leader:new', post: 'post:new', appointment: 'appt:new' };
const request = (patch: Partial<AppointmentRequest>): AppointmentRequest => ({
  leaderId: null, name: null, postKind: 'DEPUTY', title: '副区长', acting: false, validFrom: '2026-06-30', document: '青人常任〔2026〕8号', ...patch,
});

// A variant world with a fifth deputy post nobody holds.
const vacantPost: DirectoryFacts = { ...world, posts: [...world.posts, { id: 'post:deputy-5', jurisdictionId: J, kind: 'DEPUTY', title: '副区长' }] };

describe('planAppointment: 任命 cites the 任免 document; an acting head and his confirmation are two appointments', () => {
  it.each([
    // allowed
    ['张伟, 代区长, confirmed as 区长', world, request({ leaderId: 'leader:zhang-wei', postKind: 'HEAD', title: '区长' }), [], { closes: ['appt:zhang-wei-head'], post: 'post:head', leader: 'leader:zhang-wei', created: false }],
    ['a new 副区长: every deputy post is held, so a new post', world, request({ name: '刘洋' }), [], { closes: [], post: 'post:new', leader: 'leader:new', created: true }],
    ['a new 副区长 takes the vacant post', vacantPost, request({ name: '刘洋' }), [], { closes: [], post: 'post:deputy-5', leader: 'leader:new', created: true }],
    ['钱峰, who left, comes back as 党组成员', world, request({ leaderId: 'leader:qian-feng', postKind: 'PARTY_GROUP_MEMBER', title: '党组成员' }), [], { closes: [], post: 'post:new', leader: 'leader:qian-feng', created: false }],
    // refused
    ['no 任免 document', world, request({ name: '刘洋', document: null }), ['DOCUMENT_REQUIRED'], null],
    ['an unknown leader', world, request({ leaderId: 'leader:nobody' }), ['UNKNOWN_REFERENCE'], null],
    ['neither a leader nor a name', world, request({}), ['UNKNOWN_REFERENCE'], null],
    ['a second 区长 while 张伟 holds the post', world, request({ name: '刘洋', postKind: 'HEAD', title: '区长' }), ['POST_OCCUPIED'], null],
    ['张伟 appointed 代区长 again', world, request({ leaderId: 'leader:zhang-wei', postKind: 'HEAD', title: '区长', acting: true }), ['NO_CHANGE'], null],
  ] as const)('%s', (_, facts, req, codes, expected) => {
    const plan = planAppointment(facts, req, ids);
    expect(plan.violations.map((v) => v.code)).toEqual(codes);
    if (expected !== null) {
      expect({ closes: plan.closes.map((a) => a.id), post: plan.post?.id, leader: plan.leader?.id, created: plan.leader?.created }).toEqual(expected);
      expect(plan.opens).toMatchObject({ validFrom: req.validFrom, validTo: null, acting: req.acting, document: req.document });
    }
  });

  it('the confirmed head’s history shows the acting appointment ended and the new one begun on the same day', () => {
    const plan = planAppointment(world, request({ leaderId: 'leader:zhang-wei', postKind: 'HEAD', title: '区长' }), ids);
    expect([...plan.closes, plan.opens].map((a) => [a?.acting, a?.validFrom, a?.validTo])).toEqual([
      [true, '2026-01-01', '2026-06-30'],
      [false, '2026-06-30', null],
    ]);
  });
});

describe('checkEndAppointment: 免职 may not leave lines behind', () => {
  const end = (appointmentId: string, validTo = FUTURE, document: string | null = '青人常免〔2026〕3号') => ({ appointmentId, validTo, document });
  const move = (lineId: string, toLeaderId: string): ChangeItem => ({ op: 'MOVE', lineId, toLeaderId });
  const endLine = (lineId: string): ChangeItem => ({ op: 'END', lineId });
  const endPair = (backupId: string): ChangeItem => ({ op: 'END_BACKUP', backupId });
  // The re-division that goes with 孙力's leaving: his unit to 吴越, his other lines and pairs ended.
  const sunLiLeaves = planChangeset(world, {
    jurisdictionId: J, document: null, decisionId: null, effectiveDate: FUTURE, issuedById: null,
    items: [move('line:sun-li-development-zone', 'leader:wu-yue'), endLine('line:sun-li-qingshi'), endLine('line:sun-li-assists-development-reform'), endPair('backup:chen-sun'), endPair('backup:sun-wang')],
  }, (_e, i) => `line:x-${i}`);

  it.each([
    ['李明 leaves the party group but stays 常务副区长', world, end('appt:li-ming-party'), world, []],
    ['孙力 leaves, and the same change hands over his lines and pairs', world, end('appt:sun-li-party'), sunLiLeaves.after, []],
    ['孙力 leaves keeping his lines', world, end('appt:sun-li-party'), world, ['LINES_STILL_HELD']],
    ['周涛 leaves keeping the hotline and the business-climate drive', world, end('appt:zhou-tao-secretary'), world, ['LINES_STILL_HELD']],
    ['王强 leaves, still somebody’s B', world, end('appt:wang-qiang-deputy'), world, ['LINES_STILL_HELD']],
    ['an unknown appointment', world, end('appt:nope'), world, ['UNKNOWN_REFERENCE']],
    ['no 任免 document', world, end('appt:li-ming-party', FUTURE, null), world, ['DOCUMENT_REQUIRED']],
    ['an end before it began', world, end('appt:wu-yue-deputy', '2026-03-01'), world, ['INVALID_INTERVAL']],
    ['ending 钱峰’s appointment where it ends already', world, end('appt:qian-feng-deputy', REDIVISION), world, ['NO_CHANGE']],
  ] as const)('%s', (_, facts, req, after, codes) => {
    expect(sunLiLeaves.violations).toEqual([]);
    expect(checkEndAppointment(facts, req, after).violations.map((v) => v.code)).toEqual(codes);
  });

  it('names what is still held', () => {
    const [v] = checkEndAppointment(world, end('appt:zhou-tao-secretary')).violations;
    expect(v.details).toEqual({ leaderId: 'leader:zhou-tao', lineIds: ['line:zhou-tao-hotline', 'line:zhou-tao-business-climate'], backupIds: [] });
    expect(v.message).toContain('周涛自2026-12-01起不再是青山区政府班子成员');
  });
});

describe('planTeamOrder: 排序 from a date, until the next recorded order', () => {
  const ZW = 'leader:zhang-wei';
  const LM = 'leader:li-ming';
  const order = ['leader:zhang-wei', 'leader:li-ming', 'leader:zhao-min', 'leader:wang-qiang', 'leader:chen-jing', 'leader:wu-yue', 'leader:sun-li', 'leader:zhou-tao'];

  it.each([
    ['吴越 listed from May', '2026-05-01', order, [], [['order:2026-04', '2026-05-01']], null],
    ['a February order runs until the re-division’s order', '2026-02-01', [ZW, LM, 'leader:qian-feng'], [], [['order:2026-01', '2026-02-01']], REDIVISION],
    ['钱峰 after he left', '2026-05-01', [ZW, 'leader:qian-feng'], [[1, 'NOT_IN_TEAM']], [], null],
    ['a stranger', '2026-05-01', [ZW, 'leader:nobody'], [[1, 'NOT_IN_TEAM']], [], null],
    ['李明 listed twice', '2026-05-01', [ZW, LM, LM], [[2, 'DUPLICATE_IN_ORDER']], [], null],
    ['the order in force already', '2026-05-01', world.teamOrders[1].leaderIds, [[null, 'NO_CHANGE']], [], null],
  ] as const)('%s', (_, validFrom, leaderIds, codes, closes, until) => {
    const plan = planTeamOrder(world, { validFrom, leaderIds }, 'order:new');
    expect(plan.violations.map((v) => [v.itemIndex, v.code])).toEqual(codes);
    expect(plan.closes.map((o) => [o.id, o.validTo])).toEqual(closes);
    if (codes.length === 0) expect(plan.opens).toMatchObject({ validFrom, validTo: until, leaderIds });
  });

  it('the team lists in the new order from its date', () => {
    const plan = planTeamOrder(world, { validFrom: '2026-05-01', leaderIds: order }, 'order:new');
    const after: DirectoryFacts = {
      ...world,
      teamOrders: [...world.teamOrders.map((o) => plan.closes.find((c) => c.id === o.id) ?? o), plan.opens!],
    };
    expect(leadershipTeam(after, '2026-05-01').map((m) => m.leader.id)).toEqual(order);
    expect(leadershipTeam(after, '2026-04-15').map((m) => m.leader.id).indexOf('leader:wu-yue')).toBe(7);
  });
});
