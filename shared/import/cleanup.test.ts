/**
 * Cleanup rules found wanting on realistic speeches: headings and sentences that look like site
 * noise, page chrome that was left in, 著 written 着, and English glosses taken for pinyin.
 */
import { describe, expect, it } from 'vitest';
import { cleanUp, removePinyin, removeSiteNoise, traditionalToSimplified } from './cleanup';

describe('site noise', () => {
  const kept = (line: string) => removeSiteNoise.run(`正文。\n${line}\n结束。`).text;

  it.each([
    '（一）依法保护知识产权和版权所有者权益',
    '(一)依法保护知识产权和版权所有者权益',
    '一、版权所有人的合法权益',
    '1. 版权所有',
    '1、来源：群众反映',
    '（1）编辑：内容审核',
    '第一部分 版权所有',
    '保护版权所有者权益',
    '要坚持问题导向，编辑好每一期简报。',
    '信息来源渠道要畅通。',
    '１．来源：基层一线',
    '全面清理未履行ICP备案手续的网站，对违规网站依法关停；',
    '要求所有政务网站标注ICP备案号和公网安备编号，做到规范统一',
    '他说：“没有ICP备案的网站一律关停。”',
    '审核：这是内容把关的关键环节，必须层层压实责任',
    '编辑：要对每一篇稿件负责',
    '分享到朋友圈要慎重；',
    '2026年3月5日，来源于基层的经验值得推广。',
    '各网站要在首页显著位置标注ICP备案号。',
    '把群众满意度作为首页 > 末页的标准。',
    '分享到朋友圈的内容也要严格审核，不能一转了之。',
  ])('keeps %s', (line) => {
    expect(kept(line)).toBe(`正文。\n${line}\n结束。`);
  });

  it.each([
    '版权所有：某某市人民政府 | 网站标识码1234 | 京ICP备12345678号',
    '主办单位：某某市人民政府办公室 地址：某某市某某路1号 联系电话：0000-12345678 京ICP备12345678号-1',
    '网站标识码：1100000000 京公网安备11010202000001号',
    '版權所有：某某市人民政府 | 網站標識碼1234 | 京ICP備12345678號',
    '当前位置：首页 > 领导讲话',
    '您现在的位置：首页 » 新闻中心 » 领导讲话',
    '您的位置：首页＞领导讲话',
    '首頁 > 新聞中心 > 領導講話',
    '首页 > 新闻中心 > 领导讲话',
    '當前位置：首頁 > 領導講話',
    '分享到：',
    '分享到：微信 微博 QQ空间',
    '分享到',
    '【字体：大 中 小】',
    '【打印】【关闭】',
    '【打印本页】',
    '【关闭窗口】',
    '【字體：大 中 小】【打印】【關閉】',
    '文章来源：人民网',
    '文章來源：人民網',
    '信息来源：',
    '信息來源：某某市政府网',
    '编辑：张三',
    '編輯：張三 審核：李四',
    '审核：李四',
    '校对：王五',
    '扫一扫在手机打开当前页',
    '掃一掃在手機打開當前頁',
    '2026-03-05 来源：市生态环境局',
    '2026年3月5日 10:30 来源：市政府网',
  ])('removes %s', (line) => {
    expect(removeSiteNoise.run(`正文。\n${line}\n结束。`)).toEqual({ text: '正文。\n结束。', count: 1 });
  });

  it('removes page chrome around an article with Traditional → Simplified off, and again finds nothing', () => {
    const page = [
      '首頁 > 新聞中心 > 領導講話',
      '【字體：大 中 小】【打印】【關閉】',
      '在全市工作會議上的講話',
      '同志們：',
      '（一）依法保護知識產權和版權所有者權益',
      '謝謝大家！',
      '分享到：',
      '文章來源：人民網',
      '編輯：張三',
      '掃一掃在手機打開當前頁',
    ].join('\n');
    const once = cleanUp(page, { t2s: false });
    expect(once.text).toBe('在全市工作會議上的講話\n同志們：\n（一）依法保護知識產權和版權所有者權益\n謝謝大家！');
    expect(cleanUp(once.text, { t2s: false }).text).toBe(once.text);
  });
});

describe('pinyin', () => {
  it('keeps English glosses: wechat and app are no syllables', () => {
    const text = '用好微信公众号(wechat)、手机应用(app)。';
    expect(removePinyin.run(text)).toEqual({ text, count: 0 });
    expect(removePinyin.run(`創(chuàng)新(xīn)。${text}`)).toEqual({ text: `創新。${text}`, count: 2 });
  });

  it('keeps a toneless syllable when the text has no tone-marked annotation', () => {
    expect(removePinyin.run('发展人工智能(ai)。')).toEqual({ text: '发展人工智能(ai)。', count: 0 });
    expect(cleanUp('发展人工智能(ai)。').steps.find((s) => s.id === 'pinyin')!.count).toBe(0);
  });

  it('removes toneless syllables where the page annotates with tone marks', () => {
    expect(removePinyin.run('創(chuàng)新(xin)，智(zhi)能(ai)')).toEqual({ text: '創新，智能', count: 4 });
  });

  it('removes a run of annotations as one, and is idempotent', () => {
    const once = removePinyin.run('創(chuàng)(chuàng)新(xīn)(xin)');
    expect(once).toEqual({ text: '創新', count: 2 });
    expect(removePinyin.run(once.text)).toEqual({ text: once.text, count: 0 });
    // A run keeps what follows its first gloss, and a second pass keeps it too.
    const mixed = removePinyin.run('創(chuàng)新(xīn)(app)，应用(app)(yìng)');
    expect(mixed.text).toBe('創新(app)，应用(app)(yìng)');
    expect(removePinyin.run(mixed.text).text).toBe(mixed.text);
  });
});

