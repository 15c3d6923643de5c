/**
 * The font check (issue 14, item 9): for each face chain of an export profile (FORMAT.md), which
 * face this machine will use, whether it is the chain's first choice, its format (a CFF face is
 * embedded in Chromium's PDF as Type 3, which print shops' preflight rejects), and the speech's Han
 * characters that face lacks (GB2312 faces have no 堃, 喆, 镕). Plain Node, no Electron: it asks
 * fontconfig (`fc-list`, `fc-match`, honouring FONTCONFIG_FILE as they do) on Linux and macOS, and
 * reads the font folders on Windows, where no registry access is needed for the faces we look for.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FONT_CHAINS, type FaceName } from '../../shared/document/fonts';
import type { ExportProfile } from '../../shared/export/profiles';
import type { PdfFaces } from '../../shared/export/print-html';
import type { fontRoles } from '../../shared/ipc/contract';

/** How a face's outlines are stored: TrueType glyphs embed as such in a PDF, CFF ones as Type 3. */
export type FaceFormat = 'TrueType' | 'CFF' | 'other';

/** One of the contract's fontRoles: title, byline, body, heading1–4. */
export type FontRole = (typeof fontRoles)[number];

/** A face as the machine resolves a chain's name: the name asked for and the font file that answers it. */
export interface ResolvedFace {
  /** The chain's name that found it (`仿宋_GB2312`). */
  name: string;
  /** The family of the font file that answers (`AR PL UKai CN` where fontconfig maps the name). */
  family: string;
  format: FaceFormat;
}

/** The check of one face chain, shared by the roles that use it. */
export interface ChainCheck {
  face: FaceName;
  roles: FontRole[];
  /** The chain's first choice (`仿宋_GB2312`). */
  wanted: string;
  /** The face that will be used: the first of the chain the machine has, or none (the system's default then). */
  used: ResolvedFace | null;
  /** Whether `used` is the chain's first choice. */
  firstChoice: boolean;
  /**
   * The face a PDF embeds: `used`, unless that is CFF (embedded as Type 3, which print shops' preflight rejects) and a
   * later name of the chain is a TrueType face here; then that one (issue 14: TrueType where the chain allows).
   */
  pdf: ResolvedFace | null;
  /** The speech's distinct Han characters that `used` has no glyph for, in the speech's order. */
  missing: string[];
}

/** The font check of a profile against a speech: one entry per distinct face chain, in the order roles first use it. */
export interface FontCheck {
  chains: ChainCheck[];
}

/** What the check needs of a machine; tests pass a fake one. */
export interface FontProbe {
  /** The face a chain name resolves to here, or null when the machine has no such face. */
  resolve(name: string): Promise<ResolvedFace | null>;
  /**
   * The characters of `chars` that `face` lacks. `chars` are distinct Han characters; the answer keeps their order.
   * A probe that cannot tell answers none, so the check never cries wolf.
   */
  lacking(face: ResolvedFace, chars: readonly string[]): Promise<string[]>;
}

const HAN = /\p{Script=Han}/gu;

/** The distinct Han characters of `text`, in order of first appearance. */
export function distinctHan(text: string): string[] {
  return [...new Set(text.match(HAN) ?? [])];
}

/** The font format fontconfig names (`%{fontformat}`), as the check reports it. */
export function faceFormat(fontformat: string): FaceFormat {
  if (/truetype/i.test(fontformat)) return 'TrueType';
  if (/cff/i.test(fontformat)) return 'CFF';
  return 'other';
}

/** Which face each role of `profile` uses: title, byline, body, heading levels 1–4. */
function roleFaces(profile: ExportProfile): Array<[FontRole, FaceName]> {
  return [
    ['title', profile.title.face],
    ['byline', profile.byline.face],
    ['body', profile.body.face],
    ...profile.headings.map((heading, i): [FontRole, FaceName] => [`heading${i + 1}` as FontRole, heading.face]),
  ];
}

/**
 * Checks `profile`'s face chains against this machine (`probe`) and the Han characters of `text`.
 * Never throws for a machine without fonts: a chain with no face here answers `used: null`.
 */
