// Test fixture: the fictional 青山区 government as a small named world, written like an OpenFGA store — one plain
// comment per fact. Dates: the team forms on 2026-01-01; a re-division (青政发〔2026〕5号) takes effect on 2026-04-01.
import type {
  AbsenceFact,
  AppointmentFact,
  AssignmentFact,
  BackupFact,
  DecisionFact,
  DepartmentFact,
  DirectoryFacts,
  GovernanceRules,
  IsoDate,
  MeetingFact,
  PostFact,
} from '../../src/domain';
import type { AssignmentKind, DecisionCategory, DepartmentKind, MeetingKind, PostKind } from '../../src/domain';
import { DEFAULT_GOVERNANCE_RULES } from '../../src/domain';

export const J = 'jurisdiction:qingshan';
/** The day the re-division takes effect: old lines end (validTo exclusive), new lines start. */
export const REDIVISION: IsoDate = '2026-04-01';
/** A quiet day before the re-division. */
export const BEFORE: IsoDate = '2026-03-16';
/** A quiet day after the re-division. */
export const AFTER: IsoDate = '2026-04-15';
/** A day late in the year, after every recorded absence and meeting: future-dated changesets take effect then. */
export const FUTURE: IsoDate = '2026-12-01';
export const DOC_2026_1 = '青政发〔2026〕1号';
export const DOC_2026_5 = '青政发〔2026〕5号';
/** The 文号 the December re-division (decided on 2026-09-15) is approved under. */
export const DOC_2026_20 = '青政发〔2026〕20号';

function post(id: string, kind: PostKind, title: string): PostFact {
  return { id, jurisdictionId: J, kind, title };
}

function appoint(id: string, leaderId: string, postId: string, validFrom: IsoDate, validTo: IsoDate | null, acting = false): AppointmentFact {
  return { id, leaderId, postId, acting, validFrom, validTo };
}

function unit(id: string, name: string, kind: DepartmentKind, aliases: string[] = [], validFrom = '2010-01-01', validTo: IsoDate | null = null): DepartmentFact {
  return { id, jurisdictionId: J, name, kind, aliases, headName: null, headContact: null, validFrom, validTo };
}

function line(
  id: string,
  leaderId: string,
  kind: AssignmentKind,
  target: { departmentId?: string; workAreaId?: string; principalId?: string; subject?: string },
  validFrom: IsoDate,
  validTo: IsoDate | null,
): AssignmentFact {
  return {
    id,
    jurisdictionId: J,
    leaderId,
    kind,
    departmentId: target.departmentId ?? null,
    workAreaId: target.workAreaId ?? null,
    principalId: target.principalId ?? null,
    subject: target.subject ?? null,
    document: validFrom === REDIVISION ? DOC_2026_5 : DOC_2026_1,
    decisionId: validFrom === REDIVISION ? 'decision:2026-standing-3' : 'decision:2026-standing-1',
    validFrom,
    validTo,
  };
}

function backup(id: string, leaderId: string, backupId: string, exceptTargetIds: string[] = []): BackupFact {
  return { id, jurisdictionId: J, leaderId, backupId, exceptTargetIds, decisionId: 'decision:2026-standing-1', validFrom: '2026-01-01', validTo: null };
}

function absence(id: string, leaderId: string, reason: string, validFrom: IsoDate, validTo: IsoDate, designatedActorId: string | null = null): AbsenceFact {
  return { id, leaderId, reason, designatedActorId, validFrom, validTo };
}

function meeting(id: string, kind: MeetingKind, number: string, date: IsoDate, votingAttendeeIds: string[], nonVotingAttendees: string[] = []): MeetingFact {
  return { id, jurisdictionId: J, kind, number, date, votingAttendeeIds, nonVotingAttendees };
}

function decision(
  id: string,
  meetingId: string,
  category: DecisionCategory,
  text: string,
  minutesNumber: string | null = null,
  approvesDocument: string | null = null,
): DecisionFact {
  return { id, jurisdictionId: J, meetingId, category, text, minutesNumber, approvesDocument };
}

