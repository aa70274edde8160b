// Reads survive a dropped connection: a read that meets a connection the database has closed (a restart,
// pg_terminate_backend, a failover) runs once more, on a fresh connection from the pool. Writes never do —
// a write that fails is reported (DATABASE_UNAVAILABLE) and the caller decides; nothing is half-applied.
import { isUnreachable } from './replicas';

export async function retryReadOnce<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    return read();
  }
}
