// Pure: the directory as Popolo JSON (popoloproject.com) — persons, organizations, posts and memberships with
// start and end dates — so other civic-data systems can read it, with our own relation kinds kept in a
// documented extension (every key prefixed `fengong:`; see docs/popolo-extension.md) so that export → import
// gives back exactly the same directory.
//
// Dates: Popolo's end_date and dissolution_date are the last day something held; ours are exclusive
// (validTo = the first day it no longer holds). The mapping shifts them by one day each way.
import {
  ASSIGNMENT_KINDS,
  type AbsenceFact,
  type AssignmentFact,
  type BackupFact,
  type DecisionFact,
  type DepartmentKind,
  type GovernanceRules,
  type JurisdictionLevel,
  type LineageFact,
  type MeetingFact,
  type PostKind,
  type TeamOrderFact,
  type WorkAreaFact,
} from '../domain';
import type { Dataset, JurisdictionRecord } from './dataset';

export const POPOLO_FORMAT = 'popolo+fengong/1';

/** A unit with no founding_date is taken to have existed throughout: since 1949-10-01. */
export const UNKNOWN_FOUNDING_DATE = '1949-10-01';

export interface PopoloContact {
  readonly type: string;
  readonly value: string;
  readonly label?: string;
}

export interface PopoloPerson {
  readonly id: string;
  readonly name: string;
  readonly 'fengong:jurisdictionId': string;
}

export interface PopoloOrganization {
  readonly id: string;
  readonly name: string;
  /** 'government' for a jurisdiction, else the unit kind (CONSTITUENT, VERTICAL, …). */
  readonly classification: string;
  readonly parent_id: string | null;
  readonly other_names?: readonly { readonly name: string }[];
  readonly founding_date?: string;
  readonly dissolution_date?: string;
  readonly contact_details?: readonly PopoloContact[];
  readonly 'fengong:level'?: JurisdictionLevel;
  readonly 'fengong:rules'?: GovernanceRules | null;
  readonly 'fengong:headName'?: string | null;
  /**
   * A government the file names but does not carry (the parent of an exported government): only its id, name and
   * level. An import resolves it to the government of that id when the directory has one, else records it as a stub.
   */
  readonly 'fengong:reference'?: boolean;
}

export interface PopoloPost {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly organization_id: string;
  readonly 'fengong:kind': PostKind;
}

export interface PopoloMembership {
  readonly id: string;
  readonly person_id: string;
  readonly organization_id: string;
  readonly post_id?: string;
  readonly role: string;
  readonly start_date: string;
  readonly end_date?: string;
  /** Appointments: held as acting (代). */
  readonly 'fengong:acting'?: boolean;
  /** Portfolio lines: the relation kind and the targets Popolo has no field for. */
  readonly 'fengong:kind'?: AssignmentFact['kind'];
  readonly 'fengong:workAreaId'?: string | null;
  readonly 'fengong:principalId'?: string | null;
  readonly 'fengong:subject'?: string | null;
  readonly 'fengong:document'?: string | null;
  readonly 'fengong:decisionId'?: string | null;
}

export interface PopoloDocument {
  readonly 'fengong:format': typeof POPOLO_FORMAT;
  readonly persons: readonly PopoloPerson[];
  readonly organizations: readonly PopoloOrganization[];
  readonly posts: readonly PopoloPost[];
  readonly memberships: readonly PopoloMembership[];
  readonly 'fengong:workAreas': readonly WorkAreaFact[];
  readonly 'fengong:backups': readonly BackupFact[];
  readonly 'fengong:absences': readonly AbsenceFact[];
  readonly 'fengong:teamOrders': readonly TeamOrderFact[];
  readonly 'fengong:meetings': readonly MeetingFact[];
  readonly 'fengong:decisions': readonly DecisionFact[];
  /**
   * The units' lineage (机构改革: merged, split, renamed, abolished — predecessor → successor on a date, with the
   * 编委 document). Written only when there is any; a file without it has none.
   */
  readonly 'fengong:lineage'?: readonly LineageFact[];
}

/** 主持 / 负责 / 分管 / 联系 / 协助 / 牵头协调: the Popolo `role` of a portfolio line. */
export const LINE_ROLES: Readonly<Record<AssignmentFact['kind'], string>> = {
  PRESIDES: '主持全面工作',
  RESPONSIBLE_FOR: '负责',
  SUPERVISES: '分管',
  LIAISES_WITH: '联系',
  ASSISTS: '协助',
  COORDINATES: '牵头协调',
};

