// Pure: no I/O, never throws. Reads a published division-of-labour notice (领导分工 / AB角) into leaders and their
// portfolios, with a warning, placed in the input, for everything it could not read. The genre's forms are named
// where they are read (header.ts, clauses.ts, ab.ts; the vocabulary is in vocabulary.ts); published samples with
// their expected parses are in test/io/notice/samples/.
import { hasAbMarker, opensAbContext, readAb, readDashPair, type Cover, type Pair } from './ab';
import { readClauses, startsWithVerb, type Clause, type Warn } from './clauses';
import { governmentIn, issuerOf } from './government';
import { leadingTitles, matchHeader, type Header } from './header';
import { isName, parseTitles, parseWho } from './names';
import { linesOf, locate, normalise, protectedMask, sub, trim, type Span } from './text';
import type { NoticeWarning, ParsedLeader, ParsedNotice, ParseOptions } from './types';
import {
  ADDRESSEE_RE,
  CLOSING_RE,
  DATE_RE,
  DOC_NUMBER_RE,
  HEAD_TITLE_RE,
  LINKS_TAIL_RE,
  NOISE_RE,
  NUMBERING_RE,
  PREAMBLE_RE,
} from './vocabulary';

export type { NoticeWarning, ParsedLeader, ParsedNotice, ParseOptions } from './types';

/** A leader while the notice is being read. */
interface Draft {
  name: string | null;
  titles: string[];
  responsibleFor: string[];
  supervises: string[];
  liaisesWith: string[];
  coSupervises: string[];
  coordinates: string[];
  ends: string[];
  assistsTitle: string | null;
  backup: string | null;
  notes: string[];
  /** Where the header (or first clause) is. */
  at: Span;
  /** How the leader was found. */
  source: 'HEADER' | 'GLUED' | 'ORPHAN' | 'AB';
  clauseCount: number;
  /** '由X顶岗' / 'B角:X' read inside the block, resolved once every leader is known. */
  backupMentions: { name: string; span: Span; mutual: boolean }[];
}

function draft(name: string | null, titles: string[], at: Span, source: Draft['source']): Draft {
  return {
    name, titles: [...titles], responsibleFor: [], supervises: [], liaisesWith: [], coSupervises: [], coordinates: [], ends: [],
    assistsTitle: null, backup: null, notes: [], at, source, clauseCount: 0, backupMentions: [],
  };
}

type LineKind = 'BLANK' | 'NOISE' | 'ADDRESSEE' | 'PREAMBLE' | 'CLOSING' | 'DATE' | 'DOC_NUMBER' | 'ISSUER' | 'CONTENT';

function classify(text: string): LineKind {
  if (text.length === 0) return 'BLANK';
  if (ADDRESSEE_RE.test(text)) return 'ADDRESSEE';
  if (issuerOf(text) !== null) return 'ISSUER';
  if (DATE_RE.test(text) && text.length <= 24) return 'DATE';
  if (DOC_NUMBER_RE.test(text) && text.length <= 30) return 'DOC_NUMBER';
  if (NOISE_RE.test(text)) return 'NOISE';
  if (CLOSING_RE.test(text)) return 'CLOSING';
  if (PREAMBLE_RE.test(text)) return 'PREAMBLE';
  return 'CONTENT';
}

const TERMINAL_RE = /[。!?;:)”’》」\]]$/;

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Reads a published notice. Pure and total: any string in, a ParsedNotice out; what cannot be read becomes a
 * warning with its offset (0-based), line and column (1-based) in `text`.
 *   parseNotice('市长张三:主持市政府全面工作。').leaders[0] → { name: '张三', titles: ['市长'], responsibleFor: ['市政府全面工作'], … }
 *   parseNotice(liangyuanPage, { government: '商丘市梁园区人民政府' }) — a page that never names its government.
 */
export function parseNotice(text: string, options: ParseOptions = {}): ParsedNotice {
  const input = typeof text === 'string' ? text : '';
  try {
    return read(input, options);
  } catch (e) {
    // A bug must not stop an import; report it where the text starts.
    const message = `internal error, nothing read: ${e instanceof Error ? e.message : String(e)}`;
    const w = warningAt(input, 0, 1, message);
    return { government: options.government ?? null, leaders: [], warnings: w === null ? [] : [w] };
  }
}

