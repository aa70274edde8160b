// A raw graphql-transport-ws client for tests: it shows exactly what the server sends, close codes included,
// where graphql-ws's own client would retry or hide them.
import WebSocket from 'ws';

export interface WsOutcome {
  /** `next` payloads, in order. */
  readonly results: any[];
  /** The `error` message's payload (a list of GraphQL errors), when the operation failed before executing. */
  readonly errors: any[] | null;
  /** Set when the server closed the socket instead of answering. */
  readonly closed: { code: number; reason: string } | null;
}

export interface WsConnection {
  /** Runs one operation and waits for its complete or error message, or for the socket to close. */
  run(query: string, variables?: Record<string, unknown>): Promise<WsOutcome>;
  /** Sends raw text (for payload and flooding tests). */
  sendRaw(text: string): void;
  /** Resolves with the close code and reason when the server closes the socket. */
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

const ACK_TIMEOUT_MS = 20_000;

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** Opens a connection and completes the handshake; rejects with the close code if the server refuses it. */
export async function connect(url: string, connectionParams: Record<string, unknown> = {}): Promise<WsConnection> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  let nextId = 0;
  const listeners = new Map<string, (message: any) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    if (typeof message.id === 'string') listeners.get(message.id)?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection_ack')), ACK_TIMEOUT_MS);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') {
        clearTimeout(timer);
        resolve();
      }
    });
    void closed.then(({ code, reason }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`closed ${code} ${reason}`), { code, reason }));
    });
    socket.once('error', reject);
  });
  return {
    closed,
    sendRaw: (text) => socket.send(text),
    run(query, variables) {
      const id = String((nextId += 1));
      const results: any[] = [];
      return new Promise<WsOutcome>((resolve) => {
        listeners.set(id, (message) => {
          if (message.type === 'next') results.push(message.payload);
          if (message.type === 'error') resolve({ results, errors: message.payload, closed: null });
          if (message.type === 'complete') resolve({ results, errors: null, closed: null });
        });
        void closed.then((c) => resolve({ results, errors: null, closed: c }));
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      });
    },
    async close() {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000);
      await closed;
    },
  };
}

/** The first error code of an outcome, from an `error` message or from a result's errors. */
export function firstCode(outcome: WsOutcome): unknown {
  if (outcome.errors !== null) return outcome.errors[0]?.extensions?.code;
  return outcome.results[0]?.errors?.[0]?.extensions?.code;
}
