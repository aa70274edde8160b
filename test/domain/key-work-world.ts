// Test fixture: key work (重点工作, 交办事项) in the 青山区 world of world.ts — one plain comment per fact. The
// directory is world.ts's, with the units' heads (主要负责人) filled in (the statistics bureau's is not recorded) and
// three 三重一大 decisions added; the tasks and directives run through the first half of 2026.
import type { Actor, DecisionFact, DepartmentFact, DirectiveFact, DirectiveTransitionFact, DirectoryFacts, KeyTaskFact, KeyWorkFacts, ProgressReportFact } from '../../src/domain';
import { J, world } from './world';

export const ZW = 'leader:zhang-wei';
export const LM = 'leader:li-ming';
export const WQ = 'leader:wang-qiang';
export const ZM = 'leader:zhao-min';
export const CJ = 'leader:chen-jing';
export const QF = 'leader:qian-feng';
export const SL = 'leader:sun-li';
export const ZT = 'leader:zhou-tao';
export const WY = 'leader:wu-yue';

/** The office (an EDITOR token) recording for nobody in particular. */
export const office: Actor = { kind: 'OFFICE', onBehalfOfId: null };
export const asLeader = (leaderId: string): Actor => ({ kind: 'LEADER', leaderId });
export const asUnit = (departmentId: string): Actor => ({ kind: 'DEPARTMENT', departmentId });
export const onBehalfOf = (leaderId: string): Actor => ({ kind: 'OFFICE', onBehalfOfId: leaderId });

const HEADS: Readonly<Record<string, string>> = {
  'dept:finance': '刘洋', // 区财政局局长
  'dept:development-reform': '黄磊', // 区发改委主任
  'dept:education': '马丽', // 区教育局局长
  'dept:health': '郑军', // 区卫健局局长
  'dept:public-security': '冯刚', // 区公安分局局长
  'dept:justice': '何平', // 区司法局局长
  'dept:housing': '高峰', // 区住建局局长
  'dept:audit': '林森', // 区审计局局长
  'dept:culture-tourism': '宋佳', // 区文旅局局长
  'dept:grain': '罗成', // 区粮食局局长 (until it is abolished)
  'dept:urban-management': '谢东', // 区城管执法局局长
  'dept:development-zone': '韩冰', // 开发区管委会主任
  'dept:qingshi-subdistrict': '唐宁', // 青石街道党工委书记
  'dept:tax': '曹瑞', // 区税务局局长
  // 区统计局: no head recorded.
};

const withHead = (d: DepartmentFact): DepartmentFact => ({ ...d, headName: HEADS[d.id] ?? null });

/** A decision at a recorded meeting, shaped like world.ts's (whatever fields DecisionFact carries). */
function decision(id: string, meetingId: string, category: DecisionFact['category'], text: string): DecisionFact {
  return { ...world.decisions[0], id, meetingId, category, text, minutesNumber: null };
}

const extraDecisions = [
  decision('decision:2026-standing-1-major', 'meeting:2026-standing-1', 'MAJOR_DECISION', '研究部署全年安全生产工作'), // quorate (all eight), 2026-01-01
  decision('decision:2026-standing-2-fund', 'meeting:2026-standing-2', 'LARGE_FUND', '研究节前保供资金'), // 2026-02-10, no quorum
  decision('decision:2026-standing-3-fund', 'meeting:2026-standing-3', 'LARGE_FUND', '研究中小学校舍改造资金'), // quorate, 2026-03-20
  decision('decision:2026-standing-9-project', 'meeting:2026-standing-9', 'MAJOR_PROJECT', '研究城市更新重大项目'), // quorate, 2026-09-15
];

/** world.ts's 青山区 with heads and the 三重一大 decisions above. */
export const facts: DirectoryFacts = {
  ...world,
  departments: world.departments.map(withHead),
  decisions: [...world.decisions, ...extraDecisions],
};

