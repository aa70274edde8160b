// Guards the layering (docs/architecture.md): every import points down — edges (GraphQL, HTTP, WebSocket, CLI, web)
// → services (use cases, the request scope, the exchange formats) → store (facts, entities, the database) →
// domain (rules). Below the edges nothing imports a transport, and resolvers never touch the entity manager.
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const SRC = resolve(__dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const LAYERS = ['domain', 'store', 'service', 'edge'] as const;
type Layer = (typeof LAYERS)[number];

/** The layer of a file under src/ (path relative to src, without extension or with .ts). */
function layerOf(file: string): Layer {
  const path = file.replace(/\.ts$/, '');
  if (/^(domain|vocabulary|types)(\/|$)/.test(path)) return 'domain';
  if (/^(store|db|entities)(\/|$)/.test(path)) return 'store';
  if (/^(edge|graphql|cli|web)(\/|$)/.test(path) || /^(server|main|shutdown)$/.test(path)) return 'edge';
  // GraphQL's side of a module: resolvers, object types, inputs and the presenters that build its nodes.
  if (/^modules\/.+\.(resolver|resolvers|types|inputs|present)$/.test(path) || /^modules\/.+\/node\.resolvers$/.test(path)) return 'edge';
  return 'service';
}

const TRANSPORTS = /^(graphql|type-graphql|graphql-ws|ws|express|@apollo\/.+|@as-integrations\/.+|@escape\.tech\/graphql-armor|graphql-scalars)(\/.*)?$/;

function importsOf(file: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)\s[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
}

// The settings read from the environment (src/config.ts) are no layer: every layer reads them, and they name
// each layer's defaults.
const SETTINGS = 'config.ts';
const files = sources(SRC).filter((f) => f !== SETTINGS);
const edges = files.filter((f) => layerOf(f) === 'edge');
const below = files.filter((f) => layerOf(f) !== 'edge');

describe('every import points down', () => {
  it('the layers are all populated (the classification is not vacuous)', () => {
    for (const layer of LAYERS) expect(files.filter((f) => layerOf(f) === layer).length).toBeGreaterThan(3);
  });

  it.each(files)('%s imports nothing from a layer above it', (file) => {
    const own = LAYERS.indexOf(layerOf(file));
    const upward = importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(SRC, resolve(dirname(join(SRC, file)), spec)))
      .filter((target) => target !== 'config' && LAYERS.indexOf(layerOf(target)) > own);
    expect(upward).toEqual([]);
  });

  it.each(below)('%s imports no transport (GraphQL, HTTP, WebSocket)', (file) => {
    expect(importsOf(file).filter((spec) => TRANSPORTS.test(spec))).toEqual([]);
  });

  it.each(files.filter((f) => !f.startsWith('db/') && f !== 'server.ts'))('%s runs no statement past MikroORM (no knex query of its own: every statement is counted)', (file) => {
    // A query built with knex must run through em.getConnection().execute(query): MikroORM's onQuery hook counts
    // it for the response cache, the logger logs it and the replica router routes it.
    const source = readFileSync(join(SRC, file), 'utf8');
    expect(source.match(/getKnex\(\)(?!\.client)[^;]*?(\.then\(|await knex|\braw\()/g) ?? []).toEqual([]);
    expect(source).not.toMatch(/=\s*await knex\(/);
  });

  it.each(edges.filter((f) => /\.resolvers?\.ts$/.test(f)))('%s never touches the entity manager (resolvers only map)', (file) => {
    expect(readFileSync(join(SRC, file), 'utf8')).not.toMatch(/\bctx\.em\b|\.getConnection\(|\.getKnex\(/);
  });
});
