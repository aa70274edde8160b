// The one operation policy of every GraphQL transport. HTTP (Apollo) and WebSocket (graphql-ws) both
// parse with the same token limit, validate with the same rules (depth, aliases, directives, cost, input
// text, introspection), admit with the same checks (private reads, variables' hygiene, rate limit) and
// format errors with the same masking. A transport added later calls the same four steps.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getOperationAST, GraphQLError, Kind, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { BadInputError, cleanInput, findControlCharacter, INPUT_LIMITS, normalizeText } from '../domain';
import { createFormatError } from './errors';
import { EXPORT_POINTS, pointsForCost, type Caller, type RateLimiter } from './rate-limit';
import type { Logger } from './telemetry';

/** Limits on what one operation may ask for; documented in the README's Security section. */
export const QUERY_LIMITS = { maxTokens: 5000, maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxCost: 200_000 } as const;

export interface PolicyOptions {
  /** Anonymous callers may read (the demo default); when false every operation, introspection included, needs a token. */
  readonly publicReads: boolean;
  /** Schema introspection (__schema, __type); off in production unless enabled. */
  readonly introspection: boolean;
  readonly rateLimiter: RateLimiter | null;
  readonly logger: Logger;
}

export interface AdmissionRequest {
  readonly document: DocumentNode;
  readonly operationName?: string | null;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
  /** Whether the caller presented a valid token. */
  readonly authenticated: boolean;
  readonly caller: Caller;
}

/** A refusal at the edge, in GraphQL's error shape; `http` is how Apollo sets the status of an HTTP answer. */
function refusal(code: string, message: string, status: number, headers: Record<string, string> = {}, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code, http: { status, headers: new Map(Object.entries(headers)) } } });
}

function rateLimited(retryAfterSeconds: number): GraphQLError {
  return refusal('RATE_LIMITED', `请求过于频繁，请 ${retryAfterSeconds} 秒后再试 (rate limit exceeded)`, 429, { 'retry-after': String(retryAfterSeconds) }, { retryAfterSeconds });
}

/**
 * Every string literal in a document is checked for control characters and normalised in place (the
 * document is then what gets cached and executed); over-long strings and lists are refused.
 */
