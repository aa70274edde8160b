// Environment parsing, done once. Everything else receives a Config; nothing else reads process.env.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './edge/rate-limit';
import { DEFAULT_STORE_MAX_AGE_SECONDS, DEFAULT_STORE_SIZE } from './store/size';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  readonly kind: DatabaseKind;
  /** For SQLite: a file path or ':memory:'. For PostgreSQL: the connection URL. */
  readonly url: string;
  /** PostgreSQL read replicas (DATABASE_REPLICA_URLS, comma-separated): reads go to them, writes to `url`. */
  readonly replicaUrls?: readonly string[];
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
  /** Redis for subscription events and rate-limit counters between several API instances; null = in-process. */
  readonly redisUrl: string | null;
  /** Schema introspection: on, except with NODE_ENV=production unless INTROSPECTION=true. */
  readonly introspection: boolean;
  /** The explorer at /graphiql: on, except with NODE_ENV=production unless EXPLORER=true. */
  readonly explorer: boolean;
  /** Rate-limit budgets (points per window); null when RATE_LIMIT_POINTS=0. */
  readonly rateLimits: RateLimitSettings | null;
  /** pino's level for the JSON log on stdout. */
  readonly logLevel: string;
  /** How many governments' facts the store keeps in memory (least recently used go first). */
  readonly storeSize: number;
  /** Seconds after which the store reloads a government at the latest; 0 for never. */
  readonly storeMaxAgeSeconds: number;
}

/**
 * The project's directory (seeds/, src/web/, schema/, dist/): the nearest directory above this file with a
 * package.json, so it is the same whether this runs from src/ (ts-node), dist/ or a benchmark's own build.
 */
export const PROJECT_ROOT = projectRootAbove(__dirname);

function projectRootAbove(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}
export const DEFAULT_SQLITE_FILE = path.join(PROJECT_ROOT, 'data', 'fengong.sqlite');

/** DATABASE_URL: `postgres://…`/`postgresql://…` selects PostgreSQL; anything else is an SQLite file path. */
export function databaseFromUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url === '') return { kind: 'sqlite', url: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgresql', url };
  return { kind: 'sqlite', url: url.replace(/^(sqlite|file):(\/\/)?/, '') };
}

/** DATABASE_REPLICA_URLS: comma-separated PostgreSQL URLs of standbys of DATABASE_URL's primary; none when empty. */
export function replicaUrlsFrom(raw: string | undefined, primary: DatabaseConfig): string[] {
  const urls = (raw ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '');
  if (urls.length > 0 && primary.kind !== 'postgresql') throw new Error('DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_REPLICA_URLS must list postgresql:// URLs, got "${url}"`);
  }
  return urls;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** "true"/"false" switches; anything else is a mistake worth stopping for. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  const production = env.NODE_ENV === 'production';
  const tokenPoints = nonNegativeInteger(env, 'RATE_LIMIT_POINTS', DEFAULT_RATE_LIMITS.tokenPoints);
  const primary = databaseFromUrl(env.DATABASE_URL);
  const replicaUrls = replicaUrlsFrom(env.DATABASE_REPLICA_URLS, primary);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database: replicaUrls.length === 0 ? primary : { ...primary, replicaUrls },
    seedDemo: env.SEED_DEMO !== 'false',
    timeZone: env.DIRECTORY_TIME_ZONE ?? 'Asia/Shanghai',
    publicReads: env.PUBLIC_READS !== 'false',
    redisUrl: env.REDIS_URL === undefined || env.REDIS_URL === '' ? null : env.REDIS_URL,
    introspection: flag(env, 'INTROSPECTION', !production),
    explorer: flag(env, 'EXPLORER', !production),
    rateLimits: tokenPoints === 0 ? null : {
      tokenPoints,
      anonymousPoints: nonNegativeInteger(env, 'RATE_LIMIT_ANONYMOUS_POINTS', DEFAULT_RATE_LIMITS.anonymousPoints),
      windowSeconds: Math.max(1, nonNegativeInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds)),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    storeSize: Math.max(1, nonNegativeInteger(env, 'STORE_MAX_GOVERNMENTS', DEFAULT_STORE_SIZE)),
    storeMaxAgeSeconds: nonNegativeInteger(env, 'STORE_MAX_AGE_SECONDS', DEFAULT_STORE_MAX_AGE_SECONDS),
  };
}

