// Pure: the clauses of one leader's block — a verb (主持, 负责, 分管, 联系 …) and the list it governs. A clause
// runs until 。 or the next segment that starts with a verb; ',' and ';' also separate groups of one list.
import { HEAD_TITLE_RE, ROUTINE_RE } from './vocabulary';
import { splitItems } from './items';
import { parseTitles } from './names';
import { splitOutside, sub, trim, type Span } from './text';

export type ClauseKind =
  | 'PRESIDES'
  | 'RESPONSIBLE'
  | 'SUPERVISES'
  | 'CO_SUPERVISES'
  | 'LIAISES'
  | 'COORDINATES'
  | 'CONCURRENT'
  | 'BACKUP'
  | 'IGNORED'
  | 'NO_PORTFOLIO'
  | 'ENDS'
  | 'TITLES_LABEL';

interface VerbRule {
  readonly re: RegExp;
  readonly kind: ClauseKind;
}

const HEAD = '(?:常务副|副)?(?:代理|代)?(?:[省市区县州旗盟镇乡]长|主席|主任)';

/** 协助市长负责… / 协助区长分管… : the principal's title and the second verb. */
const ASSIST_HEAD_RE = new RegExp(`^协助(${HEAD})(?:同志)?(分管|管理|负责|处理|抓好|做好|开展|主持)?\\s*:?`);

/** Verbs in the order they are tried; each regex is anchored and its match is the verb (and any label colon). */
const VERBS: readonly VerbRule[] = [
  // '暂不分管具体工作' / '不承担具体分工': a member with no portfolio (before 分管, whose prefixes include 暂).
  { re: /^(?:暂不|暂未|不)(?:分管|负责|承担|联系)具体(?:工作|事务|分工)|^(?:暂未|未)明确(?:具体)?分工/, kind: 'NO_PORTFOLIO' },
  // An adjustment notice's '不再分管…' / '不再负责…工作': lines this notice ends (before 协助/分管/负责).
  { re: /^不再(?:协助分管|协助负责|协助|分管|主管|负责|联系|牵头协调|代管|主持)\s*:?/, kind: 'ENDS' },
  { re: /^协助(?:分管|管理)\s*:?/, kind: 'CO_SUPERVISES' },
  { re: /^协管\s*:?/, kind: 'CO_SUPERVISES' },
  { re: /^协助负责\s*:?/, kind: 'RESPONSIBLE' },
  { re: /^协助/, kind: 'CO_SUPERVISES' },
  { re: /^(?:全面)?(?:主持|领导)|^全面负责/, kind: 'PRESIDES' },
  { re: /^负责(?:的)?(?:工作|领域|范围)?\s*:/, kind: 'RESPONSIBLE' },
  { re: /^负责/, kind: 'RESPONSIBLE' },
  { re: /^(?:增加|另行|另|还|继续|暂时|暂|临时|兼)?(?:分管|主管)(?:联系)?(?:的)?(?:部门|单位|领域|工作|范围)?\s*:/, kind: 'SUPERVISES' },
  { re: /^(?:增加|另行|另|还|继续|暂时|暂|临时|兼)?(?:分管|主管)(?:联系)?/, kind: 'SUPERVISES' },
  { re: /^(?:临时|暂时|暂|继续)?代管\s*:?/, kind: 'SUPERVISES' },
  { re: /^(?:对口|挂钩)?联系(?:指导)?(?:的)?(?:部门|单位|领域|工作)?\s*:/, kind: 'LIAISES' },
  { re: /^(?:对口|挂钩)?联系(?:指导)?(?!电话|方式|人\s*:|地址)/, kind: 'LIAISES' },
  { re: /^(?:牵头协调|统筹协调|牵头负责|牵头|统筹|协调)\s*:?/, kind: 'COORDINATES' },
  { re: /^兼任?(?=[\u3400-\u9fff])/, kind: 'CONCURRENT' },
  { re: /^(?:完成|承办|办理|做好|承担|落实)[^,。]{0,12}交办/, kind: 'IGNORED' },
  { re: /^(?:临时调整|调整为)/, kind: 'IGNORED' },
  { re: /^在[\u3400-\u9fff]{2,24}(?:学习|培训|挂职|进修)/, kind: 'NO_PORTFOLIO' },
  { re: /^(?:其)?(?:AB角|AB岗|B角|B岗)\s*(?:为|是|:)\s*/, kind: 'BACKUP' },
  { re: /^(?:职务|职位)\s*:/, kind: 'TITLES_LABEL' },
];