const inputTextRule: ValidationRule = (context) => ({
  StringValue(node) {
    const bad = findControlCharacter(node.value);
    if (bad !== null) {
      context.reportError(new GraphQLError(`文本含不允许的控制字符 ${bad.codePoint} (control character in a string)`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
    } else if (node.value.length > INPUT_LIMITS.maxTextLength) {
      context.reportError(new GraphQLError(`文本过长：最多 ${INPUT_LIMITS.maxTextLength} 个字符 (text too long)`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
    } else {
      (node as { value: string }).value = normalizeText(node.value);
    }
  },
  ListValue(node) {
    if (node.values.length > INPUT_LIMITS.maxListItems) {
      context.reportError(new GraphQLError(`列表过长：最多 ${INPUT_LIMITS.maxListItems} 项 (list too long)`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
    }
  },
});

/**
 * The variables as the operation will see them: every string normalised. Refuses (BAD_USER_INPUT, naming
 * the variable's path) a control character, an over-long string or list, or nesting deeper than any input has.
 */
export function cleanVariables(variables: Readonly<Record<string, unknown>> | null | undefined): Record<string, unknown> {
  if (variables === null || variables === undefined) return {};
  try {
    return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, cleanInput(value, `$${name}`, { ...INPUT_LIMITS, maxNesting: INPUT_LIMITS.maxNesting - 1 })]));
  } catch (error) {
    if (error instanceof BadInputError) throw refusal('BAD_USER_INPUT', `变量 ${error.message}`, 400, {}, { variable: error.details.path });
    throw error;
  }
}

/** "query leadershipTeam,whoOversees": the operation's type and root fields, for logs and metric labels. */
export function describeOperation(operation: OperationDefinitionNode | null | undefined): string {
  if (operation === null || operation === undefined) return 'unknown';
  const fields = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
  return `${operation.operation} ${[...new Set(fields)].sort().join(',')}`.slice(0, 120);
}

export class OperationPolicy {
  readonly parseOptions = { maxTokens: QUERY_LIMITS.maxTokens } as const;
  readonly validationRules: readonly ValidationRule[];
  readonly formatError: ReturnType<typeof createFormatError>;
  /** Each validated document's armor cost, for the rate limit (Apollo reuses validated documents, so keyed by document). */
  private readonly costs = new WeakMap<DocumentNode, number>();

  constructor(private readonly options: PolicyOptions) {
    // Token counting is left to graphql-js's own parser (parseOptions.maxTokens), which reports an
    // over-long document as a parse failure; graphql-armor's max-tokens plugin turns it into a 500.
    const armor = new ApolloArmor({
      maxTokens: { enabled: false },
      maxDepth: { n: QUERY_LIMITS.maxDepth },
      maxAliases: { n: QUERY_LIMITS.maxAliases },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives },
      costLimit: { maxCost: QUERY_LIMITS.maxCost, onAccept: [(context, details: { n: number }) => { if (context !== null) this.costs.set(context.getDocument(), details.n); }] },
      blockFieldSuggestion: { enabled: false },
    }).protect();
    this.validationRules = [...armor.validationRules, inputTextRule, ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
    this.formatError = createFormatError(options.logger, { hideSuggestions: !options.introspection });
  }

  /**
   * Parse and validate as Apollo does, for transports that do it themselves: a parse failure is
   * GRAPHQL_PARSE_FAILED, a rule's refusal GRAPHQL_VALIDATION_FAILED (or the rule's own BAD_USER_INPUT).
   */
  parseAndValidate(schema: GraphQLSchema, query: string): DocumentNode | readonly GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(query, this.parseOptions);
    } catch (error) {
      const cause = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return [new GraphQLError(cause.message, { source: cause.source, positions: cause.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' }, originalError: cause })];
    }
    const errors = validate(schema, document, [...specifiedRules, ...this.validationRules]);
    if (errors.length === 0) return document;
    return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' }, originalError: e.originalError ?? e }));
  }

  /**
   * With private reads, an anonymous caller is refused before anything else — before parsing, so not even
   * a validation message tells him what the schema holds. Transports call it as soon as they know the caller.
   */
  requireCaller(authenticated: boolean): void {
    if (!authenticated && !this.options.publicReads) throw refusal('UNAUTHENTICATED', '需要登录令牌 (a bearer token is required)', 401);
  }

  /**
   * Variables coerced to their declared types, as Apollo does before executing: a wrong type is
   * BAD_USER_INPUT, not an execution error (graphql-js's execute would report it without a code).
   */
  coerceVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): readonly GraphQLError[] | null {
    const operation = getOperationAST(document, operationName);
    if (operation === null || operation === undefined) return [new GraphQLError('无法确定要执行的操作 (unable to identify the operation)', { extensions: { code: 'BAD_USER_INPUT' } })];
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 20 });
    if (coerced.errors === undefined) return null;
    return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' }, originalError: e }));
  }

  /** Admits a validated operation or throws a coded refusal; returns the variables the operation runs with. */
  async admit(request: AdmissionRequest): Promise<Record<string, unknown>> {
    this.requireCaller(request.authenticated);
    const variables = cleanVariables(request.variables);
    await this.consume(request.caller, this.pointsFor(request.document));
    return variables;
  }

  /** The rate-limit points a validated operation costs (its cost, from the cost rule of validation). */
  pointsFor(document: DocumentNode): number {
    return pointsForCost(this.costs.get(document) ?? 0);
  }

  /**
   * Admits a repeat of an operation answered from the response cache: the caller rule and the rate limit, at the
   * points the operation cost when it ran (its validation and variable hygiene gave the same answer then).
   */
  async admitRepeat(caller: Caller, authenticated: boolean, points: number): Promise<void> {
    this.requireCaller(authenticated);
    await this.consume(caller, points);
  }

  /**
   * Admits a download (GET /export/…): the same caller rule as reads and the same rate-limit budget, a download
   * costing EXPORT_POINTS; throws the same coded refusals as admit.
   */
  admitDownload(caller: Caller, authenticated: boolean): Promise<void> {
    return this.admitRepeat(caller, authenticated, EXPORT_POINTS);
  }

  private async consume(caller: Caller, points: number): Promise<void> {
    const decision = await this.options.rateLimiter?.consume(caller, points);
    if (decision !== undefined && !decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }
}
