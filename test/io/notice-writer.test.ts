// Publishing the division: the generated notice read back by the notice parser gives exactly the directory's lines
// (F1 = 1 over the scored fields, and the unscored 协助分管 / 牵头协调 / 不再… fields too), on the demo district on
// several dates and on a sample of a generated country; the adjustment notice states only what a changeset changed;
// the .docx is a valid Word file in the 公文 layout.
import { inflateRawSync } from 'node:zlib';
import {
  backupOf,
  covers,
  leadershipTeam,
  linesOfLeader,
  planChangeset,
  presidingOn,
  type AssignmentFact,
  type ChangesetDraft,
  type DirectoryFacts,
} from '../../src/domain';
import { factsByJurisdiction, mergeDatasets } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';
import { readDataset } from '../../src/io/importer';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { planNoticeImport } from '../../src/io/notice-import';
import { parseNotice, scoreParse, type ExpectedLeader, type ParsedNotice } from '../../src/io/notice';
import { A4_TWIPS, adjustmentNotice, divisionNotice, noticeDocx, noticeText } from '../../src/io/notice-writer';

/** What the parser should read for one leader, worked out from the facts alone (not from the writer). */
interface Stated extends ExpectedLeader {
  coSupervises: string[];
  coordinates: string[];
  ends: string[];
}

const levelOf = (facts: DirectoryFacts) => facts.jurisdiction.name.slice(-1);
const unit = (facts: DirectoryFacts, id: string) => facts.departments.find((d) => d.id === id)!.name;
const area = (facts: DirectoryFacts, id: string) => facts.workAreas.find((w) => w.id === id)!.name;
const personName = (facts: DirectoryFacts, id: string) => facts.leaders.find((l) => l.id === id)!.name;
const target = (facts: DirectoryFacts, l: AssignmentFact) =>
  l.kind === 'PRESIDES' ? `${levelOf(facts)}政府全面工作` : l.departmentId !== null ? unit(facts, l.departmentId) : area(facts, l.workAreaId!);

function titlesOn(facts: DirectoryFacts, leaderId: string, on: string): string[] {
  return facts.appointments
    .filter((a) => a.leaderId === leaderId && covers(a, on))
    .map((a) => `${a.acting ? '代' : ''}${facts.posts.find((p) => p.id === a.postId)!.title}`)
    .filter((t, i, all) => all.indexOf(t) === i)
    .sort();
}

function stated(facts: DirectoryFacts, leaderId: string, on: string, lines: readonly AssignmentFact[]): Stated {
  const of = (...kinds: AssignmentFact['kind'][]) => lines.filter((l) => kinds.includes(l.kind));
  const presiding = presidingOn(facts, on)?.leaderId;
  const headAssisted = of('ASSISTS').find((l) => l.principalId === presiding);
  return {
    name: personName(facts, leaderId),
    titles: titlesOn(facts, leaderId, on),
    responsibleFor: of('PRESIDES', 'RESPONSIBLE_FOR').map((l) => target(facts, l)).sort(),
    supervises: of('SUPERVISES').map((l) => target(facts, l)).sort(),
    liaisesWith: of('LIAISES_WITH').map((l) => target(facts, l)).sort(),
    assists: headAssisted === undefined ? null : personName(facts, presiding!),
    backup: null,
    coSupervises: of('ASSISTS').map((l) => target(facts, l)).sort(),
    coordinates: of('COORDINATES').map((l) => l.subject!).sort(),
    ends: [],
  };
}

/** The directory on `on` as the parser should read it back. */
function directoryAsParsed(facts: DirectoryFacts, on: string): Stated[] {
  return leadershipTeam(facts, on).map((m) => {
    const s = stated(facts, m.leader.id, on, linesOfLeader(facts, m.leader.id, on));
    const b = backupOf(facts, m.leader.id, on);
    return { ...s, backup: b === null ? null : personName(facts, b.backupId) };
  });
}

function asStated(parsed: ParsedNotice): Stated[] {
  return parsed.leaders.map((l) => ({
    name: l.name, titles: [...l.titles].sort(), responsibleFor: [...l.responsibleFor].sort(), supervises: [...l.supervises].sort(),
    liaisesWith: [...l.liaisesWith].sort(), assists: l.assists, backup: l.backup, coSupervises: [...l.coSupervises].sort(),
    coordinates: [...l.coordinates].sort(), ends: [...(l.ends ?? [])].sort(),
  }));
}

