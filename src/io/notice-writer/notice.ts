// Pure: no I/O, no clock. The division of labour on a date written as the official notice of the genre
// (关于…领导班子成员工作分工的通知), and a re-division as its adjustment notice (分工调整通知) stating only what changed.
// The result is a structure (title, frame, one paragraph per leader, AB角 section, closing); text.ts and docx.ts lay
// it out. The wording is the genre's: 职务姓名：主持…；负责…工作；协助区长分管…；分管…；联系…；牵头协调…工作。
import {
  compareDepartments,
  compareText,
  covers,
  departmentName,
  isIsoDate,
  leadershipTeam,
  linesOfLeader,
  meetingKindLabel,
  postKindRank,
  presidingOn,
  targetLabel,
  workAreaName,
  type AssignmentFact,
  type BackupFact,
  type DirectoryFacts,
  type IsoDate,
  type PostFact,
} from '../../domain';

/** One leader's paragraph, and the facts it states. */
export interface NoticeLeader {
  readonly leaderId: string;
  readonly name: string;
  /** Titles as the header writes them (代区长 for an acting head), party posts first. */
  readonly titles: readonly string[];
  readonly paragraph: string;
}

/** A numbered part of the body (一、… / 二、AB角…); `heading` is null when the body has one part only. */
export interface NoticeSection {
  readonly heading: string | null;
  readonly paragraphs: readonly string[];
}

export interface NoticeDocument {
  readonly kind: 'DIVISION' | 'ADJUSTMENT';
  readonly jurisdictionId: string;
  /** The date the division is stated for (for an adjustment: its effective date). */
  readonly asOf: IsoDate;
  /** 发文机关: '青川区人民政府'. */
  readonly issuer: string;
  /** 标题: '青川区人民政府关于区政府领导班子成员工作分工的通知'. */
  readonly title: string;
  /** 发文字号 when known (an adjustment's 文号), else null. */
  readonly documentNumber: string | null;
  /** 主送机关, ending in '：'. */
  readonly addressee: string;
  readonly preamble: string;
  readonly sections: readonly NoticeSection[];
  readonly leaders: readonly NoticeLeader[];
  readonly closing: readonly string[];
  /** 成文日期 as written: '2026年11月28日'. */
  readonly date: string;
}

/** What a re-division changed: the ids of the portfolio lines and AB pairs it opened and closed. */
export interface AdjustmentSource {
  readonly effectiveDate: IsoDate;
  readonly document: string | null;
  readonly decisionId: string | null;
  readonly opened: readonly string[];
  readonly closed: readonly string[];
}

const LEVEL_CHARS = '省市区县州旗盟镇乡';
const LEVEL_WORD: Record<string, string> = { NATION: '国', PROVINCE: '省', CITY: '市', DISTRICT: '区', COUNTY: '县', TOWNSHIP: '乡' };
/** A head title the genre writes after 协助 (协助区长…, 协助市长…). */
const HEAD_WORD_RE = new RegExp(`^(?:[${LEVEL_CHARS}]长|主席|主任)$`);
/** A deputy's title that can follow 协助 (协助常务副区长…) when it names one person only. */
const DEPUTY_WORD_RE = new RegExp(`^(?:常务副|副)(?:[${LEVEL_CHARS}]长|主席|主任)$`);

/** The government's level word: the last character of its name (青川区 → 区), else its level. */
export function levelWord(facts: DirectoryFacts): string {
  const last = facts.jurisdiction.name.slice(-1);
  return LEVEL_CHARS.includes(last) ? last : (LEVEL_WORD[facts.jurisdiction.level] ?? '');
}

/** '2026-11-28' → '2026年11月28日' (the 成文日期 of a 公文, Arabic numerals per GB/T 9704-2012). */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Writer {
  readonly facts: DirectoryFacts;
  readonly on: IsoDate;
  /** '区政府' */
  readonly gov: string;
  readonly level: string;
}

function writer(facts: DirectoryFacts, on: IsoDate): Writer {
  const level = levelWord(facts);
  return { facts, on, gov: `${level}政府`, level };
}

