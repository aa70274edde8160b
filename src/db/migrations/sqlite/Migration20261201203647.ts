import { Migration } from '@mikro-orm/migrations';

export class Migration20261201203647 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`department_lineage\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`kind\` text check (\`kind\` in ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH')) not null, \`predecessor_id\` text not null, \`successor_id\` text null, \`date\` text not null, \`document\` text null, \`former_name\` text null, constraint \`department_lineage_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`department_lineage_predecessor_id_foreign\` foreign key(\`predecessor_id\`) references \`department\`(\`id\`) on update cascade, constraint \`department_lineage_successor_id_foreign\` foreign key(\`successor_id\`) references \`department\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`department_lineage_predecessor_id_index\` on \`department_lineage\` (\`predecessor_id\`);`);
    this.addSql(`create index \`department_lineage_successor_id_index\` on \`department_lineage\` (\`successor_id\`);`);
    this.addSql(`create index \`department_lineage_jurisdiction_id_index\` on \`department_lineage\` (\`jurisdiction_id\`);`);
    this.addSql(`alter table \`appointment\` add column \`document\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`department_lineage\`;`);
    this.addSql(`alter table \`appointment\` drop column \`document\`;`);
  }

}
