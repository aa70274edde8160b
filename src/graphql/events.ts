// Live events for subscriptions (graphql-ws): published after a write commits, never before.
import { createPubSub } from '@graphql-yoga/subscription';

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

export function createEvents() {
  return createPubSub<{
    PORTFOLIO_CHANGED: [PortfolioChangedEvent];
    DECISION_RECORDED: [DecisionRecordedEvent];
  }>();
}

export type Events = ReturnType<typeof createEvents>;
