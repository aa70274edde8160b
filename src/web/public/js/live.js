// A small graphql-ws client (protocol "graphql-transport-ws", the one the server speaks on /graphql):
// connection_init → connection_ack, then one `subscribe` per subscription; answers pings; reconnects
// with back-off and re-subscribes. Status changes are reported so the page can show them and catch up.

const PROTOCOL = 'graphql-transport-ws';

/**
 * @param {{ path?: string, onStatus?: (state: 'connecting'|'open'|'closed', info?: object) => void }} options
 */
export function createLiveClient({ path = '/graphql', onStatus = () => {} } = {}) {
  const subscriptions = new Map();
  let socket = null;
  let acknowledged = false;
  let attempts = 0;
  let nextId = 1;
  let reconnectTimer = null;
  let stopped = false;

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
    ws.addEventListener('open', () => send({ type: 'connection_init', payload: {} }));
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
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      acknowledged = false;
      if (stopped) return;
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
      if (socket === null && reconnectTimer === null) connect();
      else if (acknowledged) sendSubscribe(id, sub);
      return () => {
        if (subscriptions.delete(id) && acknowledged) send({ id, type: 'complete' });
      };
    },
    close() {
      stopped = true;
      if (reconnectTimer !== null) window.clearTimeout(reconnectTimer);
      socket?.close(1000, 'bye');
    },
  };
}
