// Test helpers for the notice reader: reading the stored samples and projecting a parse onto the compared fields.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ExpectedLeader, ExpectedNotice, ParsedLeader, ParsedNotice } from '../../../src/io/notice';

export interface Sample {
  readonly file: string;
  readonly text: string;
  readonly expected: ExpectedNotice;
}

export function readSample(dir: string, file: string): Sample {
  const text = readFileSync(join(__dirname, dir, `${file}.txt`), 'utf8');
  const expected = JSON.parse(readFileSync(join(__dirname, dir, `${file}.expected.json`), 'utf8')) as ExpectedNotice;
  return { file, text, expected };
}

type Compared = Omit<ExpectedLeader, 'notes'>;

/** A leader with only the compared fields. */
export function compared(l: ParsedLeader | ExpectedLeader): Compared {
  return {
    name: l.name,
    titles: l.titles,
    responsibleFor: l.responsibleFor,
    supervises: l.supervises,
    liaisesWith: l.liaisesWith,
    assists: l.assists,
    backup: l.backup,
  };
}

/** The government and the leaders' compared fields. */
export function comparedNotice(n: ParsedNotice | ExpectedNotice): { government: string | null; leaders: Compared[] } {
  return { government: n.government, leaders: n.leaders.map(compared) };
}

/** An expected leader: empty lists and nulls unless given. */
export function leader(name: string | null, titles: string[], fields: Partial<Omit<Compared, 'name' | 'titles'>> = {}): Compared {
  return { name, titles, responsibleFor: [], supervises: [], liaisesWith: [], assists: null, backup: null, ...fields };
}

/** The stored samples had full-width ，：；（） turned into ASCII; this puts them back. */
export function restoreFullWidth(text: string): string {
  const map: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };
  return text.replace(/[,:;()]/g, (ch) => map[ch]);
}
