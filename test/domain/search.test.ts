import { kindsOfUnitName, kindsOfWorkAreaName, matchTargets, normalizeQuery, searchIndex, searchKeywords, UNIT_KINDS, whoOversees } from '../../src/domain';
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

// ——— Search as people ask (issue 14) ———

describe('normalizeQuery: traditional characters, pinyin case and how people ask', () => {
  it.each([
    ['殯葬歸誰管', '殡葬'], // traditional → simplified, then 归谁管
    ['區教育局的分管領導是誰？', '区教育局'],
    ['哪位领导联系区法院', '区法院'],
    ['学区划分归谁管？', '学区划分'],
    ['请问低保由哪位领导分管', '低保'],
    ['我想问一下耕地保护是谁负责的', '耕地保护'],
    ['非遗保护找哪个部门', '非遗保护'],
    ['Shen Ji', 'shenji'], // pinyin: lower case, no spaces
    ['审计\u0007局', '审计局'], // control characters are never part of a name
    ['谁分管 12345 热线', '12345热线'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeQuery(text)).toBe(expected);
  });
});

describe('kindsOfUnitName: a government’s own unit names matched to the standard kinds', () => {
  it.each([
    ['区财政局', ['finance']],
    ['江州市公安局青川分局', ['public-security']], // X局Y分局 → X局
    ['区自然资源和规划分局', ['natural-resources']], // 分局 → 局
    ['区卫生健康委员会', ['health']],
    ['区人民政府办公室', ['gov-office']], // 人民政府 → 政府
    ['县林业和草原局', ['forestry']],
    ['合成区发展和改革局2', ['development-reform']], // generated names carry a number
    ['区市场监督管理局', ['market-regulation']], // 市场… is not the 市 of a region
    ['国家税务总局江州市青川区税务局', ['tax']],
    ['青川经济开发区管理委员会', ['development-zone']],
    ['共青团江州市青川区委员会', ['youth-league']], // by pattern
    ['团区委', ['youth-league']],
    ['区城市管理综合行政执法局', ['urban-management']],
    ['区人防办', ['civil-defence']], // a short form as a name
    ['江滨街道办事处', []], // no standard kind: found by its own name only
    ['青川城市花园管理处', []],
  ])('%j → %j', (name, kinds) => {
    expect(kindsOfUnitName(name)).toEqual(kinds);
  });

  it.each([
    ['财政', ['finance']],
    ['就业和社会保障', ['human-resources-social-security']],
    ['文化旅游', ['culture-tourism']],
    ['旅游推介', []],
    ['安全生产', []], // a work area of its own, not the emergency bureau's name
  ])('work area %j → %j', (name, kinds) => {
    expect(kindsOfWorkAreaName(name)).toEqual(kinds);
  });

  it('ships a vocabulary: dozens of kinds, several hundred topics, each topic of one kind only', () => {
    const topics = UNIT_KINDS.flatMap((k) => k.topics);
    expect(UNIT_KINDS.length).toBeGreaterThanOrEqual(50);
    expect(topics.length).toBeGreaterThanOrEqual(500);
    expect(new Set(topics).size).toBe(topics.length);
    expect(UNIT_KINDS.find((k) => k.id === 'forestry')?.shortForms).toContain('林草局');
    expect(UNIT_KINDS.find((k) => k.id === 'civil-affairs')?.topics).toContain('殡葬');
  });
});

