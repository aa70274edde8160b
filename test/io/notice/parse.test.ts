// The genre, feature by feature: small notices written for these tests (none copied from the samples), each with
// the exact compared fields of every leader it should yield.
import { parseNotice } from '../../../src/io/notice';
import { compared, leader } from './support';

const leadersOf = (text: string) => parseNotice(text).leaders.map(compared);

describe('header forms', () => {
  it.each([
    ['职务姓名: then clauses on the line', '市长程立新:主持市政府全面工作。', [leader('程立新', ['市长'], { responsibleFor: ['市政府全面工作'] })]],
    ['职务姓名: then clauses on the next lines', '副市长马晓东:\n负责交通运输工作。\n分管市交通运输局。', [leader('马晓东', ['副市长'], { responsibleFor: ['交通运输'], supervises: ['市交通运输局'] })]],
    ['职务姓名 glued to the first verb', '副省长欧阳明负责农业农村工作,分管省农业农村厅。', [leader('欧阳明', ['副省长'], { responsibleFor: ['农业农村'], supervises: ['省农业农村厅'] })]],
    ['姓名职务, then clauses', '宋春燕副县长,负责教育、体育工作。', [leader('宋春燕', ['副县长'], { responsibleFor: ['教育', '体育'] })]],
    ['a name alone, 职务, on the next line', '韦国庆\n副区长,负责民政工作。分管区民政局。', [leader('韦国庆', ['副区长'], { responsibleFor: ['民政'], supervises: ['区民政局'] })]],
    ['姓名 职务 with a padded name', '方   岩 副市长\n负责商务工作。', [leader('方岩', ['副市长'], { responsibleFor: ['商务'] })]],
    ['姓名 职务 with an ideographic space', '方\u3000\u3000岩\u3000副市长\n负责商务工作。', [leader('方岩', ['副市长'], { responsibleFor: ['商务'] })]],
    ['numbered 姓名:职务、职务,', '3. 黄振华:市委常委、副市长,分管市科技局。', [leader('黄振华', ['市委常委', '副市长'], { supervises: ['市科技局'] })]],
    ['numbered with Chinese numerals, 职务 姓名', '二、常务副市长 杜文\n负责市政府常务工作。', [leader('杜文', ['常务副市长'], { responsibleFor: ['市政府常务工作'] })]],
    ['职务姓名同志,', '副州长马骏同志,分管州林业和草原局。', [leader('马骏', ['副州长'], { supervises: ['州林业和草原局'] })]],
    ['职务:姓名 on its own line', '县长:蒋一鸣\n主持县政府全面工作。', [leader('蒋一鸣', ['县长'], { responsibleFor: ['县政府全面工作'] })]],
    ['labelled page 姓名/职务/分工', '姓名:苗青\n职务:区委常委、常务副区长\n分工:负责区政府常务工作。分管区财政局。', [leader('苗青', ['区委常委', '常务副区长'], { responsibleFor: ['区政府常务工作'], supervises: ['区财政局'] })]],
    ['no header at all: one unnamed leader', '负责城市管理工作。\n分管:区城市管理局、区住房和城乡建设局。', [leader(null, [], { responsibleFor: ['城市管理'], supervises: ['区城市管理局', '区住房和城乡建设局'] })]],
    ['titles alone, no name', '常务副区长\n协助区长负责区政府日常工作。', [leader(null, ['常务副区长'], { responsibleFor: ['区政府日常工作'] })]],
    ['several blocks run into one paragraph', '市长严峰:主持市政府全面工作。副市长毛丽:负责文化工作。', [leader('严峰', ['市长'], { responsibleFor: ['市政府全面工作'] }), leader('毛丽', ['副市长'], { responsibleFor: ['文化'] })]],
    ['a name that contains 长', '副市长王长江:负责水利工作。', [leader('王长江', ['副市长'], { responsibleFor: ['水利'] })]],
    ['a 4-character compound-surname name after the title', '副县长司马文静:负责林业工作。', [leader('司马文静', ['副县长'], { responsibleFor: ['林业'] })]],
    ['a minority name with a middle dot', '副主席艾力·买买提:负责民族宗教工作。', [leader('艾力·买买提', ['副主席'], { responsibleFor: ['民族宗教'] })]],
    ['a place prefix that could swallow the name', '谭敏县政府党组成员,负责招商引资工作。', [leader('谭敏', ['县政府党组成员'], { responsibleFor: ['招商引资'] })]],
  ])('%s', (_, text, expected) => {
    expect(leadersOf(text)).toEqual(expected);
  });
});

