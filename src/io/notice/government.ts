// Pure: which government issued a notice — from a standalone issuer line ('陕西省人民政府', '盐城市人民政府办公室'),
// else from the first mention in a headline or body ('上海市市政府领导工作分工公布' → 上海市人民政府).
import { ISSUER_RE, PLACE_RE } from './vocabulary';

const STOP_RE = /^.*(?:关于|印发|公布了?|发布了?|转发|获悉|了|的|在|经|据|由|将|对|向)/;

/** '上海市市' → '上海市', '商丘市梁园区人民' → '商丘市梁园区'; null unless it is a place name. */
function place(run: string): string | null {
  let p = run.replace(STOP_RE, '').replace(/人民$/, '');
  if (/([省市区县州])\1$/.test(p)) p = p.slice(0, -1);
  return PLACE_RE.test(p) ? p : null;
}

/** The government a standalone issuer line names, or null. */
export function issuerOf(line: string): string | null {
  const m = ISSUER_RE.exec(line.trim());
  if (m === null) return null;
  const p = place(m[1]);
  return p === null ? null : `${p}人民政府`;
}

/** The first government a line mentions ('…X市人民政府…', 'X市政府'), normalised to 'X人民政府'. */
export function governmentIn(line: string): string | null {
  const re = /([\u3400-\u9fff]{2,40}?)(?:人民)?政府/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    // The regex is lazy from the left; take the whole Han run before 政府 instead.
    const end = m.index + m[0].length - 2;
    let start = end;
    while (start > 0 && /[\u3400-\u9fff]/.test(line[start - 1])) start--;
    const p = place(line.slice(start, end));
    if (p !== null) return `${p}人民政府`;
  }
  return null;
}
