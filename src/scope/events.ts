// Live events for subscriptions (graphql-ws): published after a write commits, never before. In-process by
// default; with REDIS_URL they travel over Redis pub/sub, so every API instance on the same database tells
// its own subscribers about a change made through any other.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { connectRedis } from '../db/redis';

export interface PortfolioChangedEvent {
  readonly jurisdictionId: string;
  readonly changesetId: string;
  readonly version: number;
  readonly effectiveDate: string;
  readonly decisionId: string;
}

export interface DecisionRecordedEvent {
  readonly jurisdictionId: string;
  readonly decisionId: string;
}

/** A key task was created, changed, reported on or completed (published after the commit). */
export interface KeyTaskChangedEvent {
  readonly jurisdictionId: string;
  readonly taskId: string;
}

/** A directive was issued or moved; `notifiedLeaderIds` are the leaders told of it by this write. */
export interface DirectiveChangedEvent {
  readonly jurisdictionId: string;
  readonly directiveId: string;
  readonly notifiedLeaderIds: readonly string[];
}

/**
 * Some committed write touched a government — a re-division, an appointment, a unit's life cycle, an absence, a
 * meeting, key work, an import: told for every write through the ORM, from the one place that sees them all
 * (src/store/write-tracking.ts). `jurisdictionId` is "*" when a write touched every government (a restore).
 */
export interface DirectoryChangedEvent {
  readonly jurisdictionId: string;
}

export const TOPICS = {
  portfolioChanged: 'PORTFOLIO_CHANGED',
  decisionRecorded: 'DECISION_RECORDED',
  keyTaskChanged: 'KEY_TASK_CHANGED',
  directiveChanged: 'DIRECTIVE_CHANGED',
  directoryChanged: 'DIRECTORY_CHANGED',
} as const;

type Topics = {
  PORTFOLIO_CHANGED: [PortfolioChangedEvent];
  DECISION_RECORDED: [DecisionRecordedEvent];
  KEY_TASK_CHANGED: [KeyTaskChangedEvent];
  DIRECTIVE_CHANGED: [DirectiveChangedEvent];
  DIRECTORY_CHANGED: [DirectoryChangedEvent];
};

/** An in-process event bus: enough for one API instance. */
export function createEvents() {
  return createPubSub<Topics>();
}

export type Events = ReturnType<typeof createEvents>;

export interface EventBus {
  readonly events: Events;
  close(): Promise<void>;
}

/** The event bus for a deployment: over Redis when `redisUrl` is given (several instances), else in-process. */
export function connectEvents(redisUrl: string | null): EventBus {
  if (redisUrl === null) return { events: createEvents(), close: async () => undefined };
  const publishClient = connectRedis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = connectRedis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const events = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    events,
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
