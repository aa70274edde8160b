// Pure: the genre's vocabulary — titles, clause verbs, list suffixes, unit suffixes, surnames and the marks of
// news-repost noise. Data only; the readers live in names.ts, items.ts, clauses.ts.

const HAN = '[\\u3400-\\u9fff]';

/** Levels of government as they end a place name or build a head title (市 → 市长). */
export const LEVEL_CHARS = '省市区县州旗盟镇乡';

/** The core of a title: what a title phrase ends with (longest alternatives first where it matters). */
const ROLE = [
  `(?:代理|代|常务副|执行副|副)?[${LEVEL_CHARS}]长助理`,
  `(?:代理|代|常务副|执行副|副)?[${LEVEL_CHARS}]长`,
  '(?:代理|代|常务副|副)?主席',
  '(?:副)?秘书长',
  '(?:常务副|副)?主任(?:委员)?',
  '党组(?:副)?书记',
  '(?:副)?书记',
  '常委',
  '委员',
  '(?:党组)?成员',
  '(?:一级|二级|副)?巡视员',
  '(?:一级|二级|副)?调研员',
  '(?:副)?(?:局|厅|处|部|院|行|署|司|关|校|社|馆|台|所|队|科|检察)长',
  '政委',
  '(?:副)?司令员',
  '(?:副)?董事长',
  '(?:副)?总(?:经理|工程师|经济师|会计师|监)',
  '(?:副)?组长',
].join('|');

/** What a title's organisation prefix may end with (市委, 市政府党组, 市公安局, 中共上海市委, 县人民政府 …). */
const PREFIX_END = `(?:[${LEVEL_CHARS}]|委|政府|党组|党委|党工委|工委|管委会|常委会|人大|政协|局|厅|委员会|办公室|办|院|部|会|中心|公司|集团|新区|开发区)`;
/**
 * A prefix may not begin with an organisation word: '委常委' is not a title, '市委常委' is. 办公厅/办公室 are whole
 * organisations ('办公厅主任' after '省政府秘书长、').
 */
const PREFIX = `(?!委|政府|党组|局|厅|办(?!公[厅室])|院|部|会)(?:中共)?${HAN}{0,18}?${PREFIX_END}`;

/** A whole title phrase: '市委常委', '常务副市长', '市政府党组成员', '兼市公安局局长', '副市长(挂职)'. */
export const TITLE_RE = new RegExp(`^(?:兼任|兼)?(?:${PREFIX})?(?:${ROLE})(?:\\([^()]{1,12}\\))?$`);

/**
 * Head titles, which `协助…长` points at: 市长, 代市长, 省长, 主席, 自治州州长, 管委会主任, 街道办事处主任 … (not 副市长,
 * not 县政府办公室主任). Group 1 is the core the text's 协助X names ('州长' for '自治州州长').
 */
export const HEAD_TITLE_RE = new RegExp(
  `^(?:${HAN}{0,12}?(?:人民政府|政府|管委会|管理委员会|办事处)|${HAN}{0,10}?(?:自治区|自治州|自治县|自治旗|[${LEVEL_CHARS}]))?(?:代理|代)?` +
    `([${LEVEL_CHARS}]长|主席|主任)$`,
);

/**
 * Single-character surnames (百家姓 and common modern ones). Words that are far more often not a surname
 * (和, 有, 由, 代, 经 …) are left out; a strong header position accepts any name anyway.
 */
export const SURNAMES = new Set(
  (
    '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方' +
    '俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄穆萧尹姚邵湛汪祁毛禹狄米贝明臧' +
    '伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫' +
    '房裘缪解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧' +
    '隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙' +
    '池乔阴郁胥苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿边扈燕冀郏浦尚农温庄晏柴瞿阎充慕连茹习宦艾鱼容向古' +
    '易慎戈廖庾暨居衡步耿弘匡国文寇禄阙欧殳沃蔚夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶曾毋沙乜养鞠丰巢关蒯荆游竺权逯盖' +
    '桓岳帅缑亢况琴商牟佘佴伯赏墨哈谯笪佟覃谌揭粟晋练靖禤仝付肖邸冼隋闫门战兰楚原占修植迟尕达阿热扎格洛次' +
    // Common modern surnames missing above (the ones that are seldom an ordinary word at the start of a token).
    '计涂芦麦苟丛苑邝栗鄢楼漆卿鹿辜亓赫鲜檀闭尧奉尉冶宾朴阳查官'
  ).split(''),
);

export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '夏侯', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '长孙', '宇文', '慕容', '司徒', '端木',
  '轩辕', '独孤', '南宫', '西门', '呼延', '万俟', '闻人', '赫连', '澹台', '公羊', '淳于', '申屠', '钟离', '鲜于', '司空',
];

/** Characters a name never ends with in these texts (so '王五副县长' is 王五 + 副县长). */
export const NAME_FINAL_FORBIDDEN = /[副代兼务市省县区委局]$/;

/** Words that make a token not a name. */
export const NOT_A_NAME = /[市省县区局委厅办]|政府|领导|工作|同志|分管|负责|联系|协助|主持|牵头|统筹|兼任|增加|代管|管理|部门|单位|[角岗]|人大|政协|全面|日常|常务|成员|期间|学习|安排|实行|制度/;

