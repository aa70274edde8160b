// Tiny DOM helpers: build elements without innerHTML, so data from the API is never parsed as HTML.

/**
 * h('button', { class: 'x', type: 'button', onClick: fn, 'aria-label': '…', dataset: { id } }, 'text', child, [more])
 * Attributes with null/undefined/false values are left out; `true` sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Joins nodes with a separator (default "、"). */
export function joinNodes(items, separator = '、') {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/** A paragraph saying there is nothing to show. */
export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** An ISO instant as local time in Beijing: 2026-11-28 10:00. */
export function formatInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts = Object.fromEntries(shanghaiTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Today's date in Beijing (only a fallback: the server's idea of today comes from the API). */
export function shanghaiToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export const isDate = (value) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** A validity interval in words; `to` is exclusive (the first day it no longer holds). */
export function interval(from, to) {
  if (!from && !to) return '';
  if (!to) return `${from} 起`;
  return `${from} 起，${to} 止`;
}
