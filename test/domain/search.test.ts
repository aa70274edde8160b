import { matchTargets, normalizeQuery, whoOversees } from '../../src/domain';
import { AFTER, BEFORE, world } from './world';

describe('normalizeQuery', () => {
  it.each([
    ['谁分管教育?', '教育'],
    ['谁分管教育？', '教育'], // full-width question mark
    ['  谁 负责 财政 工作 ', '财政'],
    ['　财政　', '财政'], // ideographic spaces
    ['财政工作是谁？', '财政'],
    ['谁联系区法院', '区法院'],
    ['谁管税务的', '税务'],
    ['１２３４５热线', '12345热线'], // full-width digits → ASCII
    ['分管', ''],
    ['？', ''],
  ])('%j → %j', (text, expected) => {
    expect(normalizeQuery(text)).toBe(expected);
  });
});

describe('matchTargets: exact 3, name contains query 2, query contains a name’s core 1', () => {
  it.each([
    ['财政', BEFORE, [['WORK_AREA', 'wa:finance', '财政', 3], ['DEPARTMENT', 'dept:finance', '区财政局', 2]]],
    ['区财政局', BEFORE, [['DEPARTMENT', 'dept:finance', '区财政局', 3], ['WORK_AREA', 'wa:finance', '财政', 1]]],
    // Equal scores: departments before work areas.
    ['区财政局预算科', BEFORE, [['DEPARTMENT', 'dept:finance', '区财政局', 1], ['WORK_AREA', 'wa:finance', '财政', 1]]],
    ['税务', BEFORE, [['DEPARTMENT', 'dept:tax', '国家税务总局青山区税务局', 2]]],
    ['谁分管教育?', BEFORE, [['DEPARTMENT', 'dept:education', '区教育局', 2]]],
    ['发改委', BEFORE, [['DEPARTMENT', 'dept:development-reform', '发改委', 3]]], // an alias
    ['１２３４５热线', BEFORE, [['WORK_AREA', 'wa:hotline', '12345热线', 3]]],
    ['旅游', BEFORE, [['DEPARTMENT', 'dept:culture-tourism', '区文化和旅游局', 2], ['WORK_AREA', 'wa:tourism-promotion', '旅游推介', 2]]],
    ['粮食', BEFORE, [['DEPARTMENT', 'dept:grain', '区粮食局', 2]]],
    ['粮食', AFTER, []], // abolished at the re-division
    ['谁分管？', BEFORE, []],
    ['', BEFORE, []],
  ])('%j on %s', (text, on, expected) => {
    expect(matchTargets(world, text, on).map((m) => [m.targetType, m.targetId, m.matchedName, m.score])).toEqual(expected);
  });

  it('full-width and ASCII spellings give the same answer', () => {
    expect(matchTargets(world, '谁分管教育？', BEFORE)).toEqual(matchTargets(world, '谁分管教育?', BEFORE));
  });
});