describe('titles', () => {
  it.each([
    ['省长助理 is one title', '省长助理钟伟:负责招商引资工作。', ['省长助理']],
    ['代省长', '代省长冯晨:主持省政府全面工作。', ['代省长']],
    ['常务副区长', '常务副区长姜涛:负责区政府常务工作。', ['常务副区长']],
    ['秘书长 with its government', '市政府秘书长邵宁:负责市政府办公室日常工作。', ['市政府秘书长']],
    ['X政府党组成员', '市政府党组成员邱实:负责国资工作。', ['市政府党组成员']],
    ['X委常委 and 副市长', '市委常委、副市长魏东:负责政法工作。', ['市委常委', '副市长']],
    ['兼…局长 in the header loses 兼', '副市长兼市公安局局长韩雪:负责公安工作。', ['副市长', '市公安局局长']],
    ['兼任… as a clause becomes a title', '副市长冯涛:兼任市政府秘书长。负责外事工作。', ['副市长', '市政府秘书长']],
    ['兼… after the header comma', '唐立副县长,兼县公安局局长,负责公安工作。', ['副县长', '县公安局局长']],
    ['(挂职) stays with the title, (女) is dropped from the name', '副市长(挂职)林岚:负责科技工作。\n副市长李娜(女):负责文化工作。', ['副市长(挂职)']],
  ])('%s', (_, text, titles) => {
    expect(parseNotice(text).leaders[0].titles).toEqual(titles);
  });

  it('reads the name next to a parenthesised note', () => {
    expect(parseNotice('副市长李娜(女):负责文化工作。').leaders.map((l) => l.name)).toEqual(['李娜']);
  });
});

describe('clause verbs', () => {
  const one = (clauses: string) => parseNotice(`副市长钱进:${clauses}`).leaders[0];
  it.each([
    ['主持…全面工作 whole', '主持市政府全面工作。', 'responsibleFor', ['市政府全面工作']],
    ['领导…全面工作 whole', '领导县政府全面工作。', 'responsibleFor', ['县政府全面工作']],
    ['负责…常务工作 whole', '负责市政府常务工作。', 'responsibleFor', ['市政府常务工作']],
    ['负责 a list', '负责民政、退役军人事务、医疗保障等工作。', 'responsibleFor', ['民政', '退役军人事务', '医疗保障']],
    ['分管', '分管市民政局、市退役军人事务局。', 'supervises', ['市民政局', '市退役军人事务局']],
    ['增加分管', '增加分管市地方志办公室。', 'supervises', ['市地方志办公室']],
    ['分管: labelled', '分管:市档案馆、市机关事务管理局。', 'supervises', ['市档案馆', '市机关事务管理局']],
    ['分管 naming a work area', '分管安全生产工作。', 'supervises', ['安全生产']],
    ['代管 (read as supervision)', '代管市供销合作社。', 'supervises', ['市供销合作社']],
    ['联系', '联系市总工会、市科协。', 'liaisesWith', ['市总工会', '市科协']],
    ['联系: labelled', '联系:市残联,市红十字会。', 'liaisesWith', ['市残联', '市红十字会']],
    ['协助分管 is not supervises', '协助分管市财政局。', 'coSupervises', ['市财政局']],
    ['协助管理', '协助管理市金融服务中心。', 'coSupervises', ['市金融服务中心']],
    ['协管', '协管市审计局。', 'coSupervises', ['市审计局']],
    ['牵头协调', '牵头协调重点项目建设工作。', 'coordinates', ['重点项目建设']],
    ['统筹协调', '统筹协调乡村振兴工作。', 'coordinates', ['乡村振兴']],
    ['并 before a verb', '负责科技工作,并联系市科协。', 'liaisesWith', ['市科协']],
    ['a list wrapped over two lines', '分管市财政局、\n市审计局。', 'supervises', ['市财政局', '市审计局']],
  ] as const)('%s', (_, clauses, field, items) => {
    expect(one(clauses)[field]).toEqual(items);
  });

  it('keeps 协助分管 out of supervises', () => {
    expect(one('协助分管市财政局。').supervises).toEqual([]);
  });

  it('a leader with no portfolio has empty lists and a note', () => {
    const l = parseNotice('副市长韩雪:在中央党校学习。').leaders[0];
    expect([compared(l), l.notes]).toEqual([leader('韩雪', ['副市长']), '在中央党校学习']);
  });

  it('an unknown verb is a warning placed on the clause, and the rest is still read', () => {
    const text = '副市长钱进:负责商务工作。研究部署外贸工作。分管市商务局。';
    const r = parseNotice(text);
    expect(r.leaders.map(compared)).toEqual([leader('钱进', ['副市长'], { responsibleFor: ['商务'], supervises: ['市商务局'] })]);
    expect(r.warnings.map((w) => [w.offset, w.line, w.column, w.text])).toEqual([[13, 1, 14, '研究部署外贸工作']]);
  });
});

