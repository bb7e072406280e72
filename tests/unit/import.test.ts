import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeMarkdown, importArticle } from '../../src/lib/import/article.ts';
import { cleanPhrases, editorLine, isChromeLine, splitLines, stripChrome } from '../../src/lib/import/chrome.ts';
import { publicationDate, workYears } from '../../src/lib/import/dates.ts';
import { htmlToText } from '../../src/lib/import/html.ts';
import { matchMeasures } from '../../src/lib/import/measures.ts';
import { extractFigures, extractMetrics } from '../../src/lib/import/metrics.ts';
import { proposeRegion } from '../../src/lib/import/region.ts';
import { detectScript, toSimplified } from '../../src/lib/import/script.ts';
import { renderCase } from '../../src/lib/scaffold.ts';
import { checkCaseText, formatProblem, splitFrontmatter } from '../../src/lib/validate.ts';
import { vocabulary } from '../../src/schema/vocabulary.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { runInProcess, runScript } from '../helpers/site.ts';
import { importCommand } from '../../scripts/import.ts';

const FIXTURES = fromRoot('tests', 'fixtures', 'articles');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const out = mkdtempSync(join(tmpdir(), 'casebook-import-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('chrome stripping', () => {
  it.each([
    '蒙文 藏文 維文 哈文 朝文',
    '中國共產黨新聞>>群眾路線網>>群眾路線工作法100例征集',
    '当前位置:东台报业网 > 社会 > 正文',
    '分享到:',
    '(責編:秦華、權娟)',
    '责任编辑：王五',
    '来源:未知     点击数:1083',
    '點擊數：20',
    '手機官網',
    '站內搜索:',
    '主辦:中央黨的群眾路線教育實踐活動領導小組辦公室',
    '承辦:人民網·中國共產黨新聞網',
    '|',
    "The template file 'copy.htm' not found or have no access!(1)",
  ])('drops %s', (line) => expect(isChromeLine(line)).toBe(true));

  it.each(['在党的群众路线教育活动中,沙市区开展“三创三业”活动。', '坚持选优配强 实行能人治村', '2014年09月11日16:16'])('keeps %s', (line) =>
    expect(isChromeLine(line)).toBe(false),
  );

  it.each([
    ['(責編:秦華、權娟)', '秦華、權娟'],
    ['编辑：王五', '王五'],
    ['（编辑：王五 校对：李四）', '王五'],
    ['责任编辑：赵六、钱七', '赵六、钱七'],
    ['2020-05-07 来源: 区委组织部 责任编辑:', undefined],
    ['本文编辑了三次', undefined],
  ])('reads the editor of %j as %j', (line, name) => expect(editorLine(['标题', line])).toBe(name));

  it('removes phrases glued to a paragraph and splits on runs of spaces', () => {
    expect(cleanPhrases('视频加载中... 近年来,城厢区充分发挥')).toBe('近年来,城厢区充分发挥');
    expect(splitLines('2024-11-21下载文档一键复制全文\n    各位领导,同志们:  大家好!')).toEqual(['2024-11-21', '各位领导,同志们:', '大家好!']);
  });

  it('drops the furniture after the closing share block and a truncated copy of the first paragraph', () => {
    const first = '创业型党组织建设是推进大众创业、万众创新的先导工程。近年来溱东镇激励党员干部立大志、抓大事、创大业。';
    const lines = [`${first} 该镇基本实现“村村无债`, first, '该镇基本实现“村村无债、户户脱贫”的目标。', '分享到:', '中央精神', '理论评论'];
    expect(stripChrome(lines)).toEqual([first, '该镇基本实现“村村无债、户户脱贫”的目标。']);
  });

  it('reads HTML with a parser and leaves out navigation, header, footer, scripts and styles', () => {
    const page = htmlToText(fixture('simplified-page.html'));
    expect(page.heading).toBe('溱东镇：党员带头创业带动群众致富');
    expect(page.pageTitle).toBe('溱东镇：党员带头创业带动群众致富-某某报业网');
    for (const gone of ['首页', 'var nav', 'color:red', '版权所有', '当前位置', '分享到']) expect(page.text).not.toContain(gone);
    expect(page.text).toContain('13个村80名“两委”成员');
  });
});

