// The web routes over real HTTP: pages, our own assets and the vendor files from node_modules, with their
// content types and caching; no page names a CDN or any other host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createToken } from '../../src/auth/tokens';
import type { RunningServer } from '../../src/server';
import { startServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { PUBLIC_DIR } from '../../src/web';

let db: TestDatabase;
let server: RunningServer;
let editorToken: string;

beforeAll(async () => {
  db = await openTestDatabase('webroutes', {}, { demo: true });
  server = await startServer(db.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true, now: () => new Date('2026-11-28T02:00:00Z'),
  });
  editorToken = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date('2026-11-28T02:00:00Z'))).token;
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

/** Every src/href/url() a page names. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
}

it('redirects / to the dashboard', async () => {
  const response = await get('/');
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/dashboard');
});

it.each(['/dashboard', '/graphiql'])('%s is a Chinese HTML page naming only our own assets (no CDN)', async (path) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  const html = await response.text();
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).not.toMatch(/https?:\/\/|\/\/cdn|unpkg|jsdelivr|cdnjs|googleapis/i);
  expect(html).not.toMatch(/\{\{\w+\}\}/); // every placeholder filled
  const urls = assetUrls(html).filter((url) => !url.startsWith('#'));
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(url).toMatch(/^\/(?!\/)/);
    const asset = await get(url);
    expect([url, asset.status]).toEqual([url, 200]);
  }
});

it.each([
  ['/vendor/echarts@6.1.0/echarts.min.js', 'text/javascript; charset=utf-8'],
  ['/vendor/react@18.3.1/react.production.min.js', 'text/javascript; charset=utf-8'],
  ['/vendor/react-dom@18.3.1/react-dom.production.min.js', 'text/javascript; charset=utf-8'],
  ['/vendor/graphiql@4.1.2/graphiql.min.js', 'text/javascript; charset=utf-8'],
  ['/vendor/graphiql@4.1.2/graphiql.min.css', 'text/css; charset=utf-8'],
])('serves %s from node_modules, cached for good', async (path, type) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
});

it.each([
  ['/web/js/main.js', 'text/javascript; charset=utf-8'],
  ['/web/js/panels/registry.js', 'text/javascript; charset=utf-8'],
  ['/web/dashboard.css', 'text/css; charset=utf-8'],
  ['/web/favicon.svg', 'image/svg+xml'],
])('serves our own %s, revalidated on every use', async (path, type) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('etag')).toBeTruthy();
});

it.each([
  '/vendor/echarts@0.0.1/echarts.min.js', // wrong version
  '/vendor/echarts@6.1.0/package.json', // not a listed file
  '/vendor/graphiql@4.1.2/..%2Fpackage.json',
  '/web/../index.ts',
  '/web/nothing.js',
])('does not serve %s', async (path) => {
  const response = await get(path);
  expect(response.status).toBe(404);
});

it('leaves /graphql to the API', async () => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ leader(id: "leader:zhou-ming") { name } }' }),
  });
  expect(await response.json()).toEqual({ data: { leader: { name: '周明' } } });
});

/** The tabs the explorer opens with, read by running explorer.js against stand-ins for React and GraphiQL. */
function explorerTabs(): { query: string }[] {
  type Props = { defaultTabs: { query: string }[]; defaultQuery: string };
  const rendered: { props?: Props } = {};
  vm.runInNewContext(readFileSync(path.join(PUBLIC_DIR, 'explorer.js'), 'utf8'), {
    URL,
    window: { location: { href: 'http://127.0.0.1/graphiql' } },
    document: { getElementById: () => ({ textContent: '' }) },
    React: { createElement: (_component: unknown, props: Props) => props },
    ReactDOM: { createRoot: () => ({ render: (props: Props) => { rendered.props = props; } }) },
    GraphiQL: { createFetcher: () => () => undefined },
  });
  if (rendered.props === undefined) throw new Error('explorer.js rendered nothing');
  const { defaultTabs, defaultQuery } = rendered.props;
  expect(defaultQuery).toBe(defaultTabs[0].query);
  return defaultTabs;
}

it('every example operation preloaded in the explorer runs without errors (as the government office)', async () => {
  const tabs = explorerTabs();
  expect(tabs.map((t) => /^(query|mutation) (\w+)/m.exec(t.query)?.[2])).toEqual(['WhoOversees', 'CanDirect', 'TeamBeforeAndAfter', 'Coverage', 'Preview', 'Changes']);
  for (const { query } of tabs) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editorToken}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect([query.split('\n')[1], body.errors]).toEqual([query.split('\n')[1], undefined]);
  }
});
