// `npm run cli -- <command>`: administration from the shell. No business logic here: each command opens
// the database the server would use (DATABASE_URL) and calls the same code the server does.
// Exit codes: 0 done, 1 failed, 2 bad usage; every failure is reported in one line on stderr.
// Output: tables on a terminal, JSON with --json and whenever stdout is not a terminal (see ./output.ts).
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { loadConfig } from '../config';
import { FactsStore } from '../store/facts-store';
import { openDatabase } from '../db/database';
import { backup, restore } from '../ops/backup';
import { createToken, revokeToken } from '../auth/tokens';
import { ApiToken, Department, Leader, ROLES, type Role } from '../entities';
import { isIsoDate } from '../domain';
import { mergeDatasets } from '../io/dataset';
import { exportDirectory, parentReferences } from '../io/exporter';
import { applyPopoloImport, ImportRefusedError, planPopoloImport } from '../io/popolo-import';
import { generateCountry } from '../io/generate';
import { fromPopolo, toPopolo, type PopoloDocument } from '../io/popolo';
import { parseNotice } from '../io/notice/parse';
import { NOTICE_FORMATS, renderNotice, type NoticeFormat } from '../io/notice-writer';
import { planNoticeImport } from '../io/notice-import';
import { scopeFactory, todayIn, type RequestScope } from '../scope/request-scope';
import { createEvents } from '../scope/events';
import { ChangesService } from '../modules/changes/changes.service';
import { DirectoryService } from '../modules/directory/directory.service';
import { ExchangeService } from '../modules/exchange/exchange.service';
import { ChangeRefusedError, type ChangesetDraft } from '../domain';
import { userInfo } from 'node:os';
import { emit, fields, oneLine, outputMode, table } from './output';

