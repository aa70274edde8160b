// The only code that knows both worlds: loads governments' rows and maps them to domain facts.
//
// Contract: ONE SQL statement per call, for any number of governments and whatever their size, on SQLite and on
// PostgreSQL alike (none for no ids). It is a UNION ALL of one select per table of FACT_ENTITIES (a dataset's parts and
// the units' lineage); each result row is (part, government, payload): `part` the table's index in FACT_ENTITIES, `government` the jurisdiction
// id, `payload` a JSON array of that government's rows of that table in id order, each row a JSON object keyed by
// property name (foreign keys as ids, JSON columns as JSON values) — json_group_array(json_object(…) order by id) on
// SQLite, json_agg(row order by id) on PostgreSQL. The jurisdictions come as one array (government null), in id order,
// which is the order of the returned map. These are exactly the rows, values and orders the former one-statement-per-
// table `select * … order by id` read (test/db/load-facts.test.ts compares the two), so the facts are the same. One
// statement is also one snapshot: a government's version and its rows come from the same side of any commit.
//
// Table and column names come from the entity metadata. Rows are plain records, not managed entities: facts are an
// immutable snapshot, and hydrating a large district's thousands of rows into the identity map cost ten times the
// query. MikroORM inlines the ids into the statement as quoted literals (Platform.formatQuery), so no bound-parameter
// limit applies (SQLite's 32,766, PostgreSQL's 65,535); they are listed once, in `wanted`. A result row holds one
// government's rows of one table, so its size is bounded by the largest government, not by the batch.
import { JsonType, ReferenceKind, type ConnectionType, type EntityMetadata } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { readConnectionType } from '../db/replicas';
import { compareBy, compareText, DEFAULT_GOVERNANCE_RULES, type DirectoryFacts, type GovernanceRules, type LineageFact } from '../domain';
import { DepartmentLineage } from '../entities';
import { DIRECTORY_ENTITIES, json, type Row } from './rows';

/** The tables a government's facts are read from: a dataset's parts, and the units' lineage (机构改革). */
const FACT_ENTITIES = { ...DIRECTORY_ENTITIES, lineage: DepartmentLineage } as const;
type Part = keyof typeof FACT_ENTITIES;
const PARTS = Object.keys(FACT_ENTITIES) as Part[];
type FactRow<K extends Part> = Row<InstanceType<(typeof FACT_ENTITIES)[K]>>;

