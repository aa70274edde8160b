// Waiting on an event, not a sleep: a graphql-ws subscription is live once the server has run its subscribe,
// which the client never hears of. So publish a probe event on the server's bus every few milliseconds until the
// subscriber receives one — under any load, the real change is made only after the subscription is known live.
import type { Events, PortfolioChangedEvent } from '../../src/scope/events';
import { TOPICS } from '../../src/scope/events';

/** The bound on waiting for a subscription to go live; well under jest's testTimeout (jest.config.js). */
export const LIVE_WAIT_MS = 30_000;

/** A portfolioChanged event no write ever publishes (version −1), to tell probes from real changes. */
export const probeChange = (jurisdictionId: string): PortfolioChangedEvent => ({
  jurisdictionId, changesetId: 'changeset:probe', version: -1, effectiveDate: '2000-01-01', decisionId: 'decision:probe',
});

export const isProbe = (change: { version?: number } | null | undefined): boolean => change?.version === -1;

/** Publishes `publish()` until `delivered()` holds; rejects after `ms`. */
export async function untilDelivered(publish: () => void, delivered: () => boolean, ms = LIVE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!delivered()) {
    if (Date.now() > deadline) throw new Error(`no probe event reached the subscriber within ${ms} ms`);
    publish();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const publishProbeChange = (events: Events, jurisdictionId: string) => () => events.publish(TOPICS.portfolioChanged, probeChange(jurisdictionId));