export async function checkFonts(probe: FontProbe, profile: ExportProfile, text: string): Promise<FontCheck> {
  const chars = distinctHan(text);
  const byFace = new Map<FaceName, FontRole[]>();
  for (const [role, face] of roleFaces(profile)) byFace.set(face, [...(byFace.get(face) ?? []), role]);
  const chains: ChainCheck[] = [];
  for (const [face, roles] of byFace) {
    const names = FONT_CHAINS[face].filter((name) => !GENERIC_FAMILIES.has(name));
    let used: ResolvedFace | null = null;
    let at = 0;
    for (; at < names.length && !used; at++) used = await probe.resolve(names[at]!);
    let pdf = used;
    for (; used?.format === 'CFF' && at < names.length && pdf === used; at++) {
      const later = await probe.resolve(names[at]!);
      if (later?.format === 'TrueType') pdf = later;
    }
    chains.push({
      face,
      roles,
      wanted: names[0]!,
      used,
      firstChoice: used?.name === names[0],
      pdf,
      missing: used && chars.length ? await probe.lacking(used, chars) : [],
    });
  }
  return { chains };
}

const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace']);

/**
 * The families a PDF of `profile` sets first on this machine: for each chain whose first face here is CFF, the
 * TrueType face further down it (`ChainCheck.pdf`); nothing for a chain that has none, or whose face is TrueType.
 */
export async function pdfFaces(probe: FontProbe, profile: ExportProfile): Promise<PdfFaces> {
  const faces: PdfFaces = {};
  for (const chain of (await checkFonts(probe, profile, '')).chains)
    if (chain.pdf && chain.used && chain.pdf.family !== chain.used.family) faces[chain.face] = chain.pdf.family;
  return faces;
}

/** Runs a program and answers its stdout, or '' when it is missing or fails (a machine without fontconfig). */
export type RunProgram = (program: string, args: readonly string[]) => Promise<string>;

const runProgram: RunProgram = (program, args) =>
  new Promise((resolve) => {
    execFile(program, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 }, (error, stdout) =>
      resolve(error ? '' : stdout),
    );
  });

/** The face lines of `fc-list --format '%{family}\t%{fontformat}\t%{file}\n'`: each family name of each file. */
export function parseFcList(output: string): Array<{ family: string; format: FaceFormat; file: string }> {
  const faces = [];
  for (const line of output.split('\n')) {
    const [families, format, file] = line.split('\t');
    if (!families || format === undefined || file === undefined) continue;
    for (const family of families.split(',')) {
      if (family.trim()) faces.push({ family: family.trim(), format: faceFormat(format), file });
    }
  }
  return faces;
}

/**
 * The code points of fontconfig's `%{charset}`: space-separated hex code points and ranges (`4e00-4e01 4e03`).
 * Answers a membership test.
 */
