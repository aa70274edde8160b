// Error formatting for every GraphQL transport: coded errors pass through with their code; DomainErrors get
// theirs; anything unexpected is logged and masked, so no stack trace, SQL or internal message leaks.
import { unwrapResolverError } from '@apollo/server/errors';
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
    logger.error({ err: original instanceof GraphQLError ? original.originalError ?? original : original }, 'Unexpected error while executing a GraphQL operation');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
