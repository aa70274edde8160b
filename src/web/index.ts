// The web front end: the dashboard (/dashboard) and the offline GraphQL explorer (/graphiql).
// Plain HTML + CSS + ES modules from src/web/public (no build step); every third-party file (ECharts,
// React 18 UMD, GraphiQL 4 UMD) is served from node_modules by our own routes, so nothing loads from a CDN.
// The pages read everything through the public GraphQL API at /graphql; this router serves files only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../config';

/** Our own files (resolved from the project root so that it works from src/ under ts-node and from dist/). */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'src', 'web', 'public');
/** The two pages' HTML templates (their `{{placeholders}}` name vendor URLs). */
const PAGES_DIR = path.join(PROJECT_ROOT, 'src', 'web', 'pages');

interface VendorFile {
  readonly pkg: string;
  /** Path inside the package. */
  readonly file: string;
}

/**
 * Third-party browser files, by the name the pages use. Resolved through each package's package.json
 * (graphiql's `exports` hides its UMD bundle, but package.json is exported).
 */
const VENDOR: Readonly<Record<string, VendorFile>> = {
  'echarts.min.js': { pkg: 'echarts', file: 'dist/echarts.min.js' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css' },
};

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The URL of each vendor file; the package version is part of it, so the file may be cached for good. */
function vendorUrls(): Map<string, string> {
  return new Map(Object.entries(VENDOR).map(([name, entry]) => [name, `/vendor/${entry.pkg}@${packageVersion(entry.pkg)}/${name}`]));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Versioned vendor files never change under their URL. */
const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Our own files change with a deployment: revalidate (ETag → 304) on every use. */
const CACHE_REVALIDATE = 'no-cache';

/**
 * Only our origin: no CDN can load even by mistake. Inline styles are needed by ECharts and GraphiQL;
 * GraphiQL's stylesheet embeds its fonts and icons as data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/** Fills `{{name}}` placeholders of an HTML template. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function sendPage(res: express.Response, html: string): void {
  res.set({
    'Content-Type': CONTENT_TYPES['.html'],
    'Cache-Control': CACHE_REVALIDATE,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  });
  res.send(html);
}

/** Routes: GET /dashboard, GET /graphiql, GET /web/* (our files), GET /vendor/<pkg>@<version>/<file>. */
export interface WebOptions {
  /** Serve the GraphQL explorer at /graphiql (off in production unless enabled). */
  readonly explorer: boolean;
}

export function createWebRouter(options: WebOptions = { explorer: true }): express.Router {
  const router = express.Router();
  const urls = vendorUrls();
  // The pages are read once, with {{echarts_min_js}} etc. replaced by the versioned URLs.
  const placeholders = Object.fromEntries([...urls].map(([name, url]) => [name.replace(/\W/g, '_'), url]));
  const dashboard = fill(readFileSync(path.join(PAGES_DIR, 'dashboard.html'), 'utf8'), placeholders);
  const explorer = fill(readFileSync(path.join(PAGES_DIR, 'graphiql.html'), 'utf8'), placeholders);

  router.get('/dashboard', (_req, res) => sendPage(res, dashboard));
  // Deep links to one leader's or one unit's page: the same page, which opens it from the path.
  router.get(['/dashboard/leader/:id', '/dashboard/department/:id'], (_req, res) => sendPage(res, dashboard));
  if (options.explorer) router.get('/graphiql', (_req, res) => sendPage(res, explorer));
  router.get('/favicon.ico', (_req, res) => res.redirect(301, '/web/favicon.svg'));

  router.get('/vendor/:versioned/:name', (req, res, next) => {
    const { name } = req.params;
    if (urls.get(name) !== `/vendor/${req.params.versioned}/${name}`) return next();
    const entry = VENDOR[name];
    res.set({
      'Cache-Control': CACHE_IMMUTABLE,
      'Content-Type': CONTENT_TYPES[path.extname(name)],
      'X-Content-Type-Options': 'nosniff',
    });
    res.sendFile(path.join(packageDir(entry.pkg), entry.file), { cacheControl: false }, (error) => {
      if (error !== undefined && error !== null && !res.headersSent) next(error);
    });
  });

  router.use(
    '/web',
    express.static(PUBLIC_DIR, {
      index: false,
      cacheControl: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', CACHE_REVALIDATE);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        const type = CONTENT_TYPES[path.extname(file)];
        if (type !== undefined) res.setHeader('Content-Type', type);
      },
    }),
  );
  return router;
}
