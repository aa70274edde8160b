import { Migration } from '@mikro-orm/migrations';

// Key work and directives (#8), token scopes, the audit feed's token and person. Trimmed by hand: MikroORM's
// SQLite diff also rebuilt every table with a foreign key, needlessly.
export class Migration20261201210705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`directive\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`issuer_id\` text not null, \`department_id\` text not null, \`subject\` text not null, \`issued_on\` text not null, \`deadline\` text null, \`decision_id\` text null, \`basis\` text check (\`basis\` in ('SUPERVISES', 'ASSISTS', 'HEAD', 'ACTING_FOR', 'GENERAL_AUTHORITY')) not null, \`acting_for_id\` text null, \`cross_portfolio\` integer not null, \`status\` text check (\`status\` in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, \`version\` integer not null default 1, \`token_id\` text null, \`recorded_at\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`directive_jurisdiction_cross_index\` on \`directive\` (\`jurisdiction_id\`, \`cross_portfolio\`, \`decision_id\`);`);
    this.addSql(`create index \`directive_jurisdiction_issuer_index\` on \`directive\` (\`jurisdiction_id\`, \`issuer_id\`);`);
    this.addSql(`create index \`directive_jurisdiction_department_index\` on \`directive\` (\`jurisdiction_id\`, \`department_id\`);`);

    this.addSql(`create table \`directive_transition\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`directive_id\` text not null, \`seq\` integer not null, \`action\` text check (\`action\` in ('ACKNOWLEDGE', 'START', 'COMPLETE', 'ESCALATE')) not null, \`from_status\` text check (\`from_status\` in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, \`to_status\` text check (\`to_status\` in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, \`on\` text not null, \`actor_kind\` text check (\`actor_kind\` in ('OFFICE', 'LEADER', 'DEPARTMENT')) not null, \`actor_id\` text null, \`token_id\` text null, \`text\` text null, \`recorded_at\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`directive_transition_jurisdiction_index\` on \`directive_transition\` (\`jurisdiction_id\`);`);
    this.addSql(`create unique index \`directive_transition_directive_seq_unique\` on \`directive_transition\` (\`directive_id\`, \`seq\`);`);

    this.addSql(`create table \`key_task\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`title\` text not null, \`description\` text not null, \`source\` text check (\`source\` in ('CITY', 'PARTY_COMMITTEE', 'GOVERNMENT', 'PEOPLES_CONGRESS', 'CPPCC', 'OTHER')) not null, \`category\` text null, \`tags\` json not null, \`major_matter\` integer not null, \`supervising_leader_id\` text not null, \`created_on\` text not null, \`deadline\` text not null, \`milestones\` json not null, \`decision_id\` text null, \`parent_task_id\` text null, \`completed_on\` text null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`key_task_parent_index\` on \`key_task\` (\`parent_task_id\`);`);
    this.addSql(`create index \`key_task_jurisdiction_deadline_index\` on \`key_task\` (\`jurisdiction_id\`, \`deadline\`);`);
    this.addSql(`create index \`key_task_jurisdiction_leader_index\` on \`key_task\` (\`jurisdiction_id\`, \`supervising_leader_id\`);`);

    this.addSql(`create table \`key_task_unit\` (\`task_id\` text not null, \`department_id\` text not null, \`jurisdiction_id\` text not null, \`role\` text check (\`role\` in ('LEAD', 'RESPONSIBLE', 'COOPERATING')) not null, \`position\` integer not null, primary key (\`task_id\`, \`department_id\`));`);
    this.addSql(`create index \`key_task_unit_department_role_index\` on \`key_task_unit\` (\`department_id\`, \`role\`);`);
    this.addSql(`create index \`key_task_unit_jurisdiction_index\` on \`key_task_unit\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`notification\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`leader_id\` text not null, \`kind\` text check (\`kind\` in ('DIRECTIVE_CROSS_PORTFOLIO', 'DIRECTIVE_ESCALATED')) not null, \`basis\` text check (\`basis\` in ('SUPERVISES', 'ACTING_FOR', 'PRESIDES', 'ISSUER')) not null, \`acting_for_id\` text null, \`directive_id\` text not null, \`text\` text not null, \`created_at\` text not null, \`read_at\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`notification_directive_index\` on \`notification\` (\`directive_id\`);`);
    this.addSql(`create index \`notification_leader_read_index\` on \`notification\` (\`leader_id\`, \`read_at\`);`);

    this.addSql(`create table \`progress_report\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`task_id\` text not null, \`reported_on\` text not null, \`text\` text not null, \`percent\` integer not null, \`reporter_kind\` text check (\`reporter_kind\` in ('OFFICE', 'LEADER', 'DEPARTMENT')) not null, \`reporter_id\` text null, \`token_id\` text null, \`recorded_at\` text not null, constraint progress_report_percent_check check (percent >= 0 and percent <= 100), primary key (\`id\`));`);
    this.addSql(`create index \`progress_report_task_index\` on \`progress_report\` (\`task_id\`, \`reported_on\`);`);
    this.addSql(`create index \`progress_report_jurisdiction_index\` on \`progress_report\` (\`jurisdiction_id\`);`);

    this.addSql(`alter table \`api_token\` add column \`scope_kind\` text check (\`scope_kind\` in ('LEADER', 'DEPARTMENT')) null;`);
    this.addSql(`alter table \`api_token\` add column \`scope_id\` text null;`);

    this.addSql(`alter table \`audit_event\` add column \`token_id\` text null;`);
    this.addSql(`alter table \`audit_event\` add column \`person_id\` text null;`);
  }

  override async down(): Promise<void> {
    for (const table of ['directive', 'directive_transition', 'key_task', 'key_task_unit', 'notification', 'progress_report']) {
      this.addSql(`drop table if exists \`${table}\`;`);
    }
    this.addSql(`alter table \`api_token\` drop column \`scope_kind\`;`);
    this.addSql(`alter table \`api_token\` drop column \`scope_id\`;`);
    this.addSql(`alter table \`audit_event\` drop column \`token_id\`;`);
    this.addSql(`alter table \`audit_event\` drop column \`person_id\`;`);
  }

}