export function parseCharset(charset: string): (codePoint: number) => boolean {
  const ranges: Array<[number, number]> = [];
  for (const item of charset.trim().split(/\s+/)) {
    const [from, to] = item.split('-').map((hex) => parseInt(hex, 16));
    if (from === undefined || Number.isNaN(from)) continue;
    ranges.push([from, to === undefined || Number.isNaN(to) ? from : to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return (codePoint) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = ranges[mid]!;
      if (codePoint < from) hi = mid - 1;
      else if (codePoint > to) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/**
 * The machine's faces through fontconfig. A chain name counts as present when a font file has that family, or when
 * the configuration maps it to one (`<alias>` in FONTCONFIG_FILE, as Chromium and LibreOffice honour it): then
 * `fc-match` answers something other than what it answers for a name nobody has. Characters are checked against
 * the face's whole charset, read once per face (`%{charset}`), rather than one `fc-list :charset=` per character:
 * one call instead of thousands on a long speech.
 */
export function fontconfigProbe(run: RunProgram = runProgram): FontProbe {
  let listed: Promise<Map<string, ResolvedFace>> | undefined;
  let fallback: Promise<string> | undefined;
  const match = (name: string) => run('fc-match', ['--format', '%{family}\t%{fontformat}\t%{file}\n', name]);
  const list = () =>
    (listed ??= run('fc-list', ['--format', '%{family}\t%{fontformat}\t%{file}\n']).then((output) => {
      const faces = new Map<string, ResolvedFace>();
      for (const face of parseFcList(output)) {
        const known = faces.get(face.family);
        // A family with both formats (rare) is embedded as TrueType where the chain allows: prefer it.
        if (!known || (known.format !== 'TrueType' && face.format === 'TrueType'))
          faces.set(face.family, { name: face.family, family: face.family, format: face.format });
      }
      return faces;
    }));
  const probe: FontProbe = {
    async resolve(name) {
      const direct = (await list()).get(name);
      if (direct) return { ...direct, name };
      fallback ??= match('lectern-no-such-face');
      const [mapped, nobody] = await Promise.all([match(name), fallback]);
      const first = parseFcList(mapped)[0];
      if (!mapped || mapped === nobody || !first) return null;
      const face = { name, family: first.family, format: first.format };
      // Every chain name is a Chinese face: a substitute with no Han in it is fontconfig's generic fallback for the
      // name's class, not a mapping (Debian's defaults answer DejaVu Serif for SimSun), and the chain goes on. Taken
      // as found, it reported every character of the speech missing.
      if ((await probe.lacking(face, HAN_PROBE)).length === HAN_PROBE.length) return null;
      return face;
    },
    async lacking(face, chars) {
      const charset = await run('fc-list', ['--format', '%{charset}\n', `:family=${face.family}`]);
      if (!charset.trim()) return [];
      // Several files of a family (weights) may differ: a character any of them has is not missing.
      const tests = charset
        .split('\n')
        .filter((line) => line.trim())
        .map(parseCharset);
      return chars.filter((char) => !tests.some((has) => has(char.codePointAt(0)!)));
    },
  };
  return probe;
}

/** Han characters every Chinese face has: a face lacking all of them is no Chinese face. */
const HAN_PROBE = ['的', '国'];

/**
 * The files the chain names are installed as on a Chinese Windows machine (lower case). A chain name missing here
 * is never found on Windows: its family cannot be learned from the file name without parsing the font.
 */
export const WINDOWS_FONT_FILES: Readonly<Record<string, readonly string[]>> = {
  仿宋_GB2312: ['fs_gb2312.ttf', 'simfang_gb2312.ttf'],
  FangSong_GB2312: ['fs_gb2312.ttf', 'simfang_gb2312.ttf'],
  仿宋: ['simfang.ttf'],
  FangSong: ['simfang.ttf'],
  楷体_GB2312: ['simkai_gb2312.ttf', 'kt_gb2312.ttf'],
  KaiTi_GB2312: ['simkai_gb2312.ttf', 'kt_gb2312.ttf'],
  楷体: ['simkai.ttf'],
  KaiTi: ['simkai.ttf'],
  黑体: ['simhei.ttf'],
  SimHei: ['simhei.ttf'],
  方正小标宋简体: ['fzxbsjw.ttf'],
  方正小标宋_GBK: ['fzxbsk.ttf', 'fzxbsgbk.ttf'],
  'FZXiaoBiaoSong-B05S': ['fzxbsjw.ttf'],
  宋体: ['simsun.ttc'],
  SimSun: ['simsun.ttc'],
  'Noto Serif CJK SC': ['notoserifcjksc-regular.otf', 'notoserifcjk-regular.ttc'],
  'Noto Sans CJK SC': ['notosanscjksc-regular.otf', 'notosanscjk-regular.ttc'],
  'Source Han Serif SC': ['sourcehanserifsc-regular.otf'],
  'Source Han Sans SC': ['sourcehansanssc-regular.otf'],
};

let gb2312: Set<string> | undefined;
/** The 6,763 Han characters of GB 2312 (rows 16–87), decoded once through the GBK decoder every Node ships. */
export function gb2312Han(): Set<string> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gbk');
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      if (/\p{Script=Han}/u.test(char)) set.add(char);
    }
  return (gb2312 = set);
}

/**
 * The machine's faces on Windows: the names of the files in `folders` (%WINDIR%\Fonts and the user's font folder)
 * mapped through WINDOWS_FONT_FILES. A `_GB2312` face holds GB 2312's characters only, so the characters it lacks
 * are those outside that set; other faces are taken to have them all (Windows' own are GBK or larger).
 */
export function windowsProbe(folders: readonly string[], list = (dir: string) => readdir(dir)): FontProbe {
  const files = Promise.all(folders.map((dir) => list(dir).catch((): string[] => []))).then(
    (names) => new Map(names.flat().map((name) => [name.toLowerCase(), name])),
  );
  return {
    async resolve(name) {
      const present = await files;
      // Faces installed by hand often keep their Chinese name as the file's (楷体_GB2312.ttf).
      const candidates = [...(WINDOWS_FONT_FILES[name] ?? []), `${name.toLowerCase()}.ttf`];
      const file = candidates.find((candidate) => present.has(candidate));
      if (!file) return null;
      return { name, family: name, format: path.extname(file).toLowerCase() === '.otf' ? 'CFF' : 'TrueType' };
    },
    async lacking(face, chars) {
      if (!/_GB2312$/.test(face.name)) return [];
      const set = gb2312Han();
      return chars.filter((char) => !set.has(char));
    },
  };
}

/** The probe for this machine: the Windows font folders there, fontconfig everywhere else. */
export function systemFontProbe(env: NodeJS.ProcessEnv = process.env, platform = process.platform): FontProbe {
  if (platform !== 'win32') return fontconfigProbe();
  const folders = [path.join(env.WINDIR ?? 'C:\\Windows', 'Fonts')];
  if (env.LOCALAPPDATA) folders.push(path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  return windowsProbe(folders);
}