/** Shifts an ISO date by whole days (calendar arithmetic on the date itself; no clock is read). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const lastDay = (validTo: string | null) => (validTo === null ? undefined : addDays(validTo, -1));
const exclusiveEnd = (endDate: string | undefined) => (endDate === undefined ? null : addDays(endDate, 1));

/** A government named by reference only (see PopoloOrganization['fengong:reference']). */
export interface JurisdictionReference {
  readonly id: string;
  readonly name: string;
  readonly level: JurisdictionLevel;
}

/**
 * `references`: governments the data names (parents) without carrying them — written as organizations marked
 * `fengong:reference`, so that one government's export can be imported into a directory that lacks its parent.
 * `lineage`: the units' lineage steps, as recorded (`fengong:lineage`, only when there is any).
 */
export function toPopolo(data: Dataset, references: readonly JurisdictionReference[] = [], lineage: readonly LineageFact[] = []): PopoloDocument {
  const leaderJurisdiction = new Map(data.leaders.map((l) => [l.id, l.jurisdictionId]));
  const postsById = new Map(data.posts.map((p) => [p.id, p]));
  return {
    'fengong:format': POPOLO_FORMAT,
    persons: data.leaders.map((l) => ({ id: l.id, name: l.name, 'fengong:jurisdictionId': l.jurisdictionId })),
    organizations: [
      ...data.jurisdictions.map((j) => ({
        id: j.id, name: j.name, classification: 'government', parent_id: j.parentId, 'fengong:level': j.level, 'fengong:rules': j.rules ?? null,
      })),
      ...references.map((r) => ({ id: r.id, name: r.name, classification: 'government', parent_id: null, 'fengong:level': r.level, 'fengong:reference': true })),
      ...data.departments.map((d) => ({
        id: d.id, name: d.name, classification: d.kind, parent_id: d.jurisdictionId,
        other_names: d.aliases.map((name) => ({ name })),
        founding_date: d.validFrom,
        ...(d.validTo === null ? {} : { dissolution_date: lastDay(d.validTo) }),
        contact_details: d.headContact === null ? [] : [{ type: 'voice', value: d.headContact, ...(d.headName === null ? {} : { label: d.headName }) }],
        'fengong:headName': d.headName,
      })),
    ],
    posts: data.posts.map((p) => ({ id: p.id, label: p.title, role: p.title, organization_id: p.jurisdictionId, 'fengong:kind': p.kind })),
    memberships: [
      ...data.appointments.map((a) => ({
        id: a.id, person_id: a.leaderId, organization_id: leaderJurisdiction.get(a.leaderId) as string, post_id: a.postId,
        role: postsById.get(a.postId)?.title ?? '', start_date: a.validFrom,
        ...(a.validTo === null ? {} : { end_date: lastDay(a.validTo) }), 'fengong:acting': a.acting,
      })),
      ...data.assignments.map((a) => ({
        id: a.id, person_id: a.leaderId, organization_id: a.departmentId ?? a.jurisdictionId, role: LINE_ROLES[a.kind],
        start_date: a.validFrom, ...(a.validTo === null ? {} : { end_date: lastDay(a.validTo) }),
        'fengong:kind': a.kind, 'fengong:workAreaId': a.workAreaId, 'fengong:principalId': a.principalId, 'fengong:subject': a.subject,
        'fengong:document': a.document, 'fengong:decisionId': a.decisionId,
      })),
    ],
    'fengong:workAreas': data.workAreas,
    'fengong:backups': data.backups,
    'fengong:absences': data.absences,
    'fengong:teamOrders': data.teamOrders,
    'fengong:meetings': data.meetings,
    'fengong:decisions': data.decisions,
    ...(lineage.length === 0 ? {} : { 'fengong:lineage': lineage }),
  };
}

export interface PopoloImport {
  readonly dataset: Dataset;
  /** Governments the file names by reference only (the parents of the governments it carries). */
  readonly references: readonly JurisdictionReference[];
  /** Memberships and organizations that carry nothing this directory models (kept out, listed here). */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
  /** The units' lineage the file records (`fengong:lineage`); empty when it has none. */
  readonly lineage: readonly LineageFact[];
}

