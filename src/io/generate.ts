// Synthetic, deterministic directory data: a district of any size, shaped like the demo (one head,
// an executive deputy, deputies, a party-group member, a secretary-general; units of every kind with
// one supervising or liaising leader each; AB pairs; one absence). Used for cost tests and benchmarks.
import {
  GOVERNMENT_LINE_KINDS,
  type AssignmentFact,
  type DepartmentKind,
  type JurisdictionFact,
  type PostKind,
} from '../domain';
import type { Dataset } from './dataset';

export interface DistrictSpec {
  readonly id: string;
  readonly name: string;
  readonly parent?: JurisdictionFact;
  /** 1 gives a district of 12 leaders, 65 units and about 100 portfolio lines; every part grows linearly with it. */
  readonly scale: number;
  readonly level?: JurisdictionFact['level'];
  /** The date the division takes effect. */
  readonly validFrom: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯鑫波宁林峰海燕志国云飞亮';
const OUTSIDE_KINDS: readonly DepartmentKind[] = ['VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE'];
const UNIT_STEMS = ['发展和改革', '教育', '科学技术', '工业和信息化', '民政', '司法', '财政', '人力资源和社会保障', '自然资源', '生态环境', '住房和城乡建设', '交通运输', '农业农村', '水务', '商务', '文化和旅游', '卫生健康', '退役军人事务', '应急管理', '审计', '市场监督管理', '统计', '医疗保障', '信访', '城市管理', '政务服务', '机关事务', '粮食和物资储备', '林业', '人民防空'];

function personName(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length];
}

/** A synthetic district as a Dataset (ids prefixed with the district id, so many districts can coexist). */
export function generateDistrict(spec: DistrictSpec): Dataset {
  const { id: jid, scale, validFrom } = spec;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  const key = (kind: string, n: number | string) => `${kind}:${jid.replace(/^jur:/, '')}-${n}`;
  const interval = { validFrom, validTo: null };

  const deputies = 6 * scale;
  const seats: { kind: PostKind; title: string }[] = [
    { kind: 'HEAD', title: '区长' },
    { kind: 'EXECUTIVE_DEPUTY', title: '常务副区长' },
    ...Array.from({ length: deputies }, () => ({ kind: 'DEPUTY' as const, title: '副区长' })),
    ...Array.from({ length: 3 * scale }, () => ({ kind: 'PARTY_GROUP_MEMBER' as const, title: '区政府党组成员' })),
    { kind: 'SECRETARY_GENERAL', title: '区政府秘书长' },
  ];
  const leaders = seats.map((_, i) => ({ id: key('leader', i), jurisdictionId: jid, name: personName(i + jid.length * 31) }));
  const posts = seats.map((s, i) => ({ id: key('post', i), jurisdictionId: jid, kind: s.kind, title: s.title }));
  const appointments = seats.map((s, i) => ({
    id: key('appt', i), leaderId: leaders[i].id, postId: posts[i].id, acting: s.kind === 'HEAD' && i % 2 === 0, ...interval,
  }));
  const head = leaders[0].id;
  const directing = leaders.slice(1, 2 + deputies).map((l) => l.id);

  const governmentUnits = 45 * scale;
  const outsideUnits = 20 * scale;
  const departments = Array.from({ length: governmentUnits + outsideUnits }, (_, i) => {
    const inLine = i < governmentUnits;
    const stem = UNIT_STEMS[i % UNIT_STEMS.length];
    const round = Math.floor(i / UNIT_STEMS.length);
    const kind = inLine ? GOVERNMENT_LINE_KINDS[i % GOVERNMENT_LINE_KINDS.length] : OUTSIDE_KINDS[i % OUTSIDE_KINDS.length];
    const name = `${spec.name}${stem}${inLine ? '局' : '中心'}${round === 0 ? '' : round + 1}`;
    return {
      id: key('dept', i), jurisdictionId: jid, name, kind, aliases: [`${stem}${inLine ? '局' : '中心'}${round === 0 ? '' : round + 1}`],
      headName: personName(1000 + i), headContact: null, validFrom: '2019-01-01', validTo: null,
    };
  });
  const workAreas = Array.from({ length: 30 * scale }, (_, i) => ({
    id: key('area', i), jurisdictionId: jid, name: `${UNIT_STEMS[i % UNIT_STEMS.length]}${i < UNIT_STEMS.length ? '' : Math.floor(i / UNIT_STEMS.length) + 1}`, aliases: [],
  }));

  // The division was decided at a standing meeting on the day it took effect, all but two members present (R7):
  // the last, and the one who is away studying from that day (an absent member does not count towards quorum).
  const meeting = {
    id: key('meeting', 1), jurisdictionId: jid, kind: 'STANDING' as const, number: '第1次', date: validFrom,
    votingAttendeeIds: leaders.slice(0, -1).map((l) => l.id).filter((id) => id !== directing[1]), nonVotingAttendees: [],
  };
  const decision = {
    id: key('decision', 1), jurisdictionId: jid, meetingId: meeting.id, category: 'DIVISION_OF_LABOUR' as const,
    text: '研究确定区政府领导班子成员工作分工', minutesNumber: `${spec.name}政常纪〔${validFrom.slice(0, 4)}〕1号`,
    approvesDocument: `${spec.name}政发〔${validFrom.slice(0, 4)}〕1号`,
  };
  const line = (n: number, partial: Partial<AssignmentFact> & Pick<AssignmentFact, 'leaderId' | 'kind'>): AssignmentFact => ({
    id: key('line', n), jurisdictionId: jid, departmentId: null, workAreaId: null, principalId: null, subject: null,
    document: `${spec.name}政发〔${validFrom.slice(0, 4)}〕1号`, decisionId: decision.id, ...interval, ...partial,
  });
  const assignments: AssignmentFact[] = [line(0, { leaderId: head, kind: 'PRESIDES' })];
  departments.forEach((d, i) => {
    const inLine = i < governmentUnits;
    const leaderId = i === 0 ? head : directing[i % directing.length];
    assignments.push(line(assignments.length, { leaderId, kind: inLine ? 'SUPERVISES' : 'LIAISES_WITH', departmentId: d.id }));
  });
  workAreas.forEach((w, i) => {
    assignments.push(line(assignments.length, { leaderId: i === 0 ? head : directing[i % directing.length], kind: 'RESPONSIBLE_FOR', workAreaId: w.id }));
  });
  assignments.push(line(assignments.length, { leaderId: directing[0], kind: 'ASSISTS', principalId: head, departmentId: departments[0].id }));

  const backups = [];
  for (let i = 0; i + 1 < directing.length; i += 2) {
    const pair = { jurisdictionId: jid, exceptTargetIds: [], decisionId: decision.id, ...interval };
    backups.push({ id: key('backup', i), leaderId: directing[i], backupId: directing[i + 1], ...pair });
    backups.push({ id: key('backup', i + 1), leaderId: directing[i + 1], backupId: directing[i], ...pair });
  }
  const absences = [{ id: key('absence', 0), leaderId: directing[1], reason: '外出学习', designatedActorId: null, validFrom, validTo: null }];
  const teamOrders = [{ id: key('order', 0), jurisdictionId: jid, leaderIds: leaders.map((l) => l.id), ...interval }];

  const jurisdiction: JurisdictionFact = { id: jid, name: spec.name, level: spec.level ?? 'DISTRICT', parentId: spec.parent?.id ?? null };
  return {
    jurisdictions: spec.parent === undefined ? [jurisdiction] : [spec.parent, jurisdiction],
    leaders, posts, appointments, departments, workAreas, assignments, backups, absences, teamOrders,
    meetings: [meeting], decisions: [decision],
  };
}

