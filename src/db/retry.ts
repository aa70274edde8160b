// Reads survive a dropped connection: a read that meets a connection the database has closed (a restart,
// pg_terminate_backend, a failover) runs again on a fresh connection from the pool. Writes never do —
// a write that fails is reported (DATABASE_UNAVAILABLE) and the caller decides; nothing is half-applied.
//
// A read runs at most READ_ATTEMPTS times. The pause before a retry lets the pool hear of the other
// connections the same event closed: when every backend is terminated at once, the idle connections learn
// it from their sockets a moment later, and a retry taken at once may be handed another dead one.
import { setTimeout as pause } from 'node:timers/promises';
import { isUnreachable } from './replicas';

const READ_ATTEMPTS = 3;
const PAUSE_BEFORE_RETRY_MS = [20, 100];

export async function retryRead<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isUnreachable(error) || attempt >= READ_ATTEMPTS) throw error;
      await pause(PAUSE_BEFORE_RETRY_MS[attempt - 1]);
    }
  }
}
