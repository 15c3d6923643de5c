import { describe, expect, it } from 'vitest';
import { PROFILES, adjustProfile } from '../../shared/export/profiles';
import {
  checkFonts,
  distinctHan,
  fontconfigProbe,
  gb2312Han,
  parseCharset,
  parseFcList,
  windowsProbe,
  type RunProgram,
} from './fonts';

const LIST = 'fc-list';
// What fc-list prints on an office's Linux machine with 仿宋 but not 仿宋_GB2312, and Noto's CFF serif.
const FAKE_LIST = [
  'FangSong,仿宋\tTrueType\t/fonts/simfang.ttf',
  'Noto Serif CJK SC,Noto Serif CJK SC SemiBold\tCFF\t/fonts/NotoSerifCJK-Regular.ttc',
  '楷体_GB2312,KaiTi_GB2312\tTrueType\t/fonts/kt_gb2312.ttf',
  'SimHei,黑体\tTrueType\t/fonts/simhei.ttf',
  '',
].join('\n');

/** A fake fontconfig: fc-list answers FAKE_LIST and per-family charsets, fc-match maps nothing. */
const fakeRun =
  (charsets: Record<string, string>): RunProgram =>
  async (program, args) => {
    if (program === LIST && args[1]?.startsWith('%{family}')) return FAKE_LIST;
    if (program === LIST) return `${charsets[args[2]!.replace(':family=', '')] ?? ''}\n`;
    return 'DejaVu Sans\tTrueType\t/fonts/DejaVuSans.ttf\n';
  };

