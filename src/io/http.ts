// Downloads for dashboards and spreadsheets: GET /export/{jurisdictionId}/popolo.json | matrix.csv | matrix.xlsx |
// notice.txt | notice.docx (?asOf=YYYY-MM-DD, default today; the notice also takes ?changesetId= for an adjustment
// notice). The same access rule as GraphQL reads; errors in GraphQL's shape.
import express from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { authenticate, roleAtLeast } from '../auth/tokens';
import { DomainError, isIsoDate } from '../domain';
import { retryReadOnce } from '../db/retry';
import { EXPORT_POINTS, type RateLimiter } from '../edge/rate-limit';
import { DIRECT_READER, type FactsReader } from '../store/facts-store';
import { datasetFromFacts, parentReferences, withoutContacts } from './exporter';
import { composeNotice, noticeFileName, renderNotice } from './notice-writer';
import { toPopolo } from './popolo';
import { linesTable, matrixTable, toCsv, toXlsx } from './spreadsheet';

export interface ExportRouterOptions {
  readonly publicReads: boolean;
  readonly today: () => string;
  /** Where facts come from: the server's store (the default reads the database each time). */
  readonly store?: FactsReader;
  /** The same budgets as GraphQL's (src/edge/rate-limit.ts); none when null or absent. */
  readonly rateLimiter?: RateLimiter | null;
}

function refuse(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function createExportRouter(orm: MikroORM, options: ExportRouterOptions): express.Router {
  const router = express.Router();
  router.get('/export/:jurisdictionId/:file', async (req, res, next) => {
    try {
      const viewer = await retryReadOnce(() => authenticate(orm.em.fork(), req.headers.authorization));
      if (viewer === null && !options.publicReads) return refuse(res, 401, 'UNAUTHENTICATED', '需要登录令牌 (a bearer token is required)');
      const decision = await options.rateLimiter?.consume({ tokenId: viewer?.tokenId ?? null, address: req.socket.remoteAddress ?? 'unknown' }, EXPORT_POINTS);
      if (decision !== undefined && !decision.allowed) {
        res.setHeader('retry-after', String(decision.retryAfterSeconds));
        return refuse(res, 429, 'RATE_LIMITED', `请求过于频繁，请 ${decision.retryAfterSeconds} 秒后再试 (rate limit exceeded)`);
      }
      const asOf = typeof req.query.asOf === 'string' ? req.query.asOf : options.today();
      if (!isIsoDate(asOf)) return refuse(res, 400, 'BAD_USER_INPUT', `asOf 应为 YYYY-MM-DD 的有效日期, got "${asOf}"`);
      const { jurisdictionId, file } = req.params;
      if (!['popolo.json', 'matrix.csv', 'matrix.xlsx', 'notice.txt', 'notice.docx'].includes(file)) return refuse(res, 404, 'NOT_FOUND', `没有这种导出 (no export named ${file})`);
      const facts = (await (options.store ?? DIRECT_READER).load(orm.em.fork() as SqlEntityManager, [jurisdictionId])).get(jurisdictionId)?.facts;
      if (facts === undefined) return refuse(res, 404, 'NOT_FOUND', `找不到Jurisdiction：${jurisdictionId}`);
      const name = encodeURIComponent(`${facts.jurisdiction.name}-${asOf}`);
      if (file === 'notice.txt' || file === 'notice.docx') {
        // A notice names no contacts; it is read under the same rule as every export (checked above).
        const changesetId = typeof req.query.changesetId === 'string' && req.query.changesetId.length > 0 ? req.query.changesetId : null;
        const format = file === 'notice.txt' ? 'txt' : 'docx';
        let doc;
        try {
          doc = await composeNotice(orm.em.fork() as SqlEntityManager, { jurisdictionId, asOf, changesetId }, facts);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return refuse(res, 404, error.code, error.message);
          if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return refuse(res, 400, error.code, error.message);
          throw error;
        }
        res.type(format === 'txt' ? 'text/plain; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(noticeFileName(doc, format))}`);
        res.send(await renderNotice(doc, format));
      } else if (file === 'popolo.json') {
        const data = datasetFromFacts(facts);
        const references = await parentReferences(orm.em.fork() as SqlEntityManager, data);
        res.json(toPopolo(viewer !== null && roleAtLeast(viewer.role, 'EDITOR') ? data : withoutContacts(data), references));
      } else if (file === 'matrix.csv') {
        res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.csv`);
        res.send(toCsv(matrixTable(facts, asOf)));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.xlsx`);
        res.send(await toXlsx([matrixTable(facts, asOf), linesTable(facts, asOf)]));
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return refuse(res, 401, error.code, error.message);
      next(error);
    }
  });
  return router;
}
