import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptySpeechFile, serializeSpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { runCli } from './test-run';

// The font check of `lectern export` (issue 14, item 9) on this machine's fontconfig with ../shared/fonts.conf
// (test-fonts.ts), where 楷体_GB2312 is AR PL KaitiM GB, a GB2312 face, 方正小标宋简体 is Noto Serif CJK SC (CFF) and the
// title chain's 宋体 is AR PL SungtiL GB (TrueType).
let dir: string;
let speechPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-fonts-'));
  const doc = docOf(['title', '在全市工作会议上的讲话'], ['byline', '王堃'], [0, '请张喆同志发言。']);
  speechPath = path.join(dir, '讲话.speech');
  await writeFile(speechPath, serializeSpeechFile({ ...emptySpeechFile(), doc: doc.toJSON() }));
});

const run = (argv: string[], userData = 'user-data') => runCli(argv, { LECTERN_USER_DATA: path.join(dir, userData) });

describe('lectern export’s font check', () => {
  it('warns on stderr of the characters a face lacks and still exports with exit 0', async () => {
    const { status, stdout, stderr } = await run(['export', speechPath, '--to', 'docx']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${path.join(dir, '讲话.docx')}\n`);
    expect(stderr).toContain('lectern: 字体：署名、二级标题 楷体_GB2312（本机以 AR PL KaitiM GB 显示）\n');
    expect(stderr).toContain('lectern: 缺字：堃、喆（楷体_GB2312 中没有）\n');
    // A DOCX embeds no fonts: the CFF warning is for a PDF.
    expect(stderr).not.toContain('CFF');
    expect((await readFile(path.join(dir, '讲话.docx'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('with --fonts prints only the check, CFF included, and writes nothing', async () => {
    const target = path.join(dir, 'none.docx');
    const { status, stdout, stderr } = await run(['export', speechPath, '--fonts', '-o', target]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      '字体：标题 方正小标宋简体（本机以 Noto Serif CJK SC 显示）',
      '标题字体 Noto Serif CJK SC 为 CFF 格式，PDF 改用同一字体链中的 AR PL SungtiL GB（TrueType）嵌入',
      '字体：署名、二级标题 楷体_GB2312（本机以 AR PL KaitiM GB 显示）',
      '缺字：堃、喆（楷体_GB2312 中没有）',
      '字体：正文、三级标题、四级标题 仿宋_GB2312（本机以 AR PL UKai CN 显示）',
      '字体：一级标题 黑体（本机以 WenQuanYi Zen Hei 显示）',
      '',
    ]);
    await expect(readFile(target)).rejects.toThrow();
  });

  it("embeds no Type 3 font in a PDF: the title's CFF face gives way to the TrueType 宋体 of its chain", async () => {
    const target = path.join(dir, '讲话.pdf');
    const { status } = await run(['export', speechPath, '--to', 'pdf', '-o', target]);
    expect(status).toBe(0);
    const fonts = execFileSync('pdffonts', [target]).toString().trim().split('\n').slice(2);
    expect(fonts.filter((row) => /Type 3/.test(row))).toEqual([]);
    expect(fonts.some((row) => /BousungEG-Light-GB\s+CID TrueType/.test(row))).toBe(true);
  });

  it('speaks English when the app does', async () => {
    await mkdir(path.join(dir, 'english'));
    await writeFile(path.join(dir, 'english', 'settings.json'), JSON.stringify({ language: 'en' }));
    const { stdout } = await run(['export', speechPath, '--fonts', '--to', 'pdf'], 'english');
    expect(stdout).toContain('Missing characters: 堃, 喆 (not in 楷体_GB2312)\n');
    expect(stdout).toContain(
      'Title face Noto Serif CJK SC is CFF: the PDF embeds AR PL SungtiL GB from the same chain instead (TrueType)',
    );
    expect(stdout).not.toMatch(/字体|缺字/);
  });
});