describe('the font check', () => {
  it('reads every family name of fc-list output with its format', () => {
    expect(parseFcList(FAKE_LIST).slice(0, 3)).toEqual([
      { family: 'FangSong', format: 'TrueType', file: '/fonts/simfang.ttf' },
      { family: '仿宋', format: 'TrueType', file: '/fonts/simfang.ttf' },
      { family: 'Noto Serif CJK SC', format: 'CFF', file: '/fonts/NotoSerifCJK-Regular.ttc' },
    ]);
  });

  it('reads fontconfig charsets: single code points and ranges', () => {
    const has = parseCharset('20-7e 4e00-4e01 4e03 5586');
    expect([0x20, 0x7e, 0x4e00, 0x4e01, 0x4e03, 0x5586].every(has)).toBe(true);
    expect([0x1f, 0x7f, 0x4e02, 0x5803].some(has)).toBe(false);
  });

  it('keeps the distinct Han characters of a speech in order, without punctuation or Latin', () => {
    expect(distinctHan('王堃同志，王堃、张喆：GDP 增长')).toEqual(['王', '堃', '同', '志', '张', '喆', '增', '长']);
  });

  it('names the fallback when the first choice is missing, its format, and the characters it lacks', async () => {
    const probe = fontconfigProbe(fakeRun({ 仿宋: '4e00-9fff', 楷体_GB2312: '4e00-5585 5587-57ff 5804-9fff' }));
    const check = await checkFonts(probe, PROFILES.gbt9704, '请王堃、张喆同志发言。');
    const body = check.chains.find((chain) => chain.roles.includes('body'))!;
    expect(body).toMatchObject({ wanted: '仿宋_GB2312', firstChoice: false, missing: [] });
    expect(body.used).toEqual({ name: '仿宋', family: '仿宋', format: 'TrueType' });
    const kaiti = check.chains.find((chain) => chain.face === 'kaiti')!;
    expect(kaiti).toMatchObject({ roles: ['byline', 'heading2'], firstChoice: true, missing: ['堃', '喆'] });
    // No 方正小标宋 and no 宋体: the title falls to Noto Serif CJK SC, a CFF face (Type 3 in a PDF).
    const title = check.chains.find((chain) => chain.roles.includes('title'))!;
    expect(title.used).toEqual({ name: 'Noto Serif CJK SC', family: 'Noto Serif CJK SC', format: 'CFF' });
    // No TrueType face further down its chain: the PDF has only the CFF one.
    expect(title.pdf).toEqual(title.used);
    expect(check.chains.map((chain) => chain.face)).toEqual(['xiaobiaosong', 'kaiti', 'fangsong', 'heiti']);
  });

  it('takes no generic fallback for a Chinese face: fontconfig answering DejaVu Serif for SimSun is no 宋体', async () => {
    // Debian's defaults with no Chinese aliases: SimSun is classed a serif name, so fc-match answers DejaVu Serif
    // (not the no-such-face default, DejaVu Sans), which has no Han at all.
    const run: RunProgram = async (program, args) => {
      if (program === LIST && args[1]?.startsWith('%{family}')) return 'Noto Serif CJK SC\tCFF\t/n.ttc\n';
      if (program === LIST) return args[2] === ':family=Noto Serif CJK SC' ? '20-7e 4e00-9fff\n' : '20-7e\n';
      const name = args[2]!;
      if (name === '宋体' || name === 'SimSun') return 'DejaVu Serif\tTrueType\t/d/DejaVuSerif.ttf\n';
      return 'DejaVu Sans\tTrueType\t/d/DejaVuSans.ttf\n';
    };
    const check = await checkFonts(fontconfigProbe(run), PROFILES.gbt9704, '在全市工作会议上的讲话');
    const title = check.chains.find((chain) => chain.roles.includes('title'))!;
    expect(title.used).toEqual({ name: 'Noto Serif CJK SC', family: 'Noto Serif CJK SC', format: 'CFF' });
    expect(title.missing).toEqual([]);
  });

  it('follows the user’s adjusted faces', async () => {
    const probe = fontconfigProbe(fakeRun({}));
    const check = await checkFonts(probe, adjustProfile(PROFILES.gbt9704, { bodyFace: 'heiti' }), '');
    expect(check.chains.find((chain) => chain.roles.includes('body'))!.face).toBe('heiti');
  });

  it('answers no face, not a crash, on a machine without fontconfig', async () => {
    const check = await checkFonts(
      fontconfigProbe(async () => ''),
      PROFILES.large,
      '堃',
    );
    expect(check.chains.every((chain) => chain.used === null && chain.missing.length === 0)).toBe(true);
  });

  it('finds the Windows faces by their file names, and what a _GB2312 face lacks', async () => {
    const folders: Record<string, string[]> = {
      'C:\\Windows\\Fonts': ['simsun.ttc', 'SIMHEI.TTF', 'simkai.ttf', 'FS_GB2312.ttf'],
      user: ['FZXBSJW.TTF', '楷体_GB2312.TTF'],
    };
    const probe = windowsProbe(['C:\\Windows\\Fonts', 'user', 'missing'], async (dir) => {
      if (!folders[dir]) throw new Error('ENOENT');
      return folders[dir];
    });
    const check = await checkFonts(probe, PROFILES.gbt9704, '王堃讲话');
    const used = Object.fromEntries(check.chains.map((chain) => [chain.face, chain.used?.name]));
    expect(used).toEqual({
      xiaobiaosong: '方正小标宋简体',
      kaiti: '楷体_GB2312',
      fangsong: '仿宋_GB2312',
      heiti: '黑体',
    });
    expect(check.chains.find((chain) => chain.face === 'fangsong')!.missing).toEqual(['堃']);
    expect(check.chains.find((chain) => chain.face === 'kaiti')!.missing).toEqual(['堃']);
    expect(check.chains.find((chain) => chain.face === 'heiti')!.missing).toEqual([]);
  });

  it('knows GB 2312’s 6,763 Han characters', () => {
    const set = gb2312Han();
    expect(set.size).toBe(6763);
    expect(['啊', '王', '镕'].map((c) => set.has(c))).toEqual([true, true, false]);
  });
});

// This machine's fontconfig with ../shared/fonts.conf (test-fonts.ts loads it), which maps the Windows names to
// Debian's faces (FORMAT.md); .ci/run installs them.
describe('the font check on this machine', () => {
  it('follows fonts.conf’s mapping and finds what the GB2312 楷体 lacks, in under a second on a long speech', async () => {
    const text = '在全市数字化政府建设工作会议上的讲话。王堃、张喆、朱镕同志，'.repeat(10_000);
    const started = performance.now();
    const check = await checkFonts(fontconfigProbe(), PROFILES.gbt9704, text);
    expect(performance.now() - started).toBeLessThan(1000);
    const kaiti = check.chains.find((chain) => chain.face === 'kaiti')!;
    expect(kaiti.used).toEqual({ name: '楷体_GB2312', family: 'AR PL KaitiM GB', format: 'TrueType' });
    expect(kaiti.missing).toEqual(['堃', '喆', '镕']);
    const title = check.chains.find((chain) => chain.face === 'xiaobiaosong')!;
    expect(title.used).toEqual({ name: '方正小标宋简体', family: 'Noto Serif CJK SC', format: 'CFF' });
    // The chain's 宋体 is AR PL SungtiL GB here, TrueType: the PDF embeds that instead of Noto's Type 3.
    expect(title.pdf).toEqual({ name: '宋体', family: 'AR PL SungtiL GB', format: 'TrueType' });
    expect(kaiti.pdf).toEqual(kaiti.used);
  });
});