/** A warning at the first visible character at or after `offset` (else before it); null for a blank input. */
function warningAt(input: string, offset: number, length: number, message: string): NoticeWarning | null {
  let at = Math.max(0, Math.min(offset, input.length - 1));
  const visible = (i: number): boolean => /\S/.test(input[i] ?? '');
  let forward = at;
  while (forward < input.length && !visible(forward)) forward++;
  if (forward < input.length) at = forward;
  else {
    while (at >= 0 && !visible(at)) at--;
    if (at < 0) return null;
  }
  const len = Math.max(1, Math.min(length, input.length - at, 120));
  return { offset: at, ...locate(input, at), text: input.slice(at, at + len), message };
}

function read(input: string, options: ParseOptions): ParsedNotice {
  const doc = normalise(input);
  const warnings: NoticeWarning[] = [];
  const warn: Warn = (s, message) => {
    if (input.length === 0) return;
    const t = trim(s);
    const w = warningAt(input, t.text.length > 0 ? t.offset : s.offset, t.text.length, message);
    if (w !== null && !warnings.some((x) => x.offset === w.offset && x.message === w.message)) warnings.push(w);
  };

  const lines = linesOf(doc).map(trim).flatMap(splitAtHeaders);
  const tail = lines.findIndex((l) => LINKS_TAIL_RE.test(l.text));
  const kinds = lines.map((l, i): LineKind => (tail !== -1 && i >= tail && l.text.length > 0 ? 'NOISE' : classify(l.text)));
  const drafts: Draft[] = [];
  const orphans: Draft[] = [];
  const abPassages: { span: Span; leader: string | null }[] = [];
  const dashPairs: Span[] = [];
  const issuers: string[] = [];
  const mentionLines: { span: Span; beforeBlocks: boolean }[] = [];
  let current = null as { draft: Draft; lines: Span[] } | null;
  let pendingTitles = -1;
  let abContext = false;

  const closeBlock = (): void => {
    if (current === null) return;
    const { draft: d, lines: body } = current;
    current = null;
    applyClauses(d, readClauses(body, doc, warn));
  };

  const openBlock = (d: Draft, first: Span | null): void => {
    closeBlock();
    const existing = d.name !== null ? drafts.find((x) => x.name === d.name) : undefined;
    const target = existing ?? d;
    if (existing !== undefined) target.titles = dedupe([...target.titles, ...d.titles]);
    else if (d.source === 'ORPHAN') orphans.push(d);
    else drafts.push(d);
    current = { draft: target, lines: first !== null && first.text.length > 0 ? [first] : [] };
    abContext = false;
  };

  const nextContent = (i: number): number => {
    for (let j = i + 1; j < lines.length; j++) if (kinds[j] !== 'BLANK' && kinds[j] !== 'NOISE') return j;
    return -1;
  };

  // A notice's frame comes before its blocks: its addressee line, or in a repost (news furniture before it) a preamble
  // ending in '如下:'. What precedes it is a headline or a news lead, which may restate assignments but is no block.
  const addressee = kinds.indexOf('ADDRESSEE');
  const reposted = lines.findIndex((l, i) => kinds[i] === 'PREAMBLE' && /如下\s*:?\s*$/.test(l.text) && kinds.slice(0, i).includes('NOISE'));
  const frame = addressee !== -1 ? addressee : reposted;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const kind = kinds[i];
    if (kind === 'BLANK') continue;
    if (kind !== 'ADDRESSEE') mentionLines.push({ span: line, beforeBlocks: drafts.length === 0 && orphans.length === 0 });
    if (kind === 'NOISE') continue;
    if (i < frame && kind === 'CONTENT') continue;
    if (kind === 'ISSUER') issuers.push(issuerOf(line.text) ?? '');
    if (kind !== 'CONTENT') {
      closeBlock();
      continue;
    }
    const num = NUMBERING_RE.exec(line.text);
    const body = num !== null ? trim(sub(line, num[0].length)) : line;

    if (i === pendingTitles && current !== null) {
      pendingTitles = -1;
      const lead = leadingTitles(body);
      if (lead !== null) {
        current.draft.titles = dedupe([...current.draft.titles, ...lead.titles]);
        if (lead.rest.text.length > 0) current.lines.push(lead.rest);
        continue;
      }
    }

    const found = matchHeader(body) ?? headerAfterConnector(body);
    // '杨帆与何平相互补位' reads like a name glued to a verb; with no title it is an AB passage.
    const header = found !== null && (found.who.titles.length === 0 || !found.strong) && hasAbMarker(body.text) ? null : found;
    if (header === null && hasAbMarker(body.text) && !startsWithVerb(body.text)) {
      closeBlock();
      abPassages.push({ span: body, leader: null });
      abContext = true;
      continue;
    }
    if (header === null && abContext && readDashPair(body, []) !== null) {
      dashPairs.push(body);
      continue;
    }
    if (header !== null) {
      openBlock(draft(header.who.name, header.who.titles, body, header.strong ? 'HEADER' : 'GLUED'), header.rest);
      continue;
    }
    // A name alone on its line, titles (and clauses) on the next: '张三' / '市委副书记、市长,领导…'.
    const j = nextContent(i);
    const next = j === -1 ? null : NUMBERING_RE.exec(lines[j].text) === null ? lines[j] : null;
    if (next !== null && isName(body.text, false) && num === null) {
      const titled = leadingTitles(next) !== null && matchHeader(next) === null;
      if (titled || (isName(body.text, true) && startsWithVerb(next.text))) {
        openBlock(draft(parseWho(body.text)?.name ?? body.text, [], body, 'HEADER'), null);
        if (titled) pendingTitles = j;
        continue;
      }
    }
    // Titles alone on their line, clauses on the next: a leader's page that does not name the leader.
    const titlesOnly = parseTitles(body.text);
    if (titlesOnly !== null && next !== null && startsWithVerb(next.text)) {
      openBlock(draft(null, titlesOnly, body, 'ORPHAN'), null);
      continue;
    }
    if (current !== null) {
      if (num !== null && !startsWithVerb(body.text)) {
        // A numbered heading between blocks ('二、AB角安排').
        closeBlock();
        abContext = opensAbContext(body.text);
        continue;
      }
      current.lines.push(body);
      continue;
    }
    if (startsWithVerb(body.text)) {
      openBlock(draft(null, [], body, 'ORPHAN'), body);
      continue;
    }
    abContext = abContext || opensAbContext(body.text);
  }
  closeBlock();

  // Clauses outside any block belong to the page's unnamed leader only when the text names no leader at all.
  const headed = drafts.filter((d) => d.source === 'HEADER' || d.source === 'GLUED');
  if (headed.length > 0) {
    for (const o of orphans) if (o.clauseCount > 0) warn(o.at, 'clauses outside any leader block: not attributed to anyone');
  } else if (orphans.length > 0) {
    const merged = orphans.reduce((acc, o) => {
      mergeInto(acc, o);
      return acc;
    });
    drafts.push(merged);
  }
  // A name glued to a verb whose block says nothing known was prose ('市长张三主持召开…'), not a header.
  const leaders = drafts.filter((d) => d.source !== 'GLUED' || d.clauseCount > 0);

  resolveBackups(leaders, abPassages, dashPairs, warn);
  resolveAssists(leaders);
  checkEnd(lines, kinds, doc, warnings, warn);
  for (const d of leaders) {
    if ((d.source === 'HEADER' || d.source === 'GLUED') && d.clauseCount === 0 && d.backup === null && d.notes.length === 0) {
      warn(d.at, 'a leader header with no clause after it');
    }
  }

  const government =
    [...issuers].reverse().find((g) => g.length > 0) ??
    firstGovernment(mentionLines.filter((l) => l.beforeBlocks)) ??
    firstGovernment(mentionLines) ??
    options.government ??
    null;
  const delta = leaders.some((d) => d.notes.includes('增加分管'));
  return {
    government,
    ...(delta ? { notes: 'delta notice: 增加分管 adds to the existing portfolio, it does not replace it' } : {}),
    leaders: leaders.map(finish),
    warnings: warnings.sort((a, b) => a.offset - b.offset),
  };

  function applyClauses(d: Draft, clauses: readonly Clause[]): void {
    for (const c of clauses) {
      d.clauseCount++;
      if (c.assistsTitle !== undefined && d.assistsTitle === null) d.assistsTitle = c.assistsTitle;
      if (c.assistsOnly === true) continue;
      switch (c.kind) {
        case 'PRESIDES':
        case 'RESPONSIBLE':
          d.responsibleFor.push(...c.items);
          break;
        case 'SUPERVISES':
          d.supervises.push(...c.items);
          if (/^增加/.test(c.span.text) && !d.notes.includes('增加分管')) d.notes.push('增加分管');
          break;
        case 'CO_SUPERVISES':
          d.coSupervises.push(...c.items);
          break;
        case 'LIAISES':
          d.liaisesWith.push(...c.items);
          break;
        case 'COORDINATES':
          d.coordinates.push(...c.items);
          break;
        case 'CONCURRENT':
        case 'TITLES_LABEL':
          d.titles.push(...c.items);
          break;
        case 'BACKUP':
          if (c.backupName !== undefined && c.backupName.length > 0) d.backupMentions.push({ name: c.backupName, span: c.span, mutual: c.mutual === true });
          break;
        case 'NO_PORTFOLIO':
          d.notes.push(c.span.text);
          break;
        case 'ENDS':
          d.ends.push(...c.items);
          break;
        case 'IGNORED':
          break;
        default: {
          // Exhaustive: a new ClauseKind must be mapped here.
          const unmapped: never = c.kind;
          void unmapped;
        }
      }
    }
  }
}

