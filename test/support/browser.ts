// End-to-end harness: Debian's Chromium (driven by playwright-core) against real servers on a real, seeded test
// database, "today" fixed at 2026-11-28. Pages report console errors, page errors and any request to a host other
// than the loopback one, for the test to fail on. Screenshots go to test-artifacts/web/.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from './database';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts', 'web');
export const NOW = new Date('2026-11-28T02:00:00Z'); // 10:00 in Beijing: "today" is 2026-11-28
export const WAIT = 30_000; // the bound of every single wait (jest's testTimeout, 120 s, exceeds any test's sum of them)

/**
 * Why the browser suites are skipped in this run, if they are: CI's second pass (PostgreSQL) sets
 * SKIP_BROWSER_TESTS to say they ran in the first — a page reads everything through /graphql, which the API tests
 * cover on both databases, and the browser is a third of the suite's time on two cores.
 */
const SKIP_BROWSER_TESTS = process.env.SKIP_BROWSER_TESTS ?? '';

/** `describe` when Chromium is installed (and the run does not skip browsers), else `describe.skip` with a warning naming `file`. */
export function browserSuite(file: string): jest.Describe {
  if (SKIP_BROWSER_TESTS !== '') {
    console.warn(`${file}: SKIPPED — SKIP_BROWSER_TESTS: ${SKIP_BROWSER_TESTS}`);
    return describe.skip;
  }
  if (!HAVE_CHROMIUM) {
    // Only when the browser is missing; CI installs it (.ci/run), so there the suite always runs.
    console.warn(`${file}: SKIPPED — ${CHROMIUM} is absent. Install it with: apt-get install -y chromium`);
  }
  return HAVE_CHROMIUM ? describe : describe.skip;
}

/** A fresh test database named after `label`, holding the demo. */
export async function openDemoDatabase(label: string): Promise<TestDatabase> {
  const db = await openTestDatabase(label, {}, { demo: true });
  return db;
}

/** The server on a free loopback port, in Beijing time, "now" fixed at NOW, errors not logged. */
export function startWebServer(orm: MikroORM, options: { readonly publicReads: boolean }): Promise<RunningServer> {
  return startServer(orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', now: () => NOW, logger: { error: () => undefined }, ...options });
}

/** Headless Chromium, with test-artifacts/web/ made for the screenshots. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright gives every launch a fresh temporary user data dir (--user-data-dir) and removes it afterwards.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: WAIT,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const isLoopback = (raw: string) => {
  const url = new URL(raw);
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};

/** Anything not on the loopback host is refused and reported. */
export async function refuseForeignHosts(context: BrowserContext, report: (problem: string) => void): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.fallback();
    report(`request to a non-loopback host: ${url}`);
    return route.abort('blockedbyclient');
  });
}

export interface WatchOptions {
  /** Console errors the current test expects. */
  readonly expected: () => RegExp | null;
  /** Also report each request and WebSocket off the loopback host as the page makes it. */
  readonly requests?: boolean;
}

/** Reports the page's console errors (but the expected ones) and page errors. */
export function watchPage(page: Page, report: (problem: string) => void, options: WatchOptions): void {
  if (options.requests === true) {
    page.on('request', (request) => {
      if (!isLoopback(request.url())) report(`request to a non-loopback host: ${request.url()}`);
    });
    page.on('websocket', (ws) => {
      if (!isLoopback(ws.url())) report(`websocket to a non-loopback host: ${ws.url()}`);
    });
  }
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (options.expected()?.test(message.text())) return;
    report(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => report(`page error: ${error.message}`));
}