const leaders = [
  { id: 'leader:zhang-wei', jurisdictionId: J, name: '张伟' }, // the acting district head (代区长)
  { id: 'leader:li-ming', jurisdictionId: J, name: '李明' }, // the executive deputy, also a party-group member
  { id: 'leader:wang-qiang', jurisdictionId: J, name: '王强' }, // a deputy; supervises public security
  { id: 'leader:zhao-min', jurisdictionId: J, name: '赵敏' }, // a deputy; education, later health
  { id: 'leader:chen-jing', jurisdictionId: J, name: '陈静' }, // a deputy; housing, city management, the subdistrict
  { id: 'leader:qian-feng', jurisdictionId: J, name: '钱峰' }, // a deputy who leaves at the re-division
  { id: 'leader:wu-yue', jurisdictionId: J, name: '吴越' }, // a deputy who joins at the re-division
  { id: 'leader:sun-li', jurisdictionId: J, name: '孙力' }, // a party-group member with no deputy post
  { id: 'leader:zhou-tao', jurisdictionId: J, name: '周涛' }, // the secretary-general, not a party-group member
];

const posts = [
  post('post:head', 'HEAD', '区长'), // the district head's post
  post('post:executive-deputy', 'EXECUTIVE_DEPUTY', '常务副区长'), // the executive deputy's post
  post('post:deputy-1', 'DEPUTY', '副区长'), // deputy post 1
  post('post:deputy-2', 'DEPUTY', '副区长'), // deputy post 2
  post('post:deputy-3', 'DEPUTY', '副区长'), // deputy post 3
  post('post:deputy-4', 'DEPUTY', '副区长'), // deputy post 4 (钱峰's, then 吴越's)
  post('post:party-group-1', 'PARTY_GROUP_MEMBER', '党组成员'), // a party-group seat
  post('post:party-group-2', 'PARTY_GROUP_MEMBER', '党组成员'), // another party-group seat
  post('post:secretary-general', 'SECRETARY_GENERAL', '秘书长'), // the secretary-general's post
];

const appointments = [
  appoint('appt:zhang-wei-head', 'leader:zhang-wei', 'post:head', '2026-01-01', null, true), // 张伟 is 代区长 (acting)
  appoint('appt:li-ming-executive', 'leader:li-ming', 'post:executive-deputy', '2026-01-01', null), // 李明 is 常务副区长
  appoint('appt:li-ming-party', 'leader:li-ming', 'post:party-group-1', '2026-01-01', null), // 李明 is also 党组成员
  appoint('appt:wang-qiang-deputy', 'leader:wang-qiang', 'post:deputy-1', '2026-01-01', null), // 王强 is 副区长
  appoint('appt:zhao-min-deputy', 'leader:zhao-min', 'post:deputy-2', '2026-01-01', null), // 赵敏 is 副区长
  appoint('appt:chen-jing-deputy', 'leader:chen-jing', 'post:deputy-3', '2026-01-01', null), // 陈静 is 副区长
  appoint('appt:qian-feng-deputy', 'leader:qian-feng', 'post:deputy-4', '2026-01-01', REDIVISION), // 钱峰 is 副区长 until the re-division
  appoint('appt:wu-yue-deputy', 'leader:wu-yue', 'post:deputy-4', REDIVISION, null), // 吴越 takes 钱峰's post from the re-division
  appoint('appt:sun-li-party', 'leader:sun-li', 'post:party-group-2', '2026-01-01', null), // 孙力 is 党组成员 only
  appoint('appt:zhou-tao-secretary', 'leader:zhou-tao', 'post:secretary-general', '2026-01-01', null), // 周涛 is 秘书长 only
];

