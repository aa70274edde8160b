// Pure: a notice as plain text, laid out as a 公文 is copied into a page: title, 发文字号, 主送机关, paragraphs
// indented by two ideographic spaces, 发文机关署名 and 成文日期 at the end.
import type { NoticeDocument } from './notice';

const INDENT = '\u3000\u3000';

/** The notice as UTF-8 text, lines separated by '\n', ending with a newline. */
export function noticeText(doc: NoticeDocument): string {
  const lines: string[] = [doc.title, ''];
  if (doc.documentNumber !== null) lines.push(doc.documentNumber, '');
  lines.push(doc.addressee, `${INDENT}${doc.preamble}`);
  for (const section of doc.sections) {
    if (section.heading !== null) lines.push(`${INDENT}${section.heading}`);
    for (const p of section.paragraphs) lines.push(`${INDENT}${p}`);
  }
  for (const c of doc.closing) lines.push(`${INDENT}${c}`);
  lines.push('', doc.issuer, doc.date);
  return `${lines.join('\n')}\n`;
}