/** An additive connector in front of a header: '另外,副区长张三负责…'. */
const HEADER_CONNECTOR_RE = /^(?:另外|此外)\s*,?\s*/;

/** A header at the start of `s` once a connector in front of it is skipped (the header's own spans keep their offsets). */
function headerAfterConnector(s: Span): Header | null {
  const c = HEADER_CONNECTOR_RE.exec(s.text);
  return c === null ? null : matchHeader(trim(sub(s, c[0].length)));
}

/**
 * A paragraph that runs several blocks together ('市长张三:主持…。常务副市长李四:负责…。', '区长张三领导…;常务副区长
 * 李四负责…') is cut before each sentence or ';'-clause that opens with a titled header: one followed by ':' or ',',
 * or a title and a name with a known surname glued to the first verb.
 */
function splitAtHeaders(line: Span): Span[] {
  const mask = protectedMask(line.text);
  if (classify(line.text) === 'PREAMBLE' && /如下\s*:?\s*$/.test(line.text)) {
    // '市长张三主持…工作。其他同志分工如下:': only the last sentence frames the list; what precedes it is read on.
    const body = line.text.replace(/[。\s]+$/, '');
    let cut = body.lastIndexOf('。');
    while (cut !== -1 && mask[cut]) cut = body.lastIndexOf('。', cut - 1);
    if (cut <= 0) return [line];
    return [...splitAtHeaders(trim(sub(line, 0, cut + 1))), trim(sub(line, cut + 1))];
  }
  if (classify(line.text) !== 'CONTENT') return [line];
  const out: Span[] = [];
  let start = 0;
  // An AB line ('甲与乙互为AB角,区长丙由丁补位') is read as a whole, never cut at its commas.
  const commas = !hasAbMarker(line.text);
  for (let i = 0; i < line.text.length - 1; i++) {
    const ch = line.text[i];
    if (!(ch === '。' || ch === ';' || (ch === ',' && commas)) || mask[i]) continue;
    // '另外,副区长…': the connector belongs to the header after it.
    if (ch === ',' && /^(?:另外|此外)\s*$/.test(line.text.slice(start, i).trim())) continue;
    const rest = trim(sub(line, i + 1));
    const num = NUMBERING_RE.exec(rest.text);
    const body = num !== null ? sub(rest, num[0].length) : rest;
    const h = matchHeader(body) ?? headerAfterConnector(body);
    if (h === null || h.who.titles.length === 0 || h.who.name === null) continue;
    // After a comma only a title, a name with a known surname and a verb open a block ('…工作,副市长李四分管…').
    const sure = isName(h.who.name, true);
    if (ch === ',' ? sure && !h.strong : h.strong || sure) {
      out.push(trim(sub(line, start, i + 1)));
      start = rest.offset - line.offset;
    }
  }
  out.push(trim(sub(line, start)));
  return out;
}

