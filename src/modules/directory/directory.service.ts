// Read use cases of the directory: find the government a request is about, load its facts once
// (per request, through the facts loader), and let the domain answer. No rule is decided here.
import {
  NotFoundError,
  type DepartmentFact,
  type DirectoryFacts,
  type JurisdictionFact,
  type LeaderFact,
  type WorkAreaFact,
} from '../../domain';
import { readConnectionType } from '../../db/replicas';
import { Jurisdiction } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';

export interface InJurisdiction<T> {
  readonly fact: T;
  readonly facts: DirectoryFacts;
}

export class DirectoryService {
  constructor(private readonly ctx: RequestScope) {}

  /** Governments by id (those under `parentId` when given), one page: a country has thousands. */
  async jurisdictions(filter: { parentId?: string }, page: { offset: number; size: number }): Promise<{ readonly items: readonly JurisdictionFact[]; readonly totalCount: number }> {
    const where = filter.parentId === undefined ? {} : { parent: filter.parentId };
    const [rows, totalCount] = await this.ctx.em.findAndCount(Jurisdiction, where, { orderBy: { id: 'asc' }, limit: page.size, offset: page.offset });
    return { items: rows.map((j) => ({ id: j.id, name: j.name, level: j.level, parentId: j.parent?.id ?? null })), totalCount };
  }

  /** The facts of one government; NOT_FOUND for an unknown id. */
  async facts(jurisdictionId: string): Promise<DirectoryFacts> {
    const facts = await this.ctx.loaders.facts.load(jurisdictionId);
    if (facts === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return facts;
  }

  async leader(id: string): Promise<InJurisdiction<LeaderFact>> {
    const owner = await this.ctx.loaders.owner.load(`Leader|${id}`);
    if (owner === null) throw new NotFoundError('Leader', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.leaders, id, 'Leader'), facts };
  }

  async department(id: string): Promise<InJurisdiction<DepartmentFact>> {
    const owner = await this.ctx.loaders.owner.load(`Department|${id}`);
    if (owner === null) throw new NotFoundError('Department', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.departments, id, 'Department'), facts };
  }

  async workArea(id: string): Promise<InJurisdiction<WorkAreaFact>> {
    const owner = await this.ctx.loaders.owner.load(`WorkArea|${id}`);
    if (owner === null) throw new NotFoundError('WorkArea', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.workAreas, id, 'WorkArea'), facts };
  }

  /**
   * Jurisdictions with a unit (name, aliases, head), work area (name, aliases) or leader whose text contains one of
   * `keywords` (searchKeywords: the keyword and the stems of the vocabulary kinds it means) — the candidates for a
   * search that names no government. Bounded, so a one-character keyword cannot load the whole country.
   */
  async jurisdictionsMatching(keywords: readonly string[], limit: number): Promise<string[]> {
    if (keywords.length === 0) return [];
    const patterns = keywords.map((k) => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const em = this.ctx.em;
    const knex = em.getKnex();
    // CAST(… AS TEXT) reads the JSON aliases column as text on both SQLite and PostgreSQL. Built with knex, run
    // through MikroORM's connection: the statement is counted, logged and routed like every other.
    const matching = async (table: string, columns: readonly string[]): Promise<string[]> => {
      const query = knex(table)
        .distinct('jurisdiction_id')
        .where((q) => {
          for (const pattern of patterns) {
            for (const column of columns) q.orWhereRaw(`${column} like ? escape '\\'`, [pattern]);
          }
        })
        .orderBy('jurisdiction_id')
        .limit(limit);
      const rows = (await em.getConnection(readConnectionType(em)).execute(query, [], 'all', em.getTransactionContext())) as { jurisdiction_id: string }[];
      return rows.map((r) => r.jurisdiction_id);
    };
    const ids = new Set([
      ...(await matching('department', ['name', 'cast(aliases as text)', 'head_name'])),
      ...(await matching('work_area', ['name', 'cast(aliases as text)'])),
      ...(await matching('leader', ['name'])),
    ]);
    return [...ids].sort().slice(0, limit);
  }

  private find<T extends { id: string }>(rows: readonly T[], id: string, entity: string): T {
    const found = rows.find((r) => r.id === id);
    if (found === undefined) throw new NotFoundError(entity, id);
    return found;
  }
}
