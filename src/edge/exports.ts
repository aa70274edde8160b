// Downloads for dashboards and spreadsheets: GET /export/{jurisdictionId}/popolo.json | matrix.csv | matrix.xlsx |
// notice.txt | notice.docx (?asOf=YYYY-MM-DD, default today; the notice also takes ?changesetId= for an adjustment
// notice). The same policy as GraphQL reads (OperationPolicy.admitDownload), the same request scope, the same
// service (ExchangeService) as Query.popolo and Query.notice; errors coded, in GraphQL's shape.
import { performance } from 'node:perf_hooks';
import express from 'express';
import type { Viewer } from '../auth/tokens';
import { BadInputError, isIsoDate, NotFoundError } from '../domain';
import { noticeFileName, renderNotice } from '../io/notice-writer';
import { ExchangeService } from '../modules/exchange/exchange.service';
import type { ScopeFactory } from '../scope/request-scope';
import { httpRefusal } from './errors';
import type { OperationPolicy } from './policy';
import type { Telemetry } from './telemetry';

export interface ExportRouterOptions {
  readonly policy: OperationPolicy;
  /** The viewer of a request's Authorization header; null when anonymous; throws UNAUTHENTICATED for a bad token. */
  readonly authenticate: (authorization: string | undefined) => Promise<Viewer | null>;
  readonly scopes: ScopeFactory;
  /** One log line and metric per download, as per GraphQL operation. */
  readonly telemetry?: Telemetry;
}

const EXPORT_FILES = ['popolo.json', 'matrix.csv', 'matrix.xlsx', 'notice.txt', 'notice.docx'] as const;
type ExportFile = (typeof EXPORT_FILES)[number];

const CONTENT_TYPES: Readonly<Record<ExportFile, string>> = {
  'popolo.json': 'application/json; charset=utf-8',
  'matrix.csv': 'text/csv; charset=utf-8',
  'matrix.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'notice.txt': 'text/plain; charset=utf-8',
  'notice.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function attachment(res: express.Response, file: ExportFile, fileName: string): void {
  res.type(CONTENT_TYPES[file]).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

export function createExportRouter(options: ExportRouterOptions): express.Router {
  const router = express.Router();
  router.get('/export/:jurisdictionId/:file', async (req, res, next) => {
    const started = performance.now();
    const record = (code: string) =>
      options.telemetry?.record({ requestId: String(res.locals.requestId), transport: 'export', operation: `export ${EXPORT_FILES.includes(req.params.file as ExportFile) ? req.params.file : 'unknown'}`, durationMs: performance.now() - started, code });
    try {
      const viewer = await options.authenticate(req.headers.authorization);
      const clientAddress = req.socket.remoteAddress ?? 'unknown';
      await options.policy.admitDownload({ tokenId: viewer?.tokenId ?? null, address: clientAddress }, viewer !== null);
      const scope = options.scopes(viewer, { clientAddress, requestId: String(res.locals.requestId) });
      const { jurisdictionId } = req.params;
      const file = req.params.file as ExportFile;
      if (!EXPORT_FILES.includes(file)) throw new NotFoundError('Export', req.params.file);
      const asOf = typeof req.query.asOf === 'string' ? req.query.asOf : scope.today;
      if (!isIsoDate(asOf)) throw new BadInputError(`asOf 应为 YYYY-MM-DD 的有效日期, got "${asOf}"`, { argument: 'asOf' });
      const exchange = new ExchangeService(scope);
      if (file === 'popolo.json') {
        res.type(CONTENT_TYPES[file]).send(JSON.stringify(await exchange.popolo(jurisdictionId)));
      } else if (file === 'notice.txt' || file === 'notice.docx') {
        const changesetId = typeof req.query.changesetId === 'string' && req.query.changesetId.length > 0 ? req.query.changesetId : null;
        const format = file === 'notice.txt' ? 'txt' : 'docx';
        const doc = await exchange.notice({ jurisdictionId, asOf, changesetId });
        attachment(res, file, noticeFileName(doc, format));
        res.send(await renderNotice(doc, format));
      } else {
        const format = file === 'matrix.csv' ? 'csv' : 'xlsx';
        const sheet = await exchange.spreadsheet(jurisdictionId, asOf, format);
        attachment(res, file, `${sheet.title}.${format}`);
        res.send(sheet.body);
      }
      record('OK');
    } catch (error) {
      const refusal = httpRefusal(error);
      record(refusal?.body.errors[0].extensions.code ?? 'INTERNAL_SERVER_ERROR');
      if (refusal === null) return next(error);
      for (const [name, value] of refusal.headers) res.setHeader(name, value);
      res.status(refusal.status).json(refusal.body);
    }
  });
  return router;
}