describe('quoting the source in the body', () => {
  it('escapes what Markdown or MDX would read as syntax', () => {
    expect(escapeMarkdown('a*b_{c}<d>[e](f) #1 `g` | h')).toBe('a\\*b\\_\\{c\\}\\<d\\>\\[e\\](f) \\#1 \\`g\\` \\| h');
    expect(escapeMarkdown('1.做法')).toBe('1\\.做法');
    expect(escapeMarkdown('- 项')).toBe('\\- 项');
  });
});

describe('script', () => {
  it('tells Traditional from Simplified and converts only Traditional', () => {
    const trad = '荊州沙市區:開展“三創三業”活動增強村黨組織服務功能';
    expect(detectScript(trad).script).toBe('繁');
    expect(toSimplified(trad, '繁')).toBe('荆州沙市区:开展“三创三业”活动增强村党组织服务功能');
    expect(detectScript('溱东镇:创业型党组织再掀全民创业潮').script).toBe('简');
    expect(detectScript('溱东镇:创业型党组织再掀全民创业潮').share).toBe(0);
  });
});

describe('dates', () => {
  it('finds the publication date on a date line, not in the running text', () => {
    expect(publicationDate(['标题', '2014年09月11日16:16', '来源:人民网'])).toEqual({ date: '2014-09-11', line: 1 });
    expect(publicationDate(['标题', '2020-05-07 09:10:36 来源: 区委组织部 责任编辑:'])).toEqual({ date: '2020-05-07', line: 1 });
    expect(publicationDate(['标题', '新华网贵州频道8月6日电 2014年,汇川区……'])).toEqual({ monthDay: { month: 8, day: 6 }, line: 1 });
    expect(
      publicationDate([
        '标题',
        '2003年10月12日,镇党委选派镇京峰仪器厂厂长陈金亮回到陈家庄村担任党支部书记,承包费由10几万元提高到50万元,公司另外每月给老人生活费。',
      ]),
    ).toBeUndefined();
  });

  it('takes work years from the body, reads 去年/今年 against publication and ignores plans after it', () => {
    const speech = workYears('2003年,市、区委提出“两个创新”。2003年一年调整书记6名。2004年1月成立运输合作组织。', 2024);
    expect(speech).toMatchObject({ year: 2003, period: { start: 2003, end: 2004 } });
    expect(workYears('去年全区9个软弱涣散村完成整顿,去年还新增761万元,今年疫情期间……', 2020)).toMatchObject({ year: 2019, period: { start: 2019, end: 2020 } });
    expect(workYears('力争到2030年全面实现目标。', 2016).year).toBeUndefined();
    expect(workYears('上世纪90年代', 2016).year).toBeUndefined();
  });
});

describe('figures', () => {
  const one = (text: string) => extractMetrics(text).map(({ sentence: _s, line: _l, ...m }) => m);

  it('reads units, qualifiers before and after the number, 万 units and ranges', () => {
    expect(one('全区共落实各类帮扶项目143个,帮扶资金350万元。')).toEqual([
      { label: '全区共落实各类帮扶项目', value: 143, unit: '个' },
      { label: '帮扶资金', value: 350, unit: '万元' },
    ]);
    expect(one('年外销水产品300多万公斤')).toEqual([{ label: '年外销水产品', value: 300, unit: '万公斤', qualifier: '多' }]);
    expect(one('樱桃年产量5万余斤')).toEqual([{ label: '樱桃年产量', value: 5, unit: '万斤', qualifier: '余' }]);
    expect(one('每个项目可获2-5万元贴息贷款')).toEqual([{ label: '每个项目可获', value: 2, max: 5, unit: '万元' }]);
    expect(one('收入过5万元的村已超过90%')[1]).toMatchObject({ value: 90, unit: '%', qualifier: '超过' });
    expect(one('覆盖全区50%以上农村劳动力')).toEqual([{ label: '覆盖全区', value: 50, unit: '%', qualifier: '以上' }]);
    expect(one('当日订单超1000单')).toEqual([{ label: '当日订单', value: 1000, unit: '单', qualifier: '超过' }]);
    expect(one('组织外出参观考察12场次,约300人次')).toEqual(
      [
        { label: '组织外出参观考察', value: 12, unit: '场次' },
        { label: '组织外出参观考察…约300人次', value: 300, unit: '人次', qualifier: '约' },
      ]
        .slice(0, 1)
        .concat([expect.objectContaining({ value: 300, unit: '人次', qualifier: '约' })]),
    );
  });

  it('leaves out years, ordinals and 万 without a unit, and keeps the sentence and its line', () => {
    expect(one('2003年第3期培训,列支20万专项经费')).toEqual([]);
    const [found] = extractMetrics('标题\n近年来,全区共落实各类帮扶项目143个。其他');
    expect(found).toMatchObject({ sentence: '近年来,全区共落实各类帮扶项目143个。', line: 2 });
  });

  it('reads durations, but 年 only where the words make it a span', () => {
    expect(one('2014年5月起轮训1周,为期3个月,共10天')).toEqual([
      expect.objectContaining({ value: 1, unit: '周' }),
      expect.objectContaining({ value: 3, unit: '个月' }),
      expect.objectContaining({ value: 10, unit: '天' }),
    ]);
    expect(one('土地流转为期五年。两年来新建大棚6幢。')).toEqual([
      expect.objectContaining({ value: 5, unit: '年' }),
      expect.objectContaining({ value: 2, unit: '年' }),
      expect.objectContaining({ value: 6, unit: '幢' }),
    ]);
    expect(one('实施乡村三年行动计划,建成十周年纪念馆')).toEqual([]);
  });

  it('reads Chinese numerals: 三户, 十几万元 as 10多万元, 五六个 as a range, 两台', () => {
    expect(one('村里三户人家集资十几万元,新添拖拉机两台、大型农机具8套,另建五六个大棚。')).toEqual([
      { label: '村里…人家集资十几万元', value: 3, unit: '户' },
      { label: '村里三户人家集资', value: 10, unit: '万元', qualifier: '多' },
      { label: '新添拖拉机', value: 2, unit: '台' },
      { label: '大型农机具', value: 8, unit: '套' },
      { label: '另建…大棚', value: 5, max: 6, unit: '个' },
    ]);
    expect(one('年租金由10几万元涨到40万元')[0]).toMatchObject({ value: 10, unit: '万元', qualifier: '多' });
    expect(one('一个村一批人')).toEqual([]);
  });
});