/** Generic suffixes dropped from a list's items (longest first). Never from routine items (see ROUTINE_RE). */
export const ITEM_SUFFIX_RE = new RegExp(
  `(?:(?<![平中高同对均初])等(?:${HAN}{0,6}(?:单位|部门|企业|团体|组织|机构|党派|事项)|方面的?(?:有关|相关)?工作|的?(?:有关|相关)工作|工作|方面|)` +
    `|方面的?(?:有关|相关)?工作|的?(?:有关|相关)工作|的工作|工作)$`,
);

/** 主持…全面工作 / 负责…常务工作 / …日常(事务)工作: recorded whole. */
export const ROUTINE_RE = /(?:全面|常务|日常)(?:事务|性)?工作$/;

/** A category label inside a list: 'X等群众团体和Y' → X, Y. */
export const CATEGORY_LABEL_RE = new RegExp(
  `^(${HAN}.+?)等(?:${HAN}{0,6}(?:单位|部门|企业|团体|组织|机构|党派))(?:以及|和|及|与)(.+)$`,
);

/** What a full unit name ends with (before any parenthesised alias), for the 及 rule. */
export const UNIT_END_RE =
  /(?:局|委员会|委|办公室|办|厅|院|会|联|中心|公司|集团|所|队|部|署|处|馆|社|台|行|校|站|团|关|室|总局|分局|支行|分行|大学|学院|医院|银行|监狱|法院|检察院|协会|学会|基金会)$/;

/** A leading enumerator: '1.', '1、', '(一)', '一、', '(1)', '①'. */
export const NUMBERING_RE = /^\s*(?:\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|\d{1,3}\s*[.、)．]|[①-⑳])\s*/;

/** News-repost noise: bylines, sources, editors, captions, site furniture. A line with one of these is not notice text. */
export const NOISE_RE = new RegExp(
  [
    '记者(?!协会|站|节)', '通讯员', '本报讯', '本台讯', '获悉', '据悉', '来源\\s*:', '责任编辑', '编辑\\s*:', '审核\\s*:', '校对\\s*:',
    '原标题', '图为', '资料图', '图片来源', '摄影', '(?:^|\\s)摄$', '供图', '点击', '版权所有', '主办\\s*:', '承办\\s*:', '网站标识码',
    'ICP', '备案号', '公网安备', '扫一扫', '分享到', '浏览次数', '阅读次数', '阅读量', '发布时间', '发布日期', '打印本页', '关闭窗口',
    '字号\\s*[:大中小]', '【', '一起来看', '返回顶部', '上一篇', '下一篇', '相关阅读', '相关新闻', '联系电话', '联系我们', '地址\\s*:', '邮编',
    '技术支持', '当前位置', '首页\\s*>', '^\\s*>', '视频\\s*:', '微信', '客户端', '转载', '日前', '近日', '最新公布', '最新分工',
    // A bulleted link ('· 桂山市长邓卫国调研…'): notice text never starts a line with a bullet.
    '^\\s*[·•▪▫◆◇■□►▶●○]',
  ].join('|'),
);

/** Where a page's list of links to other articles begins: every line after it is site furniture. */
export const LINKS_TAIL_RE = /^\s*[【\[]?(?:相关阅读|相关新闻|相关链接|相关文章|相关稿件|延伸阅读|推荐阅读|热点推荐|猜你喜欢|热门文章|往期回顾)/;

/** A preamble sentence: it frames the list and names nobody's portfolio. */
export const PREAMBLE_RE =
  /^(?:根据|经|为|按照|现将|鉴于|依据|因|由于|按|依照|遵照|结合|近期|现就|兹|鉴|本次)|(?:如下|通知如下|分工如下|安排如下|明确如下)\s*:?\s*$/;

/** The closing formula and document furniture after the blocks. */
export const CLOSING_RE =
  /议事协调机构|不再另行发文|不再另文|特此通知|以此为准|同时废止|自印发之日起|此件公开发布|随分工(?:作)?相应调整|此前.{0,20}不一致/;

export const DATE_RE =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}\s*年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/;

export const DOC_NUMBER_RE = /[〔\[]\s*\d{4}\s*[〕\]]\s*\d+\s*号/;

/** An addressee line: '各市、县、区人民政府,省人民政府各工作部门、各直属机构:'. */
export const ADDRESSEE_RE = /^(?:各|市直|省直|县直|区直|全市|全省|全县|全区).{0,80}:\s*$/;

/** An issuer line alone: '陕西省人民政府', '盐城市人民政府办公室'. */
export const ISSUER_RE = new RegExp(`^(?:中共${HAN}{1,15}委\\s*)?(${HAN}{2,20}?)(?:人民)?政府(?:办公室|办公厅)?(?:\\s*\\(?印\\)?)?$`);

/**
 * The body of a zone or a sub-district that issues notices without being a 政府: 'X经济技术开发区管委会',
 * 'X新区管理委员会', 'X街道办事处'. Group 1 is the zone's own word (开发区, 街道 …), group 2 the body, as written.
 */
export const COMMITTEE_RE = /(开发区|新区|园区|试验区|合作区|示范区|实验区|经济区|港区|保税区|度假区|街道)(管委会|管理委员会|办事处)/g;

/** The place a government is named after ('上海市', '商丘市梁园区'). */
export const PLACE_RE = new RegExp(`^(?!各|本|该|经|由|据|全|我|市|省|县|区|其他|其余|有关|相关|上述|以上)(?!.*(?:长|负责|分管|联系|协助|领导|工作|主持|同志))${HAN}{1,16}?(?:自治区|自治州|自治县|自治旗|特别行政区|[${LEVEL_CHARS}])$`);