function task(fields: Partial<KeyTaskFact> & Pick<KeyTaskFact, 'id' | 'title' | 'supervisingLeaderId' | 'leadUnitId' | 'createdOn' | 'deadline'>): KeyTaskFact {
  return {
    jurisdictionId: J,
    description: '',
    source: 'GOVERNMENT',
    category: null,
    tags: [],
    majorMatter: false,
    responsibleUnitIds: [],
    cooperatingUnitIds: [],
    milestones: [],
    decisionId: null,
    parentTaskId: null,
    completedOn: null,
    ...fields,
  };
}

export const tasks = {
  // 王强 leads the pre-holiday safety inspection through public security (excepted from his B角): overdue from 03-01.
  safety: task({
    id: 'task:safety-inspection',
    title: '节前安全生产大检查',
    source: 'GOVERNMENT',
    category: '安全生产',
    supervisingLeaderId: WQ,
    leadUnitId: 'dept:public-security',
    responsibleUnitIds: ['dept:justice', 'dept:housing'],
    cooperatingUnitIds: ['dept:tax'],
    createdOn: '2026-01-10',
    deadline: '2026-02-28',
  }),
  // 李明 leads 保供稳价 for the city through the finance bureau; the grain bureau it relies on is abolished on 04-01.
  prices: task({
    id: 'task:price-stability',
    title: '保供稳价',
    source: 'CITY',
    supervisingLeaderId: LM,
    leadUnitId: 'dept:finance',
    responsibleUnitIds: ['dept:development-reform', 'dept:grain'],
    createdOn: '2026-01-05',
    deadline: '2026-06-30',
    milestones: [
      { title: '节前市场巡查', dueOn: '2026-02-15', doneOn: '2026-02-12' }, // done early
      { title: '储备粮轮换', dueOn: '2026-05-31', doneOn: null }, // never done
    ],
  }),
  // 孙力 supervises a school works task led by the education bureau, which 赵敏 supervises (flagged); a 三重一大 task, done 05-20.
  schools: task({
    id: 'task:school-works',
    title: '中小学校舍改造（民生工程）',
    category: '民生工程',
    majorMatter: true,
    decisionId: 'decision:2026-standing-3-fund',
    supervisingLeaderId: SL,
    leadUnitId: 'dept:education',
    createdOn: '2026-03-25',
    deadline: '2026-08-31',
    completedOn: '2026-05-20',
  }),
  // 钱峰 supervises the census through the statistics bureau (no head recorded); he leaves the team on 04-01.
  census: task({
    id: 'task:census',
    title: '经济普查',
    supervisingLeaderId: QF,
    leadUnitId: 'dept:statistics',
    createdOn: '2026-01-15',
    deadline: '2026-12-31',
  }),
  // 陈静 supervises 信访维稳 through the housing bureau.
  petitions: task({
    id: 'task:petitions',
    title: '信访维稳',
    supervisingLeaderId: CJ,
    leadUnitId: 'dept:housing',
    responsibleUnitIds: ['dept:qingshi-subdistrict'],
    createdOn: '2026-02-20',
    deadline: '2026-03-31',
  }),
  // 赵敏 supervises the enrolment task through the education bureau.
  enrolment: task({
    id: 'task:enrolment',
    title: '秋季招生',
    supervisingLeaderId: ZM,
    leadUnitId: 'dept:education',
    createdOn: '2026-04-10',
    deadline: '2026-08-31',
  }),
  // 李明 is asked to lead tax collection through the tax bureau, which is only liaised with (flagged).
  taxes: task({
    id: 'task:tax-collection',
    title: '税收征管',
    supervisingLeaderId: LM,
    leadUnitId: 'dept:tax',
    createdOn: '2026-02-01',
    deadline: '2026-12-31',
  }),
  // 张伟 supervises the audit of the previous year's budget himself.
  audit: task({
    id: 'task:budget-audit',
    title: '预算执行审计',
    supervisingLeaderId: ZW,
    leadUnitId: 'dept:audit',
    createdOn: '2026-01-05',
    deadline: '2026-09-30',
  }),
} as const;

