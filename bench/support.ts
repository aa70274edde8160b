// Shared by the benchmarks: command-line numbers and a database of their own.
import { Client } from 'pg';
import { databaseFromUrl, type DatabaseConfig } from '../src/config';

/** `--name N` from the command line, a whole number ≥ `min`, or `fallback`. */
export function numberArgument(name: string, fallback: number, min: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number ≥ ${min}`);
  return value;
}

/**
 * BENCH_DATABASE_URL names a PostgreSQL database of the benchmark's own: it is dropped and re-created here.
 * Without it, `sqlite` (an in-memory database or a file path) is used. `suffix` names a companion database
 * (`fengong_bench` + `_s`), for a run that measures two sizes side by side.
 */
export async function freshBenchDatabase(sqlite: string, suffix = ''): Promise<DatabaseConfig> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given === undefined || given === '') return { kind: 'sqlite', url: sqlite };
  const named = new URL(given);
  named.pathname = `${named.pathname}${suffix}`;
  const url = named.toString();
  const name = named.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}"`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return databaseFromUrl(url);
}