/** The leader's titles on `on` as a header writes them: party posts first, then by rank; 代 for an acting post. */
function titlesOf(w: Writer, leaderId: string, on: IsoDate = w.on): string[] {
  const held = w.facts.appointments
    .filter((a) => a.leaderId === leaderId && covers(a, on))
    .map((a) => ({ a, post: w.facts.posts.find((p) => p.id === a.postId) }))
    .filter((x): x is { a: (typeof x)['a']; post: PostFact } => x.post !== undefined)
    .sort((x, y) => {
      const party = (p: PostFact) => (p.kind === 'PARTY_GROUP_MEMBER' ? 0 : 1);
      return party(x.post) - party(y.post) || postKindRank(x.post.kind) - postKindRank(y.post.kind) || compareText(x.a.id, y.a.id);
    });
  const titles: string[] = [];
  for (const { a, post } of held) {
    const title = a.acting && !post.title.startsWith('代') ? `代${post.title}` : post.title;
    if (!titles.includes(title)) titles.push(title);
  }
  return titles;
}

/** How a 协助 clause names its principal: 区长 for the head, a deputy's title if he alone holds it, else nobody. */
function principalWord(w: Writer, principalId: string | null): string {
  if (principalId === null) return '';
  const presiding = presidingOn(w.facts, w.on);
  const posts = w.facts.appointments
    .filter((a) => a.leaderId === principalId && covers(a, w.on))
    .map((a) => w.facts.posts.find((p) => p.id === a.postId))
    .filter((p): p is PostFact => p !== undefined);
  const head = posts.find((p) => p.kind === 'HEAD');
  if (head !== undefined || presiding?.leaderId === principalId) {
    const title = (head?.title ?? `${w.level}长`).replace(/^代(?:理)?/, '');
    return HEAD_WORD_RE.test(title) ? title : '';
  }
  for (const p of posts) {
    if (!DEPUTY_WORD_RE.test(p.title)) continue;
    const holders = new Set(
      w.facts.appointments
        .filter((a) => covers(a, w.on) && w.facts.posts.find((q) => q.id === a.postId)?.title === p.title)
        .map((a) => a.leaderId),
    );
    if (holders.size === 1) return p.title;
  }
  return '';
}

/** A line's target as a list item: the unit's name, the work area's name, or a 牵头协调 subject. */
function itemOf(w: Writer, line: AssignmentFact): { text: string; area: boolean } {
  if (line.kind === 'COORDINATES' && line.subject !== null) return { text: line.subject, area: true };
  if (line.departmentId !== null) return { text: departmentName(w.facts, line.departmentId), area: false };
  if (line.workAreaId !== null) return { text: workAreaName(w.facts, line.workAreaId), area: true };
  return { text: line.subject ?? '', area: true };
}

/** Units in the directory's order (compareDepartments), then work areas, then subjects. */
function orderLines(w: Writer, lines: readonly AssignmentFact[]): AssignmentFact[] {
  const deptIndex = new Map([...w.facts.departments].sort(compareDepartments).map((d, i) => [d.id, i]));
  // By id, not load order: the same notice whether the facts come from the database or from a dataset file.
  const areaIndex = new Map([...w.facts.workAreas].sort((a, b) => compareText(a.id, b.id)).map((a, i) => [a.id, i]));
  const rank = (l: AssignmentFact): number =>
    l.departmentId !== null && l.kind !== 'COORDINATES'
      ? (deptIndex.get(l.departmentId) ?? 0)
      : l.workAreaId !== null
        ? 100_000 + (areaIndex.get(l.workAreaId) ?? 0)
        : 200_000;
  return [...lines].sort((a, b) => rank(a) - rank(b) || compareText(a.id, b.id));
}