/** Words that may precede a verb without changing it: '并分管…', '同时联系…'. */
const CONNECTOR_RE = /^(?:并且|并|同时|另外|此外|其中|以及|还)\s*[,:]?\s*/;
/** A label in front of the clauses on a leader's page: '工作分工:', '分工:'. */
const LABEL_RE = /^(?:工作分工|具体分工|分工|职责分工|主要职责|职责|工作职责)\s*:\s*/;
/** '分管公安工作的副市长…' is prose about a leader, not a clause. */
const RELATIVE_RE = /的(?:常务)?副?[\u3400-\u9fff]{0,3}(?:长|领导|同志|负责人|成员)/;
/** Backups named inside a block: '由李四同志顶岗', '与李四同志互为AB角'. */
const BLOCK_BACKUP_RE = /^(?:由|与|和|同)([\u3400-\u9fff·]{2,12}?)(?:同志)?(顶岗|补位|代行|代为|暂代|代理|互为|相互|互相|负责代)/;

export interface VerbMatch {
  readonly kind: ClauseKind;
  /** Characters taken by connectors, the verb and a label colon. */
  readonly length: number;
  /** '市长' for 协助市长…, when the principal is a head. */
  readonly assistsTitle?: string;
  /** The backup's raw name for '由X顶岗' forms. */
  readonly backupName?: string;
  /** For 协助X长 with no object: the clause only says whom he assists. */
  readonly assistsOnly?: boolean;
  /** '与X互为AB角' (both ways) rather than '由X顶岗' (one way). */
  readonly mutual?: boolean;
}

/** The verb a segment starts with, or null. */
export function matchVerb(segment: string): VerbMatch | null {
  const conn = CONNECTOR_RE.exec(segment);
  const skip = conn?.[0].length ?? 0;
  const s = segment.slice(skip);
  const assist = ASSIST_HEAD_RE.exec(s);
  if (assist !== null) {
    const title = assist[1];
    const second = assist[2] ?? '';
    const head = HEAD_TITLE_RE.exec(title)?.[1];
    const kind: ClauseKind = second === '分管' || second === '管理' ? 'CO_SUPERVISES' : 'RESPONSIBLE';
    const rest = s.slice(assist[0].length).trim();
    const assistsOnly = rest === '' || rest === '工作' || /^(?:工作|的工作)[。.]?$/.test(rest);
    return { kind, length: skip + assist[0].length, assistsTitle: head, assistsOnly: assistsOnly && second === '' };
  }
  const backup = BLOCK_BACKUP_RE.exec(s);
  if (backup !== null) return { kind: 'BACKUP', length: segment.length, backupName: backup[1], mutual: /互|相/.test(backup[2]) };
  for (const v of VERBS) {
    const m = v.re.exec(s);
    if (m !== null) return { kind: v.kind, length: skip + m[0].length };
  }
  return null;
}

/** A clause as read: its verb, the list it governs (items ready), and where it is. */
export interface Clause {
  readonly kind: ClauseKind;
  readonly span: Span;
  readonly items: string[];
  readonly assistsTitle?: string;
  readonly assistsOnly?: boolean;
  readonly backupName?: string;
  readonly mutual?: boolean;
}

export type Warn = (at: Span, message: string) => void;

interface Segment {
  readonly span: Span;
  /** True after 。!? or at a line start that follows a finished sentence (or the block's start). */
  readonly hard: boolean;
}

/** Cuts a block's lines into segments on 。!? (hard) and , ; (soft), never inside brackets or quotes. */
function segmentsOf(lines: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let hard = true;
  for (const line of lines) {
    const sentences = splitOutside(line, '。!?');
    for (const sentence of sentences) {
      const parts = splitOutside(sentence.span, ',;');
      parts.forEach((p, i) => {
        const t = trim(p.span);
        if (t.text.length > 0) out.push({ span: t, hard: i === 0 ? hard : false });
      });
      if (sentence.sep !== '') hard = true;
      else if (parts.some((p) => p.span.text.trim().length > 0)) hard = false;
    }
    const last = line.text.trimEnd();
    hard = last.length === 0 ? hard : /[。!?]$/.test(last);
  }
  return out;
}