function role(value: string): Role {
  const upper = value.toUpperCase();
  if (!(ROLES as readonly string[]).includes(upper)) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}`);
  return upper as Role;
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

/** A Popolo file, or a one-line reason why it is not one. */
async function readPopolo(file: string): Promise<PopoloDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const d = doc as Partial<Record<keyof PopoloDocument, unknown>> | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.organizations) || !Array.isArray(d.persons) || !Array.isArray(d.memberships) || !Array.isArray(d.posts)) {
    throw new Error(`${file} is not a Popolo document (persons, organizations, posts and memberships are required)`);
  }
  return doc as PopoloDocument;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** A progress bar on stderr while a long run goes on; silent when stderr is not a terminal (CI, pipes). */
function progress(label: string): { update(done: number, total: number): void; stop(): void } {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function withDatabase<T>(action: (orm: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const orm = await openDatabase(config.database);
  // With Redis, what this command writes is announced as any server's writes are, so running servers'
  // stores see it in their next read (the store here holds nothing: the command reads the database).
  const announcer = config.redisUrl === null ? null : new FactsStore(orm, { maxGovernments: 1, redisUrl: config.redisUrl });
  try {
    return await action(orm);
  } finally {
    await announcer?.close();
    await orm.close();
  }
}

/** Who the CLI acts as: the office, through the operator's account (named in the audit feed). */
const CLI_VIEWER = { tokenId: 'cli', name: `命令行 ${userInfo().username}`, role: 'EDITOR' } as const;

/** The command's request scope, made as the server makes its own; the CLI reads the database directly. */
function cliScope(orm: Awaited<ReturnType<typeof openDatabase>>, clock: Clock): RequestScope {
  return scopeFactory(orm.em, { timeZone: loadConfig().timeZone, publicReads: true, events: createEvents(), now: clock })(CLI_VIEWER);
}

/** The CLI's clock: the real one for every user (R7: no back-dating); in-process callers (tests) may pin it. */
export type Clock = () => Date;

/** import-notice's result on a terminal. */
function noticeReport(headline: string, report: { unchanged: number; items: number; diff: readonly string[]; warnings: readonly string[] }): string {
  return [
    headline,
    fields([['items', report.items], ['unchanged lines', report.unchanged], ['warnings', report.warnings]]),
    '',
    table(report.diff.map((text) => ({ text })), { text: '变化' }),
  ].join('\n');
}

/** import-popolo's result on a terminal: the plan per government and per reference. */
function importReport(headline: string, result: {
  governments: number; leaders: number; units: number; portfolioLines: number; skipped: number;
  plan: readonly { id: string; action: string; version: number | null; diff?: readonly string[] }[];
  references: readonly { id: string; name: string; action: string }[];
}): string {
  return [
    headline,
    fields([['governments', result.governments], ['leaders', result.leaders], ['units', result.units], ['portfolio lines', result.portfolioLines], ['skipped', result.skipped]]),
    '',
    table(result.plan.map((g) => ({ ...g, diff: g.diff ?? null })), { id: '政府', action: '动作', version: '版本', diff: '变化' }),
    ...(result.references.length > 0 ? ['', table(result.references as unknown as Record<string, unknown>[], { id: '上级政府', name: '名称', action: '处理' })] : []),
  ].join('\n');
}

export function buildProgram(clock: Clock = () => new Date()): Command {
  const program = new Command('fengong')
    .description('分工名录 administration. Uses the database named by DATABASE_URL (default: the embedded SQLite file).')
    .exitOverride()
    .option('--json', 'print JSON (also the default when stdout is not a terminal); tables on a terminal otherwise')
    // A usage error is one line: the reason and where to look.
    .configureOutput({ outputError: (text, write) => write(`${text.trim().split('\n')[0]} (see --help)\n`) });
  const out = () => outputMode(program.opts<{ json?: boolean }>());

  const token = program.command('token').description('bearer tokens for the API');
  token
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'who or what the token is for, e.g. 区政府办公室')
    .addOption(new Option('--role <role>', `one of ${ROLES.join(', ')} (scoped tokens are EDITOR)`).argParser(role))
    .addOption(new Option('--leader <id>', 'scope: acts only as this leader (issues and escalates directives as him)').conflicts('department'))
    .addOption(new Option('--department <id>', 'scope: acts only for this unit (its directives, its tasks’ progress)'))
    .action(async (options: { name: string; role?: Role; leader?: string; department?: string }) => {
      const scope = options.leader !== undefined ? { kind: 'LEADER' as const, id: options.leader }
        : options.department !== undefined ? { kind: 'DEPARTMENT' as const, id: options.department } : null;
      if (scope === null && options.role === undefined) throw new CommanderError(2, 'fengong.missingRole', "error: required option '--role <role>' not specified");
      if (scope !== null && options.role !== undefined && options.role !== 'EDITOR') {
        throw new CommanderError(2, 'fengong.scopedRole', 'error: a scoped token (--leader, --department) is an EDITOR token');
      }
      const tokenRole: Role = options.role ?? 'EDITOR';
      const created = await withDatabase(async (orm) => {
        const em = orm.em.fork();
        if (scope !== null) {
          const found = scope.kind === 'LEADER' ? await em.count(Leader, { id: scope.id }) : await em.count(Department, { id: scope.id });
          if (found === 0) throw new Error(`no ${scope.kind === 'LEADER' ? 'leader' : 'department'} ${scope.id}`);
        }
        return createToken(em, options.name, tokenRole, clock(), scope);
      });
      const result = { id: created.id, name: options.name, role: tokenRole, scope, token: created.token };
      emit(out(), result, () => fields([['id', result.id], ['name', result.name], ['role', result.role], ['scope', scope === null ? null : `${scope.kind} ${scope.id}`], ['token', result.token]]));
      console.error('Keep the token now: it cannot be shown again. Send it as "Authorization: Bearer <token>".');
    });
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .action(async () => {
      const rows = await withDatabase((orm) => orm.em.fork().find(ApiToken, {}, { orderBy: { createdAt: 'asc' } }));
      const list = rows.map((t) => ({
        id: t.id, role: t.role, status: t.revokedAt === null ? 'active' : `revoked ${t.revokedAt}`, name: t.name,
        scope: t.scopeKind === null ? null : `${t.scopeKind === 'LEADER' ? 'leader' : 'department'} ${t.scopeId}`,
      }));
      // Without a terminal and without --json: the tab-separated lines scripts have always read.
      emit(out(), list, () => table(list, { id: 'id', role: 'role', status: 'status', name: 'name', scope: 'scope' }), {
        legacy: () => list.map((t) => `${t.id}\t${t.role}\t${t.status}\t${t.name}${t.scope === null ? '' : `\t${t.scope}`}`).join('\n'),
      });
    });
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id, e.g. token:1a2b3c4d5e6f')
    .action(async (id: string) => {
      const revoked = await withDatabase((orm) => revokeToken(orm.em.fork(), id, clock()));
      if (!revoked) throw new Error(`no active token ${id}`);
      emit(out(), { revoked: id }, () => `revoked ${id}`, { legacy: () => `revoked ${id}` });
    });
  program
    .command('parse-notice')
    .description('read a published division-of-labour notice (领导分工 / AB角) and print what it says as JSON')
    .argument('<file>', 'the notice as UTF-8 text')
    .option('--government <name>', 'the issuing government, when the text names none (a leader’s page)')
    .action(async (file: string, options: { government?: string }) => {
      const parsed = parseNotice(await readFile(file, 'utf8'), { government: options.government });
      for (const w of parsed.warnings) console.error(`${file}:${w.line}:${w.column}: ${w.message} — ${w.text}`);
      emit(out(), parsed, () => [
        fields([['government', parsed.government], ['leaders', parsed.leaders.length], ['warnings', parsed.warnings.length]]),
        '',
        table(parsed.leaders as unknown as Record<string, unknown>[], {
          name: '姓名', titles: '职务', responsibleFor: '负责', supervises: '分管', liaisesWith: '联系', assists: '协助', backup: 'B角',
        }),
      ].join('\n'));
    });

  program
    .command('import-notice')
    .description('apply a notice to the directory as one re-division under the collective-decision rule (R7)')
    .argument('<file>', 'the notice as UTF-8 text')
    .requiredOption('--jurisdiction <id>', 'the government it divides')
    .requiredOption('--decision <id>', 'the decision of a quorate meeting that made it')
    .requiredOption('--effective <date>', 'when it takes effect (YYYY-MM-DD)', date)
    .option('--document <文号>', 'its document number (the one its decision approved)')
    .option('--issued-by <leaderId>', '签发人: the presiding leader who signs it (required to apply)')
    .option('--delta', 'a notice that only adds lines (增加分管); by default each named leader’s portfolio is replaced')
    .option('--dry-run', 'show the diff and every problem, change nothing')
    .action(async (file: string, options: { jurisdiction: string; decision: string; effective: string; document?: string; issuedBy?: string; delta?: boolean; dryRun?: boolean }) => {
      const parsed = parseNotice(await readFile(file, 'utf8'));
      for (const w of parsed.warnings) console.error(`${file}:${w.line}:${w.column}: ${w.message} — ${w.text}`);
      await withDatabase(async (orm) => {
        const ctx = cliScope(orm, clock);
        const facts = await new DirectoryService(ctx).facts(options.jurisdiction);
        const plan = planNoticeImport(facts, parsed, { effectiveDate: options.effective, delta: options.delta === true });
        for (const info of plan.informational) console.error(`informational, not imported: ${info.leader}: ${info.text}`);
        if (plan.unmatched.length > 0) {
          for (const u of plan.unmatched) {
            console.error(`unknown ${u.field}: ${u.text}${u.leader === null ? '' : ` (in ${u.leader}'s block)`}${u.reason === 'AMBIGUOUS' ? ` — could be ${u.candidates.join(', ')}` : ''}`);
          }
          throw new Error(`${plan.unmatched.length} names not found in the directory; nothing imported`);
        }
        const draft: ChangesetDraft = {
          jurisdictionId: options.jurisdiction, document: options.document ?? null, decisionId: options.decision,
          effectiveDate: options.effective, issuedById: options.issuedBy ?? null, items: plan.items,
        };
        const service = new ChangesService(ctx);
        const { plan: checked, version } = await service.preview(draft);
        const report = { unchanged: plan.unchanged, items: plan.items.length, diff: checked.diff.map((d) => d.text), warnings: checked.warnings.map((w) => w.message) };
        if (checked.violations.length > 0) {
          for (const v of checked.violations) console.error(`${v.code}${v.itemIndex === null ? '' : ` (item ${v.itemIndex})`}: ${v.message}`);
          throw new Error(`${checked.violations.length} violations; nothing imported`);
        }
        if (options.dryRun === true || plan.items.length === 0) {
          const result = { dryRun: options.dryRun === true, ...report };
          emit(out(), result, () => noticeReport(result.dryRun ? 'dry run: nothing changed' : 'nothing to change', report));
          return;
        }
        try {
          const applied = await service.apply(draft, version);
          const result = { applied: applied.changeset.id, version: applied.changeset.version, ...report };
          emit(out(), result, () => noticeReport(`applied ${result.applied} (version ${result.version})`, report));
        } catch (error) {
          if (error instanceof ChangeRefusedError) for (const v of error.violations) console.error(`${v.code}: ${v.message}`);
          throw error;
        }
      });
    });

  program
    .command('generate')
    .description('write a synthetic country (provinces → cities → districts) as a Popolo JSON file')
    .requiredOption('--governments <n>', 'county-level governments (3000 ≈ a whole country)', positive)
    .option('--valid-from <date>', 'the date its division takes effect', date, '2026-01-01')
    .requiredOption('--out <file>', 'where to write the Popolo JSON')
    .action(async (options: { governments: number; validFrom: string; out: string }) => {
      const bar = progress('generate');
      const parts = [];
      let n = 0;
      const expected = options.governments + Math.max(1, Math.round(options.governments / 10)) + Math.max(1, Math.round(options.governments / 100));
      for (const part of generateCountry({ governments: options.governments, validFrom: options.validFrom })) {
        parts.push(part);
        bar.update((n += 1), expected);
      }
      bar.stop();
      const data = mergeDatasets(parts);
      await writeFile(options.out, JSON.stringify(toPopolo(data)), 'utf8');
      const result = { out: options.out, governments: data.jurisdictions.length, leaders: data.leaders.length, units: data.departments.length, portfolioLines: data.assignments.length };
      emit(out(), result, () => fields(Object.entries(result)), { compact: true });
    });

  program
    .command('import-popolo')
    .description('import a Popolo JSON file (ours or compatible), checked against the target database, in one transaction: new governments are inserted, unchanged ones left alone, a changed one gets the difference as one changeset (R7)')
    .argument('<file>', 'the Popolo JSON file')
    .option('--dry-run', 'check everything against the target database, write nothing')
    .option('--issued-by <leaderId>', '签发人 of the changeset a re-import applies (required when the file changes a government’s division)')
    .option('--decision <id>', 'the decision such a changeset cites, when the file’s new lines name none (e.g. it only ends lines)')
    .option('--document <文号>', 'its document number, likewise')
    .action(async (file: string, options: { dryRun?: boolean; issuedBy?: string; decision?: string; document?: string }) => {
      const parsed = fromPopolo(await readPopolo(file));
      const { dataset, skipped } = parsed;
      const summary = { governments: dataset.jurisdictions.length, leaders: dataset.leaders.length, units: dataset.departments.length, portfolioLines: dataset.assignments.length, skipped: skipped.length };
      await withDatabase(async (orm) => {
        const scope = cliScope(orm, clock);
        const em = scope.em;
        const plan = await planPopoloImport(em, parsed, { issuedById: options.issuedBy ?? null, decisionId: options.decision ?? null, document: options.document ?? null }, scope);
        const report = {
          ...summary,
          plan: plan.governments.map((g) => ({ id: g.id, action: g.action, version: g.version, ...(g.action === 'CHANGESET' ? { diff: g.diff, addedRecords: g.addedRecords } : {}) })),
          references: plan.references,
        };
        if (plan.problems.length > 0) {
          for (const p of plan.problems.slice(0, 50)) console.error(`${p.at}: ${p.code}: ${p.message}`);
          if (plan.problems.length > 50) console.error(`… and ${plan.problems.length - 50} more`);
          throw new Error(`${plan.problems.length} problems; nothing imported`);
        }
        if (options.dryRun === true) {
          const result = { dryRun: true, changes: plan.changes, ...report };
          emit(out(), result, () => importReport(plan.changes ? 'dry run: would import (nothing written)' : 'dry run: nothing to change', result), { compact: true });
          return;
        }
        const bar = progress('import');
        const started = Date.now();
        try {
          const result = await applyPopoloImport(em, plan, scope, (done, total) => bar.update(done, total));
          bar.stop();
          const printed = { imported: true, changed: result.changed, changesets: result.changesets, ...report, seconds: (Date.now() - started) / 1000 };
          emit(out(), printed, () => importReport(result.changed ? `imported${result.changesets.map((c) => `; ${c.jurisdictionId}: ${c.id} (version ${c.version})`).join('')}` : 'nothing changed: the directory already holds this file', printed), { compact: true });
        } catch (error) {
          bar.stop();
          if (error instanceof ImportRefusedError) for (const p of error.problems) console.error(`${p.at}: ${p.code}: ${p.message}`);
          throw error;
        }
      });
    });

  program
    .command('export-popolo')
    .description('write governments (all by default) as Popolo JSON')
    .option('--jurisdiction <id...>', 'only these governments')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { jurisdiction?: string[]; out: string }) => {
      const bar = progress('export');
      // The units' lineage travels with the file, so that lines a reorganisation moved import as the lines they continue.
      const { data, lineage } = await withDatabase((orm) => exportDirectory(orm.em.fork() as SqlEntityManager, options.jurisdiction, (done, total) => bar.update(done, total)));
      bar.stop();
      if (data.jurisdictions.length === 0) throw new Error('no such government');
      const references = await withDatabase((orm) => parentReferences(orm.em.fork() as SqlEntityManager, data));
      await writeFile(options.out, JSON.stringify(toPopolo(data, references, lineage), null, 1), 'utf8');
      const result = { out: options.out, governments: data.jurisdictions.length, references: references.map((r) => r.id), portfolioLines: data.assignments.length };
      emit(out(), result, () => fields(Object.entries(result)), { compact: true });
    });

  program
    .command('export-matrix')
    .description('write one government’s portfolio matrix as CSV or XLSX (XLSX adds a line-by-line sheet)')
    .requiredOption('--jurisdiction <id>', 'the government')
    .option('--as-of <date>', 'the date (default: today in Asia/Shanghai)', date)
    .addOption(new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).default('xlsx'))
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { jurisdiction: string; asOf?: string; format: 'csv' | 'xlsx'; out: string }) => {
      const asOf = options.asOf ?? todayIn(loadConfig().timeZone, clock());
      const sheet = await withDatabase((orm) => new ExchangeService(cliScope(orm, clock)).spreadsheet(options.jurisdiction, asOf, options.format));
      await writeFile(options.out, sheet.body);
      const result = { out: options.out, asOf, format: options.format };
      emit(out(), result, () => fields(Object.entries(result)), { compact: true });
    });

  program
    .command('export-notice')
    .description('write one government’s division as the official notice (关于…工作分工的通知), or a changeset’s adjustment notice, as text or .docx')
    .requiredOption('--jurisdiction <id>', 'the government')
    .option('--as-of <date>', 'the date of the division (default: today in Asia/Shanghai)', date)
    .option('--changeset <id>', 'an applied changeset: its adjustment notice (分工调整通知), stating only what it changed')
    .addOption(new Option('--format <format>', NOTICE_FORMATS.join(' or ')).choices([...NOTICE_FORMATS]).default('txt'))
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { jurisdiction: string; asOf?: string; changeset?: string; format: NoticeFormat; out: string }) => {
      const asOf = options.asOf ?? todayIn(loadConfig().timeZone, clock());
      const doc = await withDatabase((orm) => new ExchangeService(cliScope(orm, clock)).notice({ jurisdictionId: options.jurisdiction, asOf, changesetId: options.changeset ?? null }));
      await writeFile(options.out, await renderNotice(doc, options.format));
      const result = { out: options.out, jurisdictionId: doc.jurisdictionId, kind: doc.kind, asOf: doc.asOf, format: options.format, title: doc.title, leaders: doc.leaders.length };
      emit(out(), result, () => fields(Object.entries(result)), { compact: true });
    });

  program
    .command('backup')
    .description('back up the database: SQLite online (VACUUM INTO), PostgreSQL with pg_dump --format=custom')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(async (options: { out: string }) => {
      console.log(JSON.stringify(await backup(loadConfig().database, options.out)));
    });
  program
    .command('restore')
    .description('replace the database with a backup (checked first; all or nothing). Stop the server first.')
    .argument('<file>', 'a file written by `backup` for the same kind of database')
    .action(async (file: string) => {
      console.log(JSON.stringify(await restore(loadConfig().database, file)));
    });

  return program;
}

export async function runCli(argv: readonly string[], clock?: Clock): Promise<number> {
  try {
    await buildProgram(clock).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own errors; one a command raises itself is printed here, in one line.
      if (error.exitCode !== 0 && !error.code.startsWith('commander.')) console.error(/^error:/.test(oneLine(error)) ? oneLine(error) : `error: ${oneLine(error)}`);
      return error.exitCode === 0 ? 0 : 2;
    }
    console.error(`error: ${oneLine(error)}`);
    return 1;
  }
}

/** Runs the command line this process was started with (scripts/cli.js, or `node dist/cli/main.js …`). */
export function runFromArgv(): void {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromArgv();