const departments = [
  unit('dept:finance', '区财政局', 'CONSTITUENT', ['财政局']), // a constituent department
  unit('dept:development-reform', '区发展和改革委员会', 'CONSTITUENT', ['区发改委', '发改委']), // a constituent department
  unit('dept:education', '区教育局', 'CONSTITUENT', ['教育局']), // a constituent department
  unit('dept:health', '区卫生健康局', 'CONSTITUENT', ['区卫健局']), // a constituent department
  unit('dept:public-security', '区公安分局', 'CONSTITUENT', ['公安分局']), // a constituent department, excepted from AB cover
  unit('dept:justice', '区司法局', 'CONSTITUENT'), // a constituent department
  unit('dept:housing', '区住房和城乡建设局', 'CONSTITUENT', ['区住建局']), // a constituent department
  unit('dept:audit', '区审计局', 'CONSTITUENT'), // a constituent department
  unit('dept:culture-tourism', '区文化和旅游局', 'CONSTITUENT', ['区文旅局']), // a constituent department
  unit('dept:grain', '区粮食局', 'CONSTITUENT', [], '2010-01-01', REDIVISION), // abolished at the re-division
  unit('dept:statistics', '区统计局', 'AFFILIATED'), // an affiliated body
  unit('dept:urban-management', '区城市管理综合行政执法局', 'AFFILIATED', ['区城管执法局']), // an affiliated body
  unit('dept:development-zone', '青山经济开发区管理委员会', 'AGENCY', ['开发区管委会']), // an agency (派出机构)
  unit('dept:qingshi-subdistrict', '青石街道办事处', 'SUBDISTRICT', ['青石街道']), // a subdistrict
  unit('dept:tax', '国家税务总局青山区税务局', 'VERTICAL', ['区税务局']), // vertically managed: liaised with, never directed
  unit('dept:court', '青山区人民法院', 'JUDICIAL', ['区法院']), // a court: liaised with, never directed
  unit('dept:procuratorate', '青山区人民检察院', 'JUDICIAL', ['区检察院']), // a procuratorate nobody liaises with
  unit('dept:womens-federation', '青山区妇女联合会', 'MASS_ORGANIZATION', ['区妇联']), // a mass organisation
  unit('dept:urban-investment', '青山城市投资集团有限公司', 'STATE_ENTERPRISE', ['区城投集团']), // a state enterprise
];

const workAreas = [
  { id: 'wa:finance', jurisdictionId: J, name: '财政', aliases: ['预算'] }, // the work area 财政
  { id: 'wa:audit', jurisdictionId: J, name: '审计', aliases: [] }, // the work area 审计
  { id: 'wa:work-safety', jurisdictionId: J, name: '安全生产', aliases: [] }, // the work area 安全生产
  { id: 'wa:hotline', jurisdictionId: J, name: '12345政务服务便民热线', aliases: ['12345热线'] }, // the citizens' hotline
  { id: 'wa:tourism-promotion', jurisdictionId: J, name: '旅游推介', aliases: [] }, // a work area nobody is responsible for
];