describe('numbers not made figures', () => {
  const unused = (text: string, options?: Parameters<typeof extractFigures>[1]) =>
    extractFigures(text, options).unused.map((u) => `${u.line} ${u.text} ${u.reason}`);

  it('lists every other number in the report with its line and why', () => {
    const text = [
      '2014年09月11日16:16',
      '五六年前,这里还是“三无村”。区财政列支20万专项经费,每人2—5万低息贷款。',
      '第3期培训班有学员60岁以上的老党员。1、抓班子。',
      '组织种植、养殖两类基地分别为38、27个,几十人参加,建成千亩果园。',
    ].join('\n');
    expect(unused(text)).toEqual([
      '1 2014年 年份，记在 year / period',
      '1 09月 日期或时刻',
      '1 11日 日期或时刻',
      '1 16: 日期或时刻',
      '1 16 日期或时刻',
      '2 五六年 时间（约 5—6 年前），不是数据；请核对 year / period',
      '2 20万 “万”后没有单位表（content/units.yaml）里的单位',
      '2 2— 区间的下限：区间的上限后面没有单位表里的单位',
      '2 5万 “万”后没有单位表（content/units.yaml）里的单位',
      '3 3期 序号（第…），不是数量',
      '3 60岁 后面的“岁”不在单位表（content/units.yaml）里',
      '3 1、 序号（1、2、…），不是数量',
      '4 两类 后面的“类”不在单位表（content/units.yaml）里',
      '4 38、 并列的几个数共用最后一个数的单位：需要时请拆成几项数据',
      '4 几十人 约数（几十、几百），没有确切的值',
      '4 千亩 概数或名称的一部分（千亩、百万元），没有确切的值',
    ]);
  });

  it("says why a figure was left out: a repeat, the cap, an editor's note", () => {
    expect(unused('共有党员30名。\n共有党员30名。')).toEqual(['2 30名 与第 1 行的数据重复']);
    expect(unused('新建村部3个,道路5条', { max: 1 })).toEqual(['1 5条 超过导入上限 1 项，未记入；需要时请手工补上']);
    expect(unused('编者按：本报已报道12次。\n全村120户。', { skipLines: new Map([[1, '在编者按里']]) })).toEqual(['1 12次 在编者按里']);
  });
});

describe('figures as the importer counts them', () => {
  it('accounts for every Arabic number: a figure or a listed reason', () => {
    const text = '全村120户、党员30名,2019年人均收入1.2万元,比上年增长15%,第2季度新建道路3.5公里,修缮5处。';
    const { metrics, unused } = extractFigures(text);
    const numbers = text.match(/\d+(?:\.\d+)?/g)!;
    const accounted = metrics.length + unused.length;
    expect(metrics.map((m) => m.value)).toEqual([120, 30, 1.2, 15, 3.5]);
    expect(accounted).toBe(numbers.length);
  });
});