/** One part's select: its rows for the wanted governments, one result row per government (see the contract above). */
function partSelect(em: SqlEntityManager, part: Part, postgres: boolean): string {
  const quote = (name: string) => em.getPlatform().quoteIdentifier(name);
  const meta: EntityMetadata = em.getMetadata().get(FACT_ENTITIES[part].name);
  // Every column of the table (what `select *` read): the scalars, and the foreign key of each many-to-one.
  const columns = meta.props.filter((p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.persist !== false && p.fieldNames?.length === 1);
  const own = part === 'jurisdictions';
  const owner = quote(own ? 'id' : meta.properties.jurisdiction.fieldNames[0]);
  const from = `from ${quote(meta.tableName)} where ${owner} in (select id from wanted)`;
  const index = PARTS.indexOf(part);
  if (postgres) {
    // json_agg of a row whose columns are named after the properties: PostgreSQL's cheapest way to JSON objects.
    const named = columns.map((p) => `${quote(p.fieldNames[0])} as ${quote(p.name)}`).join(', ');
    const government = own ? 'null' : `r.${quote('jurisdiction')}`;
    return `select ${index} as part, ${government} as government, json_agg(r order by r.${quote('id')}) as payload from (select ${named} ${from}) r${own ? '' : ` group by ${government}`}`;
  }
  // SQLite keeps JSON as text, which json() turns into a JSON value (PostgreSQL's jsonb is one already).
  const object = `json_object(${columns.map((p) => `'${p.name}', ${p.customType instanceof JsonType ? `json(${quote(p.fieldNames[0])})` : quote(p.fieldNames[0])}`).join(', ')})`;
  return `select ${index} as part, ${own ? 'null' : owner} as government, json_group_array(${object} order by ${quote('id')}) as payload ${from}${own ? '' : ` group by ${owner}`}`;
}

/** The wanted governments' own rows (in id order), and a part's rows of one government (in id order). */
interface LoadedRows {
  readonly jurisdictions: readonly FactRow<'jurisdictions'>[];
  of<K extends Exclude<Part, 'jurisdictions'>>(part: K, governmentId: string): readonly FactRow<K>[];
}

/** Reads the rows of every part for the governments in `ids`: the one statement. */
async function loadRows(em: SqlEntityManager, ids: readonly string[], connection: ConnectionType | undefined): Promise<LoadedRows> {
  const byPart = PARTS.map(() => new Map<string | null, unknown[]>());
  if (ids.length > 0) {
    const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
    const sql = `with wanted (id) as (values ${ids.map(() => '(?)').join(', ')}) ${PARTS.map((part) => partSelect(em, part, postgres)).join(' union all ')}`;
    // As the query builder chose: the transaction's connection inside one; else the primary when asked (or once the
    // request has written), a read replica otherwise.
    const rows = (await em
      .getConnection(connection ?? readConnectionType(em))
      .execute(sql, [...ids], 'all', em.getTransactionContext(), em.getLoggerContext())) as { part: number | string; government: string | null; payload: unknown }[];
    // PostgreSQL's json_agg over no rows is null; node-postgres parses json, SQLite's comes as text.
    for (const row of rows) byPart[Number(row.part)].set(row.government, json<unknown[] | null>(row.payload as string) ?? []);
  }
  return {
    jurisdictions: (byPart[0].get(null) ?? []) as FactRow<'jurisdictions'>[],
    of: (part, governmentId) => (byPart[PARTS.indexOf(part)].get(governmentId) ?? []) as never,
  };
}

/** One government's facts with the directory version they were read at. */
export interface VersionedFacts {
  readonly facts: DirectoryFacts;
  readonly version: number;
}

/** Loads the facts of each jurisdiction in `ids`, keyed by id; unknown ids are absent from the map. */
export async function loadDirectoryFacts(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, DirectoryFacts>> {
  const loaded = await loadVersionedFacts(em, ids);
  return new Map([...loaded].map(([id, entry]) => [id, entry.facts]));
}

/**
 * As loadDirectoryFacts, with each government's version read in the same statement. `connection: 'write'`
 * reads the primary even where reads go to replicas: what the store keeps must not be a lagging standby's.
 */
export async function loadVersionedFacts(em: SqlEntityManager, ids: readonly string[], options: { connection?: ConnectionType } = {}): Promise<Map<string, VersionedFacts>> {
  const { jurisdictions, of } = await loadRows(em, [...new Set(ids)], options.connection);
  const facts = new Map<string, VersionedFacts>();
  for (const j of jurisdictions) {
    facts.set(j.id, { version: Number(j.version), facts: {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parent },
      leaders: of('leaders', j.id).map((l) => ({ id: l.id, jurisdictionId: j.id, name: l.name })),
      posts: of('posts', j.id).map((p) => ({ id: p.id, jurisdictionId: j.id, kind: p.kind, title: p.title })),
      appointments: of('appointments', j.id).map((a) => ({
        id: a.id, leaderId: a.leader as string, postId: a.post as string, acting: Boolean(a.acting), validFrom: a.validFrom, validTo: a.validTo,
        document: a.document,
      })),
      departments: of('departments', j.id).map((d) => ({
        id: d.id, jurisdictionId: j.id, name: d.name, kind: d.kind, aliases: json(d.aliases), headName: d.headName,
        headContact: d.headContact, validFrom: d.validFrom, validTo: d.validTo,
      })),
      workAreas: of('workAreas', j.id).map((w) => ({ id: w.id, jurisdictionId: j.id, name: w.name, aliases: json(w.aliases) })),
      assignments: of('assignments', j.id).map((a) => ({
        id: a.id, jurisdictionId: j.id, leaderId: a.leader as string, kind: a.kind, departmentId: a.department,
        workAreaId: a.workArea, principalId: a.principal, subject: a.subject, document: a.document, decisionId: a.decisionId,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      backups: of('backups', j.id).map((b) => ({
        id: b.id, jurisdictionId: j.id, leaderId: b.leader as string, backupId: b.backup as string,
        exceptTargetIds: json(b.exceptTargetIds), decisionId: b.decisionId, validFrom: b.validFrom, validTo: b.validTo,
      })),
      absences: of('absences', j.id).map((a) => ({
        id: a.id, leaderId: a.leader as string, reason: a.reason, designatedActorId: a.designatedActor,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      teamOrders: of('teamOrders', j.id).map((o) => ({
        id: o.id, jurisdictionId: j.id, leaderIds: json(o.leaderIds), validFrom: o.validFrom, validTo: o.validTo,
      })),
      meetings: of('meetings', j.id).map((m) => ({
        id: m.id, jurisdictionId: j.id, kind: m.kind, number: m.number, date: m.date,
        votingAttendeeIds: json(m.votingAttendeeIds), nonVotingAttendees: json(m.nonVotingAttendees),
      })),
      decisions: of('decisions', j.id).map((d) => ({
        id: d.id, jurisdictionId: j.id, meetingId: d.meeting as string, category: d.category, text: d.text, minutesNumber: d.minutesNumber,
        approvesDocument: d.approvesDocument,
      })),
      lineage: of('lineage', j.id)
        .map((l): LineageFact => ({
          id: l.id, jurisdictionId: j.id, kind: l.kind, predecessorId: l.predecessor as string, successorId: l.successor, date: l.date,
          document: l.document, formerName: l.formerName,
        }))
        .sort((a, b) => compareBy(compareText(a.date, b.date), compareText(a.id, b.id))),
      rules: j.rules === null ? DEFAULT_GOVERNANCE_RULES : { ...DEFAULT_GOVERNANCE_RULES, ...json(j.rules as GovernanceRules | string) },
    } });
  }
  return facts;
}
