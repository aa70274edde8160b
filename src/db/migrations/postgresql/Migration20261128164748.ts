import { Migration } from '@mikro-orm/migrations';

export class Migration20261128164748 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_token" ("id" varchar(100) not null, "name" varchar(200) not null, "role" text check ("role" in ('VIEWER', 'EDITOR', 'ADMIN')) not null, "token_hash" varchar(64) not null, "created_at" varchar(30) not null, "revoked_at" varchar(30) null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "audit_event" ("seq" serial primary key, "jurisdiction_id" varchar(100) not null, "at" varchar(30) not null, "actor" varchar(200) not null, "action" varchar(20) not null, "entity_type" varchar(40) not null, "entity_id" varchar(100) not null, "decision_id" varchar(100) null, "changeset_id" varchar(100) null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_jurisdiction_id_seq_index" on "audit_event" ("jurisdiction_id", "seq");`);

    this.addSql(`create table "jurisdiction" ("id" varchar(100) not null, "name" varchar(200) not null, "level" text check ("level" in ('NATION', 'PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'TOWNSHIP')) not null, "parent_id" varchar(100) null, "version" int not null default 0, "rules" jsonb null, constraint "jurisdiction_pkey" primary key ("id"));`);
    this.addSql(`create index "jurisdiction_parent_id_index" on "jurisdiction" ("parent_id");`);

    this.addSql(`create table "department" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT', 'VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE')) not null, "aliases" jsonb not null, "head_name" varchar(100) null, "head_contact" varchar(200) null, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`create index "department_jurisdiction_id_index" on "department" ("jurisdiction_id");`);

    this.addSql(`create table "changeset" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "document" varchar(100) null, "decision_id" varchar(100) not null, "effective_date" varchar(10) not null, "issued_by_id" varchar(100) null, "items" jsonb not null, "version" int not null, "applied_by" varchar(200) not null, "applied_at" varchar(30) not null, constraint "changeset_pkey" primary key ("id"));`);
    this.addSql(`create index "changeset_jurisdiction_id_index" on "changeset" ("jurisdiction_id");`);

    this.addSql(`create table "leader" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "name" varchar(100) not null, constraint "leader_pkey" primary key ("id"));`);
    this.addSql(`create index "leader_jurisdiction_id_index" on "leader" ("jurisdiction_id");`);

    this.addSql(`create table "backup" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "backup_id" varchar(100) not null, "except_target_ids" jsonb not null, "decision_id" varchar(100) null, constraint "backup_pkey" primary key ("id"));`);
    this.addSql(`create index "backup_jurisdiction_id_index" on "backup" ("jurisdiction_id");`);

    this.addSql(`create table "absence" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "reason" varchar(500) not null, "designated_actor_id" varchar(100) null, constraint "absence_pkey" primary key ("id"));`);
    this.addSql(`create index "absence_jurisdiction_id_index" on "absence" ("jurisdiction_id");`);

    this.addSql(`create table "meeting" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "kind" text check ("kind" in ('STANDING', 'PLENARY', 'PARTY_GROUP')) not null, "number" varchar(50) null, "date" varchar(10) not null, "voting_attendee_ids" jsonb not null, "non_voting_attendees" jsonb not null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_jurisdiction_id_date_index" on "meeting" ("jurisdiction_id", "date");`);

    this.addSql(`create table "agenda_item" ("id" varchar(100) not null, "meeting_id" varchar(100) not null, "position" int not null, "title" varchar(500) not null, "presenter_id" varchar(100) null, "department_ids" jsonb not null, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_item_meeting_id_index" on "agenda_item" ("meeting_id");`);

    this.addSql(`create table "decision" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "meeting_id" varchar(100) not null, "agenda_item_id" varchar(100) null, "category" text check ("category" in ('DIVISION_OF_LABOUR', 'MAJOR_DECISION', 'KEY_APPOINTMENT', 'MAJOR_PROJECT', 'LARGE_FUND', 'ROUTINE')) not null, "text" text not null, "minutes_number" varchar(100) null, constraint "decision_pkey" primary key ("id"));`);
    this.addSql(`create index "decision_jurisdiction_id_index" on "decision" ("jurisdiction_id");`);

    this.addSql(`create table "post" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "kind" text check ("kind" in ('HEAD', 'EXECUTIVE_DEPUTY', 'DEPUTY', 'PARTY_GROUP_MEMBER', 'SECRETARY_GENERAL')) not null, "title" varchar(100) not null, constraint "post_pkey" primary key ("id"));`);
    this.addSql(`create index "post_jurisdiction_id_index" on "post" ("jurisdiction_id");`);

    this.addSql(`create table "appointment" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "post_id" varchar(100) not null, "acting" boolean not null default false, constraint "appointment_pkey" primary key ("id"));`);
    this.addSql(`create index "appointment_jurisdiction_id_index" on "appointment" ("jurisdiction_id");`);

    this.addSql(`create table "team_order" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_ids" jsonb not null, constraint "team_order_pkey" primary key ("id"));`);
    this.addSql(`create index "team_order_jurisdiction_id_index" on "team_order" ("jurisdiction_id");`);

    this.addSql(`create table "work_area" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "name" varchar(200) not null, "aliases" jsonb not null, constraint "work_area_pkey" primary key ("id"));`);
    this.addSql(`create index "work_area_jurisdiction_id_index" on "work_area" ("jurisdiction_id");`);

    this.addSql(`create table "assignment" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "kind" text check ("kind" in ('PRESIDES', 'RESPONSIBLE_FOR', 'SUPERVISES', 'LIAISES_WITH', 'ASSISTS', 'COORDINATES')) not null, "department_id" varchar(100) null, "work_area_id" varchar(100) null, "principal_id" varchar(100) null, "subject" varchar(500) null, "document" varchar(100) null, "decision_id" varchar(100) null, constraint "assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignment_leader_id_index" on "assignment" ("leader_id");`);
    this.addSql(`create index "assignment_department_id_index" on "assignment" ("department_id");`);
    this.addSql(`create index "assignment_jurisdiction_id_index" on "assignment" ("jurisdiction_id");`);

    this.addSql(`alter table "jurisdiction" add constraint "jurisdiction_parent_id_foreign" foreign key ("parent_id") references "jurisdiction" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "department" add constraint "department_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "changeset" add constraint "changeset_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "leader" add constraint "leader_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "backup" add constraint "backup_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "backup" add constraint "backup_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "backup" add constraint "backup_backup_id_foreign" foreign key ("backup_id") references "leader" ("id") on update cascade;`);

    this.addSql(`alter table "absence" add constraint "absence_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "absence" add constraint "absence_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "absence" add constraint "absence_designated_actor_id_foreign" foreign key ("designated_actor_id") references "leader" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "meeting" add constraint "meeting_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_presenter_id_foreign" foreign key ("presenter_id") references "leader" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "decision" add constraint "decision_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "post" add constraint "post_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "appointment" add constraint "appointment_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade;`);

    this.addSql(`alter table "team_order" add constraint "team_order_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "work_area" add constraint "work_area_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "assignment" add constraint "assignment_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "assignment" add constraint "assignment_work_area_id_foreign" foreign key ("work_area_id") references "work_area" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "assignment" add constraint "assignment_principal_id_foreign" foreign key ("principal_id") references "leader" ("id") on update cascade on delete set null;`);
  }

}
