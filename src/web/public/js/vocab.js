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
