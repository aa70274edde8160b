// `npm run schema:emit`: writes the SDL the server serves to schema/schema.graphql.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { createSchema, printSortedSchema, SCHEMA_FILE } from '../graphql/schema';

async function main(): Promise<void> {
  const target = path.join(PROJECT_ROOT, SCHEMA_FILE);
  await writeFile(target, printSortedSchema(await createSchema()), 'utf8');
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