function report(id: string, taskId: string, reportedOn: string, percent: number, reporter: Actor): ProgressReportFact {
  return { id, taskId, reportedOn, text: `完成${percent}%`, percent, reporter };
}

export const reports: readonly ProgressReportFact[] = [
  report('report:safety-1', tasks.safety.id, '2026-01-20', 30, asUnit('dept:public-security')), // 30% after ten days
  report('report:safety-2', tasks.safety.id, '2026-02-10', 70, asUnit('dept:public-security')), // 70% a month later; nothing after
  report('report:prices-1', tasks.prices.id, '2026-02-12', 40, asUnit('dept:finance')), // 40% with the first milestone
  report('report:schools-1', tasks.schools.id, '2026-05-18', 100, asUnit('dept:education')), // done, then completed on 05-20
  report('report:petitions-1', tasks.petitions.id, '2026-03-01', 50, asUnit('dept:housing')), // half way
];

function step(id: string, action: DirectiveTransitionFact['action'], from: DirectiveTransitionFact['from'], to: DirectiveTransitionFact['to'], on: string, actor: Actor, text: string | null = null): DirectiveTransitionFact {
  return { id, action, from, to, on, actor, text };
}

export const directives = {
  // 孙力 (party-group member) directs the education bureau, which 赵敏 supervises: cross-portfolio, no decision; overdue after 03-31.
  schoolSafety: {
    id: 'directive:sun-li-education',
    jurisdictionId: J,
    issuerId: SL,
    departmentId: 'dept:education',
    subject: '开展校园安全隐患排查',
    issuedOn: '2026-03-16',
    deadline: '2026-03-31',
    decisionId: null,
    basis: 'GENERAL_AUTHORITY',
    crossPortfolio: true,
    transitions: [
      step('t:1', 'ACKNOWLEDGE', 'ISSUED', 'ACKNOWLEDGED', '2026-03-17', asUnit('dept:education')),
      step('t:2', 'START', 'ACKNOWLEDGED', 'IN_PROGRESS', '2026-03-18', asUnit('dept:education')),
    ],
  },
  // 赵敏 directs the justice bureau (王强's) citing a decision; 王强 escalates it back to her for coordination.
  legalAid: {
    id: 'directive:zhao-min-justice',
    jurisdictionId: J,
    issuerId: ZM,
    departmentId: 'dept:justice',
    subject: '为困难群众提供法律援助',
    issuedOn: '2026-03-10',
    deadline: null,
    decisionId: 'decision:2026-standing-1-major',
    basis: 'GENERAL_AUTHORITY',
    crossPortfolio: true,
    transitions: [
      step('t:3', 'ACKNOWLEDGE', 'ISSUED', 'ACKNOWLEDGED', '2026-03-11', asUnit('dept:justice')),
      step('t:4', 'ESCALATE', 'ACKNOWLEDGED', 'ESCALATED', '2026-03-12', asLeader(WQ), '涉及区财政局经费，需协调'),
    ],
  },
  // 李明 directs his own finance bureau; done on 03-10.
  budget: {
    id: 'directive:li-ming-finance',
    jurisdictionId: J,
    issuerId: LM,
    departmentId: 'dept:finance',
    subject: '编制一季度预算执行分析',
    issuedOn: '2026-03-02',
    deadline: '2026-03-20',
    decisionId: null,
    basis: 'SUPERVISES',
    crossPortfolio: false,
    transitions: [
      step('t:5', 'ACKNOWLEDGE', 'ISSUED', 'ACKNOWLEDGED', '2026-03-02', asUnit('dept:finance')),
      step('t:6', 'START', 'ACKNOWLEDGED', 'IN_PROGRESS', '2026-03-03', asUnit('dept:finance')),
      step('t:7', 'COMPLETE', 'IN_PROGRESS', 'COMPLETED', '2026-03-10', asUnit('dept:finance'), '已报送分析报告'),
    ],
  },
} as const satisfies Record<string, DirectiveFact>;

export const work: KeyWorkFacts = {
  tasks: Object.values(tasks),
  progressReports: reports,
  directives: Object.values(directives),
};
