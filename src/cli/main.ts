// `npm run cli -- <command>`: administration from the shell. No business logic here: each command opens
// the database the server would use (DATABASE_URL) and calls the same code the server does.
// Exit codes: 0 done, 1 failed, 2 bad usage.
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { loadConfig, todayIn } from '../config';
import { openDatabase } from '../db/database';
import { createToken, revokeToken } from '../auth/tokens';
import { ApiToken, ROLES, type Role } from '../entities';
import { isIsoDate } from '../domain';
import { checkDataset, checkDatasetDecisions, factsByJurisdiction, mergeDatasets } from '../io/dataset';
import { exportDataset } from '../io/exporter';
import { generateCountry } from '../io/generate';
import { importDataset } from '../io/importer';
import { fromPopolo, toPopolo, type PopoloDocument } from '../io/popolo';
import { linesTable, matrixTable, toCsv, toXlsx } from '../io/spreadsheet';
import { parseNotice } from '../io/notice/parse';
import { composeNotice, NOTICE_FORMATS, renderNotice, type NoticeFormat } from '../io/notice-writer';
import { planNoticeImport } from '../io/notice-import';
import { createContext } from '../graphql/context';
import { createEvents } from '../graphql/events';
import { ChangesService } from '../modules/changes/changes.service';
import { DirectoryService } from '../modules/directory/directory.service';
import { ChangeRefusedError, type ChangesetDraft } from '../domain';
import { userInfo } from 'node:os';