describe('assists: 协助X长 names the head only when he is in the notice', () => {
  it.each([
    ['the 县长 is named', '县长吴刚:主持县政府全面工作。\n常务副县长郑红:协助县长负责县政府日常工作。', [null, '吴刚']],
    ['the 市长 is not named', '常务副市长郑红:协助市长负责市政府日常工作。', [null]],
    ['代市长 is the 市长 assisted', '代市长何川:主持市政府全面工作。\n市政府秘书长贺军:协助市长处理市政府日常事务工作。', [null, '何川']],
    ['协助常务副市长 is not a head', '常务副市长郑红:负责市政府常务工作。\n副市长刘丹:协助常务副市长负责财政工作。', [null, null]],
  ])('%s', (_, text, expected) => {
    expect(parseNotice(text).leaders.map((l) => l.assists)).toEqual(expected);
  });

  it('协助县长处理…日常事务工作 is recorded whole in responsibleFor', () => {
    const ls = parseNotice('县长吴刚:主持县政府全面工作。\n县政府办公室主任丁一:协助县长处理县政府日常事务工作。').leaders;
    expect(ls[1].responsibleFor).toEqual(['县政府日常事务工作']);
    expect(ls[1].assists).toBe('吴刚');
  });
});

describe('lists: separators, brackets, suffixes, 及/和/与', () => {
  const items = (list: string) => parseNotice(`副市长许光:分管${list}`).leaders[0].supervises;
  it.each([
    ['、', '市民政局、市司法局。', ['市民政局', '市司法局']],
    [', and ; between groups', '市财政局,市审计局;市统计局。', ['市财政局', '市审计局', '市统计局']],
    ['full-width ，；', '市财政局，市审计局；市统计局。', ['市财政局', '市审计局', '市统计局']],
    ['、 inside () is not split', '市商务局(市口岸办、市外办)、市投资促进局。', ['市商务局(市口岸办、市外办)', '市投资促进局']],
    ['、 inside （） is not split', '市商务局（市口岸办、市外办）、市投资促进局。', ['市商务局(市口岸办、市外办)', '市投资促进局']],
    ['an unclosed ( protects nothing', '市商务局(市口岸办、市外办。', ['市商务局(市口岸办', '市外办']],
    ['工作', '商务工作。', ['商务']],
    ['等工作', '商务、口岸等工作。', ['商务', '口岸']],
    ['方面工作', '商务方面工作。', ['商务']],
    ['等方面工作', '商务、口岸等方面工作。', ['商务', '口岸']],
    ['方面的工作', '商务方面的工作。', ['商务']],
    ['等方面的工作', '商务、口岸等方面的工作。', ['商务', '口岸']],
    ['等单位', '市档案馆、市地方志办等单位。', ['市档案馆', '市地方志办']],
    ['等部门', '市商务局、市外办等部门。', ['市商务局', '市外办']],
    ['等企业', '市城投集团、市交投集团等企业。', ['市城投集团', '市交投集团']],
    ['及 between two units splits', '市司法局及市监狱管理局。', ['市司法局', '市监狱管理局']],
    ['以及 between two units splits', '市财政局以及市审计局。', ['市财政局', '市审计局']],
    ['及 inside a work area does not', '安全生产及应急管理工作。', ['安全生产及应急管理']],
    ['和 is never split', '市发展和改革委员会、市人力资源和社会保障局。', ['市发展和改革委员会', '市人力资源和社会保障局']],
    ['与 is never split', '文化与旅游工作。', ['文化与旅游']],
    ['a category label inside a list', '市总工会、团市委等群众团体和驻市部队(武警部队)。', ['市总工会', '团市委', '驻市部队(武警部队)']],
    ['a quoted work area keeps its quotes', '“三农”、“两烟”工作。', ['“三农”', '“两烟”']],
    ['a 市 prefix written once stays as written', '市财政局、审计局、统计局。', ['市财政局', '审计局', '统计局']],
    ['男女平等 keeps its 等', '妇女儿童、男女平等工作。', ['妇女儿童', '男女平等']],
  ])('%s', (_, list, expected) => {
    expect(items(list)).toEqual(expected);
  });
});

