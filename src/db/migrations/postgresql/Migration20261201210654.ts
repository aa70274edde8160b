import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210654 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "directive" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "issuer_id" varchar(100) not null, "department_id" varchar(100) not null, "subject" text not null, "issued_on" varchar(10) not null, "deadline" varchar(10) null, "decision_id" varchar(100) null, "basis" text check ("basis" in ('SUPERVISES', 'ASSISTS', 'HEAD', 'ACTING_FOR', 'GENERAL_AUTHORITY')) not null, "acting_for_id" varchar(100) null, "cross_portfolio" boolean not null, "status" text check ("status" in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, "version" int not null default 1, "token_id" varchar(100) null, "recorded_at" varchar(30) not null, constraint "directive_pkey" primary key ("id"));`);
    this.addSql(`create index "directive_jurisdiction_cross_index" on "directive" ("jurisdiction_id", "cross_portfolio", "decision_id");`);
    this.addSql(`create index "directive_jurisdiction_issuer_index" on "directive" ("jurisdiction_id", "issuer_id");`);
    this.addSql(`create index "directive_jurisdiction_department_index" on "directive" ("jurisdiction_id", "department_id");`);

    this.addSql(`create table "directive_transition" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "directive_id" varchar(100) not null, "seq" int not null, "action" text check ("action" in ('ACKNOWLEDGE', 'START', 'COMPLETE', 'ESCALATE')) not null, "from_status" text check ("from_status" in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, "to_status" text check ("to_status" in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED')) not null, "on" varchar(10) not null, "actor_kind" text check ("actor_kind" in ('OFFICE', 'LEADER', 'DEPARTMENT')) not null, "actor_id" varchar(100) null, "token_id" varchar(100) null, "text" text null, "recorded_at" varchar(30) not null, constraint "directive_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "directive_transition_jurisdiction_index" on "directive_transition" ("jurisdiction_id");`);
    this.addSql(`alter table "directive_transition" add constraint "directive_transition_directive_seq_unique" unique ("directive_id", "seq");`);

    this.addSql(`create table "key_task" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "title" varchar(200) not null, "description" text not null, "source" text check ("source" in ('CITY', 'PARTY_COMMITTEE', 'GOVERNMENT', 'PEOPLES_CONGRESS', 'CPPCC', 'OTHER')) not null, "category" varchar(50) null, "tags" jsonb not null, "major_matter" boolean not null, "supervising_leader_id" varchar(100) not null, "created_on" varchar(10) not null, "deadline" varchar(10) not null, "milestones" jsonb not null, "decision_id" varchar(100) null, "parent_task_id" varchar(100) null, "completed_on" varchar(10) null, "version" int not null default 1, constraint "key_task_pkey" primary key ("id"));`);
    this.addSql(`create index "key_task_parent_index" on "key_task" ("parent_task_id");`);
    this.addSql(`create index "key_task_jurisdiction_deadline_index" on "key_task" ("jurisdiction_id", "deadline");`);
    this.addSql(`create index "key_task_jurisdiction_leader_index" on "key_task" ("jurisdiction_id", "supervising_leader_id");`);

    this.addSql(`create table "key_task_unit" ("task_id" varchar(100) not null, "department_id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "role" text check ("role" in ('LEAD', 'RESPONSIBLE', 'COOPERATING')) not null, "position" int not null, constraint "key_task_unit_pkey" primary key ("task_id", "department_id"));`);
    this.addSql(`create index "key_task_unit_department_role_index" on "key_task_unit" ("department_id", "role");`);
    this.addSql(`create index "key_task_unit_jurisdiction_index" on "key_task_unit" ("jurisdiction_id");`);

    this.addSql(`create table "notification" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "kind" text check ("kind" in ('DIRECTIVE_CROSS_PORTFOLIO', 'DIRECTIVE_ESCALATED')) not null, "basis" text check ("basis" in ('SUPERVISES', 'ACTING_FOR', 'PRESIDES', 'ISSUER')) not null, "acting_for_id" varchar(100) null, "directive_id" varchar(100) not null, "text" text not null, "created_at" varchar(30) not null, "read_at" varchar(30) null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_directive_index" on "notification" ("directive_id");`);
    this.addSql(`create index "notification_leader_read_index" on "notification" ("leader_id", "read_at");`);

    this.addSql(`create table "progress_report" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "task_id" varchar(100) not null, "reported_on" varchar(10) not null, "text" text not null, "percent" int not null, "reporter_kind" text check ("reporter_kind" in ('OFFICE', 'LEADER', 'DEPARTMENT')) not null, "reporter_id" varchar(100) null, "token_id" varchar(100) null, "recorded_at" varchar(30) not null, constraint "progress_report_pkey" primary key ("id"));`);
    this.addSql(`create index "progress_report_task_index" on "progress_report" ("task_id", "reported_on");`);
    this.addSql(`create index "progress_report_jurisdiction_index" on "progress_report" ("jurisdiction_id");`);
    this.addSql(`alter table "progress_report" add constraint progress_report_percent_check check(percent >= 0 and percent <= 100);`);

    this.addSql(`alter table "api_token" add column "scope_kind" text check ("scope_kind" in ('LEADER', 'DEPARTMENT')) null, add column "scope_id" varchar(100) null;`);

    this.addSql(`alter table "audit_event" add column "token_id" varchar(100) null, add column "person_id" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directive" cascade;`);

    this.addSql(`drop table if exists "directive_transition" cascade;`);

    this.addSql(`drop table if exists "key_task" cascade;`);

    this.addSql(`drop table if exists "key_task_unit" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "progress_report" cascade;`);

    this.addSql(`alter table "api_token" drop column "scope_kind", drop column "scope_id";`);

    this.addSql(`alter table "audit_event" drop column "token_id", drop column "person_id";`);
  }

}
