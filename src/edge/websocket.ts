// GraphQL over WebSocket (graphql-ws), held to exactly the policy of HTTP: every operation is parsed,
// validated, admitted and its errors formatted by the same OperationPolicy (graphql-ws's `useServer` does not
// run Apollo's pipeline, so nothing of Apollo's applies here unless this file applies it). On top of that,
// limits of the connection itself: payload size, connections per address and per token, messages per
// second, and an idle timeout.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createSourceEventStream, execute, getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeOperation, type OperationPolicy } from './policy';
import type { Telemetry } from './telemetry';

export const WEBSOCKET_LIMITS = {
  /** The largest message accepted; the same bound as an HTTP request body. */
  maxPayloadBytes: 1_048_576,
  connectionsPerAddress: 50,
  connectionsPerToken: 20,
  messagesPerSecond: 50,
  /** A connection with no open operation and no new one for this long is closed. */
  idleTimeoutMs: 300_000,
  /** Time allowed between opening the socket and sending connection_init. */
  initTimeoutMs: 10_000,
} as const;

export type WebSocketLimits = { readonly [K in keyof typeof WEBSOCKET_LIMITS]: number };

/** Close codes beyond graphql-ws's own (4400 bad request, 4403 forbidden, 4408 init timeout, …). */
export const CLOSE_CODES = { badRequest: 4400, tooManyConnections: 4429, tooManyMessages: 4430, idle: 4408 } as const;

/** The message types a client may send in graphql-transport-ws; the others are the server's. */
const CLIENT_MESSAGE_TYPES = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);

/**
 * Whether a text frame is well-formed JSON naming a type only the server sends (next, error, connection_ack):
 * graphql-ws would answer it with 4500 Internal Error; it is the client's protocol error, 4400. Anything
 * else — valid, or not JSON at all — is left to graphql-ws, which closes bad frames with 4400 itself.
 */
function clientSentServerMessage(text: string): boolean {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return false;
  }
  if (message === null || typeof message !== 'object' || !('type' in message)) return false;
  const type = (message as { type: unknown }).type;
  return typeof type === 'string' && !CLIENT_MESSAGE_TYPES.has(type);
}

export interface Admitted<Context> {
  /** null for an anonymous caller. */
  readonly tokenId: string | null;
  readonly context: (address: string) => Context;
}

export interface WebSocketOptions<Context> {
  readonly httpServer: http.Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly policy: OperationPolicy;
  readonly telemetry: Telemetry;
  /** Authenticates the connection's `authorization` parameter; throws a coded error for a bad token. */
  readonly authenticate: (authorization: string | undefined) => Promise<Admitted<Context>>;
  readonly limits?: Partial<WebSocketLimits>;
}

interface SocketState {
  readonly address: string;
  tokenId: string | null;
  authorization: string | undefined;
  openOperations: number;
  lastActivity: number;
  windowStart: number;
  messagesInWindow: number;
  readonly started: Map<string, number>;
}

type ConnectionParams = { authorization?: string };

