// Pieces several panels share.
import { h } from '../dom.js';
import { ACTING_BASIS, KIND } from '../vocab.js';

/** A leader's name as a button that opens his detail. */
export function leaderButton(ctx, leader, extra = {}) {
  return h('button', { type: 'button', class: 'leader-link', onClick: () => ctx.openLeader(leader.id), dataset: { leader: leader.id }, ...extra }, leader.name);
}

/** A relation mark: shape + word (never colour alone). */
export function relationTag(kind, { short = false } = {}) {
  const k = KIND[kind] ?? { label: kind, short: kind, mark: '' };
  return h('span', { class: `rel rel-${kind}`, dataset: { kind } }, `${k.mark}${short ? k.short : k.label}`);
}

/**
 * What `leaderId` does for an absent leader (one entry of Leader.actingFor): all his lines as the actor, or
 * only the lines excepted from the B角 (they pass to the presiding leader). Null when neither.
 */
export function actingSummary(leaderId, cover) {
  const names = new Map();
  for (const line of cover.absentLeader.portfolio ?? []) {
    if (line.department) names.set(line.department.id, line.department.name);
    if (line.workArea) names.set(line.workArea.id, line.workArea.name);
  }
  const excepted = (filter) => cover.exceptions.filter(filter).map((e) => names.get(e.targetId) ?? e.targetId);
  if (cover.actor?.id === leaderId) {
    const others = excepted((e) => e.actor?.id !== leaderId);
    return `履行分管职责（${ACTING_BASIS[cover.basis] ?? cover.basis}${others.length ? `；${others.join('、')}除外` : ''}）`;
  }
  const mine = excepted((e) => e.actor?.id === leaderId);
  return mine.length > 0 ? `分管 ${mine.join('、')}（不交 B角的例外）` : null;
}

/** The GraphQL selection actingSummary needs. */
export const ACTING_FIELDS = 'actingFor { absentLeader { id name portfolio { department { id name } workArea { id name } } } actor { id name } basis exceptions { targetId actor { id name } } }';