function expectRoundTrip(facts: DirectoryFacts, on: string): { f1: number; leaders: number; lines: number } {
  const text = noticeText(divisionNotice(facts, on));
  const parsed = parseNotice(text);
  const expected = directoryAsParsed(facts, on);
  expect(parsed.warnings).toEqual([]);
  // Real places are written in Han characters; a synthetic '合成24区' (with digits) names no government the parser knows.
  if (/^[\u3400-\u9fff]+$/.test(facts.jurisdiction.name)) expect(parsed.government).toBe(`${facts.jurisdiction.name}人民政府`);
  const score = scoreParse(parsed, { government: parsed.government, leaders: expected });
  expect({ f1: score.f1, missing: score.missing, extra: score.extra }).toEqual({ f1: 1, missing: [], extra: [] });
  expect(asStated(parsed)).toEqual(expected);
  return { f1: score.f1, leaders: expected.length, lines: facts.assignments.filter((a) => covers(a, on)).length };
}

let demo: DirectoryFacts;
beforeAll(async () => {
  demo = factsByJurisdiction(await readDataset(DEMO_DATASET_DIR)).get('jur:qingchuan')!;
});

describe('the division notice of the demo district', () => {
  it.each(['2025-06-01', '2026-03-20', '2026-11-28', '2027-06-01'])('reads back as exactly the directory on %s (F1 1.00)', (on) => {
    const { f1, leaders } = expectRoundTrip(demo, on);
    expect(f1).toBe(1);
    expect(leaders).toBe(9);
  });

  it('imports back into the directory as no change at all (only a 牵头协调 line tied to a unit cannot say its unit)', () => {
    const on = '2026-11-28';
    const plan = planNoticeImport(demo, parseNotice(noticeText(divisionNotice(demo, on))), { effectiveDate: on, delta: false });
    expect(plan.unmatched).toEqual([]);
    const coordinates = demo.assignments.filter((a) => a.kind === 'COORDINATES' && covers(a, on));
    expect(plan.items).toEqual([
      ...coordinates.map((c) => ({ op: 'END', lineId: c.id })),
      ...coordinates.map((c) => expect.objectContaining({ op: 'ASSIGN', kind: 'COORDINATES', leaderId: c.leaderId, subject: c.subject })),
    ]);
    expect(plan.unchanged).toBeGreaterThan(80);
  });

  it('is written in the genre: title, addressee, preamble, one paragraph per leader in protocol order, AB角 section, closing', () => {
    const doc = divisionNotice(demo, '2026-11-28');
    const text = noticeText(doc);
    const lines = text.split('\n');
    expect(lines[0]).toBe('青川区人民政府关于区政府领导班子成员工作分工的通知');
    expect(lines).toContain('各街道办事处，区政府各部门、各直属机构：');
    expect(text).toContain('经区政府第12次常务会议研究，现将区政府领导班子成员工作分工通知如下：');
    expect(doc.leaders.map((l) => l.name)).toEqual(['陈远航', '周明', '孙海涛', '李晓燕', '王丽华', '赵文斌', '何志远', '徐静', '吴斌']);
    expect(doc.leaders[0].paragraph).toBe('代区长陈远航：主持区政府全面工作；负责审计、机构编制工作；分管区审计局。');
    expect(doc.leaders[1].paragraph).toMatch(/^区政府党组成员、常务副区长周明：负责[^；]*财政[^；]*工作；协助区长分管区审计局；分管[^；]*区财政局[^；]*；联系国家税务总局江州市青川区税务局、区总工会。$/);
    expect(doc.leaders[8].paragraph).toBe('区政府秘书长吴斌：协助常务副区长分管政务服务工作。');
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、区政府领导班子成员工作分工', '二、区政府领导AB角安排']);
    expect(doc.sections[1].paragraphs).toEqual([
      '周明同志与李晓燕同志互为AB角；孙海涛同志与何志远同志互为AB角；王丽华同志与赵文斌同志互为AB角。',
      '赵文斌同志不在岗期间，涉及区公安分局、公安工作的，不实行AB角替代，由区长负责。',
    ]);
    expect(lines.slice(-3)).toEqual(['青川区人民政府', '2026年11月28日', '']);
    // Before the re-division of 2026-03-20: 刘建国 was 区长 (not acting) and there were no AB pairs.
    const before = divisionNotice(demo, '2025-06-01');
    expect(before.leaders[0].paragraph).toMatch(/^区长刘建国：主持区政府全面工作；/);
    expect(before.sections).toHaveLength(1);
    expect(before.sections[0].heading).toBeNull();
  });

  it('refuses a date that is not a date', () => {
    expect(() => divisionNotice(demo, '2026-13-01')).toThrow(RangeError);
  });
});