/** '区财政局、区统计局' / '财政、统计工作': items joined by 、, 工作 after a list that ends with a work area. */
function list(w: Writer, lines: readonly AssignmentFact[]): string {
  const items = orderLines(w, lines).map((l) => itemOf(w, l));
  const unique = items.filter((x, i) => items.findIndex((y) => y.text === x.text) === i);
  const last = unique[unique.length - 1];
  return `${unique.map((x) => x.text).join('、')}${last !== undefined && last.area ? '工作' : ''}`;
}

/** The clauses for a set of lines, in the genre's order: 主持, 负责, 协助, 分管, 联系, 牵头协调. */
function clauses(w: Writer, lines: readonly AssignmentFact[], prefix: { supervises: string } = { supervises: '分管' }): string[] {
  const of = (kind: AssignmentFact['kind']) => lines.filter((l) => l.kind === kind);
  const out: string[] = [];
  if (of('PRESIDES').length > 0) out.push(`主持${w.gov}全面工作`);
  if (of('RESPONSIBLE_FOR').length > 0) out.push(`负责${list(w, of('RESPONSIBLE_FOR'))}`);
  const assists = new Map<string, AssignmentFact[]>();
  for (const l of of('ASSISTS')) {
    const word = principalWord(w, l.principalId);
    assists.set(word, [...(assists.get(word) ?? []), l]);
  }
  for (const [word, group] of assists) out.push(`协助${word}分管${list(w, group)}`);
  if (of('SUPERVISES').length > 0) out.push(`${prefix.supervises}${list(w, of('SUPERVISES'))}`);
  if (of('LIAISES_WITH').length > 0) out.push(`联系${list(w, of('LIAISES_WITH'))}`);
  if (of('COORDINATES').length > 0) out.push(`牵头协调${list(w, of('COORDINATES'))}`);
  return out;
}

/** The clauses that end lines: 不再分管…；不再负责…工作. */
function endingClauses(w: Writer, lines: readonly AssignmentFact[]): string[] {
  const verb: Record<AssignmentFact['kind'], string> = {
    PRESIDES: '主持', RESPONSIBLE_FOR: '负责', ASSISTS: '协助分管', SUPERVISES: '分管', LIAISES_WITH: '联系', COORDINATES: '牵头协调',
  };
  const out: string[] = [];
  for (const kind of ['PRESIDES', 'RESPONSIBLE_FOR', 'ASSISTS', 'SUPERVISES', 'LIAISES_WITH', 'COORDINATES'] as const) {
    const group = lines.filter((l) => l.kind === kind);
    if (group.length === 0) continue;
    out.push(kind === 'PRESIDES' ? `不再主持${w.gov}全面工作` : `不再${verb[kind]}${list(w, group)}`);
  }
  return out;
}

function sentence(parts: readonly string[]): string {
  return `${parts.join('；')}。`;
}

/** 周明同志与李晓燕同志互为AB角 for pairs that cover each other, 吴斌同志不在岗时，由周明同志补位 for one-way cover. */
function abParagraphs(w: Writer, backups: readonly BackupFact[], order: (leaderId: string) => number): string[] {
  const name = (id: string) => w.facts.leaders.find((l) => l.id === id)?.name ?? id;
  const sorted = [...backups].sort((a, b) => order(a.leaderId) - order(b.leaderId) || order(a.backupId) - order(b.backupId));
  const done = new Set<string>();
  const pairs: string[] = [];
  const exceptions: string[] = [];
  const presiding = presidingOn(w.facts, w.on);
  const presidingWord = presiding === null ? `${w.level}长` : principalWord(w, presiding.leaderId) || `${w.level}长`;
  for (const b of sorted) {
    if (done.has(b.id)) continue;
    done.add(b.id);
    const back = sorted.find((o) => !done.has(o.id) && o.leaderId === b.backupId && o.backupId === b.leaderId);
    if (back !== undefined) {
      done.add(back.id);
      pairs.push(`${name(b.leaderId)}同志与${name(b.backupId)}同志互为AB角`);
    } else {
      pairs.push(`${name(b.leaderId)}同志不在岗时，由${name(b.backupId)}同志补位`);
    }
    for (const x of back === undefined ? [b] : [b, back]) {
      if (x.exceptTargetIds.length === 0) continue;
      const labels = x.exceptTargetIds.map((id) => targetLabel(w.facts, id));
      exceptions.push(`${name(x.leaderId)}同志不在岗期间，涉及${labels.join('、')}的，不实行AB角替代，由${presidingWord}负责。`);
    }
  }
  return pairs.length === 0 ? [] : [sentence(pairs), ...exceptions];
}

