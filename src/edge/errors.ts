// Error formatting for every GraphQL transport: coded errors pass through with their code; DomainErrors get
// theirs; anything unexpected is logged and masked, so no stack trace, SQL or internal message leaks.
import { unwrapResolverError } from '@apollo/server/errors';
import { ConnectionException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../domain';
import type { Logger } from './telemetry';

/** Codes that describe the client's request and are safe to show as they are. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * graphql-js reports a literal of the wrong type (a bad date, an unknown enum value, a string for an Int)
 * as a validation failure. To a client that is bad input, so it gets the same code as a bad variable.
 */
const VALUE_ERROR = /^(Expected value of type|Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|(Int|Float|String|Boolean|ID) cannot represent)/;

/** A scalar's own parse error (e.g. LocalDate) that Apollo re-labelled as a validation failure. */
function isBadInput(error: unknown): boolean {
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  return cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT';
}

/** SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: terminated, shutting down). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0)/;
// knex's "Transaction query already complete": the transaction was rolled back under a statement because its
// connection died; the next statement of the same operation meets it.
const UNAVAILABLE_MESSAGE = /Connection terminated|connection error and is not queryable|Transaction query already complete|Connection ended unexpectedly|terminating connection|Timeout acquiring a connection|the database system is (starting up|shutting down)/i;

/** Whether an error (or its cause, MikroORM's `previous`, graphql's `originalError`) is the database being unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 6; depth++) {
    if (current instanceof ConnectionException) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE')) return true;
    if (UNAVAILABLE_MESSAGE.test(current.message)) return true;
    const next = current as { cause?: unknown; previous?: unknown; originalError?: unknown };
    current = next.originalError ?? next.previous ?? next.cause;
  }
  return false;
}

export interface FormatErrorOptions {
  /**
   * Drop graphql-js's "Did you mean …?" hints, which spell out field and type names: without introspection
   * they would be a way to read the schema one guess at a time.
   */
  readonly hideSuggestions: boolean;
}

const SUGGESTION = / ?Did you mean .*\?$/;

export function createFormatError(logger: Logger, options: FormatErrorOptions) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    if (options.hideSuggestions && SUGGESTION.test(formatted.message)) formatted = { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const isValueError =
        code === 'GRAPHQL_VALIDATION_FAILED' && (VALUE_ERROR.test(formatted.message) || isBadInput(original));
      // `http` is how a refusal sets Apollo's HTTP status; over WebSocket it would leak as an empty object.
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: isValueError ? 'BAD_USER_INPUT' : code } };
    }
    // The database went away under the operation (a restart, pg_terminate_backend, a full pool): the server's
    // trouble, but a known one — coded, logged, and nothing half-written (every write is one transaction).
    if (isDatabaseUnavailable(original)) {
      logger.error({ err: original, code: 'DATABASE_UNAVAILABLE' }, 'The database was unavailable to a GraphQL operation');
      return { message: '数据库暂时不可用，请稍后重试 (the database is unavailable; retry shortly)', locations: formatted.locations, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    // Apollo's own refusals of a malformed request (a persisted query whose hash does not match it) carry a 4xx
    // status and no code: the client's mistake, not the server's (found by test/api/fuzz-http.test.ts).
    const status = original instanceof GraphQLError && original.originalError === undefined ? (original.extensions.http as { status?: unknown } | undefined)?.status : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
    }
    logger.error({ err: original instanceof GraphQLError ? original.originalError ?? original : original }, 'Unexpected error while executing a GraphQL operation');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** An error as an HTTP edge outside GraphQL (the downloads) answers it: status, headers and GraphQL's error shape. */
export interface HttpRefusal {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: { readonly errors: readonly { readonly message: string; readonly extensions: { readonly code: string } }[] };
}

const STATUS_OF_DOMAIN_CODE: Readonly<Record<string, number>> = { NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * The coded answer to an error with a code — a policy refusal (its own status), a domain error (404/401/403, else
 * 400), the database being unavailable (503) — or null for anything else, which the server logs and answers 500.
 */
export function httpRefusal(error: unknown): HttpRefusal | null {
  const answer = (status: number, code: string, message: string, headers: ReadonlyMap<string, string> = new Map()): HttpRefusal => ({
    status, headers, body: { errors: [{ message, extensions: { code } }] },
  });
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
    return answer(http?.status ?? 400, error.extensions.code, error.message, http?.headers);
  }
  if (error instanceof DomainError) return answer(STATUS_OF_DOMAIN_CODE[error.code] ?? 400, error.code, error.message);
  if (isDatabaseUnavailable(error)) return answer(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用，请稍后重试 (the database is unavailable; retry shortly)');
  return null;
}
