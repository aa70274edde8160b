// Pure: which government issued a notice — from a standalone issuer line ('陕西省人民政府', '盐城市人民政府办公室'),
// else from the first mention in a headline or body ('上海市市政府领导工作分工公布' → 上海市人民政府).
import { COMMITTEE_RE, ISSUER_RE, PLACE_RE } from './vocabulary';

const STOP_RE = /^.*(?:关于|印发|公布了?|发布了?|转发|获悉|了|的|在|经|据|由|将|对|向)/;

/** '上海市市' → '上海市', '商丘市梁园区人民' → '商丘市梁园区'; null unless it is a place name. */
function place(run: string): string | null {
  let p = run.replace(STOP_RE, '').replace(/人民$/, '');
  if (/([省市区县州])\1$/.test(p)) p = p.slice(0, -1);
  return PLACE_RE.test(p) ? p : null;
}

/** The government a standalone issuer line names, or null. */
export function issuerOf(line: string): string | null {
  const t = line.trim();
  const m = ISSUER_RE.exec(t);
  if (m !== null) {
    const p = place(m[1]);
    return p === null ? null : `${p}人民政府`;
  }
  // 'X开发区管委会' (or its 办公室) alone on its line.
  const c = committeesIn(t)[0];
  return c !== undefined && c.at === 0 && /^(?:办公室|党政办公室)?(?:\s*\(?印\)?)?$/.test(t.slice(c.end)) ? c.name : null;
}

/** Zone committees and sub-district offices a line names, as written, with where they start and end. */
function committeesIn(line: string): { name: string; at: number; end: number }[] {
  const out: { name: string; at: number; end: number }[] = [];
  const re = new RegExp(COMMITTEE_RE.source, 'g');
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    let start = m.index;
    while (start > 0 && /[\u3400-\u9fff]/.test(line[start - 1])) start--;
    // Only whole-word stops: a zone's name may well contain 经/在/对 ('临港经济技术开发区').
    const run = line.slice(start, m.index).replace(/^.*(?:关于|印发|公布了?|发布了?|转发|获悉|根据|按照)/, '');
    // The zone's name needs a place of at least two characters, and is not a generic '各开发区'.
    if (run.length < 2 || /^(?:各|本|该|全)/.test(run) || /(?:长|负责|分管|联系|协助|领导|工作|主持)/.test(run)) continue;
    const end = m.index + m[0].length;
    out.push({ name: run + m[0], at: end - m[0].length - run.length, end });
  }
  return out;
}

/**
 * The first government a line mentions ('…X市人民政府…', 'X市政府'), normalised to 'X人民政府', or the first zone
 * committee / sub-district office ('X开发区管委会'), as written, when that comes earlier in the line.
 */
export function governmentIn(line: string): string | null {
  const committee = committeesIn(line)[0];
  const re = /([\u3400-\u9fff]{2,40}?)(?:人民)?政府/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    // The regex is lazy from the left; take the whole Han run before 政府 instead.
    const end = m.index + m[0].length - 2;
    let start = end;
    while (start > 0 && /[\u3400-\u9fff]/.test(line[start - 1])) start--;
    if (committee !== undefined && committee.at < start) return committee.name;
    const p = place(line.slice(start, end));
    if (p !== null) return `${p}人民政府`;
  }
  return committee?.name ?? null;
}
