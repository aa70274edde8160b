// `npm run cli -- <command>`: administration from the shell. No business logic here: each command opens
// the database the server would use (DATABASE_URL) and calls the same code the server does.
// Exit codes: 0 done, 1 failed, 2 bad usage.
import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createToken, revokeToken } from '../auth/tokens';
import { ApiToken, ROLES, type Role } from '../entities';

function role(value: string): Role {
  const upper = value.toUpperCase();
  if (!(ROLES as readonly string[]).includes(upper)) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}`);
  return upper as Role;
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