const S = '2026-01-01';
const R = REDIVISION;
const assignments = [
  line('line:zhang-wei-presides', 'leader:zhang-wei', 'PRESIDES', {}, S, null), // 张伟 presides over the government
  line('line:zhang-wei-audit-work', 'leader:zhang-wei', 'RESPONSIBLE_FOR', { workAreaId: 'wa:audit' }, S, null), // 张伟 is responsible for 审计
  line('line:zhang-wei-audit', 'leader:zhang-wei', 'SUPERVISES', { departmentId: 'dept:audit' }, S, null), // 张伟 supervises 区审计局
  line('line:li-ming-finance-work', 'leader:li-ming', 'RESPONSIBLE_FOR', { workAreaId: 'wa:finance' }, S, null), // 李明 is responsible for 财政
  line('line:li-ming-finance', 'leader:li-ming', 'SUPERVISES', { departmentId: 'dept:finance' }, S, null), // 李明 supervises 区财政局
  line('line:li-ming-development-reform', 'leader:li-ming', 'SUPERVISES', { departmentId: 'dept:development-reform' }, S, R), // 李明 supervises 区发改委 until the re-division
  line('line:li-ming-grain', 'leader:li-ming', 'SUPERVISES', { departmentId: 'dept:grain' }, S, R), // 李明 supervises 区粮食局 until it is abolished
  line('line:li-ming-assists-audit', 'leader:li-ming', 'ASSISTS', { principalId: 'leader:zhang-wei', workAreaId: 'wa:audit' }, S, null), // 李明 assists 张伟 with 审计
  line('line:li-ming-tax', 'leader:li-ming', 'LIAISES_WITH', { departmentId: 'dept:tax' }, S, null), // 李明 liaises with the tax bureau
  line('line:wang-qiang-public-security', 'leader:wang-qiang', 'SUPERVISES', { departmentId: 'dept:public-security' }, S, null), // 王强 supervises 区公安分局
  line('line:wang-qiang-justice', 'leader:wang-qiang', 'SUPERVISES', { departmentId: 'dept:justice' }, S, null), // 王强 supervises 区司法局
  line('line:wang-qiang-work-safety', 'leader:wang-qiang', 'RESPONSIBLE_FOR', { workAreaId: 'wa:work-safety' }, S, null), // 王强 is responsible for 安全生产
  line('line:wang-qiang-court', 'leader:wang-qiang', 'LIAISES_WITH', { departmentId: 'dept:court' }, S, null), // 王强 liaises with the court
  line('line:zhao-min-education', 'leader:zhao-min', 'SUPERVISES', { departmentId: 'dept:education' }, S, null), // 赵敏 supervises 区教育局
  line('line:zhao-min-health', 'leader:zhao-min', 'SUPERVISES', { departmentId: 'dept:health' }, R, null), // 赵敏 supervises 区卫健局 from the re-division
  line('line:zhao-min-womens-federation', 'leader:zhao-min', 'LIAISES_WITH', { departmentId: 'dept:womens-federation' }, S, null), // 赵敏 liaises with 区妇联
  line('line:chen-jing-housing', 'leader:chen-jing', 'SUPERVISES', { departmentId: 'dept:housing' }, S, null), // 陈静 supervises 区住建局
  line('line:chen-jing-urban-management', 'leader:chen-jing', 'SUPERVISES', { departmentId: 'dept:urban-management' }, S, null), // 陈静 supervises 区城管执法局
  line('line:chen-jing-qingshi', 'leader:chen-jing', 'SUPERVISES', { departmentId: 'dept:qingshi-subdistrict' }, S, null), // 陈静 supervises 青石街道
  line('line:chen-jing-development-reform', 'leader:chen-jing', 'SUPERVISES', { departmentId: 'dept:development-reform' }, R, null), // 陈静 supervises 区发改委 from the re-division
  line('line:chen-jing-urban-investment', 'leader:chen-jing', 'LIAISES_WITH', { departmentId: 'dept:urban-investment' }, S, null), // 陈静 liaises with 区城投集团
  line('line:qian-feng-health', 'leader:qian-feng', 'SUPERVISES', { departmentId: 'dept:health' }, S, R), // 钱峰 supervises 区卫健局 until he leaves
  line('line:qian-feng-culture-tourism', 'leader:qian-feng', 'SUPERVISES', { departmentId: 'dept:culture-tourism' }, S, R), // 钱峰 supervises 区文旅局 until he leaves
  line('line:qian-feng-statistics', 'leader:qian-feng', 'SUPERVISES', { departmentId: 'dept:statistics' }, S, R), // 钱峰 supervises 区统计局 until he leaves; nobody after
  line('line:wu-yue-culture-tourism', 'leader:wu-yue', 'SUPERVISES', { departmentId: 'dept:culture-tourism' }, R, null), // 吴越 supervises 区文旅局 from the re-division
  line('line:sun-li-development-zone', 'leader:sun-li', 'SUPERVISES', { departmentId: 'dept:development-zone' }, S, null), // 孙力 supervises the development zone
  line('line:sun-li-qingshi', 'leader:sun-li', 'SUPERVISES', { departmentId: 'dept:qingshi-subdistrict' }, S, null), // 孙力 also supervises 青石街道 (an overlap)
  line('line:sun-li-assists-development-reform', 'leader:sun-li', 'ASSISTS', { principalId: 'leader:li-ming', departmentId: 'dept:development-reform' }, S, null), // 孙力 assists 李明 with 区发改委; never ended, orphaned after the re-division
  line('line:zhou-tao-hotline', 'leader:zhou-tao', 'RESPONSIBLE_FOR', { workAreaId: 'wa:hotline' }, S, null), // 周涛 is responsible for the 12345 hotline
  line('line:zhou-tao-business-climate', 'leader:zhou-tao', 'COORDINATES', { subject: '优化营商环境' }, S, null), // 周涛 coordinates the business-climate drive
];

