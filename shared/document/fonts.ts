/**
 * Font chains from FORMAT.md, as a Chinese Windows machine names them, in preference order. The
 * app never bundles licensed fonts: these are looked up on the machine and fall back along the
 * chain. The editor, the print HTML and the DOCX exporter read the same lists.
 */

/** The five faces a speech uses, in the order the export dialog offers them. */
export const FACE_NAMES = ['fangsong', 'kaiti', 'heiti', 'xiaobiaosong', 'songti'] as const;
/** One of FACE_NAMES. */
export type FaceName = (typeof FACE_NAMES)[number];

export const FONT_CHAINS: Readonly<Record<FaceName, readonly string[]>> = {
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  kaiti: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'LXGW WenKai', 'serif'],
  heiti: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'sans-serif'],
  xiaobiaosong: [
    '方正小标宋简体',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05S',
    '宋体',
    'SimSun',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  songti: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
};

/** The face for Latin letters and digits in body text (FORMAT.md: Times New Roman). */
export const LATIN_FACE = 'Times New Roman';

const GENERIC = new Set(['serif', 'sans-serif', 'monospace']);

/**
 * A CSS `font-family` value for a face, Latin face first so that letters and digits take it and
 * Han characters fall through to the CJK faces.
 */
export function cssFontFamily(face: FaceName, latin = true): string {
  const names = latin ? [LATIN_FACE, ...FONT_CHAINS[face]] : [...FONT_CHAINS[face]];
  return names.map((name) => (GENERIC.has(name) ? name : `"${name}"`)).join(', ');
}