describe('the division notice of a generated country', () => {
  const data = mergeDatasets(generateCountry({ governments: 40, validFrom: '2026-01-01' }));
  const all = [...factsByJurisdiction(data).values()];
  // Every province and city, and every fourth district: 1 + 4 + 10 governments of three sizes.
  const sample = all.filter((f, i) => f.jurisdiction.level !== 'DISTRICT' || i % 4 === 0);

  it('samples governments of every size', () => {
    expect(new Set(sample.map((f) => f.jurisdiction.level))).toEqual(new Set(['PROVINCE', 'CITY', 'DISTRICT']));
    expect(sample.length).toBeGreaterThanOrEqual(12);
  });

  it.each(sample.map((f) => [f.jurisdiction.name, f] as const))('%s reads back as exactly its directory (F1 1.00)', (_, facts) => {
    const { f1, lines } = expectRoundTrip(facts, '2026-06-01');
    expect(f1).toBe(1);
    expect(lines).toBeGreaterThan(90);
  });
});

describe('the adjustment notice (分工调整通知)', () => {
  const draft: ChangesetDraft = {
    jurisdictionId: 'jur:qingchuan', document: '青政发〔2026〕30号', decisionId: 'decision:qingchuan-2026-11-adjust', effectiveDate: '2026-12-01',
    issuedById: 'leader:chen-yuanhang',
    items: [
      { op: 'MOVE', lineId: 'line:wang-lihua-supervises-education', toLeaderId: 'leader:li-xiaoyan' },
      { op: 'MOVE', lineId: 'line:wang-lihua-responsible-education', toLeaderId: 'leader:li-xiaoyan' },
      { op: 'ASSIGN', kind: 'LIAISES_WITH', leaderId: 'leader:he-zhiyuan', departmentId: 'dept:weather', workAreaId: null, principalId: null, subject: null, validTo: null },
      { op: 'END', lineId: 'line:li-xiaoyan-liaises-weather' },
      { op: 'SET_BACKUP', leaderId: 'leader:xu-jing', backupId: 'leader:wu-bin', exceptTargetIds: [] },
    ],
  };

  function adjusted() {
    const plan = planChangeset(demo, draft, (entity, i) => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:test-${i}`);
    expect(plan.violations).toEqual([]);
    const opened = plan.diff.filter((d) => d.action === 'OPEN').map((d) => d.id);
    const closed = plan.diff.filter((d) => d.action === 'CLOSE').map((d) => d.id);
    return { plan, doc: adjustmentNotice(plan.after, { effectiveDate: draft.effectiveDate, document: draft.document, decisionId: draft.decisionId, opened, closed }) };
  }

  it('names only the leaders it changes, with 不再… and 增加分管…, and the new AB pair', () => {
    const { doc } = adjusted();
    expect(doc.title).toBe('青川区人民政府关于调整区政府领导班子成员工作分工的通知');
    expect(doc.documentNumber).toBe('青政发〔2026〕30号');
    expect(doc.preamble).toBe('经区政府第25次常务会议研究决定，自2026年12月1日起，对区政府领导班子成员工作分工作如下调整：');
    expect(doc.leaders.map((l) => l.paragraph)).toEqual([
      '区政府党组成员、副区长李晓燕同志：不再联系区气象局；负责教育工作；增加分管区教育局。',
      '副区长王丽华同志：不再负责教育工作；不再分管区教育局。',
      '区政府党组成员、副区长何志远同志：联系区气象局。',
    ]);
    expect(doc.sections[1].paragraphs).toEqual(['徐静同志不在岗时，由吴斌同志补位。']);
  });

  it('reads back as exactly the change: what each leader takes on, what he gives up, the new backup', () => {
    const { plan, doc } = adjusted();
    const parsed = parseNotice(noticeText(doc));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.notes).toBe('delta notice: 增加分管 adds to the existing portfolio, it does not replace it');
    const on = draft.effectiveDate;
    const opened = plan.diff.filter((d) => d.action === 'OPEN' && d.entity === 'ASSIGNMENT').map((d) => d.after as AssignmentFact);
    const closed = plan.diff.filter((d) => d.action === 'CLOSE' && d.entity === 'ASSIGNMENT').map((d) => d.before as AssignmentFact);
    const order = leadershipTeam(plan.after, on).map((m) => m.leader.id);
    const leaders = [...new Set([...opened, ...closed].map((l) => l.leaderId))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const expected = leaders.map((id) => {
      const s = stated(plan.after, id, on, opened.filter((l) => l.leaderId === id));
      return { ...s, ends: closed.filter((l) => l.leaderId === id).map((l) => target(demo, l)).sort() };
    });
    // 徐静 and 吴斌 are named by their new AB pair only: the adjustment notice makes them leaders with a backup.
    const pairOnly = ['徐静', '吴斌'].map((n) => ({ name: n, titles: [], responsibleFor: [], supervises: [], liaisesWith: [], assists: null, backup: null, coSupervises: [], coordinates: [], ends: [] }));
    pairOnly[0].backup = '吴斌' as never;
    expect(asStated(parsed)).toEqual([...expected, ...pairOnly]);
    expect(expected.map((e) => e.name).sort()).toEqual(leaders.map((l) => personName(demo, l)).sort());
    expect(scoreParse(parsed, { government: null, leaders: [...expected, ...pairOnly] }).f1).toBe(1);
  });
});

describe('the parser on the genuine forms these notices use (general rules, hand-written inputs)', () => {
  it('reads a member with no portfolio (暂不分管具体工作) as a leader with a note, not an unknown clause', () => {
    const r = parseNotice('县长吴刚:主持县政府全面工作。\n县政府党组成员王敏:暂不分管具体工作。');
    expect(r.warnings).toEqual([]);
    expect(r.leaders[1]).toMatchObject({ name: '王敏', titles: ['县政府党组成员'], responsibleFor: [], supervises: [], notes: '暂不分管具体工作' });
  });

  it('reads 不再分管… / 不再负责…工作 in an adjustment notice as what the leader gives up', () => {
    const r = parseNotice('副省长张强同志:不再分管省教育厅、省文化厅;不再负责教育工作;增加分管省卫生健康委员会。\n副省长刘洋同志,分管省教育厅。');
    expect(r.warnings).toEqual([]);
    expect(r.leaders[0]).toMatchObject({ name: '张强', ends: ['省教育厅', '省文化厅', '教育'], supervises: ['省卫生健康委员会'], responsibleFor: [] });
    expect(r.leaders[1].ends).toBeUndefined();
  });

  it('in an adjustment notice, a new AB pair may name leaders whose portfolio does not change', () => {
    const r = parseNotice('副市长张强同志:增加分管市教育局。\n李明同志与王芳同志互为AB角;赵刚同志不在岗时,由张强同志补位。');
    expect(r.warnings).toEqual([]);
    expect(r.leaders.map((l) => [l.name, l.backup])).toEqual([['张强', null], ['李明', '王芳'], ['王芳', '李明'], ['赵刚', '张强']]);
  });

  it('a one-way cover (X同志由Y同志补位) names X even when X has no block of his own', () => {
    const r = parseNotice('市政府领导AB角安排如下:\n严峰同志由毛丽同志补位。');
    expect(r.leaders.map((l) => [l.name, l.backup])).toEqual([['严峰', '毛丽'], ['毛丽', null]]);
  });
});

/** The entries of a ZIP archive (stored or deflated), read with nothing but zlib: a .docx is a ZIP. */
function unzip(buffer: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    out.set(name, (method === 0 ? data : inflateRawSync(data)).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('the .docx', () => {
  it('is a Word document (a ZIP with word/document.xml) holding the notice’s text, on A4 with GB/T 9704 margins and fonts', async () => {
    const doc = divisionNotice(demo, '2026-11-28');
    const buffer = await noticeDocx(doc);
    expect([...buffer.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const files = unzip(buffer);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = files.get('word/document.xml')!;
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const p of [doc.title, doc.addressee, doc.preamble, ...doc.leaders.map((l) => l.paragraph), ...doc.sections[1].paragraphs, doc.issuer, doc.date]) {
      expect(text).toContain(p);
    }
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${A4_TWIPS.width}" w:h="${A4_TWIPS.height}"`));
    const margin = /<w:pgMar ([^/]*)\/>/.exec(xml)![1];
    const twips = (mm: number) => String(Math.round((mm * 1440) / 25.4));
    expect(margin).toContain(`w:top="${twips(37)}"`);
    expect(margin).toContain(`w:left="${twips(28)}"`);
    expect(margin).toContain(`w:right="${twips(26)}"`);
    expect(margin).toContain(`w:bottom="${twips(35)}"`);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:sz w:val="44"\/>/); // 二号 title
    expect(xml).toMatch(/<w:sz w:val="32"\/>/); // 三号 body
    expect(xml).toMatch(/<w:docGrid [^>]*w:linePitch="580"/); // 22 lines in 225 mm
  });
});
