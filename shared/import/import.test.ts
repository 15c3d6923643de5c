import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH, sampleDocJSON } from '../../e2e/sample-speech';
import { docFromJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { blockRows } from '../document/test-docs';
import {
  cleanUp,
  fullWidthPunctuation,
  normaliseWhitespace,
  removePinyin,
  removeSiteNoise,
  traditionalShare,
  traditionalToSimplified,
} from './cleanup';
import { detectStructure, typedHeading } from './detect';
import { importSource, importText } from './index';

const SCRAPED = readFileSync(SAMPLE_PATH.replace('push-meeting.txt', 'push-meeting.scraped.txt'), 'utf8');
const CLEAN = readFileSync(SAMPLE_PATH, 'utf8');

describe('importing the scraped web copy of the sample speech', () => {
  it('gives the same document as the clean sample: outline, levels, order and body text', () => {
    const { text } = cleanUp(SCRAPED);
    const imported = detectStructure(text);
    expect(imported).toEqual(sampleDocJSON());
    expect(detectStructure(cleanUp(CLEAN).text)).toEqual(sampleDocJSON());
    const outline = (json: unknown) =>
      flattenOutline(buildOutline(docFromJSON(json as never)).entries).map((e) => `${e.label}${e.text}`);
    expect(outline(imported)).toEqual(outline(sampleDocJSON()));
  });

  it('leaves no pinyin, no site noise, no Traditional characters', () => {
    const { text } = cleanUp(SCRAPED);
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
    expect(text).not.toMatch(/www\.|发布时间|来源|点击|相关热词|版权所有/u);
    expect(traditionalShare(text)).toBe(0);
  });

  it('reports what each step removed or changed, with counts that match the fixture', () => {
    const { steps } = cleanUp(SCRAPED);
    const count = (id: string) => steps.find((s) => s.id === id)!.count;
    expect(count('pinyin')).toBe((SCRAPED.match(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu) ?? []).length);
    // The keyword-spam line, 发布时间/来源/点击, 相关热词搜索, 版权所有.
    expect(count('site-noise')).toBe(4);
    expect(count('t2s')).toBeGreaterThan(200);
    expect(cleanUp(CLEAN).steps.map((s) => s.id)).not.toContain('t2s');
  });

  it('offers Traditional → Simplified only for mostly Traditional text', () => {
    expect(traditionalShare(SCRAPED)).toBeGreaterThan(0.05);
    expect(traditionalShare(CLEAN)).toBe(0);
  });
});

describe('cleanup steps', () => {
  it('are idempotent', () => {
    for (const step of [
      removePinyin,
      removeSiteNoise,
      fullWidthPunctuation,
      normaliseWhitespace,
      traditionalToSimplified,
    ]) {
      const once = step.run(SCRAPED).text;
      expect(step.run(once).text, step.id).toBe(once);
    }
  });

  it('remove a copyright footer but keep a sentence about copyright', () => {
    expect(
      removeSiteNoise.run('正文。\n维护著作权人和版权所有者的合法权益，是知识产权保护的重要内容。\n版权所有 某某网')
        .text,
    ).toBe('正文。\n维护著作权人和版权所有者的合法权益，是知识产权保护的重要内容。');
  });

  it('find noise lines after Windows and old Mac line ends alike', () => {
    expect(removeSiteNoise.run('正文。\r\n来源：某某网\r发布时间:2026-01-01\n结束。')).toEqual({
      text: '正文。\n结束。',
      count: 2,
    });
    // Found in one cleanup, not by a second one after the whitespace step made \r a \n (a fast-check find).
    expect(cleanUp('!\r来源：', { t2s: false }).text).toBe('!');
    // Judged trimmed, as the whitespace step leaves it (another fast-check find).
    expect(removeSiteNoise.run(`正文。\n${' '.repeat(20)}\u3000版权所有 某某网站 2026 一、一、一、一、一、`).text).toBe(
      '正文。',
    );
  });

  it('convert Traditional to Simplified to the end, not one table pass (薴 → 苧 → 苎, a fast-check find)', () => {
    expect(traditionalToSimplified.run('薴麻')).toEqual({ text: '苎麻', count: 1 });
    // OpenCC's Taiwan tables read a lone 么 as 幺: a Simplified 么 is left alone, and 麼 stops at 么.
    expect(traditionalToSimplified.run('這是什麼東西麼？好么？').text).toBe('这是什么东西么？好么？');
    expect(traditionalToSimplified.run('这是什么东西么？').count).toBe(0);
  });

  it('leave numbers, times and Latin text their half-width punctuation', () => {
    expect(fullWidthPunctuation.run('投资3,000万元，12:30开会，Windows: 系统，同志们:').text).toBe(
      '投资3,000万元，12:30开会，Windows: 系统，同志们：',
    );
  });
});

describe('typedHeading', () => {
  it.each([
    ['一、统一思想', 1],
    ['第二部分 工作重点', 1],
    ['（三）强化保障', 2],
    ['(三)强化保障', 2],
    ['1．加强领导', 3],
    ['2、强化督查', 3],
    ['3.营造氛围', 3],
    ['（1）细化分工', 4],
  ])('reads %s as level %i', (line, level) => {
    expect(typedHeading(line)?.level).toBe(level);
  });

  it.each([
    ['１．强化前期工作', 3, '强化前期工作'],
    ['（１）优化流程', 4, '优化流程'],
    ['1、2025年工作回顾', 3, '2025年工作回顾'],
    ['一、二〇二五年工作回顾', 1, '二〇二五年工作回顾'],
    ['一、二手车市场要规范', 1, '二手车市场要规范'],
    ['三、四风问题依然存在', 1, '四风问题依然存在'],
    ['一、二是关键', 1, '二是关键'],
  ])('reads %s as level %i with the text %s', (line, level, text) => {
    expect(typedHeading(line)).toEqual({ level, text });
  });

  it.each([
    '1.5亿元的投资',
    '一要抓好项目建设',
    '一是进展不平衡',
    '2026年工作',
    '一、',
    '3．5个重点项目全部开工。',
    '1、2月份工业增加值增长较快。',
    '9、10月份降雨偏多。',
    '一、二季度经济运行平稳。',
    '三、四线城市房地产市场总体平稳。',
  ])('leaves %s as body', (line) => {
    expect(typedHeading(line)).toBeUndefined();
  });
});

describe('detectStructure, on speeches as they are written', () => {
  const blocks = (text: string) => blockRows(importText(text).file.doc);

  it('keeps figures at a line start as body text, numbers and all', () => {
    expect(
      blocks(
        '在全县经济工作会议上的讲话\n同志们：\n1、2月份工业增加值增长较快。\n一、二季度经济运行平稳。\n3．5个重点项目全部开工。',
      ),
    ).toEqual([
      'title:在全县经济工作会议上的讲话',
      'salutation:同志们：',
      'paragraph:1、2月份工业增加值增长较快。',
      'paragraph:一、二季度经济运行平稳。',
      'paragraph:3．5个重点项目全部开工。',
    ]);
  });

  it('puts 第一部分 above 一、 and （一） when a report has both', () => {
    expect(
      blocks(
        '工作报告\n同志们：\n第一部分 2025年工作回顾\n一、突出思想政治引领\n（一）深化理论武装\n第二部分 2026年重点工作\n一、加强引领',
      ),
    ).toEqual([
      'title:工作报告',
      'salutation:同志们：',
      'paragraph1:2025年工作回顾',
      'paragraph2:突出思想政治引领',
      'paragraph3:深化理论武装',
      'paragraph1:2026年重点工作',
      'paragraph2:加强引领',
    ]);
    expect(blocks('工作报告\n第一部分 回顾\n（一）理论武装\n第二部分 安排')).toEqual([
      'title:工作报告',
      'paragraph1:回顾',
      'paragraph2:理论武装',
      'paragraph1:安排',
    ]);
  });

  it('takes a line ending in a colon as the salutation only above the first heading', () => {
    expect(
      blocks(
        '关于2025年度全面从严治党工作情况的报告\n（2026年1月15日）\n一、2025年工作情况\n过去一年，我们主要做了以下工作：\n（一）强化政治建设。',
      ),
    ).toEqual([
      'title:关于2025年度全面从严治党工作情况的报告',
      'byline:（2026年1月15日）',
      'paragraph1:2025年工作情况',
      'paragraph:过去一年，我们主要做了以下工作：',
      'paragraph2:强化政治建设。',
    ]);
  });

  it('reads a title over two lines, a main title with its subtitle, and a long title ending in 讲话（摘要）', () => {
    const broken = importText(
      '在全市安全生产暨森林防灭火\n工作会议上的讲话\n王建国\n（2026年3月5日）\n同志们：\n今天开会。',
    );
    expect(broken.file.meta.title).toBe('在全市安全生产暨森林防灭火工作会议上的讲话');
    expect(blocks('在全市安全生产暨森林防灭火\n工作会议上的讲话\n王建国\n同志们：\n今天开会。').slice(0, 4)).toEqual([
      'title:在全市安全生产暨森林防灭火',
      'title:工作会议上的讲话',
      'byline:王建国',
      'salutation:同志们：',
    ]);
    const subtitled = importText(
      '坚定信心 砥砺奋进\n团结动员广大职工为推动高质量发展建功立业\n——在市总工会第十五届委员会第三次全体会议上的工作报告\n（2026年2月20日）\n各位委员、同志们：\n现在，我作工作报告。',
    );
    expect(subtitled.file.meta.title).toBe('坚定信心 砥砺奋进');
    expect(subtitled.file.doc.content!.map((b) => b.type)).toEqual([
      'title',
      'title',
      'title',
      'byline',
      'salutation',
      'paragraph',
    ]);
    const long = '在全市深入学习贯彻党的二十届四中全会精神暨推进高质量发展专题研讨班开班式上的讲话（摘要）';
    expect(blocks(`${long}\n这次研讨班很重要。`)).toEqual([`title:${long}`, 'paragraph:这次研讨班很重要。']);
  });

  it('does not take the salutation on the first line for the title', () => {
    expect(blocks('同志们：\n今天召开会议。\n一、总体要求')).toEqual([
      'salutation:同志们：',
      'paragraph:今天召开会议。',
      'paragraph1:总体要求',
    ]);
  });

  it('keeps a numbered list inside a sentence as body text', () => {
    expect(
      blocks(
        '党课\n一、为什么要坚定理想信念\n主要有三层要义：\n1、坚定理想信念是根本；\n2、坚定理想信念要落到实处；\n3、坚定理想信念要久久为功。\n二、怎样坚定理想信念',
      ),
    ).toEqual([
      'title:党课',
      'paragraph1:为什么要坚定理想信念',
      'paragraph:主要有三层要义：',
      'paragraph:1、坚定理想信念是根本；',
      'paragraph:2、坚定理想信念要落到实处；',
      'paragraph:3、坚定理想信念要久久为功。',
      'paragraph1:怎样坚定理想信念',
    ]);
  });

  // A second review, looking for what the rules above broke.
  it('takes a dash line for a subtitle only right under the title and when it reads like one', () => {
    expect(blocks('在全市安全生产工作会议上的讲话\n同志们：\n今天讲三点：\n——题记')).toEqual([
      'title:在全市安全生产工作会议上的讲话',
      'salutation:同志们：',
      'paragraph:今天讲三点：',
      'paragraph:——题记',
    ]);
    expect(blocks('在全市安全生产工作会议上的讲话\n同志们：\n- 抓责任').slice(0, 2)).toEqual([
      'title:在全市安全生产工作会议上的讲话',
      'salutation:同志们：',
    ]);
    expect(
      importSource({
        kind: 'markdown',
        content: '# 同心协力 再创辉煌\n\n## ——在全市经济工作会议上的讲话\n\n### 张三\n\n同志们：\n\n正文。',
      }).file.doc.content!.map((b) => b.type),
    ).toEqual(['title', 'title', 'byline', 'salutation', 'paragraph']);
  });

  it('finds the salutation after a note in brackets or a long title with its date', () => {
    expect(
      blocks('在全县乡村振兴工作推进会上的讲话\n李四\n（根据录音整理，未经本人审阅。）\n同志们：\n正文。').slice(1, 4),
    ).toEqual(['byline:李四', 'byline:（根据录音整理，未经本人审阅。）', 'salutation:同志们：']);
    expect(
      blocks('在全市深入推进城乡环境综合整治暨美丽乡村建设工作会议上的讲话（2026年1月5日）\n同志们：\n正文。')[1],
    ).toBe('salutation:同志们：');
  });

  it('reads a pair of figures as a heading where it goes on from the number before or into the next', () => {
    expect(
      blocks('讲话\n同志们：\n一、统一思想\n二、三个代表重要思想的历史地位\n三、四个全面战略布局的实践要求').slice(2),
    ).toEqual([
      'paragraph1:统一思想',
      'paragraph1:三个代表重要思想的历史地位',
      'paragraph1:四个全面战略布局的实践要求',
    ]);
    expect(
      blocks('讲话\n同志们：\n（一）抓落实\n1、2个专项行动扎实推进\n2、3项制度改革落地见效\n3、4个试点取得成效').slice(
        3,
      ),
    ).toEqual(['paragraph3:2个专项行动扎实推进', 'paragraph3:3项制度改革落地见效', 'paragraph3:4个试点取得成效']);
  });

  it('keeps run-in headings and a lone heading that end in ； as headings', () => {
    expect(
      blocks(
        '讲话\n同志们：\n1．强化项目支撑。全年新开工项目200个；\n2．强化要素保障。用地指标优先保障；\n3．强化服务。',
      ).slice(2),
    ).toEqual([
      'paragraph3:强化项目支撑。全年新开工项目200个；',
      'paragraph3:强化要素保障。用地指标优先保障；',
      'paragraph3:强化服务。',
    ]);
    expect(blocks('讲话\n同志们：\n一、坚持党管干部原则，树立正确选人用人导向；\n正文。')[2]).toBe(
      'paragraph1:坚持党管干部原则，树立正确选人用人导向；',
    );
  });

  it('does not shift the outline for a sentence that mentions 第一部分', () => {
    expect(
      blocks('讲话\n同志们：\n第一部分由组织部同志宣读任职决定，第二部分我讲几点意见。\n一、讲政治\n二、重实干').slice(
        2,
      ),
    ).toEqual([
      'paragraph:第一部分由组织部同志宣读任职决定，第二部分我讲几点意见。',
      'paragraph1:讲政治',
      'paragraph1:重实干',
    ]);
  });

  it('names the document after a main title, not the main title glued to its subtitle', () => {
    expect(importText('同心协力 再创辉煌\n在全市经济工作会议上的讲话\n同志们：\n正文。').file.meta.title).toBe(
      '同心协力 再创辉煌',
    );
  });

  it('drops Markdown list bullets', () => {
    expect(
      importSource({ kind: 'markdown', content: '# 讲话\n\n- 要强化考核。\n* 要压实责任。' }).file.doc.content!.map(
        (b) => b.content?.[0]?.text,
      ),
    ).toEqual(['讲话', '要强化考核。', '要压实责任。']);
  });
});