describe('matchTargets: vocabulary, pinyin, people and heads on a government whose data has few aliases', () => {
  const found = (text: string, on = BEFORE) => matchTargets(world, text, on).map((m) => [m.targetId, m.matchedBy, m.matchedName, m.score]);

  it.each([
    // 区司法局 has no aliases: its kind's short forms and topics find it.
    ['法律援助', [['dept:justice', 'TOPIC', '法律援助', 3]]],
    ['社区矫正的分管领导是谁', [['dept:justice', 'TOPIC', '社区矫正', 3]]],
    ['卫健委', [['dept:health', 'SHORT_FORM', '卫健委', 3]]],
    ['住建委', [['dept:housing', 'SHORT_FORM', '住建委', 3]]],
    ['起诉', [['dept:court', 'TOPIC', '起诉', 3]]],
    ['城管执法局', [['dept:urban-management', 'SHORT_FORM', '城管执法局', 3]]], // a standard short form beats the alias containing it
    // 審計 → 审计: the work area by its name first, then the bureau.
    ['審計', [['wa:audit', 'NAME', '审计', 3], ['dept:audit', 'NAME', '区审计局', 2]]],
    // Pinyin in full and by initials.
    ['shenji', [['wa:audit', 'PINYIN', '审计', 3], ['dept:audit', 'PINYIN', '区审计局', 2]]], // 审计局 begins with shenji
    ['sjj', [['dept:audit', 'PINYIN', '区审计局', 2]]],
    // A topic inside a longer text, when nothing matches better.
    ['我们小区的物业管理问题归谁管', [['dept:housing', 'TOPIC', '物业管理', 1]]],
    // Segmented: neither word is a name or topic of its own, each run is matched.
    ['旅游和教育', [['dept:education', 'NAME', '区教育局', 2], ['dept:culture-tourism', 'NAME', '区文化和旅游局', 2], ['wa:tourism-promotion', 'NAME', '旅游推介', 2]]],
    ['航天发射', []],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('ranks exact name > short form > alias > topic > pinyin', () => {
    const ranked = {
      ...world,
      departments: [
        ...world.departments,
        { ...world.departments[0], id: 'dept:a', name: '人社局', aliases: [] },
        { ...world.departments[0], id: 'dept:b', name: '区人力资源和社会保障局', aliases: [] },
        { ...world.departments[0], id: 'dept:c', name: '区劳动就业服务中心', aliases: ['区就业中心'] },
      ],
    };
    expect(matchTargets(ranked, '人社局', BEFORE).map((m) => [m.targetId, m.matchedBy])).toEqual([
      ['dept:a', 'NAME'],
      ['dept:b', 'SHORT_FORM'],
    ]);
    expect(matchTargets(ranked, '区就业中心', BEFORE).map((m) => [m.targetId, m.matchedBy])).toEqual([['dept:c', 'ALIAS']]);
    const ranks = (text: string) => matchTargets(ranked, text, BEFORE).map((m) => m.rank);
    const [name, shortForm] = ranks('人社局');
    const [alias] = ranks('区就业中心');
    const [topic] = ranks('劳动仲裁');
    const [pinyin] = ranks('laodongzhongcai');
    expect(name > shortForm && shortForm > alias && alias > topic && topic > pinyin).toBe(true);
  });

  it('a leader’s name answers what he oversees: his own lines, supervising first, then what he acts for', () => {
    expect(matchTargets(world, '王强', BEFORE).map((m) => [m.targetId, m.matchedBy, m.leaderId])).toEqual([
      ['dept:justice', 'LEADER', 'leader:wang-qiang'],
      ['dept:public-security', 'LEADER', 'leader:wang-qiang'],
      ['wa:work-safety', 'LEADER', 'leader:wang-qiang'],
      ['dept:court', 'LEADER', 'leader:wang-qiang'],
    ]);
    // 2026-02-03: 王强 is away; 赵敏 acts for him except on public security (that goes to 张伟).
    expect(matchTargets(world, '赵敏副区长分管哪些工作', '2026-02-03').map((m) => m.targetId)).toEqual([
      'dept:education', 'dept:womens-federation', 'dept:justice', 'wa:work-safety', 'dept:court',
    ]);
    expect(matchTargets(world, 'zhaomin', BEFORE).map((m) => [m.targetId, m.matchedBy, m.leaderId])[0]).toEqual(['dept:education', 'PINYIN', 'leader:zhao-min']);
    expect(matchTargets(world, '钱峰', AFTER)).toEqual([]); // left the team at the re-division
  });

  it('a person who oversees nothing gives nothing, not what fragments of his name find; the same text as a subject still finds', () => {
    const withIdle = { ...world, leaders: [...world.leaders, { id: 'leader:wang-jiaoyu', jurisdictionId: world.jurisdiction.id, name: '王教育' }] };
    expect(matchTargets(withIdle, '王教育', BEFORE)).toEqual([]);
    expect(matchTargets(withIdle, '王教育分管哪些工作', BEFORE)).toEqual([]);
    expect(matchTargets(world, '王教育', BEFORE).map((m) => [m.targetId, m.matchedBy])).toEqual([['dept:education', 'NAME']]);
  });

  it('"…局长" and a head’s name answer the unit’s head', () => {
    const withHeads = { ...world, departments: world.departments.map((d) => (d.id === 'dept:justice' ? { ...d, headName: '宋立新', headContact: '010-1' } : d)) };
    expect(matchTargets(withHeads, '区司法局局长是谁', BEFORE)[0]).toMatchObject({ targetId: 'dept:justice', matchedBy: 'HEAD', matchedName: '区司法局' });
    expect(matchTargets(withHeads, '司法局长', BEFORE)[0]).toMatchObject({ targetId: 'dept:justice', matchedBy: 'HEAD' });
    expect(matchTargets(withHeads, '宋立新', BEFORE)).toEqual([expect.objectContaining({ targetId: 'dept:justice', matchedBy: 'HEAD', matchedName: '宋立新' })]);
  });

  it('whoOversees keeps the supervising line first and marks liaison for a topic of an outside unit', () => {
    expect(whoOversees(world, '起诉', BEFORE).map((m) => [m.targetId, m.matchedBy, m.overseers.map((o) => [o.leaderId, o.relation, o.liaison])])).toEqual([
      ['dept:court', 'TOPIC', [['leader:wang-qiang', 'LIAISES_WITH', true]]],
    ]);
    expect(whoOversees(world, '法律援助', '2026-02-03')[0].overseers.map((o) => [o.leaderId, o.away, o.actingForId])).toEqual([
      ['leader:wang-qiang', true, null],
      ['leader:zhao-min', false, 'leader:wang-qiang'],
    ]);
  });

  it('builds the index once per facts object', () => {
    expect(searchIndex(world)).toBe(searchIndex(world));
    expect(searchIndex({ ...world })).not.toBe(searchIndex(world));
    expect(searchIndex(world).targets.find((t) => t.id === 'dept:justice')?.unitKinds).toEqual(['justice']);
  });

  it('searchKeywords: what to look for in governments not named, vocabulary stems included', () => {
    expect(searchKeywords('殡葬归谁管')).toEqual(['殡葬', '民政']);
    expect(searchKeywords('shenji')).toEqual(expect.arrayContaining(['shenji', '审计']));
    expect(searchKeywords('教育局长')).toEqual(expect.arrayContaining(['教育局长', '教育局', '教育']));
    expect(searchKeywords('？')).toEqual([]);
  });
});
