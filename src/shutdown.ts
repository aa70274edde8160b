// A graceful stop for the HTTP side, for SIGTERM under load (issue #11, item 6). Node's own `server.close()`
// destroys idle keep-alive sockets at once — a request a client has just written to one is then reset — and a
// socket that ends right after its last response races the client's next request. So, on stop:
//   1. stop accepting connections, but keep the open ones;
//   2. every response from now on, and every one still being computed, says `Connection: close`, so clients
//      open no further request on that socket and the socket closes after its response, cleanly;
//   3. a socket with nothing in flight gets `lingerMs` for a request already on the wire to arrive (it is then
//      answered, with `Connection: close`) before it is ended (FIN, never a reset);
//   4. resolve when every HTTP socket is closed, or after `timeoutMs` (then the rest are ended).
// WebSocket connections are not HTTP requests: the server's own stop closes them (src/edge/websocket.ts).
import type http from 'node:http';
import net from 'node:net';

export interface HttpDrain {
  /** Runs steps 1–4; resolves with whether every socket closed by itself within `timeoutMs`. */
  drain(options?: { lingerMs?: number; timeoutMs?: number }): Promise<boolean>;
  /** HTTP requests being answered now (for logs and tests). */
  inFlight(): number;
}

export function trackHttpDrain(server: http.Server): HttpDrain {
  const requests = new Map<net.Socket, number>();
  const pending = new Set<http.ServerResponse>();
  let closing = false;
  let onChange: () => void = () => undefined;

  const forget = (socket: net.Socket) => {
    requests.delete(socket);
    onChange();
  };
  server.on('connection', (socket: net.Socket) => {
    requests.set(socket, 0);
    socket.once('close', () => forget(socket));
  });
  // An upgraded socket (WebSocket) is no longer an HTTP connection.
  server.on('upgrade', (_request: http.IncomingMessage, socket: net.Socket) => forget(socket));
  server.prependListener('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const socket = request.socket;
    requests.set(socket, (requests.get(socket) ?? 0) + 1);
    pending.add(response);
    if (closing) response.setHeader('connection', 'close');
    response.once('close', () => {
      pending.delete(response);
      if (requests.has(socket)) requests.set(socket, Math.max(0, (requests.get(socket) ?? 1) - 1));
      onChange();
    });
  });

  return {
    inFlight: () => pending.size,
    async drain({ lingerMs = 500, timeoutMs = 10_000 } = {}) {
      closing = true;
      for (const response of pending) if (!response.headersSent) response.setHeader('connection', 'close');
      // net.Server's close only stops listening; http.Server's would also destroy the idle sockets.
      await new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      const lingered = new Set<net.Socket>();
      const endIdle = (after: number) => {
        for (const [socket, count] of requests) {
          if (count > 0 || lingered.has(socket)) continue;
          lingered.add(socket);
          setTimeout(() => {
            if ((requests.get(socket) ?? 0) === 0) socket.end();
          }, after).unref();
        }
      };
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          for (const socket of requests.keys()) socket.end();
          resolve(false);
        }, timeoutMs);
        timer.unref();
        onChange = () => {
          endIdle(lingerMs); // a socket whose last response has just gone
          if (requests.size === 0) {
            clearTimeout(timer);
            resolve(true);
          }
        };
        onChange();
      });
    },
  };
}
