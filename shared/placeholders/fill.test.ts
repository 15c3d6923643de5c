import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { docOf } from '../document/test-docs';
import { blankReplacement, fillPlaceholder, fillTargets, filledText, placeholderWord, previewFill } from './fill';
import { findPlaceholders } from './rules';
import { documentPlaceholders } from './scan';

const match = (text: string, token: string) => findPlaceholders(text).find((m) => m.token === token)!;
const fill = (text: string, key: string, value: string, at?: number) => {
  const tr = EditorState.create({ doc: docOf([0, text]) }).tr;
  const changes = fillPlaceholder(tr, key, value, at);
  return { text: tr.doc.textContent, changes, steps: tr.steps.length };
};

describe('what a fill writes', () => {
  it.each([
    // [text, token, value, result]: the word the blank stands in is kept (issue 12: 同志 was dropped).
    ['刚才，XX同志通报了有关情况', 'XX同志', '王建国', '刚才，王建国同志通报了有关情况'],
    ['刚才，XX同志通报了有关情况', 'XX同志', '王建国同志', '刚才，王建国同志通报了有关情况'],
    ['在全市XX工作推进会上的讲话', 'XX工作', '招商引资', '在全市招商引资工作推进会上的讲话'],
    ['推动X市高质量发展', 'X市', '临江', '推动临江市高质量发展'],
    ['推动X市高质量发展', 'X市', '临江市', '推动临江市高质量发展'],
    ['同比增长X%', 'X%', '12.5', '同比增长12.5%'],
    ['新建项目X个', 'X个', '15个', '新建项目15个'],
    ['由某某单位牵头', '某某单位', '市发展改革委', '由市发展改革委单位牵头'],
    ['×××同志在会上讲话', '×××', '李明', '李明同志在会上讲话'],
    ['完成投资【数据】亿元', '【数据】', '120', '完成投资120亿元'],
    ['欢迎{{单位名称}}的同志们', '{{单位名称}}', '临江市总工会', '欢迎临江市总工会的同志们'],
    ['参会人员：____', '____', '全体干部', '参会人员：全体干部'],
  ])('%s: %s ← %s reads %s', (text, token, value, result) => {
    expect(fill(text, token, value).text).toBe(result);
    const m = match(text, token);
    expect(text.slice(0, m.from) + filledText(m, value) + text.slice(m.to)).toBe(result);
  });

  it('names the blank and the word apart', () => {
    const m = match('XX同志通报了', 'XX同志');
    expect([placeholderWord(m), blankReplacement(m, '王建国同志')]).toEqual(['同志', '王建国']);
    expect(placeholderWord(match('【数据】', '【数据】'))).toBe('');
  });

  it('fills every occurrence in one change, or only the chosen one', () => {
    const text = 'X县、X县和X区';
    expect(fill(text, 'X县', '临江').text).toBe('临江县、临江县和X区');
    const doc = docOf([0, text]);
    const second = fillTargets(doc, 'X县')[1]!;
    expect(fill(text, 'X县', '临江', second.pos).text).toBe('X县、临江县和X区');
  });

  it('previews exactly what it writes, sentence by sentence', () => {
    const text = '刚才，XX同志通报了有关情况。会上，XX同志作了发言。';
    const occurrences = documentPlaceholders(docOf([0, text]));
    const { changes, text: after } = fill(text, 'XX同志', '王建国');
    expect(changes.map((c) => c.after)).toEqual(occurrences.map((o) => previewFill(o, '王建国')));
    for (const change of changes) expect(after).toContain(change.after.replace(/^…|…$/gu, ''));
    expect(changes.map((c) => c.before)).toEqual(occurrences.map((o) => o.context));
  });

  it('changes nothing for an empty value or a token that is not there', () => {
    expect(fill('XX同志', 'XX同志', '').steps).toBe(0);
    expect(fill('XX同志', 'X市', '临江').steps).toBe(0);
  });
});
