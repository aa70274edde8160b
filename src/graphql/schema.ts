// The one schema builder: used by the server, the tests and `npm run schema:emit`.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DirectoryResolver } from '../modules/directory/directory.resolver';
import { NODE_RESOLVERS } from '../modules/directory/node.resolvers';
import { GOVERNANCE_RESOLVERS } from '../modules/governance/governance.resolver';
import { CHANGES_RESOLVERS } from '../modules/changes/changes.resolver';
import { ExchangeResolver } from '../modules/exchange/exchange.resolver';
import { KEY_WORK_RESOLVERS } from '../modules/key-work/key-work.resolver';
import { AuthChecker } from './auth-checker';
import { createEvents, type Events } from '../scope/events';

export const SCHEMA_FILE = 'schema/schema.graphql';

/** Builds the schema; subscriptions listen on `events` (a fresh, unconnected bus when none is given). */
export async function createSchema(events: Events = createEvents()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [DirectoryResolver, ...NODE_RESOLVERS, ...GOVERNANCE_RESOLVERS, ...CHANGES_RESOLVERS, ExchangeResolver, ...KEY_WORK_RESOLVERS],
    authChecker: AuthChecker,
    authMode: 'error',
    pubSub: events,
    // type-graphql 2 validates nothing unless told to; every input shape is checked at the edge.
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL as committed in schema/schema.graphql: sorted, so the diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
