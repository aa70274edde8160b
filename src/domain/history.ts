// Pure: no I/O, no clock. Implements R12's history: every interval ever recorded, nothing filtered by date.
import type { AppointmentFact, AssignmentFact, DirectoryFacts, Interval } from './facts';
import { compareBy, compareText } from './order';

function chronological(a: Interval & { readonly id: string }, b: Interval & { readonly id: string }): number {
  return compareBy(compareText(a.validFrom, b.validFrom), compareText(a.id, b.id));
}

/**
 * Every portfolio line that ever pointed at the department, by validFrom then id (R12 time travel).
 *
 * @example departmentHistory(facts, 'dept:health').map((l) => l.leaderId) // ['leader:qian-feng', 'leader:zhao-min']
 */
export function departmentHistory(facts: DirectoryFacts, departmentId: string): AssignmentFact[] {
  return facts.assignments.filter((a) => a.departmentId === departmentId).sort(chronological);
}

/** Every appointment and portfolio line the leader ever held, each by validFrom then id (R12 time travel). */
export function leaderHistory(
  facts: DirectoryFacts,
  leaderId: string,
): { readonly appointments: AppointmentFact[]; readonly assignments: AssignmentFact[] } {
  return {
    appointments: facts.appointments.filter((a) => a.leaderId === leaderId).sort(chronological),
    assignments: facts.assignments.filter((a) => a.leaderId === leaderId).sort(chronological),
  };
}
