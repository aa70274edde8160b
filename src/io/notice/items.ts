// Pure: the items of one clause's list — split on 、 , ; outside brackets, the generic suffix dropped,
// a category label cut out, 及 split between two full unit names.
import { CATEGORY_LABEL_RE, ITEM_SUFFIX_RE, ROUTINE_RE, UNIT_END_RE } from './vocabulary';
import { splitOutside, squeezeHan, type Span } from './text';

/** Without its trailing parenthesised alias: '市发展和改革委员会(市物价局)' → '市发展和改革委员会'. */
function base(item: string): string {
  return item.replace(/(?:\([^()]*\))+$/, '');
}

/** A full unit name, e.g. '市司法局', '市住房和城乡建设管理委员会(市xx局)'; not a work area like '安全生产'. */
export function isUnitName(item: string): boolean {
  const b = base(item);
  return b.length >= 3 && UNIT_END_RE.test(b);
}

/**
 * 及 joins two units ('市司法局及市监狱管理局') or two words of one work area ('安全生产及应急管理'): split only the first.
 * 和 and 与 are never split ('发展和改革', '住房和城乡建设').
 */
export function splitJi(item: string): string[] {
  const m = /以及|及/.exec(item);
  if (m === null || m.index === 0) return [item];
  const left = item.slice(0, m.index);
  const right = item.slice(m.index + m[0].length);
  const next = /以及|及/.exec(right);
  if (!isUnitName(left) || !isUnitName(next === null ? right : right.slice(0, next.index))) return [item];
  return [left, ...splitJi(right)];
}

/** Drops the generic suffix (等工作, 方面的工作, 等单位 …), except from routine items kept whole (X政府常务工作). */
export function stripSuffix(item: string): string {
  if (ROUTINE_RE.test(item)) return item;
  let out = item;
  // One pass can leave a second layer: '…等方面' after '…等方面工作' is handled by the regex as a whole.
  for (let i = 0; i < 2 && ITEM_SUFFIX_RE.test(out); i++) {
    const next = out.replace(ITEM_SUFFIX_RE, '');
    if (next.length === 0) return '';
    out = next;
  }
  return out;
}

/** One raw item → the items it stands for (usually one). */
export function readItem(raw: string): string[] {
  const item = squeezeHan(raw.trim()).replace(/^(?:以及|和|及|与|并|等)/, '').trim();
  if (item.length === 0) return [];
  const label = CATEGORY_LABEL_RE.exec(item);
  const parts = label !== null ? [label[1], label[2]] : [item];
  return parts
    .flatMap((p) => splitJi(p.trim()))
    .map((p) => stripSuffix(p.trim()).trim())
    .filter((p) => p.length > 0);
}

/**
 * The items of a list, in order.
 *   splitItems(span('发展和改革(能源、物价)、应急管理等工作')) → ['发展和改革(能源、物价)', '应急管理']
 */
export function splitItems(list: Span): string[] {
  const text = list.text.replace(/[。.!?]+\s*$/, '');
  const pieces = splitOutside({ text, offset: list.offset }, '、,;');
  return pieces.flatMap((p) => readItem(p.span.text));
}
