// Chinese labels and marks for the API's enums. Marks differ in shape and text, not only in colour.

export const KIND = {
  PRESIDES: { label: '主持全面工作', short: '主持', mark: '★' },
  RESPONSIBLE_FOR: { label: '负责', short: '负', mark: '■' },
  SUPERVISES: { label: '分管', short: '分', mark: '●' },
  LIAISES_WITH: { label: '联系', short: '联', mark: '○' },
  ASSISTS: { label: '协助', short: '协', mark: '△' },
  COORDINATES: { label: '牵头协调', short: '协调', mark: '◆' },
};

/** Order in which a portfolio's lines are listed. */
export const KIND_ORDER = ['PRESIDES', 'RESPONSIBLE_FOR', 'SUPERVISES', 'ASSISTS', 'LIAISES_WITH', 'COORDINATES'];

export const kindLabel = (kind) => KIND[kind]?.label ?? kind;

export const DEPARTMENT_KIND = {
  CONSTITUENT: '组成部门',
  AFFILIATED: '直属机构',
  AGENCY: '派出机构',
  SUBDISTRICT: '街道（乡镇）',
  VERTICAL: '垂直管理单位',
  JUDICIAL: '法院、检察院',
  MASS_ORGANIZATION: '人民团体',
  STATE_ENTERPRISE: '国有企业',
};

/** Government line first (may be directed), then the units that are only liaised with (R4). */
export const DEPARTMENT_KIND_ORDER = ['CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT', 'VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE'];
export const GOVERNMENT_LINE = new Set(['CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT']);

export const ACTING_BASIS = { BACKUP: 'AB角', DESIGNATED: '政府办公室指定', PRESIDING: '主持工作的领导' };

export const MEETING_KIND = { STANDING: '常务会议', PLENARY: '全体会议', PARTY_GROUP: '党组会议' };

export const DECISION_CATEGORY = {
  DIVISION_OF_LABOUR: '分工调整',
  KEY_APPOINTMENT: '重要人事任免',
  MAJOR_DECISION: '重大决策',
  MAJOR_PROJECT: '重大项目安排',
  LARGE_FUND: '大额资金使用',
  ROUTINE: '日常事项',
};

export const AUDIT_ACTION = { OPEN: '新增', CLOSE: '终止', RECORD: '记录' };
export const AUDIT_ENTITY = { ASSIGNMENT: '分工', BACKUP: 'AB角', ABSENCE: '外出', MEETING: '会议', DECISION: '决定', GOVERNANCE_RULES: '议事规则' };

/** "代区长" for an acting holder, else the post's title. */
export function postTitle(appointment) {
  const title = appointment.post.title;
  return appointment.acting ? `代${title}` : title;
}

/** A meeting in words: 第25次常务会议（2026-11-20）. */
export function meetingName(meeting) {
  if (!meeting) return '';
  return `${meeting.number ?? ''}${MEETING_KIND[meeting.kind] ?? meeting.kind}（${meeting.date}）`;
}

/** The thing a portfolio line is about: a unit, a work area, or a coordinated matter. */
export function lineTarget(line) {
  if (line.kind === 'COORDINATES') {
    const unit = line.department?.name ?? line.workArea?.name;
    return unit ? `${line.subject ?? ''}（${unit}）` : line.subject ?? '';
  }
  const target = line.department?.name ?? line.workArea?.name ?? '';
  if (line.kind === 'ASSISTS' && line.principal) return `协助${line.principal.name}：${target}${line.orphaned ? '（已失效）' : ''}`;
  return target;
}

/** Key tasks' derived statuses (docs/key-work.md), most urgent first; marks differ in shape as well as colour. */
export const TASK_STATUS = {
  OVERDUE: { label: '超期', long: '超过完成时限未办结', mark: '✖' },
  AT_RISK: { label: '滞后', long: '进度滞后或节点逾期', mark: '▲' },
  NOT_STARTED: { label: '未报告', long: '未报告进展', mark: '○' },
  ON_TRACK: { label: '正常', long: '正常推进', mark: '●' },
  COMPLETED: { label: '已办结', long: '已办结', mark: '✓' },
};
export const TASK_STATUS_ORDER = ['OVERDUE', 'AT_RISK', 'NOT_STARTED', 'ON_TRACK', 'COMPLETED'];

export const TASK_SOURCE = { CITY: '市里交办', PARTY_COMMITTEE: '党委交办', GOVERNMENT: '政府确定', PEOPLES_CONGRESS: '人大', CPPCC: '政协', OTHER: '其他' };

export const TASK_UNIT_ROLE = { LEAD: '牵头单位', RESPONSIBLE: '责任单位', COOPERATING: '配合单位' };

/** Directive statuses (R9: there is no rejected state). */
export const DIRECTIVE_STATUS = {
  ISSUED: '已交办',
  ACKNOWLEDGED: '已签收',
  IN_PROGRESS: '办理中',
  ESCALATED: '已提请协调',
  COMPLETED: '已办结',
};

export const DIRECTIVE_ACTION = { ACKNOWLEDGE: '签收', START: '办理', COMPLETE: '办结', ESCALATE: '提请协调' };

/** canDirect's basis, as a directive records it. */
export const DIRECTION_BASIS = {
  SUPERVISES: '分管',
  HEAD: '主持全面工作',
  ACTING_FOR: '代行',
  ASSISTS: '协助',
  GENERAL_AUTHORITY: '工作需要（R3）',
};

export const NOTIFICATION_KIND = { DIRECTIVE_CROSS_PORTFOLIO: '跨分管交办', DIRECTIVE_ESCALATED: '提请协调' };
export const NOTIFICATION_BASIS = { SUPERVISES: '分管该单位', ACTING_FOR: '代行', PRESIDES: '主持工作', ISSUER: '交办领导' };

/** R8's flags in a few words; the API's own message says the rest. */
export const ACCOUNTABILITY_FLAG = {
  SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT: '分管领导不分管牵头单位',
  UNIT_HEAD_UNKNOWN: '主要负责人未登记',
  SUPERVISOR_NOT_IN_TEAM: '分管领导不在班子中',
  SUPERVISOR_AWAY_UNCOVERED: '分管领导外出且无人代行',
  UNIT_NOT_ACTIVE: '单位已撤销或尚未设立',
  UNIT_OUTSIDE_GOVERNMENT_LINE: '不属政府工作部门（只联系、不领导）',
};
