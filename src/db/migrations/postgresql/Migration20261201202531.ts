import { Migration } from '@mikro-orm/migrations';

export class Migration20261201202531 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "decision" add column "approves_document" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "decision" drop column "approves_document";`);
  }

}