/** Reads an object: routine work whole, otherwise a list of items. */
function itemsOf(kind: ClauseKind, object: Span): string[] {
  const text = object.text.replace(/[。.!?;,]+\s*$/, '').trim();
  if (text.length === 0) return [];
  // 主持/领导 takes one object; a second segment would be another leader's sentence in a news lead.
  if (kind === 'PRESIDES') return [text.split(',')[0].trim()];
  if (kind === 'RESPONSIBLE' && ROUTINE_RE.test(text) && !/[、,;]/.test(text)) return [text];
  return splitItems(object);
}

/**
 * The clauses of a block, read from `lines` (spans of the normalised document `doc`). Unknown segments, verbs
 * without an object and prose where a clause was expected are reported through `warn`; a verb with nothing
 * after it at the very end of the text is reported as a truncated copy.
 */
export function readClauses(lines: readonly Span[], doc: string, warn: Warn): Clause[] {
  const clauses: Clause[] = [];
  const textEnd = doc.trimEnd().length;
  let open: { verb: Span; parts: Span[]; match: VerbMatch } | null = null;

  const close = (): void => {
    if (open === null) return;
    const { verb, parts, match } = open;
    open = null;
    const last = parts.length > 0 ? parts[parts.length - 1] : verb;
    const end = last.offset + last.text.length;
    const span: Span = { text: doc.slice(verb.offset, end), offset: verb.offset };
    const objectText = parts.map((p) => p.text).join(',');
    const object: Span = { text: objectText, offset: parts[0]?.offset ?? end };
    const kind = match.kind;
    if (match.backupName !== undefined) {
      clauses.push({ kind, span, items: [], backupName: match.backupName, mutual: match.mutual });
    } else if (match.assistsOnly === true) {
      clauses.push({ kind, span, items: [], assistsTitle: match.assistsTitle, assistsOnly: true });
    } else if (kind === 'IGNORED' || kind === 'NO_PORTFOLIO') {
      clauses.push({ kind, span, items: [] });
    } else if (kind === 'BACKUP') {
      clauses.push({ kind, span, items: [], backupName: objectText.replace(/同志.*$/, '').trim() });
    } else if (kind === 'CONCURRENT' || kind === 'TITLES_LABEL') {
      const text = objectText.replace(/[。.;,]+$/, '').trim();
      clauses.push({ kind, span, items: parseTitles(text) ?? (text.length > 0 ? [text] : []) });
    } else {
      const items = itemsOf(kind, object);
      if (items.length === 0) {
        warn(span, end >= textEnd ? `the text ends after "${span.text}": the copy looks truncated` : `"${span.text}" has no object`);
      } else if (kind === 'PRESIDES' && !/工作$/.test(items[0])) {
        warn(span, 'unknown clause: 主持/领导 without …工作');
        return;
      }
      clauses.push({ kind, span, items, assistsTitle: match.assistsTitle });
    }
  };

  for (const seg of segmentsOf(lines)) {
    const labelled = LABEL_RE.exec(seg.span.text);
    const s = labelled !== null ? sub(seg.span, labelled[0].length) : seg.span;
    const verb = matchVerb(s.text);
    if (verb !== null && !RELATIVE_RE.test(s.text.slice(verb.length, verb.length + 24))) {
      close();
      const rest = trim(sub(s, verb.length));
      open = { verb: sub(s, 0, verb.length), parts: rest.text.length > 0 ? [rest] : [], match: verb };
      continue;
    }
    if (open !== null && !seg.hard) {
      open.parts.push(s);
      continue;
    }
    close();
    if (s.text.length > 0) warn(s, 'unknown clause: no verb this parser knows (负责/分管/联系/协助/主持…)');
  }
  close();
  return clauses;
}

/** Whether a segment starts with a clause verb (used to recognise orphan clauses and glued headers). */
export function startsWithVerb(text: string): boolean {
  const labelled = LABEL_RE.exec(text);
  const s = labelled !== null ? text.slice(labelled[0].length) : text;
  const v = matchVerb(s);
  return v !== null && v.kind !== 'TITLES_LABEL' && !RELATIVE_RE.test(s.slice(v.length, v.length + 24));
}
