import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH, sampleDocJSON } from '../../e2e/sample-speech';
import { docFromJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { cleanUp, fullWidthPunctuation, normaliseWhitespace, removePinyin, removeSiteNoise, traditionalShare, traditionalToSimplified } from './cleanup';
import { detectStructure, typedHeading } from './detect';

const SCRAPED = readFileSync(SAMPLE_PATH.replace('push-meeting.txt', 'push-meeting.scraped.txt'), 'utf8');
const CLEAN = readFileSync(SAMPLE_PATH, 'utf8');

describe('importing the scraped web copy of the sample speech', () => {
  it('gives the same document as the clean sample: outline, levels, order and body text', () => {
    const { text } = cleanUp(SCRAPED);
    const imported = detectStructure(text);
    expect(imported).toEqual(sampleDocJSON());
    expect(detectStructure(cleanUp(CLEAN).text)).toEqual(sampleDocJSON());
    const outline = (json: unknown) => flattenOutline(buildOutline(docFromJSON(json as never)).entries).map((e) => `${e.label}${e.text}`);
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
    for (const step of [removePinyin, removeSiteNoise, fullWidthPunctuation, normaliseWhitespace, traditionalToSimplified]) {
      const once = step.run(SCRAPED).text;
      expect(step.run(once).text, step.id).toBe(once);
    }
  });

  it('remove a copyright footer but keep a sentence about copyright', () => {
    expect(removeSiteNoise.run('正文。\n维护著作权人和版权所有者的合法权益，是知识产权保护的重要内容。\n版权所有 某某网').text).toBe('正文。\n维护著作权人和版权所有者的合法权益，是知识产权保护的重要内容。');
  });

  it('find noise lines after Windows and old Mac line ends alike', () => {
    expect(removeSiteNoise.run('正文。\r\n来源：某某网\r发布时间:2026-01-01\n结束。')).toEqual({ text: '正文。\n结束。', count: 2 });
    // Found in one cleanup, not by a second one after the whitespace step made \r a \n (a fast-check find).
    expect(cleanUp('!\r来源：', { t2s: false }).text).toBe('!');
    // Judged trimmed, as the whitespace step leaves it (another fast-check find).
    expect(removeSiteNoise.run(`正文。\n${' '.repeat(20)}\u3000版权所有 某某网站 2026 一、一、一、一、一、`).text).toBe('正文。');
  });

  it('convert Traditional to Simplified to the end, not one table pass (薴 → 苧 → 苎, a fast-check find)', () => {
    expect(traditionalToSimplified.run('薴麻')).toEqual({ text: '苎麻', count: 1 });
    // OpenCC's Taiwan tables read a lone 么 as 幺: a Simplified 么 is left alone, and 麼 stops at 么.
    expect(traditionalToSimplified.run('這是什麼東西麼？好么？').text).toBe('这是什么东西么？好么？');
    expect(traditionalToSimplified.run('这是什么东西么？').count).toBe(0);
  });

  it('leave numbers, times and Latin text their half-width punctuation', () => {
    expect(fullWidthPunctuation.run('投资3,000万元，12:30开会，Windows: 系统，同志们:').text).toBe('投资3,000万元，12:30开会，Windows: 系统，同志们：');
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

  it.each(['1.5亿元的投资', '一要抓好项目建设', '一是进展不平衡', '2026年工作', '一、'])('leaves %s as body', (line) => {
    expect(typedHeading(line)).toBeUndefined();
  });
});