function role(value: string): Role {
  const upper = value.toUpperCase();
  if (!(ROLES as readonly string[]).includes(upper)) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}`);
  return upper as Role;
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
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
  const orm = await openDatabase(loadConfig().database);
  try {
    return await action(orm);
  } finally {
    await orm.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('fengong')
    .description('分工名录 administration. Uses the database named by DATABASE_URL (default: the embedded SQLite file).')
    .exitOverride()
    .showHelpAfterError();

  const token = program.command('token').description('bearer tokens for the API');
  token
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'who or what the token is for, e.g. 区政府办公室')
    .addOption(new Option('--role <role>', `one of ${ROLES.join(', ')}`).argParser(role).makeOptionMandatory())
    .action(async (options: { name: string; role: Role }) => {
      const created = await withDatabase((orm) => createToken(orm.em.fork(), options.name, options.role, new Date()));
      console.log(JSON.stringify({ id: created.id, name: options.name, role: options.role, token: created.token }, null, 2));
      console.error('Keep the token now: it cannot be shown again. Send it as "Authorization: Bearer <token>".');
    });
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .action(async () => {
      const rows = await withDatabase((orm) => orm.em.fork().find(ApiToken, {}, { orderBy: { createdAt: 'asc' } }));
      for (const t of rows) console.log(`${t.id}\t${t.role}\t${t.revokedAt === null ? 'active' : `revoked ${t.revokedAt}`}\t${t.name}`);
    });
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id, e.g. token:1a2b3c4d5e6f')
    .action(async (id: string) => {
      const revoked = await withDatabase((orm) => revokeToken(orm.em.fork(), id, new Date()));
      if (!revoked) throw new Error(`no active token ${id}`);
      console.log(`revoked ${id}`);
    });
  program
    .command('parse-notice')
    .description('read a published division-of-labour notice (领导分工 / AB角) and print what it says as JSON')
    .argument('<file>', 'the notice as UTF-8 text')
    .option('--government <name>', 'the issuing government, when the text names none (a leader’s page)')
    .action(async (file: string, options: { government?: string }) => {
      const parsed = parseNotice(await readFile(file, 'utf8'), { government: options.government });
      for (const w of parsed.warnings) console.error(`${file}:${w.line}:${w.column}: ${w.message} — ${w.text}`);
      console.log(JSON.stringify(parsed, null, 2));
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
        const now = new Date();
        const ctx = createContext(orm.em, {
          today: todayIn(loadConfig().timeZone, now), now, publicReads: true, events: createEvents(),
          viewer: { tokenId: 'cli', name: `命令行 ${userInfo().username}`, role: 'EDITOR' },
        });
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
          console.log(JSON.stringify({ dryRun: options.dryRun === true, ...report }, null, 2));
          return;
        }
        try {
          const applied = await service.apply(draft, version);
          console.log(JSON.stringify({ applied: applied.changeset.id, version: applied.changeset.version, ...report }, null, 2));
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
      console.log(JSON.stringify({ out: options.out, governments: data.jurisdictions.length, leaders: data.leaders.length, units: data.departments.length, portfolioLines: data.assignments.length }));
    });

  program
    .command('import-popolo')
    .description('import a Popolo JSON file (ours or compatible) in one transaction; every line must cite a quorate decision (R7)')
    .argument('<file>', 'the Popolo JSON file')
    .option('--dry-run', 'check everything, write nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { dataset, skipped } = fromPopolo(JSON.parse(await readFile(file, 'utf8')) as PopoloDocument);
      const problems = checkDataset(dataset);
      const refused = problems.length > 0 ? problems : checkDatasetDecisions(dataset);
      const summary = { governments: dataset.jurisdictions.length, leaders: dataset.leaders.length, units: dataset.departments.length, portfolioLines: dataset.assignments.length, skipped: skipped.length };
      if (refused.length > 0) {
        for (const p of refused.slice(0, 50)) console.error(`${p.at}: ${p.code}: ${p.message}`);
        throw new Error(`${refused.length} problems; nothing imported`);
      }
      if (options.dryRun === true) {
        console.log(JSON.stringify({ dryRun: true, ...summary }));
        return;
      }
      const bar = progress('import');
      const started = Date.now();
      await withDatabase((orm) => importDataset(orm.em.fork(), dataset, (done, total) => bar.update(done, total)));
      bar.stop();
      console.log(JSON.stringify({ imported: true, ...summary, seconds: (Date.now() - started) / 1000 }));
    });

  program
    .command('export-popolo')
    .description('write governments (all by default) as Popolo JSON')
    .option('--jurisdiction <id...>', 'only these governments')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { jurisdiction?: string[]; out: string }) => {
      const bar = progress('export');
      const data = await withDatabase((orm) => exportDataset(orm.em.fork() as SqlEntityManager, options.jurisdiction, (done, total) => bar.update(done, total)));
      bar.stop();
      if (data.jurisdictions.length === 0) throw new Error('no such government');
      await writeFile(options.out, JSON.stringify(toPopolo(data), null, 1), 'utf8');
      console.log(JSON.stringify({ out: options.out, governments: data.jurisdictions.length, portfolioLines: data.assignments.length }));
    });

  program
    .command('export-matrix')
    .description('write one government’s portfolio matrix as CSV or XLSX (XLSX adds a line-by-line sheet)')
    .requiredOption('--jurisdiction <id>', 'the government')
    .option('--as-of <date>', 'the date (default: today in Asia/Shanghai)', date)
    .addOption(new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).default('xlsx'))
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { jurisdiction: string; asOf?: string; format: 'csv' | 'xlsx'; out: string }) => {
      const asOf = options.asOf ?? todayIn(loadConfig().timeZone, new Date());
      const data = await withDatabase((orm) => exportDataset(orm.em.fork() as SqlEntityManager, [options.jurisdiction]));
      const facts = factsByJurisdiction(data).get(options.jurisdiction);
      if (facts === undefined) throw new Error(`no government ${options.jurisdiction}`);
      if (options.format === 'csv') await writeFile(options.out, toCsv(matrixTable(facts, asOf)), 'utf8');
      else await writeFile(options.out, await toXlsx([matrixTable(facts, asOf), linesTable(facts, asOf)]));
      console.log(JSON.stringify({ out: options.out, asOf, format: options.format }));
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
      const asOf = options.asOf ?? todayIn(loadConfig().timeZone, new Date());
      const doc = await withDatabase((orm) =>
        composeNotice(orm.em.fork() as SqlEntityManager, { jurisdictionId: options.jurisdiction, asOf, changesetId: options.changeset ?? null }),
      );
      await writeFile(options.out, await renderNotice(doc, options.format));
      console.log(JSON.stringify({ out: options.out, jurisdictionId: doc.jurisdictionId, kind: doc.kind, asOf: doc.asOf, format: options.format, title: doc.title, leaders: doc.leaders.length }));
    });

  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