describe('whoOversees', () => {
  const overseersOf = (text: string, on: string): [string, string[][]][] =>
    whoOversees(world, text, on).map((m) => [
      m.targetId,
      m.overseers.map((o) => [o.leaderId, o.relation, o.lineId, `liaison:${o.liaison}`, `away:${o.away}`, `for:${o.actingForId ?? '-'}`]),
    ]);

  it.each([
    ['税务', BEFORE, [
      ['dept:tax', [['leader:li-ming', 'LIAISES_WITH', 'line:li-ming-tax', 'liaison:true', 'away:false', 'for:-']]],
    ]],
    ['谁分管教育?', BEFORE, [
      ['dept:education', [['leader:zhao-min', 'SUPERVISES', 'line:zhao-min-education', 'liaison:false', 'away:false', 'for:-']]],
    ]],
    ['财政', BEFORE, [
      ['wa:finance', [['leader:li-ming', 'RESPONSIBLE_FOR', 'line:li-ming-finance-work', 'liaison:false', 'away:false', 'for:-']]],
      ['dept:finance', [['leader:li-ming', 'SUPERVISES', 'line:li-ming-finance', 'liaison:false', 'away:false', 'for:-']]],
    ]],
    ['审计', BEFORE, [
      ['wa:audit', [
        ['leader:zhang-wei', 'RESPONSIBLE_FOR', 'line:zhang-wei-audit-work', 'liaison:false', 'away:false', 'for:-'],
        ['leader:li-ming', 'ASSISTS', 'line:li-ming-assists-audit', 'liaison:false', 'away:false', 'for:-'],
      ]],
      ['dept:audit', [['leader:zhang-wei', 'SUPERVISES', 'line:zhang-wei-audit', 'liaison:false', 'away:false', 'for:-']]],
    ]],
    ['发改委', BEFORE, [
      ['dept:development-reform', [
        ['leader:li-ming', 'SUPERVISES', 'line:li-ming-development-reform', 'liaison:false', 'away:false', 'for:-'],
        ['leader:sun-li', 'ASSISTS', 'line:sun-li-assists-development-reform', 'liaison:false', 'away:false', 'for:-'],
      ]],
    ]],
    // After the re-division the orphaned assist is not shown.
    ['发改委', AFTER, [
      ['dept:development-reform', [['leader:chen-jing', 'SUPERVISES', 'line:chen-jing-development-reform', 'liaison:false', 'away:false', 'for:-']]],
    ]],
    // R5: the away holder, then whoever acts for him.
    ['教育', '2026-05-12', [
      ['dept:education', [
        ['leader:zhao-min', 'SUPERVISES', 'line:zhao-min-education', 'liaison:false', 'away:true', 'for:-'],
        ['leader:wu-yue', 'SUPERVISES', 'line:zhao-min-education', 'liaison:false', 'away:false', 'for:leader:zhao-min'],
      ]],
    ]],
    ['公安', '2026-02-03', [
      ['dept:public-security', [
        ['leader:wang-qiang', 'SUPERVISES', 'line:wang-qiang-public-security', 'liaison:false', 'away:true', 'for:-'],
        ['leader:zhang-wei', 'SUPERVISES', 'line:wang-qiang-public-security', 'liaison:false', 'away:false', 'for:leader:wang-qiang'],
      ]],
    ]],
    ['安全生产', '2026-02-03', [
      ['wa:work-safety', [
        ['leader:wang-qiang', 'RESPONSIBLE_FOR', 'line:wang-qiang-work-safety', 'liaison:false', 'away:true', 'for:-'],
        ['leader:zhao-min', 'RESPONSIBLE_FOR', 'line:wang-qiang-work-safety', 'liaison:false', 'away:false', 'for:leader:wang-qiang'],
      ]],
    ]],
    ['青石街道', '2026-03-05', [
      ['dept:qingshi-subdistrict', [
        ['leader:chen-jing', 'SUPERVISES', 'line:chen-jing-qingshi', 'liaison:false', 'away:true', 'for:-'],
        ['leader:zhang-wei', 'SUPERVISES', 'line:chen-jing-qingshi', 'liaison:false', 'away:false', 'for:leader:chen-jing'],
        ['leader:sun-li', 'SUPERVISES', 'line:sun-li-qingshi', 'liaison:false', 'away:true', 'for:-'],
        ['leader:wang-qiang', 'SUPERVISES', 'line:sun-li-qingshi', 'liaison:false', 'away:false', 'for:leader:sun-li'],
      ]],
    ]],
    ['旅游推介', BEFORE, [['wa:tourism-promotion', []]]], // a match with nobody responsible
  ])('%j on %s', (text, on, expected) => {
    expect(overseersOf(text, on)).toEqual(expected);
  });

  it('keeps the match fields', () => {
    expect(whoOversees(world, '税务', BEFORE).map(({ targetType, targetId, matchedName, score }) => ({ targetType, targetId, matchedName, score }))).toEqual([
      { targetType: 'DEPARTMENT', targetId: 'dept:tax', matchedName: '国家税务总局青山区税务局', score: 2 },
    ]);
  });
});

describe('matchTargets: a name whose core is one character never matches by containment', () => {
  // Variant world: a work area named 林 (alias 区林), whose core is a single character.
  const withForest = { ...world, workAreas: [...world.workAreas, { id: 'wa:forest', jurisdictionId: world.jurisdiction.id, name: '林', aliases: ['区林'] }] };

  it.each([
    ['森林防火', []],
    ['林', [['WORK_AREA', 'wa:forest', '林', 3]]],
  ])('%j', (text, expected) => {
    expect(matchTargets(withForest, text, BEFORE).map((m) => [m.targetType, m.targetId, m.matchedName, m.score])).toEqual(expected);
  });
});
