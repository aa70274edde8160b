// The one schema builder: used by the server, the tests and `npm run schema:emit`.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DirectoryResolver } from '../modules/directory/directory.resolver';
import { NODE_RESOLVERS } from '../modules/directory/node.resolvers';

export const SCHEMA_FILE = 'schema/schema.graphql';

export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [DirectoryResolver, ...NODE_RESOLVERS],
    // type-graphql 2 validates nothing unless told to; every input shape is checked at the edge.
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL as committed in schema/schema.graphql: sorted, so the diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
