// A full, ordered dump of every table: two dumps are equal exactly when nothing was written in between.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

export async function dumpAll(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const knex = (orm.em as SqlEntityManager).getKnex();
  const dump: Record<string, unknown[]> = {};
  for (const meta of Object.values(orm.getMetadata().getAll()).sort((a, b) => a.tableName.localeCompare(b.tableName))) {
    if (meta.abstract || meta.embeddable) continue;
    dump[meta.tableName] = await knex(meta.tableName).select('*').orderBy(meta.primaryKeys.map((k) => meta.properties[k].fieldNames[0]));
  }
  return dump;
}
