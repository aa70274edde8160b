// Live events for subscriptions (graphql-ws): published after a write commits, never before. In-process by
// default; with REDIS_URL they travel over Redis pub/sub, so every API instance on the same database tells
// its own subscribers about a change made through any other.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import Redis from 'ioredis';

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

export const TOPICS = { portfolioChanged: 'PORTFOLIO_CHANGED', decisionRecorded: 'DECISION_RECORDED' } as const;

type Topics = {
  PORTFOLIO_CHANGED: [PortfolioChangedEvent];
  DECISION_RECORDED: [DecisionRecordedEvent];
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
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const events = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    events,
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
