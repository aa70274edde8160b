// A small graphql-ws client (protocol "graphql-transport-ws", the one the server speaks on /graphql):
// connection_init → connection_ack, then one `subscribe` per subscription; answers pings; reconnects
// with back-off and re-subscribes. Status changes are reported so the page can show them and catch up.

const PROTOCOL = 'graphql-transport-ws';

/** Close codes meaning "sign in first": graphql-ws's 4403 Forbidden (the server refuses anonymous sockets when reads are private) and 4401. */
const REFUSED = new Set([4401, 4403]);

/**
 * @param {{ path?: string, authorization?: () => string | null,
 *   onStatus?: (state: 'connecting'|'open'|'closed'|'unauthorized', info?: object) => void }} options
 * `authorization()` is sent as connectionParams.authorization ("Bearer …") on every (re)connect. A socket the
 * server refuses for want of a token is not retried until restart() (after signing in).
 */
export function createLiveClient({ path = '/graphql', authorization = () => null, onStatus = () => {} } = {}) {
  const subscriptions = new Map();
  let socket = null;
  let acknowledged = false;
  let attempts = 0;
  let nextId = 1;
  let reconnectTimer = null;
  let stopped = false;
  let refused = false;

  const url = () => {
    const u = new URL(path, window.location.href);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.toString();
  };
  const send = (message) => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };
  const sendSubscribe = (id, sub) => send({ id, type: 'subscribe', payload: { query: sub.query, variables: sub.variables } });

  function connect() {
    reconnectTimer = null;
    if (stopped) return;
    onStatus('connecting');
    acknowledged = false;
    const ws = new WebSocket(url(), PROTOCOL);
    socket = ws;
    ws.addEventListener('open', () => {
      const auth = authorization();
      send({ type: 'connection_init', payload: auth ? { authorization: auth } : {} });
    });
    ws.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      switch (message.type) {
        case 'connection_ack': {
          acknowledged = true;
          const reconnected = attempts > 0;
          attempts = 0;
          for (const [id, sub] of subscriptions) sendSubscribe(id, sub);
          onStatus('open', { reconnected });
          break;
        }
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next':
          subscriptions.get(message.id)?.onNext(message.payload);
          break;
        case 'error':
          subscriptions.get(message.id)?.onError?.(message.payload);
          break;
        case 'complete':
          subscriptions.delete(message.id);
          break;
        default:
          break;
      }
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      acknowledged = false;
      if (stopped) return;
      if (REFUSED.has(event.code)) {
        refused = true;
        onStatus('unauthorized', { code: event.code });
        return;
      }
      onStatus('closed');
      const delay = Math.min(30000, 1000 * 2 ** attempts);
      attempts += 1;
      reconnectTimer = window.setTimeout(connect, delay);
    });
  }

  return {
    /** Starts a subscription; returns a function that ends it. */
    subscribe(query, variables, onNext, onError) {
      const id = String(nextId++);
      const sub = { query, variables, onNext, onError };
      subscriptions.set(id, sub);
      if (socket === null && reconnectTimer === null && !refused) connect();
      else if (acknowledged) sendSubscribe(id, sub);
      return () => {
        if (subscriptions.delete(id) && acknowledged) send({ id, type: 'complete' });
      };
    },
    /** Reconnects now (e.g. with a new token), re-subscribing everything. */
    restart() {
      refused = false;
      attempts = 0;
      if (reconnectTimer !== null) window.clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const old = socket;
      socket = null;
      acknowledged = false;
      old?.close(1000, 'restart');
      connect();
    },
    close() {
      stopped = true;
      if (reconnectTimer !== null) window.clearTimeout(reconnectTimer);
      socket?.close(1000, 'bye');
    },
  };
}
