// The exchange formats of one government, for every edge that hands them out (GraphQL's popolo and notice, the
// HTTP downloads, the CLI's exports): facts from the request scope's store, contacts by the viewer's role.
import { roleAtLeast } from '../../auth/tokens';
import type { JurisdictionFact } from '../../domain';
import { datasetFromFacts, withoutContacts } from '../../io/exporter';
import { composeNotice, type NoticeDocument, type NoticeRequest } from '../../io/notice-writer';
import { toPopolo, type JurisdictionReference, type PopoloDocument } from '../../io/popolo';
import { linesTable, matrixTable, toCsv, toXlsx } from '../../io/spreadsheet';
import type { RequestScope } from '../../scope/request-scope';
import { DirectoryService } from '../directory/directory.service';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface Spreadsheet {
  /** The government's name and the date, for the file name. */
  readonly title: string;
  readonly body: string | Buffer;
}

export class ExchangeService {
  constructor(private readonly scope: RequestScope) {}

  /**
   * The whole directory, history included, as Popolo JSON. Heads' contact details for EDITOR and above only (the
   * rule of DepartmentHead.contact); the parent by reference, so that the document imports where it is missing; the
   * units' lineage (机构改革), so that the lines a reorganisation moved import as the lines they continue.
   */
  async popolo(jurisdictionId: string): Promise<PopoloDocument> {
    const facts = await new DirectoryService(this.scope).facts(jurisdictionId);
    const data = datasetFromFacts(facts);
    const parentIds = data.jurisdictions.map((j) => j.parentId).filter((id): id is string => id !== null);
    const parents = await this.scope.loaders.jurisdiction.loadMany(parentIds);
    const references: JurisdictionReference[] = parents
      .filter((p): p is JurisdictionFact => p !== null && !(p instanceof Error))
      .map((p) => ({ id: p.id, name: p.name, level: p.level }));
    const viewer = this.scope.viewer;
    return toPopolo(viewer !== null && roleAtLeast(viewer.role, 'EDITOR') ? data : withoutContacts(data), references, facts.lineage);
  }

  /** The division on a date as the official notice, or one applied changeset's adjustment notice. Names no contacts. */
  async notice(request: NoticeRequest): Promise<NoticeDocument> {
    const facts = await new DirectoryService(this.scope).facts(request.jurisdictionId);
    return composeNotice(this.scope.em, request, facts);
  }

  /** The portfolio matrix on a date: CSV, or XLSX with a line-by-line sheet added. */
  async spreadsheet(jurisdictionId: string, asOf: string, format: SpreadsheetFormat): Promise<Spreadsheet> {
    const facts = await new DirectoryService(this.scope).facts(jurisdictionId);
    const title = `${facts.jurisdiction.name}-${asOf}`;
    if (format === 'csv') return { title, body: toCsv(matrixTable(facts, asOf)) };
    return { title, body: await toXlsx([matrixTable(facts, asOf), linesTable(facts, asOf)]) };
  }
}