/**
 * Reads a Popolo document written by toPopolo (or by another system that follows the same extension).
 * Organizations with classification 'government' are jurisdictions; others are units when the
 * classification is one of our unit kinds. Memberships with a post are appointments; with `fengong:kind`,
 * portfolio lines. Anything else is skipped and listed, never guessed.
 */
export function fromPopolo(doc: PopoloDocument): PopoloImport {
  const skipped: { id: string; reason: string }[] = [];
  const unitKinds: readonly string[] = ['CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT', 'VERTICAL', 'JUDICIAL', 'MASS_ORGANIZATION', 'STATE_ENTERPRISE'];
  const jurisdictions: JurisdictionRecord[] = [];
  const departments: Dataset['departments'][number][] = [];
  const references: JurisdictionReference[] = [];
  for (const o of doc.organizations) {
    if (o.classification === 'government' && o['fengong:reference'] === true) {
      references.push({ id: o.id, name: o.name, level: o['fengong:level'] ?? 'DISTRICT' });
    } else if (o.classification === 'government') {
      jurisdictions.push({ id: o.id, name: o.name, level: o['fengong:level'] ?? 'DISTRICT', parentId: o.parent_id, rules: o['fengong:rules'] ?? null });
    } else if (unitKinds.includes(o.classification) && o.parent_id !== null) {
      const contact = o.contact_details?.find((c) => c.type === 'voice');
      departments.push({
        id: o.id, jurisdictionId: o.parent_id, name: o.name, kind: o.classification as DepartmentKind,
        aliases: (o.other_names ?? []).map((n) => n.name), headName: o['fengong:headName'] ?? contact?.label ?? null,
        headContact: contact?.value ?? null, validFrom: o.founding_date ?? UNKNOWN_FOUNDING_DATE, validTo: exclusiveEnd(o.dissolution_date),
      });
    } else {
      skipped.push({ id: o.id, reason: `organization classification "${o.classification}" is not a government or a unit kind` });
    }
  }
  const appointments: Dataset['appointments'][number][] = [];
  const assignments: AssignmentFact[] = [];
  const orgIsGovernment = new Set(jurisdictions.map((j) => j.id));
  const unitJurisdiction = new Map(departments.map((d) => [d.id, d.jurisdictionId]));
  for (const m of doc.memberships) {
    const kind = m['fengong:kind'];
    if (m.post_id !== undefined) {
      appointments.push({ id: m.id, leaderId: m.person_id, postId: m.post_id, acting: m['fengong:acting'] === true, validFrom: m.start_date, validTo: exclusiveEnd(m.end_date) });
    } else if (kind !== undefined && ASSIGNMENT_KINDS.includes(kind)) {
      const onGovernment = orgIsGovernment.has(m.organization_id);
      const jurisdictionId = onGovernment ? m.organization_id : unitJurisdiction.get(m.organization_id);
      if (jurisdictionId === undefined) {
        skipped.push({ id: m.id, reason: `membership names unknown organization ${m.organization_id}` });
        continue;
      }
      assignments.push({
        id: m.id, jurisdictionId, leaderId: m.person_id, kind, departmentId: onGovernment ? null : m.organization_id,
        workAreaId: m['fengong:workAreaId'] ?? null, principalId: m['fengong:principalId'] ?? null, subject: m['fengong:subject'] ?? null,
        document: m['fengong:document'] ?? null, decisionId: m['fengong:decisionId'] ?? null, validFrom: m.start_date, validTo: exclusiveEnd(m.end_date),
      });
    } else {
      skipped.push({ id: m.id, reason: 'membership has neither a post nor a fengong:kind' });
    }
  }
  return {
    dataset: {
      jurisdictions,
      leaders: doc.persons.map((p) => ({ id: p.id, jurisdictionId: p['fengong:jurisdictionId'], name: p.name })),
      posts: doc.posts.map((p) => ({ id: p.id, jurisdictionId: p.organization_id, kind: p['fengong:kind'], title: p.label })),
      appointments,
      departments,
      workAreas: doc['fengong:workAreas'] ?? [],
      assignments,
      backups: doc['fengong:backups'] ?? [],
      absences: doc['fengong:absences'] ?? [],
      teamOrders: doc['fengong:teamOrders'] ?? [],
      meetings: doc['fengong:meetings'] ?? [],
      decisions: doc['fengong:decisions'] ?? [],
    },
    references,
    skipped,
    lineage: doc['fengong:lineage'] ?? [],
  };
}
