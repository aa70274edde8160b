import { Migration } from '@mikro-orm/migrations';

export class Migration20261201203639 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "department_lineage" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "kind" text check ("kind" in ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH')) not null, "predecessor_id" varchar(100) not null, "successor_id" varchar(100) null, "date" varchar(10) not null, "document" varchar(100) null, "former_name" varchar(200) null, constraint "department_lineage_pkey" primary key ("id"));`);
    this.addSql(`create index "department_lineage_jurisdiction_id_index" on "department_lineage" ("jurisdiction_id");`);

    this.addSql(`alter table "department_lineage" add constraint "department_lineage_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "department_lineage" add constraint "department_lineage_predecessor_id_foreign" foreign key ("predecessor_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "department_lineage" add constraint "department_lineage_successor_id_foreign" foreign key ("successor_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "appointment" add column "document" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "department_lineage" cascade;`);

    this.addSql(`alter table "appointment" drop column "document";`);
  }

}