function addressee(facts: DirectoryFacts, on: IsoDate, gov: string): string {
  const streets = facts.departments.some((d) => d.kind === 'SUBDISTRICT' && covers(d, on));
  return `${streets ? '各街道办事处，' : ''}${gov}各部门、各直属机构：`;
}

/** 经区政府第25次常务会议研究 for a decision on record, else 经区政府研究. */
function decidedBy(w: Writer, decisionId: string | null): string {
  const decision = decisionId === null ? undefined : w.facts.decisions.find((d) => d.id === decisionId);
  const meeting = decision === undefined ? undefined : w.facts.meetings.find((m) => m.id === decision.meetingId);
  return meeting === undefined ? `经${w.gov}研究` : `经${w.gov}${meeting.number ?? ''}${meetingKindLabel(meeting.kind)}研究`;
}

const CLOSING_RECOMPOSED = '有关议事协调机构和临时机构负责人随分工相应调整，不再另行发文。';

/**
 * The whole division on `asOf` as the notice (关于…领导班子成员工作分工的通知): every team member in protocol order
 * with his lines in force, then the AB pairs in force.
 * @throws RangeError for a date that is not YYYY-MM-DD
 */
export function divisionNotice(facts: DirectoryFacts, asOf: IsoDate): NoticeDocument {
  if (!isIsoDate(asOf)) throw new RangeError(`not a date: ${asOf}`);
  const w = writer(facts, asOf);
  const team = leadershipTeam(facts, asOf);
  const rank = new Map(team.map((m) => [m.leader.id, m.rank]));
  const order = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const leaders: NoticeLeader[] = team.map((m) => {
    const titles = titlesOf(w, m.leader.id);
    const stated = clauses(w, linesOfLeader(facts, m.leader.id, asOf));
    const body = stated.length === 0 ? '暂不分管具体工作。' : sentence(stated);
    return { leaderId: m.leader.id, name: m.leader.name, titles, paragraph: `${titles.join('、')}${m.leader.name}：${body}` };
  });
  const backups = facts.backups.filter((b) => covers(b, asOf) && rank.has(b.leaderId) && rank.has(b.backupId));
  const ab = abParagraphs(w, backups, order);
  // The preamble cites the meeting behind the most recent re-division still in force.
  const latest = [...linesOfAll(facts, asOf)].sort((a, b) => compareText(b.validFrom, a.validFrom) || compareText(a.id, b.id))[0];
  const issuer = `${facts.jurisdiction.name}人民政府`;
  const sections: NoticeSection[] =
    ab.length === 0
      ? [{ heading: null, paragraphs: leaders.map((l) => l.paragraph) }]
      : [
          { heading: `一、${w.gov}领导班子成员工作分工`, paragraphs: leaders.map((l) => l.paragraph) },
          { heading: `二、${w.gov}领导AB角安排`, paragraphs: ab },
        ];
  return {
    kind: 'DIVISION',
    jurisdictionId: facts.jurisdiction.id,
    asOf,
    issuer,
    title: `${issuer}关于${w.gov}领导班子成员工作分工的通知`,
    documentNumber: null,
    addressee: addressee(facts, asOf, w.gov),
    preamble: `根据${w.gov}领导班子成员变动情况和工作需要，${decidedBy(w, latest?.decisionId ?? null)}，现将${w.gov}领导班子成员工作分工通知如下：`,
    sections,
    leaders,
    closing: [CLOSING_RECOMPOSED, '本通知自印发之日起施行，此前有关分工与本通知不一致的，以本通知为准。'],
    date: chineseDate(asOf),
  };
}

