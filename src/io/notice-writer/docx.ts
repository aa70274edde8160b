// A notice as a Word document in the 公文 layout of GB/T 9704-2012 (党政机关公文格式), made with `docx`:
// A4; 天头 37 mm, 订口 28 mm (版心 156 × 225 mm, so 26 mm right and 35 mm bottom); 22 lines of 28 characters a page
// (line pitch 225 mm / 22 ≈ 28.95 pt); title in 方正小标宋简体 二号 centred; body in 仿宋_GB2312 三号, paragraphs
// indented two characters; 一、 headings in 黑体 三号; 发文机关署名 and 成文日期 right-aligned four characters in;
// page numbers '— 1 —' in 宋体 四号 at the foot.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { A4_TWIPS } from './layout';
import type { NoticeDocument } from './notice';

/** Millimetres to twips, rounded (docx's own helper truncates: 37 mm would be 2097, not 2098). */
function convertMillimetersToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}


const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  pageNumber: '宋体',
} as const;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE = { er: 44, san: 32, si: 28 } as const;
/** 225 mm of 版心 over 22 lines, in twips. */
const LINE_PITCH = Math.round(convertMillimetersToTwip(225) / 22);
/** One 三号 character (16 pt) in twips. */
const CHAR = 320;

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: { ascii: font === FONTS.body ? 'Times New Roman' : font, hAnsi: font === FONTS.body ? 'Times New Roman' : font, eastAsia: font, cs: font }, size, bold });
}

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

function body(text: string, options: { indent?: boolean; align?: 'left' | 'right' | 'center'; rightChars?: number; font?: string } = {}): Paragraph {
  const alignment = options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED;
  return new Paragraph({
    children: [run(text, options.font ?? FONTS.body, SIZE.san)],
    alignment,
    spacing: exact,
    indent: {
      ...(options.indent === true ? { firstLine: 2 * CHAR } : {}),
      ...(options.rightChars !== undefined ? { right: options.rightChars * CHAR } : {}),
    },
  });
}

function blank(): Paragraph {
  return new Paragraph({ children: [run('', FONTS.body, SIZE.san)], spacing: exact });
}

/** The notice as a .docx file (a ZIP holding word/document.xml). */
export async function noticeDocx(doc: NoticeDocument): Promise<Buffer> {
  const children: Paragraph[] = [];
  children.push(
    new Paragraph({
      children: [run(doc.title, FONTS.title, SIZE.er)],
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE_PITCH * 1.2), lineRule: LineRuleType.EXACT },
    }),
    blank(),
  );
  if (doc.documentNumber !== null) children.push(body(doc.documentNumber, { align: 'center' }), blank());
  children.push(body(doc.addressee), body(doc.preamble, { indent: true }));
  for (const section of doc.sections) {
    if (section.heading !== null) children.push(body(section.heading, { indent: true, font: FONTS.heading }));
    for (const p of section.paragraphs) children.push(body(p, { indent: true }));
  }
  for (const c of doc.closing) children.push(body(c, { indent: true }));
  children.push(blank(), body(doc.issuer, { align: 'right', rightChars: 4 }), body(doc.date, { align: 'right', rightChars: 4 }));

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber }, size: SIZE.si }),
        ],
      }),
    ],
  });
  const document = new Document({
    title: doc.title,
    creator: doc.issuer,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS.body }, size: SIZE.san } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(28),
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: 0 },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