describe('Traditional → Simplified, 著 and 着', () => {
  // Taiwan spelling, Hong Kong spelling, mainland Simplified. Mainland keeps 著 for zhù (显著, 著作,
  // 编著) and writes 着 for zhe/zhuó (随着, 着力), where Taiwan writes 著 for both.
  const WORDS: ReadonlyArray<readonly [string, string, string]> = [
    ['顯著', '顯著', '显著'],
    ['著名', '著名', '著名'],
    ['著作', '著作', '著作'],
    ['卓著', '卓著', '卓著'],
    ['編著', '編著', '编著'],
    ['土著', '土著', '土著'],
    ['著稱', '著稱', '著称'],
    ['著述', '著述', '著述'],
    ['名著', '名著', '名著'],
    ['著作權', '著作權', '著作权'],
    ['專著', '專著', '专著'],
    ['論著', '論著', '论著'],
    ['昭著', '昭著', '昭著'],
    ['巨著', '巨著', '巨著'],
    ['著者', '著者', '著者'],
    ['譯著', '譯著', '译著'],
    ['原著', '原著', '原著'],
    ['顯著成效', '顯著成效', '显著成效'],
    ['成效顯著', '成效顯著', '成效显著'],
    ['功勳卓著', '功勳卓著', '功勋卓著'],
    ['編著教材', '編著教材', '编著教材'],
    ['著書立說', '著書立說', '著书立说'],
    ['顯著提高', '顯著提高', '显著提高'],
    ['遺著', '遺著', '遗著'],
    ['拙著', '拙著', '拙著'],
    ['臭名昭著', '臭名昭著', '臭名昭著'],
    ['顯著性', '顯著性', '显著性'],
    ['著錄', '著錄', '著录'],
    ['隨著', '隨着', '随着'],
    ['意味著', '意味着', '意味着'],
    ['著力', '着力', '着力'],
    ['著眼', '着眼', '着眼'],
    ['圍繞著', '圍繞着', '围绕着'],
    ['沿著', '沿着', '沿着'],
    ['看著', '看着', '看着'],
    ['接著', '接着', '接着'],
    ['著重', '着重', '着重'],
    ['著手', '着手', '着手'],
    ['著想', '着想', '着想'],
    ['著力點', '着力點', '着力点'],
    ['著眼於', '着眼於', '着眼于'],
    ['緊接著', '緊接着', '紧接着'],
    ['本著', '本着', '本着'],
    ['朝著', '朝着', '朝着'],
    ['向著', '向着', '向着'],
    ['有著', '有着', '有着'],
    ['存在著', '存在着', '存在着'],
    ['發揮著', '發揮着', '发挥着'],
    ['面臨著', '面臨着', '面临着'],
    ['肩負著', '肩負着', '肩负着'],
    ['承載著', '承載着', '承载着'],
    ['著落', '着落', '着落'],
    ['著實', '着實', '着实'],
    ['著陸', '着陸', '着陆'],
    ['執著', '執着', '执着'],
    ['沉著', '沉着', '沉着'],
    ['著急', '着急', '着急'],
    ['著裝', '着裝', '着装'],
    ['衣著', '衣着', '衣着'],
    ['著眼長遠', '着眼長遠', '着眼长远'],
    ['緊緊圍繞著', '緊緊圍繞着', '紧紧围绕着'],
    ['推動著', '推動着', '推动着'],
    ['著力解決', '着力解決', '着力解决'],
    ['著眼大局', '着眼大局', '着眼大局'],
    ['堅持著', '堅持着', '坚持着'],
    ['關注著', '關注着', '关注着'],
    ['引領著', '引領着', '引领着'],
    ['激勵著', '激勵着', '激励着'],
    ['見證著', '見證着', '见证着'],
    ['影響著', '影響着', '影响着'],
    ['著迷', '着迷', '着迷'],
    ['睡著', '睡着', '睡着'],
    // A verb's 著 before 作/名 is 着, not the 著 of 著作/著名 (a review find).
    ['這意味著作為', '這意味着作為', '这意味着作为'],
    ['隨著名單公布', '隨着名單公布', '随着名单公布'],
    ['本著作風建設', '本着作風建設', '本着作风建设'],
  ];

  it.each(WORDS)('converts %s and %s to %s', (taiwan, hongKong, simplified) => {
    expect(traditionalToSimplified.run(taiwan).text).toBe(simplified);
    expect(traditionalToSimplified.run(hongKong).text).toBe(simplified);
  });

  it('leaves the Simplified words unchanged', () => {
    for (const [, , simplified] of WORDS)
      expect(traditionalToSimplified.run(simplified), simplified).toEqual({ text: simplified, count: 0 });
  });

  it('keeps 著名 after words that do not take 着', () => {
    expect(traditionalToSimplified.run('成為著名企業，邀請張三等著名專家，向著名學者請教。').text).toBe(
      '成为著名企业，邀请张三等著名专家，向著名学者请教。',
    );
  });

  it('converts 著 and 着 in one sentence, and a second pass changes nothing', () => {
    const once = traditionalToSimplified.run('隨著改革深入，這項工作成效顯著，他編著的教材著眼長遠、功勳卓著。').text;
    expect(once).toBe('随着改革深入，这项工作成效显著，他编著的教材着眼长远、功勋卓著。');
    expect(traditionalToSimplified.run(once)).toEqual({ text: once, count: 0 });
  });
});
