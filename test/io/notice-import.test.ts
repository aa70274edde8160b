// From a published notice to the items of a re-division: names matched to the directory, unknown names
// listed (never guessed), a full notice ending the lines it no longer states, a delta notice only adding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateChangeset } from '../../src/domain';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { factsByJurisdiction, type Dataset } from '../../src/io/dataset';
import { readDataset } from '../../src/io/importer';
import { nameKey, planNoticeImport } from '../../src/io/notice-import';
import { parseNotice } from '../../src/io/notice/parse';

let demo: Dataset;
const NOTICE = readFileSync(path.join(__dirname, 'fixtures', 'qingchuan-2026-12.txt'), 'utf8');
const facts = () => factsByJurisdiction(demo).get('jur:qingchuan')!;

beforeAll(async () => {
  demo = await readDataset(DEMO_DATASET_DIR);
});

it.each([
  ['区财政局', '财政局'],
  ['财政局', '财政局'],
  ['区财政局(区国资办)', '财政局'],
  ['区财政局（区国资办）', '财政局'],
  ['青川区财政局', '财政局'],
  ['教育工作', '教育'],
  [' 区 民政局 ', '民政局'],
])('nameKey(%s) = %s', (name, key) => {
  expect(nameKey(name, '青川区')).toBe(key);
});

describe('a full notice: 区教育局 and 教育 move from 王丽华 to 李晓燕', () => {
  it('reads the notice', () => {
    const parsed = parseNotice(NOTICE);
    expect(parsed.leaders.map((l) => l.name)).toEqual(['王丽华', '李晓燕']);
  });

  it('ends what it no longer states, assigns what is new, and leaves the rest alone', () => {
    const plan = planNoticeImport(facts(), parseNotice(NOTICE), { effectiveDate: '2026-12-01', delta: false });
    expect(plan.unmatched).toEqual([]);
    expect(plan.items).toEqual(
      expect.arrayContaining([
        { op: 'END', lineId: 'line:wang-lihua-supervises-education' },
        { op: 'END', lineId: 'line:wang-lihua-responsible-education' },
        expect.objectContaining({ op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:li-xiaoyan', departmentId: 'dept:education' }),
        expect.objectContaining({ op: 'ASSIGN', kind: 'RESPONSIBLE_FOR', leaderId: 'leader:li-xiaoyan', workAreaId: 'area:education' }),
      ]),
    );
    expect(plan.items).toHaveLength(4);
    expect(plan.unchanged).toBe(19);
  });

  it('gives a changeset the domain accepts', () => {
    const plan = planNoticeImport(facts(), parseNotice(NOTICE), { effectiveDate: '2026-12-01', delta: false });
    const checked = validateChangeset(
      facts(),
      { jurisdictionId: 'jur:qingchuan', document: '青政发〔2026〕30号', decisionId: 'decision:qingchuan-2026-11-adjust', effectiveDate: '2026-12-01', issuedById: 'leader:chen-yuanhang', items: plan.items },
      (entity, i) => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:test-${i}`,
      { signedOn: '2026-11-28', uses: [] },
    );
    expect(checked.violations).toEqual([]);
  });

  it('as a delta notice only adds', () => {
    const plan = planNoticeImport(facts(), parseNotice(NOTICE), { effectiveDate: '2026-12-01', delta: true });
    expect(plan.items.map((i) => i.op)).toEqual(['ASSIGN', 'ASSIGN']);
  });
});

it('lists the names it cannot match, with the block and field they come from', () => {
  const text = NOTICE.replace('区气象局', '区航天发射中心').replace('王丽华副区长', '钱多多副区长');
  const plan = planNoticeImport(facts(), parseNotice(text), { effectiveDate: '2026-12-01', delta: false });
  expect(plan.unmatched).toEqual([
    { leader: '钱多多', field: 'name', text: '钱多多', reason: 'NO_MATCH', candidates: [] },
    { leader: '李晓燕', field: 'liaisesWith', text: '区航天发射中心', reason: 'NO_MATCH', candidates: [] },
  ]);
});