const backups = [
  backup('backup:wang-zhao', 'leader:wang-qiang', 'leader:zhao-min', ['dept:public-security']), // 赵敏 covers 王强, except public security
  backup('backup:zhao-wang', 'leader:zhao-min', 'leader:wang-qiang'), // 王强 covers 赵敏
  backup('backup:chen-sun', 'leader:chen-jing', 'leader:sun-li'), // 孙力 covers 陈静
  backup('backup:sun-wang', 'leader:sun-li', 'leader:wang-qiang'), // 王强 covers 孙力 (never followed for 陈静: depth one)
  backup('backup:zhang-li', 'leader:zhang-wei', 'leader:li-ming'), // 李明 covers the head 张伟
  // 李明 has no backup.
];

const absences = [
  absence('absence:wang-qiang-trip', 'leader:wang-qiang', '出差', '2026-02-02', '2026-02-06'), // 王强 is away; 赵敏 covers, public security goes to 张伟
  absence('absence:chen-jing-leave', 'leader:chen-jing', '休假', '2026-03-02', '2026-03-07'), // 陈静 is away
  absence('absence:sun-li-training', 'leader:sun-li', '学习培训', '2026-03-04', '2026-03-06'), // 孙力, 陈静's backup, is away too: 张伟 covers 陈静
  absence('absence:zhao-min-trip', 'leader:zhao-min', '出差', '2026-05-11', '2026-05-16', 'leader:wu-yue'), // 赵敏 is away; the office designates 吴越
  absence('absence:wang-qiang-meeting', 'leader:wang-qiang', '赴市里开会', '2026-05-11', '2026-05-13'), // 王强, 赵敏's backup, is away for part of it
  absence('absence:zhang-wei-meeting', 'leader:zhang-wei', '参加省里会议', '2026-06-01', '2026-06-04'), // the head himself is away; 李明 covers
  absence('absence:li-ming-study', 'leader:li-ming', '党校学习', '2026-07-06', '2026-07-10'), // 李明 is away with no backup: 张伟 covers
];

const teamOrders = [
  // Protocol order from 2026-01-05 until the re-division (none is recorded for 2026-01-01..04).
  { id: 'order:2026-01', jurisdictionId: J, validFrom: '2026-01-05', validTo: R, leaderIds: ['leader:zhang-wei', 'leader:li-ming', 'leader:wang-qiang', 'leader:qian-feng', 'leader:zhao-min', 'leader:chen-jing', 'leader:sun-li', 'leader:zhou-tao'] },
  // Protocol order after the re-division: 赵敏 moves up; 吴越 is not listed yet.
  { id: 'order:2026-04', jurisdictionId: J, validFrom: R, validTo: null, leaderIds: ['leader:zhang-wei', 'leader:li-ming', 'leader:zhao-min', 'leader:wang-qiang', 'leader:chen-jing', 'leader:sun-li', 'leader:zhou-tao'] },
];