describe('names', () => {
  it.each([
    ['padding spaces removed', '龚   杰 副市长\n负责外事工作。', '龚杰'],
    ['同志 removed', '副市长柯宇同志,负责外事工作。', '柯宇'],
    ['同志 with a 姓名职务 header', '柯宇同志:副市长,负责外事工作。', '柯宇'],
  ])('%s', (_, text, name) => {
    expect(parseNotice(text).leaders.map((l) => l.name)).toEqual([name]);
  });

  it('a biography line is not a header', () => {
    expect(parseNotice('柯宇,男,汉族,1972年3月生,大学学历。').leaders).toEqual([]);
  });
});

describe('AB角 wordings', () => {
  const team = '市长杨帆:主持市政府全面工作。\n常务副市长何平:负责市政府常务工作。\n副市长宋洁:负责教育工作。\n副市长曹亮:负责卫生工作。\n';
  const backups = (ab: string) => parseNotice(team + ab).leaders.map((l) => [l.name, l.backup]);
  it.each([
    ['甲、乙同志互为AB角;', '杨帆、何平同志互为AB角;宋洁、曹亮同志互为AB角。', [['杨帆', '何平'], ['何平', '杨帆'], ['宋洁', '曹亮'], ['曹亮', '宋洁']]],
    ['安排甲同志与乙同志,丙同志与丁同志互为“AB角”', '安排杨帆同志与何平同志,宋洁同志与曹亮同志互为“AB角”。', [['杨帆', '何平'], ['何平', '杨帆'], ['宋洁', '曹亮'], ['曹亮', '宋洁']]],
    ['A岗/B岗 labels', 'A岗:宋洁,B岗:曹亮。', [['杨帆', null], ['何平', null], ['宋洁', '曹亮'], ['曹亮', '宋洁']]],
    ['X(A岗)、Y(B岗)', '杨帆(A岗)、何平(B岗)。', [['杨帆', '何平'], ['何平', '杨帆'], ['宋洁', null], ['曹亮', null]]],
    ['顶岗 is one way', '宋洁同志外出期间,由曹亮同志顶岗。', [['杨帆', null], ['何平', null], ['宋洁', '曹亮'], ['曹亮', null]]],
    ['相互补位', '宋洁与曹亮相互补位。', [['杨帆', null], ['何平', null], ['宋洁', '曹亮'], ['曹亮', '宋洁']]],
    ['互为替补', '杨帆、何平互为替补。', [['杨帆', '何平'], ['何平', '杨帆'], ['宋洁', null], ['曹亮', null]]],
    ['titles in the pair', '常务副市长何平同志与副市长宋洁同志互为AB角。', [['杨帆', null], ['何平', '宋洁'], ['宋洁', '何平'], ['曹亮', null]]],
    ['an AB list under a heading', '三、AB角安排\n宋洁——曹亮', [['杨帆', null], ['何平', null], ['宋洁', '曹亮'], ['曹亮', '宋洁']]],
  ])('%s', (_, ab, expected) => {
    expect(backups(ab)).toEqual(expected);
  });

  it('B角 inside a leader block', () => {
    const r = parseNotice('副市长宋洁:负责教育工作。B角:曹亮。\n副市长曹亮:负责卫生工作。B角:宋洁。');
    expect(r.leaders.map((l) => [l.name, l.backup])).toEqual([['宋洁', '曹亮'], ['曹亮', '宋洁']]);
  });

  it('a pair naming someone not in the notice is a warning, the known partner still gets the backup', () => {
    const text = `${team}何平、林峰同志互为AB角。`;
    const r = parseNotice(text);
    expect(r.leaders.map((l) => l.name)).toEqual(['杨帆', '何平', '宋洁', '曹亮']);
    expect(r.leaders[1].backup).toBe('林峰');
    const at = text.indexOf('何平、林峰');
    expect(r.warnings).toEqual([{ offset: at, line: 5, column: 1, text: '何平、林峰同志', message: 'AB pair names 林峰, who is not a leader of this notice' }]);
  });

  it('a notice of pairs only makes its leaders from the pairs, in order', () => {
    const r = parseNotice('市政府领导AB角安排如下:\n严峰、毛丽同志互为AB角;\n邵宁、邱实同志互为AB角。');
    expect(r.leaders.map(compared)).toEqual([
      leader('严峰', [], { backup: '毛丽' }),
      leader('毛丽', [], { backup: '严峰' }),
      leader('邵宁', [], { backup: '邱实' }),
      leader('邱实', [], { backup: '邵宁' }),
    ]);
  });
});

