// Environment parsing, done once. Everything else receives a Config; nothing else reads process.env.
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  readonly kind: DatabaseKind;
  /** For SQLite: a file path or ':memory:'. For PostgreSQL: the connection URL. */
  readonly url: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Seed the demo district when the database holds no jurisdiction yet. */
  readonly seedDemo: boolean;
  /** Time zone that decides which calendar date "today" is when a query gives no asOf. */
  readonly timeZone: string;
  /** Anonymous callers may read (the demo default). Writes always need a token. */
  readonly publicReads: boolean;
  /** Redis for subscription events between several API instances; null = in-process (one instance). */
  readonly redisUrl: string | null;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_SQLITE_FILE = path.join(PROJECT_ROOT, 'data', 'fengong.sqlite');

/** DATABASE_URL: `postgres://…`/`postgresql://…` selects PostgreSQL; anything else is an SQLite file path. */
export function databaseFromUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url === '') return { kind: 'sqlite', url: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgresql', url };
  return { kind: 'sqlite', url: url.replace(/^(sqlite|file):(\/\/)?/, '') };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database: databaseFromUrl(env.DATABASE_URL),
    seedDemo: env.SEED_DEMO !== 'false',
    timeZone: env.DIRECTORY_TIME_ZONE ?? 'Asia/Shanghai',
    publicReads: env.PUBLIC_READS !== 'false',
    redisUrl: env.REDIS_URL === undefined || env.REDIS_URL === '' ? null : env.REDIS_URL,
  };
}

/** The date "today" in the directory's time zone (Chinese governments: Asia/Shanghai), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
