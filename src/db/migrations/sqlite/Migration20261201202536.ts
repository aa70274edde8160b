import { Migration } from '@mikro-orm/migrations';

export class Migration20261201202536 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`decision\` add column \`approves_document\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`decision\` drop column \`approves_document\`;`);
  }

}