export interface CountrySpec {
  /** County-level governments (districts and counties). Cities are one per ten of them, provinces one per hundred. */
  readonly governments: number;
  readonly validFrom: string;
}

/** The id of the n-th government of a level in a generated country (stable, so runs can be compared). */
function governmentId(level: string, n: number): string {
  return `jur:${level}-${String(n).padStart(5, '0')}`;
}

/**
 * A synthetic country as a sequence of datasets, one government each, parents before children:
 * provinces (scale 3) → cities (scale 2) → districts (scale 1). N = 3,000 gives about 40,000 leaders,
 * 200,000 units and 300,000 portfolio lines. A generator, so a caller can import or write it piece by piece.
 */
export function* generateCountry(spec: CountrySpec): Generator<Dataset> {
  const provinces = Math.max(1, Math.round(spec.governments / 100));
  const cities = Math.max(1, Math.round(spec.governments / 10));
  const provinceFacts: JurisdictionFact[] = [];
  for (let p = 1; p <= provinces; p += 1) {
    const data = generateDistrict({ id: governmentId('province', p), name: `合成${p}省`, level: 'PROVINCE', scale: 3, validFrom: spec.validFrom });
    provinceFacts.push(data.jurisdictions[0]);
    yield data;
  }
  const cityFacts: JurisdictionFact[] = [];
  for (let c = 1; c <= cities; c += 1) {
    const parent = provinceFacts[(c - 1) % provinceFacts.length];
    const data = generateDistrict({ id: governmentId('city', c), name: `合成${c}市`, level: 'CITY', scale: 2, validFrom: spec.validFrom });
    const city = { ...data.jurisdictions[0], parentId: parent.id };
    cityFacts.push(city);
    yield { ...data, jurisdictions: [city] };
  }
  for (let d = 1; d <= spec.governments; d += 1) {
    const parent = cityFacts[(d - 1) % cityFacts.length];
    const data = generateDistrict({ id: governmentId('district', d), name: `合成${d}区`, scale: 1, validFrom: spec.validFrom });
    yield { ...data, jurisdictions: [{ ...data.jurisdictions[0], parentId: parent.id }] };
  }
}
