import { describe, expect, it } from 'vitest';
import { fontCheckStrings } from '../../renderer/components/font-check-strings';
import { fontCheckLines } from './font-check';

const chain = {
  roles: ['body', 'heading3'] as const,
  wanted: '仿宋_GB2312',
  used: { name: 'FangSong', family: 'FangSong', format: 'TrueType' },
  firstChoice: false,
  missing: [] as string[],
};

describe('the font check’s sentences', () => {
  it('names the fallback used for a first choice the machine lacks', () => {
    expect(fontCheckLines({ chains: [chain] }, fontCheckStrings['zh-CN'], false)).toEqual([
      { kind: 'face', text: '正文、三级标题 仿宋_GB2312（本机无，将用 FangSong）' },
    ]);
    expect(fontCheckLines({ chains: [chain] }, fontCheckStrings.en, false)[0]!.text).toBe(
      'Body, Level 3 headings: 仿宋_GB2312 (not on this machine; FangSong will be used)',
    );
  });

  it('says when no face of the chain is here, and lists no missing characters for it', () => {
    const none = { ...chain, used: null, missing: ['堃'] };
    expect(fontCheckLines({ chains: [none] }, fontCheckStrings['zh-CN'], true)).toEqual([
      { kind: 'face', text: '正文、三级标题 仿宋_GB2312（本机无此类字体，将用系统默认字体）' },
    ]);
  });

  it('for a PDF, names the TrueType face of the chain embedded instead of a CFF one, or warns of Type 3', () => {
    const noto = { name: '方正小标宋简体', family: 'Noto Serif CJK SC', format: 'CFF' };
    const title = { ...chain, roles: ['title'] as const, wanted: '方正小标宋简体', used: noto, firstChoice: true };
    const avoided = { ...title, pdf: { name: '宋体', family: 'AR PL SungtiL GB', format: 'TrueType' } };
    expect(fontCheckLines({ chains: [avoided] }, fontCheckStrings['zh-CN'], true)[1]).toEqual({
      kind: 'cff',
      text: '标题字体 Noto Serif CJK SC 为 CFF 格式，PDF 改用同一字体链中的 AR PL SungtiL GB（TrueType）嵌入',
    });
    expect(fontCheckLines({ chains: [{ ...title, pdf: noto }] }, fontCheckStrings['zh-CN'], true)[1]).toEqual({
      kind: 'cff',
      text: '标题字体为 CFF 格式，PDF 中将嵌入为 Type 3，印刷厂预检可能不通过',
    });
    // Not a word of it for a DOCX, which embeds no face.
    expect(fontCheckLines({ chains: [avoided] }, fontCheckStrings['zh-CN'], false)).toHaveLength(1);
  });

  it('lists twenty missing characters and counts the rest', () => {
    const many = { ...chain, missing: [...'堃喆镕甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申'] };
    const [, missing] = fontCheckLines({ chains: [many] }, fontCheckStrings['zh-CN'], false);
    expect(missing).toEqual({
      kind: 'missing',
      text: '缺字：堃、喆、镕、甲、乙、丙、丁、戊、己、庚、辛、壬、癸、子、丑、寅、卯、辰、巳、午等 2 个字（FangSong 中没有）',
    });
  });
});