function mergeInto(into: Draft, from: Draft): void {
  into.titles.push(...from.titles);
  into.responsibleFor.push(...from.responsibleFor);
  into.supervises.push(...from.supervises);
  into.liaisesWith.push(...from.liaisesWith);
  into.coSupervises.push(...from.coSupervises);
  into.coordinates.push(...from.coordinates);
  into.ends.push(...from.ends);
  into.assistsTitle = into.assistsTitle ?? from.assistsTitle;
  into.notes.push(...from.notes);
  into.clauseCount += from.clauseCount;
  into.backupMentions.push(...from.backupMentions);
}

function firstGovernment(lines: readonly { span: Span }[]): string | null {
  for (const l of lines) {
    const g = governmentIn(l.span.text);
    if (g !== null) return g;
  }
  return null;
}

/**
 * Backups: pairs from AB passages and 'X—Y' lines are symmetric, one-way covers ('由X顶岗') are not. Names are
 * joined to leaders; when the notice has no leader blocks at all (an AB-only notice), the pairs create the leaders.
 */
function resolveBackups(leaders: Draft[], passages: readonly { span: Span }[], dashes: readonly Span[], warn: Warn): void {
  // A notice of pairs only makes its leaders from the pairs; so does an adjustment notice (增加分管…, 不再…), which
  // names only the leaders whose portfolio changes, so a new pair may well name someone without a block.
  const fromAb = leaders.length === 0 || leaders.some((d) => d.notes.includes('增加分管') || d.ends.length > 0);
  const byName = (n: string): Draft | undefined => leaders.find((d) => d.name === n);
  const known = (): string[] => leaders.flatMap((d) => (d.name === null ? [] : [d.name]));
  const pairs: Pair[] = [];
  const covers: Cover[] = [];
  for (const p of passages) {
    const r = readAb(p.span, known());
    pairs.push(...r.pairs);
    covers.push(...r.covers);
    if (fromAb) for (const pair of r.pairs) for (const n of [pair.a, pair.b]) ensure(n, pair.span);
    if (fromAb) for (const cover of r.covers) for (const n of [cover.absent, cover.backup]) ensure(n, cover.span);
  }
  for (const line of dashes) {
    const pair = readDashPair(line, known());
    if (pair !== null) {
      pairs.push(pair);
      if (fromAb) for (const n of [pair.a, pair.b]) ensure(n, pair.span);
    }
  }
  for (const d of leaders) {
    for (const m of d.backupMentions) {
      const name = known().find((k) => m.name.includes(k)) ?? parseWho(m.name, false)?.name ?? null;
      if (name === null || d.name === null) continue;
      if (m.mutual) pairs.push({ a: d.name, b: name, span: m.span });
      else covers.push({ absent: d.name, backup: name, span: m.span });
    }
  }
  const setBackup = (who: string, partner: string, span: Span): void => {
    const d = byName(who);
    if (d === undefined) return;
    if (d.backup === null) d.backup = partner;
    else if (d.backup !== partner) warn(span, `${who} already has ${d.backup} as backup; ${partner} ignored`);
  };
  for (const p of pairs) {
    for (const n of [p.a, p.b]) if (byName(n) === undefined) warn(p.span, `AB pair names ${n}, who is not a leader of this notice`);
    setBackup(p.a, p.b, p.span);
    setBackup(p.b, p.a, p.span);
  }
  for (const c of covers) {
    if (byName(c.backup) === undefined) warn(c.span, `backup ${c.backup} is not a leader of this notice`);
    setBackup(c.absent, c.backup, c.span);
  }

  function ensure(name: string, at: Span): void {
    if (byName(name) === undefined) leaders.push(draft(name, [], at, 'AB'));
  }
}

