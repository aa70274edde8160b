// Publishing the division: the notice of one government on a date (or the adjustment notice of one applied
// changeset) as text or .docx. Shared by the CLI (export-notice), HTTP (GET /export/{id}/notice.txt|docx) and
// GraphQL (Query.notice). Facts are loaded as the other exports load them (one statement per table).
import type { SqlEntityManager } from '@mikro-orm/knex';
import { BadInputError, isIsoDate, NotFoundError, type DirectoryFacts } from '../../domain';
import { AuditEvent, Changeset } from '../../entities';
import { adjustmentNotice, divisionNotice, type AdjustmentSource, type NoticeDocument } from './notice';
import { noticeText } from './text';
import type * as DocxWriter from './docx';

export { adjustmentNotice, chineseDate, divisionNotice, levelWord } from './notice';
export type { AdjustmentSource, NoticeDocument, NoticeLeader, NoticeSection } from './notice';
export { noticeText } from './text';
export { A4_TWIPS } from './layout';

/** The notice as .docx. The writer — and with it the docx library — is loaded at the first one, not at start-up. */
export function noticeDocx(doc: NoticeDocument): Promise<Buffer> {
  return (require('./docx') as typeof DocxWriter).noticeDocx(doc);
}

export const NOTICE_FORMATS = ['txt', 'docx'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

export interface NoticeRequest {
  readonly jurisdictionId: string;
  /** The date of a whole-division notice; ignored for an adjustment (its effective date is the notice's). */
  readonly asOf: string;
  /** An applied changeset: its adjustment notice instead of the whole division. */
  readonly changesetId?: string | null;
}

/** @throws BadInputError unless `format` is txt or docx */
export function checkNoticeFormat(format: string): NoticeFormat {
  if (!(NOTICE_FORMATS as readonly string[]).includes(format)) throw new BadInputError(`格式应为 txt 或 docx (format must be txt or docx), got "${format}"`, { format });
  return format as NoticeFormat;
}

/** What a changeset opened and closed, from the audit feed it wrote (append-only, so it is what the changeset did). */
export async function adjustmentSource(em: SqlEntityManager, jurisdictionId: string, changesetId: string): Promise<AdjustmentSource> {
  const changeset = await em.findOne(Changeset, { id: changesetId }, { disableIdentityMap: true });
  if (changeset === null || changeset.jurisdiction.id !== jurisdictionId) throw new NotFoundError('Changeset', changesetId);
  const events = await em.find(AuditEvent, { changesetId }, { orderBy: { seq: 'asc' }, fields: ['action', 'entityId'], disableIdentityMap: true });
  return {
    effectiveDate: changeset.effectiveDate,
    document: changeset.document,
    decisionId: changeset.decisionId,
    opened: events.filter((e) => e.action === 'OPEN').map((e) => e.entityId),
    closed: events.filter((e) => e.action === 'CLOSE').map((e) => e.entityId),
  };
}

/** The notice for a request, from the government's facts (the request scope's store has them). */
export async function composeNotice(em: SqlEntityManager, request: NoticeRequest, facts: DirectoryFacts): Promise<NoticeDocument> {
  if (!isIsoDate(request.asOf)) throw new BadInputError(`asOf 应为 YYYY-MM-DD 的有效日期, got "${request.asOf}"`, { asOf: request.asOf });
  if (request.changesetId === undefined || request.changesetId === null) return divisionNotice(facts, request.asOf);
  return adjustmentNotice(facts, await adjustmentSource(em, request.jurisdictionId, request.changesetId));
}

/** The notice rendered: text as UTF-8, docx as a ZIP. */
export async function renderNotice(doc: NoticeDocument, format: NoticeFormat): Promise<Buffer> {
  return format === 'txt' ? Buffer.from(noticeText(doc), 'utf8') : noticeDocx(doc);
}

/** A download name: 青川区-分工通知-2026-11-28.docx */
export function noticeFileName(doc: NoticeDocument, format: NoticeFormat): string {
  return `${doc.issuer.replace(/人民政府$/, '')}-${doc.kind === 'DIVISION' ? '分工通知' : '分工调整通知'}-${doc.asOf}.${format}`;
}
