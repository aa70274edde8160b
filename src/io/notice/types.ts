// Pure: the shapes of a parsed published notice (领导分工 / AB角) and of its hand-made expected parse.

/** One leader's block as read from a notice. Compared fields: name, titles, responsibleFor, supervises, liaisesWith, assists, backup. */
export interface ParsedLeader {
  /** The person's name without padding spaces or 同志; null when the text never names them (a leader's own page). */
  name: string | null;
  /** Titles as written in the header, split on 、/，; concurrent posts (兼…) without 兼/兼任. */
  titles: string[];
  /** 负责… items; 主持/领导…全面工作 and 负责…常务/日常工作 recorded whole. */
  responsibleFor: string[];
  /** 分管… (also 增加分管, 分管：, 代管). */
  supervises: string[];
  /** 联系… */
  liaisesWith: string[];
  /** The head's name when the text says 协助市长/省长/区长… and that head is a leader of the same notice. */
  assists: string | null;
  /** The partner from an AB pair (symmetric for 互为… wordings). */
  backup: string | null;
  /** 协助分管… / 协助管理… / 协管… : co-supervision, never in `supervises`. */
  coSupervises: string[];
  /** 牵头协调… / 统筹协调… */
  coordinates: string[];
  /** 不再分管… / 不再负责…工作 / 不再联系… (an adjustment notice): what the leader no longer holds; absent when none. */
  ends?: string[];
  notes?: string;
}

/** Something the parser could not read, with its place in the input (offset 0-based in UTF-16 units; line and column 1-based). */
export interface NoticeWarning {
  offset: number;
  line: number;
  column: number;
  /** The input text at `offset`, exactly as given (not normalised). */
  text: string;
  message: string;
}

export interface ParsedNotice {
  government: string | null;
  notes?: string;
  /** In the order of the notice; for a pure AB notice, in the order the pairs name them. */
  leaders: ParsedLeader[];
  warnings: NoticeWarning[];
}

export interface ParseOptions {
  /**
   * The issuing government when the caller knows it from outside the text (the site a leader's page came from).
   * Used only when the text itself names none.
   */
  government?: string;
}

/** A leader of a hand-made expected parse (`*.expected.json`): the compared fields of a parsed leader. */
export type ExpectedLeader = Pick<ParsedLeader, 'name' | 'titles' | 'responsibleFor' | 'supervises' | 'liaisesWith' | 'assists' | 'backup' | 'notes'>;

export interface ExpectedNotice {
  government: string | null;
  notes?: string;
  leaders: ExpectedLeader[];
}