/** 协助市长… names the head only when a leader of the notice holds that head title. */
function resolveAssists(leaders: readonly Draft[]): void {
  for (const d of leaders) {
    if (d.assistsTitle === null) continue;
    const head = leaders.find(
      (o) =>
        o !== d &&
        o.name !== null &&
        o.titles.some((t) => HEAD_TITLE_RE.exec(t)?.[1] === d.assistsTitle),
    );
    if (head !== undefined) d.assistsTitle = head.name;
    else d.assistsTitle = null;
  }
}

/** A copy that stops mid-sentence: the last line of notice text has no closing punctuation. */
function checkEnd(lines: readonly Span[], kinds: readonly LineKind[], doc: string, warnings: readonly NoticeWarning[], warn: Warn): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (kinds[i] === 'BLANK' || kinds[i] === 'NOISE') continue;
    if (kinds[i] !== 'CONTENT' && kinds[i] !== 'PREAMBLE' && kinds[i] !== 'CLOSING') return;
    const line = lines[i];
    // Lines that are complete without punctuation: 'X—Y' pairs, a header alone, a name alone.
    const header = matchHeader(line);
    if (TERMINAL_RE.test(line.text) || readDashPair(line, []) !== null || (header !== null && header.rest.text.length === 0) || isName(line.text, true)) return;
    const cut = Math.max(...['。', ';', ',', '、', ':'].map((sep) => line.text.lastIndexOf(sep)));
    const last = trim(sub(line, cut + 1));
    if (warnings.some((w) => w.offset >= line.offset)) return;
    void doc;
    warn(last.text.length > 0 ? last : line, 'the text ends mid-sentence: the copy looks truncated');
    return;
  }
}

function finish(d: Draft): ParsedLeader {
  const leader: ParsedLeader = {
    name: d.name,
    titles: dedupe(d.titles),
    responsibleFor: dedupe(d.responsibleFor),
    supervises: dedupe(d.supervises),
    liaisesWith: dedupe(d.liaisesWith),
    assists: d.assistsTitle,
    backup: d.backup,
    coSupervises: dedupe(d.coSupervises),
    coordinates: dedupe(d.coordinates),
  };
  if (d.ends.length > 0) leader.ends = dedupe(d.ends);
  if (d.notes.length > 0) leader.notes = d.notes.join('; ');
  return leader;
}