describe('measures', () => {
  it('are proposed from the keywords of content/measures.yaml, most mentioned first', () => {
    const ids = matchMeasures('选派第一书记驻村工作,第一书记和驻村干部同吃同住……第一书记协调发放小额贷款', vocabulary.measures).map((m) => m.id);
    expect(ids.slice(0, 2)).toEqual(['first-secretary', 'subsidised-loans']);
    expect(matchMeasures('天气晴朗。', vocabulary.measures)).toEqual([]);
  });
});

describe('region', () => {
  it('finds the town that holds most of the villages named when nothing else is named', () => {
    const p = proposeRegion('我镇陈家庄村、岭角村、涧沟村、樱桃沟村先后成立合作社。');
    expect(p.region).toMatchObject({ province: '北京市', county: '门头沟区', town: '妙峰山镇' });
    expect(p.region.note).toContain('陈家庄村');
    expect(p.level).toBe('乡镇');
  });

  it('takes a named county with its city, and leaves towns given as examples out', () => {
    const p = proposeRegion('湖北省荆州市沙市区开展“三创三业”活动。沙市区观音垱镇北河村、岑河镇桂花村……');
    expect(p.region).toEqual({ province: '湖北省', city: '荆州市', county: '沙市区' });
    expect(p.level).toBe('县区');
  });

  it("keeps a county's report the county's when the villages it names are examples from one town", () => {
    const p = proposeRegion('门头沟区开展支部书记轮训。门头沟区各村都有变化，陈家庄村、岭角村先后成立合作社。门头沟区将继续推广。');
    expect(p.region).toEqual({ province: '北京市', county: '门头沟区' });
    expect(p.level).toBe('县区');
  });

  it('says what it could not decide', () => {
    const p = proposeRegion('某地开展了一项工作。');
    expect(p.undecided).toContain('未能确定所在县区');
    expect(p.region.note).toContain('待改写');
  });
});

describe('importing the fixture articles', () => {
  const check = (id: string, draft: ReturnType<typeof importArticle>) => {
    const text = renderCase(draft.data, draft.body, draft.comments);
    return { text, ...checkCaseText(`${id}.mdx`, text) };
  };

  it('a Traditional report with chrome: converted, original title and script kept, chrome gone', () => {
    const d = importArticle(fixture('traditional-report.txt'), 'txt');
    const { problems, checked, text } = check(d.id, d);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked?.data).toMatchObject({
      id: 'shashi-2014',
      title: '荆州沙市区:开展“创业带富”活动增强村党组织服务功能',
      draft: true,
      level: '县区',
      year: 2014,
      region: { province: '湖北省', city: '荆州市', county: '沙市区' },
      source: {
        title: '荊州沙市區:開展“創業帶富”活動增強村黨組織服務功能',
        date: '2014-09-11',
        script: '繁',
        publisher: '某某新闻网',
        author: '张三、李四',
        type: '报道',
      },
    });
    expect(checked?.data.measures).toEqual(expect.arrayContaining(['first-secretary', 'subsidised-loans']));
    expect(checked?.data.metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 2, max: 5, unit: '万元' }),
        expect.objectContaining({ value: 600, unit: '户', qualifier: '余' }),
      ]),
    );
    for (const chrome of ['蒙文', '手机官网', '站内搜索', '主办', '承办', '>>', 'template', '分享到', '责编', '中央精神', '来源'])
      expect(splitFrontmatter(text)!.body).not.toContain(chrome);
    expect(text).toContain('# 原文第 1 行：近年来,湖北省荆州市沙市区');
    expect(text).toContain('（待改写：以下为原文摘录，发布前须改写）');
    expect(d.undecided).toContain('未找到年份：正文没有写明工作年份，暂用发布年份 2014');
  });

  it('a Simplified HTML page: title from <h1>, publisher, town-level region, chrome gone', () => {
    const d = importArticle(fixture('simplified-page.html'), 'html');
    const { problems, checked, text } = check(d.id, d);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked?.data).toMatchObject({
      title: '溱东镇：党员带头创业带动群众致富',
      level: '乡镇',
      year: 2015,
      region: { province: '江苏省', city: '盐城市', county: '东台市', town: '溱东镇' },
      source: { publisher: '某某报业网', date: '2016-12-09', script: '简', author: '王五' },
    });
    const body = splitFrontmatter(text)!.body;
    for (const chrome of ['首页', '当前位置', '点击数', '分享到', '责编', '版权所有']) expect(body).not.toContain(chrome);
    expect(body).toContain('以“支部+合作社”方式');
  });

  it('a speech: publication date (2024) told apart from the year of the work (2003)', () => {
    const d = importArticle(fixture('speech.txt'), 'txt');
    const { problems, checked } = check(d.id, d);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked?.data).toMatchObject({
      id: 'miaofengshan-2003',
      year: 2003,
      period: { start: 2003, end: 2004 },
      region: { province: '北京市', county: '门头沟区', town: '妙峰山镇' },
      source: { date: '2024-11-21', type: '讲话', title: '抓好支部书记队伍建设 推进“两个创新”工作' },
    });
    expect(d.text).not.toMatch(/template|下载文档/);
    expect(d.undecided).toEqual(expect.arrayContaining(['未找到发布者：请填写 source.publisher']));
  });

  it('a draft cannot be published while it still holds the source text', () => {
    const d = importArticle(fixture('speech.txt'), 'txt');
    const text = renderCase({ ...d.data, draft: false }, d.body, d.comments);
    expect(checkCaseText(`${d.id}.mdx`, text).problems.map((p) => p.message)).toContain(
      '仍有“待改写”的占位文字或原文摘录；全部改写后才能发布（否则请保留 draft: true）',
    );
  });
});

