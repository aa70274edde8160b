import { Migration } from '@mikro-orm/migrations';

export class Migration20261128164750 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_token\` (\`id\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('VIEWER', 'EDITOR', 'ADMIN')) not null, \`token_hash\` text not null, \`created_at\` text not null, \`revoked_at\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`api_token_token_hash_unique\` on \`api_token\` (\`token_hash\`);`);

    this.addSql(`create table \`audit_event\` (\`seq\` integer not null primary key autoincrement, \`jurisdiction_id\` text not null, \`at\` text not null, \`actor\` text not null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`decision_id\` text null, \`changeset_id\` text null, \`before\` json null, \`after\` json null);`);
    this.addSql(`create index \`audit_event_at_index\` on \`audit_event\` (\`at\`);`);
    this.addSql(`create index \`audit_event_jurisdiction_id_seq_index\` on \`audit_event\` (\`jurisdiction_id\`, \`seq\`);`);

    this.addSql(`create table \`jurisdiction\` (\`id\` text not null, \`name\` text not null, \`level\` text check (\`level\` in ('NATION', 'PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'TOWNSHIP')) not null, \`parent_id\` text null, \`version\` integer not null default 0, \`rules\` json null, constraint \`jurisdiction_parent_id_foreign\` foreign key(\`parent_id\`) references \`jurisdiction\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`jurisdiction_parent_id_index\` on \`jurisdiction\` (\`parent_id\`);`);

    this.addSql(`create table \`department\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT', 'VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE')) not null, \`aliases\` json not null, \`head_name\` text null, \`head_contact\` text null, constraint \`department_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`department_jurisdiction_id_index\` on \`department\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`changeset\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`document\` text null, \`decision_id\` text not null, \`effective_date\` text not null, \`issued_by_id\` text null, \`items\` json not null, \`version\` integer not null, \`applied_by\` text not null, \`applied_at\` text not null, constraint \`changeset_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`changeset_jurisdiction_id_index\` on \`changeset\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`leader\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`name\` text not null, constraint \`leader_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`leader_jurisdiction_id_index\` on \`leader\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`backup\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`leader_id\` text not null, \`backup_id\` text not null, \`except_target_ids\` json not null, \`decision_id\` text null, constraint \`backup_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`backup_leader_id_foreign\` foreign key(\`leader_id\`) references \`leader\`(\`id\`) on update cascade, constraint \`backup_backup_id_foreign\` foreign key(\`backup_id\`) references \`leader\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`backup_leader_id_index\` on \`backup\` (\`leader_id\`);`);
    this.addSql(`create index \`backup_backup_id_index\` on \`backup\` (\`backup_id\`);`);
    this.addSql(`create index \`backup_jurisdiction_id_index\` on \`backup\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`absence\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`leader_id\` text not null, \`reason\` text not null, \`designated_actor_id\` text null, constraint \`absence_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`absence_leader_id_foreign\` foreign key(\`leader_id\`) references \`leader\`(\`id\`) on update cascade, constraint \`absence_designated_actor_id_foreign\` foreign key(\`designated_actor_id\`) references \`leader\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`absence_leader_id_index\` on \`absence\` (\`leader_id\`);`);
    this.addSql(`create index \`absence_designated_actor_id_index\` on \`absence\` (\`designated_actor_id\`);`);
    this.addSql(`create index \`absence_jurisdiction_id_index\` on \`absence\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`meeting\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`kind\` text check (\`kind\` in ('STANDING', 'PLENARY', 'PARTY_GROUP')) not null, \`number\` text null, \`date\` text not null, \`voting_attendee_ids\` json not null, \`non_voting_attendees\` json not null, constraint \`meeting_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`meeting_jurisdiction_id_index\` on \`meeting\` (\`jurisdiction_id\`);`);
    this.addSql(`create index \`meeting_jurisdiction_id_date_index\` on \`meeting\` (\`jurisdiction_id\`, \`date\`);`);

    this.addSql(`create table \`agenda_item\` (\`id\` text not null, \`meeting_id\` text not null, \`position\` integer not null, \`title\` text not null, \`presenter_id\` text null, \`department_ids\` json not null, constraint \`agenda_item_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade, constraint \`agenda_item_presenter_id_foreign\` foreign key(\`presenter_id\`) references \`leader\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`agenda_item_presenter_id_index\` on \`agenda_item\` (\`presenter_id\`);`);
    this.addSql(`create index \`agenda_item_meeting_id_index\` on \`agenda_item\` (\`meeting_id\`);`);

    this.addSql(`create table \`decision\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`meeting_id\` text not null, \`agenda_item_id\` text null, \`category\` text check (\`category\` in ('DIVISION_OF_LABOUR', 'MAJOR_DECISION', 'KEY_APPOINTMENT', 'MAJOR_PROJECT', 'LARGE_FUND', 'ROUTINE')) not null, \`text\` text not null, \`minutes_number\` text null, constraint \`decision_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`decision_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade, constraint \`decision_agenda_item_id_foreign\` foreign key(\`agenda_item_id\`) references \`agenda_item\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`decision_meeting_id_index\` on \`decision\` (\`meeting_id\`);`);
    this.addSql(`create index \`decision_agenda_item_id_index\` on \`decision\` (\`agenda_item_id\`);`);
    this.addSql(`create index \`decision_jurisdiction_id_index\` on \`decision\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`post\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`kind\` text check (\`kind\` in ('HEAD', 'EXECUTIVE_DEPUTY', 'DEPUTY', 'PARTY_GROUP_MEMBER', 'SECRETARY_GENERAL')) not null, \`title\` text not null, constraint \`post_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`post_jurisdiction_id_index\` on \`post\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`appointment\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`leader_id\` text not null, \`post_id\` text not null, \`acting\` integer not null default false, constraint \`appointment_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`appointment_leader_id_foreign\` foreign key(\`leader_id\`) references \`leader\`(\`id\`) on update cascade, constraint \`appointment_post_id_foreign\` foreign key(\`post_id\`) references \`post\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`appointment_leader_id_index\` on \`appointment\` (\`leader_id\`);`);
    this.addSql(`create index \`appointment_post_id_index\` on \`appointment\` (\`post_id\`);`);
    this.addSql(`create index \`appointment_jurisdiction_id_index\` on \`appointment\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`team_order\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`leader_ids\` json not null, constraint \`team_order_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`team_order_jurisdiction_id_index\` on \`team_order\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`work_area\` (\`id\` text not null, \`jurisdiction_id\` text not null, \`name\` text not null, \`aliases\` json not null, constraint \`work_area_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`work_area_jurisdiction_id_index\` on \`work_area\` (\`jurisdiction_id\`);`);

    this.addSql(`create table \`assignment\` (\`id\` text not null, \`valid_from\` text not null, \`valid_to\` text null, \`jurisdiction_id\` text not null, \`leader_id\` text not null, \`kind\` text check (\`kind\` in ('PRESIDES', 'RESPONSIBLE_FOR', 'SUPERVISES', 'LIAISES_WITH', 'ASSISTS', 'COORDINATES')) not null, \`department_id\` text null, \`work_area_id\` text null, \`principal_id\` text null, \`subject\` text null, \`document\` text null, \`decision_id\` text null, constraint \`assignment_jurisdiction_id_foreign\` foreign key(\`jurisdiction_id\`) references \`jurisdiction\`(\`id\`) on update cascade, constraint \`assignment_leader_id_foreign\` foreign key(\`leader_id\`) references \`leader\`(\`id\`) on update cascade, constraint \`assignment_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on delete set null on update cascade, constraint \`assignment_work_area_id_foreign\` foreign key(\`work_area_id\`) references \`work_area\`(\`id\`) on delete set null on update cascade, constraint \`assignment_principal_id_foreign\` foreign key(\`principal_id\`) references \`leader\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`assignment_work_area_id_index\` on \`assignment\` (\`work_area_id\`);`);
    this.addSql(`create index \`assignment_principal_id_index\` on \`assignment\` (\`principal_id\`);`);
    this.addSql(`create index \`assignment_leader_id_index\` on \`assignment\` (\`leader_id\`);`);
    this.addSql(`create index \`assignment_department_id_index\` on \`assignment\` (\`department_id\`);`);
    this.addSql(`create index \`assignment_jurisdiction_id_index\` on \`assignment\` (\`jurisdiction_id\`);`);
  }

}