describe('notice frame and news reposts', () => {
  it('skips the addressee, preamble, closing, issuer and date, and takes the government from the issuer', () => {
    const text = [
      '各县(市、区)人民政府,市政府各部门:',
      '根据工作需要,经市政府研究,现将市政府领导同志工作分工通知如下:',
      '市长程立新:主持市政府全面工作。',
      '副市长马晓东:负责交通运输工作。',
      '有关议事协调机构和临时机构负责人随分工相应调整,不再另行发文。',
      '临江市人民政府',
      '2025年1月6日',
    ].join('\n');
    const r = parseNotice(text);
    expect(r.government).toBe('临江市人民政府');
    expect(r.leaders.map(compared)).toEqual([
      leader('程立新', ['市长'], { responsibleFor: ['市政府全面工作'] }),
      leader('马晓东', ['副市长'], { responsibleFor: ['交通运输'] }),
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('a news repost: headline, dateline, byline lead restating assignments, caption and footer are not leaders', () => {
    const text = [
      '白沙市政府领导最新分工公布',
      '2025-03-02 10:15 来源:白沙晚报',
      '本报讯(记者 范文)日前,白沙市政府公布领导分工,市长洪涛领导市政府全面工作,副市长易凡分管市教育局。',
      '市长洪涛:领导市政府全面工作。',
      '副市长邹宁:负责工业和信息化工作。分管市工业和信息化局。',
      '图为市政府大楼。(白沙晚报 摄)',
      '(责任编辑:龙飞)',
      '版权所有:白沙晚报社 ICP备00000000号',
    ].join('\n');
    const r = parseNotice(text);
    expect(r.government).toBe('白沙市人民政府');
    expect(r.leaders.map(compared)).toEqual([
      leader('洪涛', ['市长'], { responsibleFor: ['市政府全面工作'] }),
      leader('邹宁', ['副市长'], { responsibleFor: ['工业和信息化'], supervises: ['市工业和信息化局'] }),
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('people mentioned only in a preamble are not leaders', () => {
    const r = parseNotice('经省政府研究决定,将魏强同志代管的以下工作调整如下:\n副省长严冬同志,增加分管省档案局。');
    expect(r.leaders.map((l) => l.name)).toEqual(['严冬']);
  });

  it.each([
    ['headline X市政府', '临江市政府领导工作分工\n市长程立新:主持市政府全面工作。', '临江市人民政府'],
    ['an 办公室 issuer', '市长程立新:主持市政府全面工作。\n临江市人民政府办公室\n2025年1月6日', '临江市人民政府'],
    ['a district of a city', '青石市河口区人民政府关于区政府领导分工的通知\n区长程立新:主持区政府全面工作。', '青石市河口区人民政府'],
    ['none named', '区长程立新:主持区政府全面工作。', null],
  ])('government from %s', (_, text, government) => {
    expect(parseNotice(text).government).toBe(government);
  });

  it('a government given by the caller is used only when the text names none', () => {
    expect(parseNotice('分管:区财政局。', { government: '河口区人民政府' }).government).toBe('河口区人民政府');
    expect(parseNotice('临江市人民政府\n分管:区财政局。', { government: '河口区人民政府' }).government).toBe('临江市人民政府');
  });
});

describe('truncated copies and delta notices', () => {
  it('a copy cut after a verb: the leader is kept, the cut is a warning with its place', () => {
    const text = '市长程立新:主持市政府全面工作。\n副市长马晓东:负责交通运输工作。\n分管';
    const r = parseNotice(text);
    expect(r.leaders.map(compared)).toEqual([
      leader('程立新', ['市长'], { responsibleFor: ['市政府全面工作'] }),
      leader('马晓东', ['副市长'], { responsibleFor: ['交通运输'] }),
    ]);
    expect(r.warnings).toEqual([
      { offset: text.lastIndexOf('分管'), line: 3, column: 1, text: '分管', message: 'the text ends after "分管": the copy looks truncated' },
    ]);
  });

  it('a copy cut mid-list: the items read so far are kept, with a warning at the cut', () => {
    const text = '副市长马晓东:分管市交通运输局、市公路';
    const r = parseNotice(text);
    expect(r.leaders[0].supervises).toEqual(['市交通运输局', '市公路']);
    expect(r.warnings.map((w) => [w.offset, w.text, w.message])).toEqual([[text.indexOf('市公路'), '市公路', 'the text ends mid-sentence: the copy looks truncated']]);
  });

  it('a copy cut inside a header line: a header with no clause is reported', () => {
    const r = parseNotice('市长程立新:主持市政府全面工作。\n副市长 马晓东');
    expect(r.leaders.map((l) => l.name)).toEqual(['程立新', '马晓东']);
    expect(r.warnings.map((w) => [w.line, w.column, w.message])).toEqual([[2, 1, 'a leader header with no clause after it']]);
  });

  it('a delta notice: 增加分管 goes to supervises and the notice is marked as additions', () => {
    const r = parseNotice('副市长严冬同志,增加分管市档案馆、市地方志办公室。联系市社科联。');
    expect(r.leaders.map(compared)).toEqual([leader('严冬', ['副市长'], { supervises: ['市档案馆', '市地方志办公室'], liaisesWith: ['市社科联'] })]);
    expect(r.notes).toBe('delta notice: 增加分管 adds to the existing portfolio, it does not replace it');
  });

  it('the same leader twice (a duplicated copy) is one leader with each item once', () => {
    const block = '副市长马晓东:负责交通运输工作。分管市交通运输局。\n';
    expect(leadersOf(block + block)).toEqual([leader('马晓东', ['副市长'], { responsibleFor: ['交通运输'], supervises: ['市交通运输局'] })]);
  });
});

describe('found by notices written blind (general rules, one case each)', () => {
  it.each([
    ['a title is never a name: 旗长 / 副旗长 / 镇长 before 职务:姓名', '(一)旗长:巴图孟和\n主持旗政府全面工作。', [leader('巴图孟和', ['旗长'], { responsibleFor: ['旗政府全面工作'] })]],
    ['兼 inside a 职务:姓名 header', '副旗长兼旗公安局局长:孙宝山\n负责公安工作。', [leader('孙宝山', ['副旗长', '旗公安局局长'], { responsibleFor: ['公安'] })]],
    ['a five-character transliterated name in a strong position', '副旗长:乌云其其格\n负责教育工作。', [leader('乌云其其格', ['副旗长'], { responsibleFor: ['教育'] })]],
    ['办公厅主任 is a title', '省政府秘书长、办公厅主任向阳负责省政府办公厅日常工作。', [leader('向阳', ['省政府秘书长', '办公厅主任'], { responsibleFor: ['省政府办公厅日常工作'] })]],
    ['(兼) stays with its title', '副区长(兼)孙立:负责科技工作。', [leader('孙立', ['副区长(兼)'], { responsibleFor: ['科技'] })]],
    ['临时代管 is supervision', '副县长赵敏:负责文化工作,临时代管县文化馆。', [leader('赵敏', ['副县长'], { responsibleFor: ['文化'], supervises: ['县文化馆'] })]],
    ['承担…交办 is not a portfolio item', '副市长李强:负责交通工作;承担市长交办的其他事项。', [leader('李强', ['副市长'], { responsibleFor: ['交通'] })]],
  ])('%s', (_, text, expected) => {
    expect(leadersOf(text)).toEqual(expected);
  });

  it('blocks run together with ; and , in one paragraph, and one after 另外,', () => {
    const text = '区长林志勇领导区政府全面工作,分管区审计局;常务副区长宋晓梅负责区政府常务工作,副区长喻德明分管区水利局。\n另外,区政府党组成员柯明华协助区长负责招商引资工作。';
    expect(leadersOf(text)).toEqual([
      leader('林志勇', ['区长'], { responsibleFor: ['区政府全面工作'], supervises: ['区审计局'] }),
      leader('宋晓梅', ['常务副区长'], { responsibleFor: ['区政府常务工作'] }),
      leader('喻德明', ['副区长'], { supervises: ['区水利局'] }),
      leader('柯明华', ['区政府党组成员'], { responsibleFor: ['招商引资'], assists: '林志勇' }),
    ]);
  });

  it('a head presiding before "其他…分工如下:" on the same line is a leader', () => {
    expect(leadersOf('市长张三主持市政府全面工作。其他市政府领导同志分工如下:\n副市长李四:负责交通工作。')).toEqual([
      leader('张三', ['市长'], { responsibleFor: ['市政府全面工作'] }),
      leader('李四', ['副市长'], { responsibleFor: ['交通'] }),
    ]);
  });

  it('a news lead before the notice’s addressee line restates assignments but adds nothing', () => {
    const text = '江城市政府领导分工公布\n9月2日,市政府印发通知。副市长包志勇负责自然资源和规划工作,副市长潘晓琳分管教育、卫生工作。\n各县(市、区)人民政府,市政府各部门:\n副市长包志勇:负责自然资源和规划、住房和城乡建设工作。\n副市长潘晓琳:负责教育工作。';
    expect(leadersOf(text)).toEqual([
      leader('包志勇', ['副市长'], { responsibleFor: ['自然资源和规划', '住房和城乡建设'] }),
      leader('潘晓琳', ['副市长'], { responsibleFor: ['教育'] }),
    ]);
  });

  it.each([
    ['协助州长 → 自治州州长', '自治州州长巴特尔·额尔敦:领导自治州人民政府全面工作。\n常务副州长刘振华:协助州长负责自治州人民政府常务工作。', '巴特尔·额尔敦'],
    ['协助主任 → 管委会主任', '党工委书记、管委会主任 陆振华\n主持管委会全面工作。\n管委会副主任 聂文博\n协助主任负责科技创新工作。', '陆振华'],
    ['协助代市长 → 代市长', '代市长 欧阳振宇\n主持市政府全面工作。\n常务副市长 黎明\n协助代市长负责市政府常务工作。', '欧阳振宇'],
    ['协助常务副县长 is no head', '县长罗成林:主持县政府全面工作。\n常务副县长黎晓燕:负责县政府常务工作。\n县政府办公室主任白云飞:协助常务副县长处理县政府日常事务工作。', null],
  ])('assists: %s', (_, text, head) => {
    const r = parseNotice(text);
    expect(r.leaders[r.leaders.length - 1].assists).toBe(head);
  });

  it('several 互为AB角 clauses and a one-way 补位 in one sentence', () => {
    const r = parseNotice('区长谢卫红:主持区政府全面工作。\n常务副区长胡晓:负责区政府常务工作。\n副区长林峰:负责交通工作。\n副区长袁媛:负责教育工作。\n副区长谭思远:负责科技工作。\nAB角安排:常务副区长胡晓与副区长林峰互为AB角,副区长袁媛与副区长谭思远互为AB角,区长谢卫红由常务副区长胡晓补位。');
    expect(r.leaders.map((l) => [l.name, l.backup])).toEqual([['谢卫红', '胡晓'], ['胡晓', '林峰'], ['林峰', '胡晓'], ['袁媛', '谭思远'], ['谭思远', '袁媛']]);
    expect(r.warnings).toEqual([]);
  });

  it('an AB table in columns under "A角 B角", padded names included', () => {
    const r = parseNotice('一、AB角安排\n\u3000\u3000A角\u3000\u3000\u3000\u3000B角\n\u3000\u3000孟繁星\u3000\u3000\u3000秦\u3000朗\n\u3000\u3000计晓东\u3000\u3000\u3000常永刚\n二、工作要求');
    expect(r.leaders.map((l) => [l.name, l.backup])).toEqual([['孟繁星', '秦朗'], ['秦朗', '孟繁星'], ['计晓东', '常永刚'], ['常永刚', '计晓东']]);
  });

  it.each([
    ['a development zone’s committee', '临港经济技术开发区管委会领导班子成员工作分工', '临港经济技术开发区管委会'],
    ['a committee alone on its issuer line', '副主任张三:负责招商工作。\n江北新区管理委员会\n2024年1月1日', '江北新区管理委员会'],
    ['a sub-district office', '清河街道办事处领导分工\n主任王五:主持街道办事处全面工作。', '清河街道办事处'],
    ['not a generic 各开发区管委会', '各开发区管委会,市政府各部门:\n市长张三:主持市政府全面工作。', null],
  ])('government: %s', (_, text, government) => {
    expect(parseNotice(text).government).toBe(government);
  });

  it('a page’s related-reading links after the notice are site furniture', () => {
    const r = parseNotice('市长邓卫国:领导市政府全面工作。\n相关阅读:\n· 桂山市长邓卫国调研重点项目建设\n桂山市召开市政府常务会议');
    expect(r.leaders.map(compared)).toEqual([leader('邓卫国', ['市长'], { responsibleFor: ['市政府全面工作'] })]);
    expect(r.warnings).toEqual([]);
  });
});

describe('never throws', () => {
  it.each([[''], [' \n\t'], ['\r\n\r\n'], ['(((('], ['))))'], ['分管'], [':'], ['\ud800'], ['互为AB角'], ['A岗B岗'], ['市长'], ['1.']])('%j', (text) => {
    const r = parseNotice(text);
    expect(Array.isArray(r.leaders) && Array.isArray(r.warnings)).toBe(true);
    for (const w of r.warnings) expect(text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
  });

  it('a non-string from untyped callers reads as empty', () => {
    expect(parseNotice(undefined as unknown as string)).toEqual({ government: null, leaders: [], warnings: [] });
  });
});