const ZW = 'leader:zhang-wei';
const LM = 'leader:li-ming';
const WQ = 'leader:wang-qiang';
const ZM = 'leader:zhao-min';
const CJ = 'leader:chen-jing';
const QF = 'leader:qian-feng';
const SL = 'leader:sun-li';
const ZT = 'leader:zhou-tao';
const WY = 'leader:wu-yue';
// The team has eight members before the re-division (钱峰 …) and eight after it (… 吴越): a quorum is five.
const meetings = [
  meeting('meeting:2026-standing-1', 'STANDING', '第一次', S, [ZW, LM, WQ, QF, ZM, CJ, SL, ZT]), // all eight attend the first standing meeting
  meeting('meeting:2026-standing-2', 'STANDING', '第二次', '2026-02-10', [ZW, LM, LM, WQ, ZM, WY], ['区财政局局长']), // four of eight (李明 listed twice; 吴越 not yet on the team): no quorum
  meeting('meeting:2026-standing-3', 'STANDING', '第三次', '2026-03-20', [ZW, LM, WQ, ZM, CJ], ['区发展和改革委员会主任']), // five of eight: quorate, decides the re-division
  meeting('meeting:2026-plenary-1', 'PLENARY', '第一次', '2026-03-25', [ZW, LM, WQ, QF, ZM, CJ, SL, ZT]), // a plenary meeting, all eight present
  meeting('meeting:2026-standing-9', 'STANDING', '第九次', '2026-09-15', [ZW, LM, ZM, WQ, CJ, WY]), // six of eight: quorate, decides a change for December
];

const decisions = [
  decision('decision:2026-standing-1', 'meeting:2026-standing-1', 'DIVISION_OF_LABOUR', `通过区政府领导班子成员工作分工（${DOC_2026_1}）`, '青政常纪〔2026〕1号', DOC_2026_1), // the division of labour every line from 2026-01-01 cites
  decision('decision:2026-standing-2', 'meeting:2026-standing-2', 'DIVISION_OF_LABOUR', '研究调整部分区政府领导分工', '青政常纪〔2026〕2号', '青政发〔2026〕3号'), // taken without a quorum: cannot carry a re-division
  decision('decision:2026-standing-3', 'meeting:2026-standing-3', 'DIVISION_OF_LABOUR', `通过区政府领导班子成员工作分工调整（${DOC_2026_5}）`, '青政常纪〔2026〕3号', DOC_2026_5), // the re-division of 2026-04-01, approving 5号
  decision('decision:2026-standing-3-routine', 'meeting:2026-standing-3', 'ROUTINE', '听取一季度经济运行情况汇报', '青政常纪〔2026〕3号'), // routine business at the same meeting
  decision('decision:2026-plenary-1', 'meeting:2026-plenary-1', 'DIVISION_OF_LABOUR', '研究区政府领导班子成员分工调整', null, DOC_2026_5), // taken by a plenary meeting (refused where local rules reserve it to standing meetings)
  decision('decision:2026-standing-9', 'meeting:2026-standing-9', 'DIVISION_OF_LABOUR', '研究调整区财政局、区统计局分管领导', '青政常纪〔2026〕9号', DOC_2026_20), // a re-division for December, decided on 2026-09-15, approving 20号
];

/** 青山区's own rules of procedure: only standing or party-group meetings may re-divide the work (quorum as by default). */
export const localRules: GovernanceRules = {
  quorumMoreThan: 0.5,
  meetingKindsByCategory: { DIVISION_OF_LABOUR: ['STANDING', 'PARTY_GROUP'] },
  source: '《青山区人民政府工作规则》第十二条',
  decisionMaxAgeDays: 90,
};

export const world: DirectoryFacts = {
  jurisdiction: { id: J, name: '青山区', level: 'DISTRICT', parentId: 'jurisdiction:jiangcheng' },
  leaders,
  posts,
  appointments,
  departments,
  workAreas,
  assignments,
  backups,
  absences,
  teamOrders,
  meetings,
  decisions,
  lineage: [],
  rules: DEFAULT_GOVERNANCE_RULES,
};

/** The meeting with this id; throws so a typo in a test fails loudly. */
export function meetingById(id: string): MeetingFact {
  const found = meetings.find((m) => m.id === id);
  if (found === undefined) throw new Error(`no meeting ${id} in the world`);
  return found;
}

/** The line with this id; throws so a typo in a test fails loudly. */
export function lineById(id: string): AssignmentFact {
  const found = assignments.find((a) => a.id === id);
  if (found === undefined) throw new Error(`no line ${id} in the world`);
  return found;
}