describe('npm run import', () => {
  // The first run is the script itself, so its exit code is the one an editor sees; the rest run in-process.
  it('writes a draft that passes the check, says what it could not decide, and never overwrites', async () => {
    const reports = join(out, 'reports');
    const r = runScript('import.ts', [join(FIXTURES, 'speech.txt'), '--out', out, '--reports', reports]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('未找到发布者');
    const file = join(out, 'miaofengshan-2003.mdx');
    expect(checkCaseText(file, readFileSync(file, 'utf8')).problems).toEqual([]);
    // The report is kept beside, under the case's id, for the own-words check.
    expect(readFileSync(join(reports, 'miaofengshan-2003.txt'), 'utf8')).toBe(`${importArticle(fixture('speech.txt'), 'txt').text}\n`);
    expect(r.stdout).toContain('miaofengshan-2003.txt（不进入版本库）');
    const again = await runInProcess(importCommand, [join(FIXTURES, 'speech.txt'), '--out', out, '--reports', reports]);
    expect(again.status).toBe(0);
    expect(existsSync(join(out, 'miaofengshan-2003-2.mdx'))).toBe(true);
    const before = readFileSync(file, 'utf8');
    const refused = await runInProcess(importCommand, [join(FIXTURES, 'speech.txt'), '--out', out, '--reports', reports, '--id', 'miaofengshan-2003']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已存在，不会覆盖');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    [['no-such-file.txt'], '找不到文件 no-such-file.txt'],
    [[join(FIXTURES, '..', '..', '..', 'package.json')], '不支持的文件类型“.json”：只能导入 .txt 或 .html 文件'],
    [[], '请给出一个文章文件。'],
    [[join(FIXTURES, 'speech.txt'), '--id', 'Not An Id'], '--id“Not An Id”不合格式'],
  ])('fails in Chinese without a stack trace: %j', async (args, message) => {
    const r = await runInProcess(importCommand, args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

const SEEDS = '/work/shared/seeds';
const EXPECTED: Record<string, [string, string, string?]> = {
  '000': ['湖北省', '沙市区'],
  '001': ['贵州省', '汇川区'],
  '002': ['江苏省', '东台市', '溱东镇'],
  '003': ['福建省', '城厢区'],
  '004': ['北京市', '门头沟区', '妙峰山镇'],
};
const seeds = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .sort()
  : [];
if (seeds.length === 0) console.log(`跳过真实稿件导入测试：${SEEDS} 不存在（只在共享目录可用的机器上运行）`);

describe.skipIf(seeds.length === 0)('importing the real seed articles (outside the repository)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-seeds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(seeds)('%s becomes a draft that passes the check, in the right place', async (name) => {
    const r = await runInProcess(importCommand, [join(SEEDS, name), '--out', dir, '--reports', join(dir, 'reports')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = /已生成草稿 (\S+)（/.exec(r.stdout)?.[1];
    expect(file).toBeDefined();
    const path = file!.startsWith('/') ? file! : fromRoot(file!);
    const text = readFileSync(path, 'utf8');
    expect(checkCaseText(path, text).problems.map(formatProblem)).toEqual([]);
    const data = parse(splitFrontmatter(text)!.frontmatter) as { region: { province: string; county?: string; town?: string }; draft: boolean };
    const [province, county, town] = EXPECTED[name.slice(0, 3)] ?? [];
    expect(data.draft).toBe(true);
    expect(data.region.province).toBe(province);
    expect(data.region.county).toBe(county);
    if (town) expect(data.region.town).toBe(town);
  });
});

describe("a village report with an editor's note, a column tag and 「」 quotes (invented fixture)", () => {
  const d = importArticle(fixture('village-report.txt'), 'txt');
  const data = d.data as {
    title: string;
    level: string;
    region: Record<string, string>;
    measures: string[];
    metrics: Record<string, unknown>[];
    source: Record<string, string>;
    year: number;
  };

  it('takes the title without the column tag, with “” for 「」, and keeps the source title as published', () => {
    expect(data.title).toBe('牌坊村党总支：“三步工作法”带民致富');
    expect(data.source.title).toBe('【乡村旅游·第一书记】牌坊村党总支：「三步工作法」带民致富');
    expect(d.text).toContain('用“三步工作法”发展特色产业');
    expect(d.text).not.toMatch(/[「」]/);
  });

  it('takes the author from the 编辑 line', () => expect(data.source.author).toBe('赵某'));

  it('sets the level from the actor: 牌坊村党总支 makes it a village case, in the county the text names', () => {
    expect(data.level).toBe('村');
    expect(data.region).toEqual({ province: '河北省', city: '保定市', county: '涞源县', town: '北石佛镇', village: '牌坊村' });
    expect(d.undecided).not.toContain('未能确定所在县区');
  });

  it("picks measures from the report itself, not from the editor's note or the column tag", () => {
    expect(data.measures).toEqual(expect.arrayContaining(['featured-industry', 'collective-economy', 'paired-assistance']));
    for (const fromNoteOrTag of ['first-secretary', 'subsidised-loans', 'grid-service', 'rural-tourism']) expect(data.measures).not.toContain(fromNoteOrTag);
  });

  it("reads Chinese numerals and lists the numbers it did not use, with the editor's note's among them", () => {
    expect(data.metrics.map((m) => [m['value'], m['max'], m['unit'], m['qualifier']])).toEqual([
      [3, undefined, '户', undefined],
      [120, undefined, '户', undefined],
      [10, undefined, '万元', '多'],
      [8, undefined, '套', undefined],
      [2, undefined, '台', undefined],
      [300, undefined, '亩', '余'],
      [5, undefined, '年', undefined],
      [36, undefined, '户', undefined],
      [2, 3, '万元', undefined],
    ]);
    expect(d.unused).toEqual([
      { line: 1, text: '3次', reason: '在编者按里，是编者的话，不是报道的数据' },
      { line: 2, text: '五六年', reason: '时间（约 5—6 年前），不是数据；请核对 year / period' },
      { line: 4, text: '2020年', reason: '年份，记在 year / period' },
    ]);
    expect(data.year).toBe(2020);
  });

  it("npm run import prints every unused number against the saved report's line", async () => {
    const dir = mkdtempSync(join(out, 'village-'));
    const r = await runInProcess(importCommand, [join(FIXTURES, 'village-report.txt'), '--out', dir, '--reports', join(dir, 'reports')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('层级：村');
    expect(r.stdout).toContain('数据 9 项（另有 3 个数字未记为数据）');
    const report = readFileSync(join(dir, 'reports', 'paifang-2020.txt'), 'utf8').split('\n');
    const lines = r.stdout.split('\n').filter((l) => /\.txt:\d+ {2}/.test(l));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const [, n, number] = /\.txt:(\d+) {2}(\S+) {2}/.exec(line)!;
      expect(report[Number(n) - 1]).toContain(number!.replace(/年$/, ''));
    }
    expect(lines[0]).toMatch(/reports\/paifang-2020\.txt:1 {2}3次 {2}在编者按里/);
  });
});

describe('the county the text names', () => {
  it('wins over a cluster of village names from another county', () => {
    const p = proposeRegion('河北省涞源县的经验传到了外地。陈家庄村、岭角村、涧沟村、樱桃沟村的干部也来学习。');
    expect(p.region).toMatchObject({ province: '河北省', county: '涞源县' });
  });
});
