// Repeats answered from memory before the web framework. Most of the API's traffic is the same anonymous queries
// asked again and again (dashboards, "who oversees X?"); the response cache (response-cache.ts) keeps their
// answers. Serving a kept answer needs only the body's bytes, so a small anonymous JSON POST to /graphql is read
// here, straight off node:http, and answered when it is a repeat — no router, no JSON parse, no middleware chain
// (profiled: Express and its body parser were more than half of a repeat's time). Everything else, and every
// request that is not a repeat, goes on to Express with its body already read, where it meets exactly what it
// would have met (the caller rule, Apollo, the same error shapes). The policy is the same object on both paths:
// a repeat pays its rate-limit points and is logged and counted wherever it is answered.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { httpRefusal } from './errors';
import type { OperationPolicy } from './policy';
import type { ResponseCache } from './response-cache';
import type { Telemetry } from './telemetry';

/** Bodies larger than this (or of unknown length) always take the framework's path. */
export const REPEAT_BODY_LIMIT = 64 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request's id: the caller's `x-request-id` when it is a sane token, else a fresh one. */
export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Whether a request carries credentials (a bearer token, good or bad). */
export function hasAuthorization(req: http.IncomingMessage): boolean {
  return typeof req.headers.authorization === 'string' && req.headers.authorization.trim() !== '';
}

/** The answer to a body that is not JSON (the body parser's 400), in GraphQL's error shape, the same on both paths. */
export const MALFORMED_REQUEST = { errors: [{ message: '请求格式错误 (malformed request)', extensions: { code: 'BAD_REQUEST' } }] } as const;

export interface RepeatDesk {
  readonly responses: ResponseCache;
  readonly policy: OperationPolicy;
  readonly telemetry: Telemetry;
  /** Today in the directory's time zone (part of every key: the resolved as-of date). */
  readonly today: () => string;
  /** Where the bytes of a body read here are left for the framework's path (the cache keys on them). */
  readonly rawBodies: WeakMap<http.IncomingMessage, Buffer>;
}

/**
 * Answers the kept answer for `key`, admitted by the policy (the caller rule and the rate limit): true when the
 * request has been answered (or refused with its coded status), false when it must execute. Anything but a coded
 * refusal is thrown.
 */
export async function answerRepeat(desk: RepeatDesk, key: string, req: http.IncomingMessage, res: http.ServerResponse, requestId: string): Promise<boolean> {
  const started = performance.now();
  try {
    const answer = await desk.responses.answer(key);
    if (answer === null) return false;
    await desk.policy.admitRepeat({ tokenId: null, address: req.socket.remoteAddress ?? 'unknown' }, false, answer.points);
    desk.telemetry.record({ requestId, transport: 'http', operation: answer.operation, durationMs: performance.now() - started, code: 'OK' });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.bytes.length, 'x-request-id': requestId });
    res.end(answer.bytes);
    return true;
  } catch (error) {
    const refusal = httpRefusal(error);
    if (refusal === null) throw error;
    desk.telemetry.record({ requestId, transport: 'http', operation: 'query (repeat)', durationMs: performance.now() - started, code: refusal.body.errors[0].extensions.code });
    const body = JSON.stringify(refusal.body);
    res.writeHead(refusal.status, { ...Object.fromEntries(refusal.headers), 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId });
    res.end(body);
    return true;
  }
}

/** A small anonymous UTF-8 JSON POST to exactly /graphql, by a caller the policy admits without a token. */
function mayBeRepeat(desk: RepeatDesk, req: http.IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql' || hasAuthorization(req) || req.headers['content-encoding'] !== undefined) return false;
  const type = req.headers['content-type']?.toLowerCase().replace(/\s+/g, '');
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
  const length = Number(req.headers['content-length']);
  if (!Number.isInteger(length) || length <= 0 || length > REPEAT_BODY_LIMIT) return false;
  try {
    desk.policy.requireCaller(false);
    return true;
  } catch {
    return false;
  }
}

/** JSON.parse as the body parser's strict mode reads a body: an object or an array, else malformed (undefined). */
function parseStrict(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The server's request listener: repeats are answered here; everything else is handed to `app` (Express), a body
 * read here travelling with the request as the body parser would have left it (`req.body`, and its bytes in
 * `rawBodies`).
 */
export function answeringRepeatsFirst(desk: RepeatDesk, app: (req: http.IncomingMessage, res: http.ServerResponse) => void, onError: (error: unknown) => void): http.RequestListener {
  return (req, res) => {
    if (!mayBeRepeat(desk, req)) {
      app(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const requestId = requestIdOf(req);
      const handOver = () => {
        const body = parseStrict(raw);
        if (body === undefined) {
          const text = JSON.stringify(MALFORMED_REQUEST);
          res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId });
          res.end(text);
          return;
        }
        (req as http.IncomingMessage & { body?: unknown }).body = body;
        desk.rawBodies.set(req, raw);
        req.headers['x-request-id'] = requestId;
        app(req, res);
      };
      answerRepeat(desk, desk.responses.keyOfBytes(raw, desk.today()), req, res, requestId).then(
        (answered) => {
          if (!answered) handOver();
        },
        (error: unknown) => {
          onError(error);
          handOver();
        },
      );
    });
  };
}