export function serveWebSocket<Context>(options: WebSocketOptions<Context>): { dispose(): Promise<void> } {
  const limits: WebSocketLimits = { ...WEBSOCKET_LIMITS, ...options.limits };
  const { policy, telemetry } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: limits.maxPayloadBytes });
  const sockets = new Map<WebSocket, SocketState>();
  const perAddress = new Map<string, number>();
  const perToken = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
    return next;
  };

  // Registered before useServer's own listener, so a refused connection is closed before it is served.
  wsServer.on('connection', (socket, request) => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const now = performance.now();
    const state: SocketState = { address, tokenId: null, authorization: undefined, openOperations: 0, lastActivity: now, windowStart: now, messagesInWindow: 0, started: new Map() };
    sockets.set(socket, state);
    telemetry.webSocketConnections.inc({ authenticated: 'false' });
    if (bump(perAddress, address, 1) > limits.connectionsPerAddress) socket.close(CLOSE_CODES.tooManyConnections, 'Too many connections');
    socket.on('message', (data, isBinary) => {
      if (!isBinary && clientSentServerMessage(data.toString())) {
        socket.close(CLOSE_CODES.badRequest, 'Invalid message type');
        return;
      }
      const at = performance.now();
      if (at - state.windowStart >= 1000) {
        state.windowStart = at;
        state.messagesInWindow = 0;
      }
      state.messagesInWindow += 1;
      if (state.messagesInWindow > limits.messagesPerSecond) socket.close(CLOSE_CODES.tooManyMessages, 'Too many messages');
    });
    socket.once('close', () => {
      sockets.delete(socket);
      bump(perAddress, address, -1);
      if (state.tokenId !== null) bump(perToken, state.tokenId, -1);
      telemetry.webSocketConnections.dec({ authenticated: String(state.tokenId !== null) });
    });
  });
  const idleSweep = setInterval(() => {
    const now = performance.now();
    for (const [socket, state] of sockets) {
      if (state.openOperations === 0 && now - state.lastActivity > limits.idleTimeoutMs) socket.close(CLOSE_CODES.idle, 'Idle timeout');
    }
  }, Math.min(30_000, Math.max(50, limits.idleTimeoutMs / 4)));
  idleSweep.unref();

  const stateOf = (socket: WebSocket): SocketState => {
    const state = sockets.get(socket);
    if (state === undefined) throw new Error('graphql-ws served a socket this server never saw open');
    return state;
  };
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => policy.formatError(e.toJSON(), e));
  const finish = (state: SocketState, id: string, operation: string, code: string) => {
    const started = state.started.get(id);
    if (started === undefined) return;
    state.started.delete(id);
    telemetry.record({ requestId: `ws-${id}`, transport: 'ws', operation, durationMs: performance.now() - started, code });
  };

  // Each event of a subscription runs in a scope of its own, made like the operation's (same viewer, same address):
  // a subscription lives for hours, and an identity map or a loader kept that long would answer from the past.
  const renewals = new WeakMap<object, () => Context>();
  const server = useServer<ConnectionParams, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      subscribe: async (args) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const renew = renewals.get(args.contextValue as object);
        return eachEvent(source, (event) => execute({ ...args, rootValue: event, contextValue: renew === undefined ? args.contextValue : renew() }));
      },
      connectionInitWaitTimeout: limits.initTimeoutMs,
      onConnect: async (ctx) => {
        const state = stateOf(ctx.extra.socket);
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        let admitted: Admitted<Context>;
        try {
          admitted = await options.authenticate(authorization);
          policy.requireCaller(admitted.tokenId !== null);
        } catch {
          return false;
        }
        if (admitted.tokenId !== null) {
          state.tokenId = admitted.tokenId;
          telemetry.webSocketConnections.dec({ authenticated: 'false' });
          telemetry.webSocketConnections.inc({ authenticated: 'true' });
          if (bump(perToken, admitted.tokenId, 1) > limits.connectionsPerToken) {
            ctx.extra.socket.close(CLOSE_CODES.tooManyConnections, 'Too many connections');
            return false;
          }
        }
        state.authorization = authorization;
        return true;
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const state = stateOf(ctx.extra.socket);
        state.lastActivity = performance.now();
        state.started.set(id, state.lastActivity);
        try {
          const parsed = policy.parseAndValidate(options.schema, payload.query);
          if (Array.isArray(parsed)) return parsed;
          const document = parsed as Exclude<typeof parsed, readonly GraphQLError[]>;
          // The token is checked again for each operation, as over HTTP, so a revoked token stops working at once.
          const admitted = await options.authenticate(state.authorization);
          const variableValues = await policy.admit({
            document, operationName: payload.operationName, variables: payload.variables,
            authenticated: admitted.tokenId !== null, caller: { tokenId: admitted.tokenId, address: state.address },
          });
          const coercionErrors = policy.coerceVariables(options.schema, document, payload.operationName, variableValues);
          if (coercionErrors !== null) return coercionErrors;
          state.openOperations += 1;
          const contextValue = admitted.context(state.address);
          renewals.set(contextValue as object, () => admitted.context(state.address));
          return { schema: options.schema, document, operationName: payload.operationName, variableValues, contextValue };
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error', { originalError: error instanceof Error ? error : new Error(String(error)) })];
        }
      },
      onNext: (ctx, id, _payload, args, result) => {
        const state = stateOf(ctx.extra.socket);
        const operation = getOperationAST(args.document, args.operationName);
        const errors = result.errors === undefined ? undefined : format(result.errors);
        if (operation?.operation !== 'subscription') finish(state, id, describeOperation(operation), errors === undefined ? 'OK' : String(errors[0].extensions?.code));
        return errors === undefined ? { ...result, errors: undefined } : { ...result, errors };
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = format(errors);
        finish(stateOf(ctx.extra.socket), id, 'unknown', String(formatted[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        return formatted;
      },
      onComplete: (ctx, id) => {
        const state = sockets.get(ctx.extra.socket);
        if (state === undefined) return;
        state.openOperations = Math.max(0, state.openOperations - 1);
        state.lastActivity = performance.now();
        finish(state, id, 'subscription', 'OK');
      },
    },
    wsServer,
  );
  return {
    async dispose() {
      clearInterval(idleSweep);
      await server.dispose();
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The subscription's results: `run` for each event of `source`. An iterator written out rather than an async
 * generator, so that graphql-ws's return() (the client completes, the socket closes) ends the source at once
 * instead of after its next event.
 */
function eachEvent(source: AsyncIterable<unknown>, run: (event: unknown) => ExecutionResult | Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<ExecutionResult>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      const event = await events.next();
      return event.done === true ? { value: undefined, done: true } : { value: await run(event.value), done: false };
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
