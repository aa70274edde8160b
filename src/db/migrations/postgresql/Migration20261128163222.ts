import { Migration } from '@mikro-orm/migrations';

export class Migration20261128163222 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "jurisdiction" ("id" varchar(100) not null, "name" varchar(200) not null, "level" text check ("level" in ('NATION', 'PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'TOWNSHIP')) not null, "parent_id" varchar(100) null, constraint "jurisdiction_pkey" primary key ("id"));`);
    this.addSql(`create index "jurisdiction_parent_id_index" on "jurisdiction" ("parent_id");`);

    this.addSql(`create table "department" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT', 'VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE')) not null, "aliases" jsonb not null, "head_name" varchar(100) null, "head_contact" varchar(200) null, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`create index "department_jurisdiction_id_index" on "department" ("jurisdiction_id");`);

    this.addSql(`create table "leader" ("id" varchar(100) not null, "jurisdiction_id" varchar(100) not null, "name" varchar(100) not null, constraint "leader_pkey" primary key ("id"));`);
    this.addSql(`create index "leader_jurisdiction_id_index" on "leader" ("jurisdiction_id");`);

    this.addSql(`create table "backup" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "backup_id" varchar(100) not null, "except_target_ids" jsonb not null, constraint "backup_pkey" primary key ("id"));`);
    this.addSql(`create index "backup_jurisdiction_id_index" on "backup" ("jurisdiction_id");`);

    this.addSql(`create table "absence" ("id" varchar(100) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "jurisdiction_id" varchar(100) not null, "leader_id" varchar(100) not null, "reason" varchar(500) not null, "designated_actor_id" varchar(100) null, constraint "absence_pkey" primary key ("id"));`);
    this.addSql(`create index "absence_jurisdiction_id_index" on "absence" ("jurisdiction_id");`);

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

    this.addSql(`alter table "leader" add constraint "leader_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);

    this.addSql(`alter table "backup" add constraint "backup_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "backup" add constraint "backup_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "backup" add constraint "backup_backup_id_foreign" foreign key ("backup_id") references "leader" ("id") on update cascade;`);

    this.addSql(`alter table "absence" add constraint "absence_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "jurisdiction" ("id") on update cascade;`);
    this.addSql(`alter table "absence" add constraint "absence_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade;`);
    this.addSql(`alter table "absence" add constraint "absence_designated_actor_id_foreign" foreign key ("designated_actor_id") references "leader" ("id") on update cascade on delete set null;`);

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
