// Pure: the published-notice reader's public surface.
export { parseNotice } from './parse';
export { scoreParse, SCORED_FIELDS, type Score, type ScoredField, type Triple } from './score';
export type { ExpectedLeader, ExpectedNotice, NoticeWarning, ParsedLeader, ParsedNotice, ParseOptions } from './types';
