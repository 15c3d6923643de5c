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

  it('lists twenty missing characters and counts the rest', () => {
    const many = { ...chain, missing: [...'堃喆镕甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申'] };
    const [, missing] = fontCheckLines({ chains: [many] }, fontCheckStrings['zh-CN'], false);
    expect(missing).toEqual({
      kind: 'missing',
      text: '缺字：堃、喆、镕、甲、乙、丙、丁、戊、己、庚、辛、壬、癸、子、丑、寅、卯、辰、巳、午等 2 个字（FangSong 中没有）',
    });
  });
});