function linesOfAll(facts: DirectoryFacts, on: IsoDate): AssignmentFact[] {
  return facts.assignments.filter((a) => covers(a, on));
}

/**
 * A re-division as its adjustment notice (关于调整…工作分工的通知): only the leaders it touches, in protocol order,
 * each with what he no longer holds (不再分管…) and what he takes on (增加分管…；负责…工作；联系…), then the AB pairs
 * it set. The facts must already hold the re-division (its lines closed and opened).
 */
export function adjustmentNotice(facts: DirectoryFacts, change: AdjustmentSource): NoticeDocument {
  const on = change.effectiveDate;
  if (!isIsoDate(on)) throw new RangeError(`not a date: ${on}`);
  const w = writer(facts, on);
  const before = dayBefore(on);
  const opened = new Set(change.opened);
  const closed = new Set(change.closed);
  const openedLines = facts.assignments.filter((a) => opened.has(a.id));
  const closedLines = facts.assignments.filter((a) => closed.has(a.id));
  const openedPairs = facts.backups.filter((b) => opened.has(b.id));
  const closedPairs = facts.backups.filter((b) => closed.has(b.id) && !openedPairs.some((o) => o.leaderId === b.leaderId));
  const rank = new Map(leadershipTeam(facts, on).map((m) => [m.leader.id, m.rank]));
  const rankBefore = new Map(leadershipTeam(facts, before).map((m) => [m.leader.id, m.rank]));
  const order = (id: string) => rank.get(id) ?? 1000 + (rankBefore.get(id) ?? 0);
  const touched = [...new Set([...closedLines, ...openedLines].map((l) => l.leaderId))].sort((a, b) => order(a) - order(b));
  const leaders: NoticeLeader[] = touched.map((id) => {
    const name = facts.leaders.find((l) => l.id === id)?.name ?? id;
    const titles = titlesOf(w, id, rank.has(id) ? on : before);
    const parts = [
      ...endingClauses(w, closedLines.filter((l) => l.leaderId === id)),
      ...clauses(w, openedLines.filter((l) => l.leaderId === id), { supervises: '增加分管' }),
    ];
    return { leaderId: id, name, titles, paragraph: `${titles.join('、')}${name}同志：${sentence(parts)}` };
  });
  const ab = abParagraphs(w, openedPairs, order);
  const name = (id: string) => facts.leaders.find((l) => l.id === id)?.name ?? id;
  const cancelled = closedPairs
    .filter((b, i) => !closedPairs.slice(0, i).some((o) => o.leaderId === b.backupId && o.backupId === b.leaderId))
    .map((b) => `原${name(b.leaderId)}同志、${name(b.backupId)}同志的AB角安排同时撤销。`);
  const abSection = [...cancelled, ...ab];
  const issuer = `${facts.jurisdiction.name}人民政府`;
  const sections: NoticeSection[] =
    abSection.length === 0
      ? [{ heading: null, paragraphs: leaders.map((l) => l.paragraph) }]
      : leaders.length === 0
        ? [{ heading: null, paragraphs: abSection }]
        : [
            { heading: `一、${w.gov}领导班子成员工作分工调整`, paragraphs: leaders.map((l) => l.paragraph) },
            { heading: `二、${w.gov}领导AB角调整`, paragraphs: abSection },
          ];
  return {
    kind: 'ADJUSTMENT',
    jurisdictionId: facts.jurisdiction.id,
    asOf: on,
    issuer,
    title: `${issuer}关于调整${w.gov}领导班子成员工作分工的通知`,
    documentNumber: change.document,
    addressee: addressee(facts, on, w.gov),
    preamble: `${decidedBy(w, change.decisionId)}决定，自${chineseDate(on)}起，对${w.gov}领导班子成员工作分工作如下调整：`,
    sections,
    leaders,
    closing: [`${w.gov}领导班子成员其他分工不变，${CLOSING_RECOMPOSED}`],
    date: chineseDate(on),
  };
}
