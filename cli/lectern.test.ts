import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptySpeechFile, serializeSpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { zipHeaderDamage, seeded, withPart } from '../shared/import/mutations';
import { smallReviewedDocx } from '../shared/import/test-reviewed';
import { guardProcess } from './lectern';
import { runCli } from './test-run';

let dir: string;
let speechPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-cli-'));
  const doc = docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['salutation', '同志们：'],
    [1, '统一思想认识'],
    [2, '充分认识重要意义。正文十个汉字在这里。', 'runIn'],
    [1, '突出工作重点'],
    [0, '一要抓好项目建设。'],
    [0, '三要抓好风险防控。'],
  );
  const file = { ...emptySpeechFile(), meta: { speakingRate: 240 }, doc: doc.toJSON() };
  speechPath = path.join(dir, '讲话.speech');
  await writeFile(speechPath, serializeSpeechFile(file));
});

/**
 * Runs the CLI in this process; the app's settings (and so the language) come from `userData`, a folder of the test's
 * own.
 */
const run = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(argv, { LECTERN_USER_DATA: path.join(dir, 'user-data'), ...env });

/** The kinds of the entries `lectern outline --json` printed, in order. */
const kinds = (stdout: string) => JSON.parse(stdout).entries.map((e: { kind: string }) => e.kind);
/** The sample speech's outline: its three sections, then its closing remarks, an entry of their own (issue 12). */
const THREE_SECTIONS_AND_CLOSING = ['heading', 'heading', 'heading', 'closing'];

describe('lectern check', () => {
  it('lists the placeholders left with counts and places, the enumeration gaps, and exits 1', async () => {
    const { status, stdout } = await run(['check', speechPath]);
    expect(status).toBe(1);
    expect(stdout).toContain('占位符 1 处待填');
    expect(stdout).toContain('  XX工作 ×1');
    expect(stdout).toContain('    第1段 在全市XX工作推进会上的讲话');
    expect(stdout).toContain('提纲缺项 (enumeration gap): 二、突出工作重点 缺二要');
  });

  it('answers JSON with positions and context', async () => {
    const { status, stdout } = await run(['check', speechPath, '--json']);
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      placeholders: [
        {
          token: 'XX工作',
          count: 1,
          occurrences: [{ paragraph: 1, offset: 3, context: '在全市XX工作推进会上的讲话' }],
        },
      ],
      remaining: 1,
      gaps: [{ section: '二、突出工作重点', missing: ['二要'] }],
    });
  });

  it('exits 0 when nothing is left to fill', async () => {
    const clean = path.join(dir, 'clean.speech');
    await writeFile(
      clean,
      serializeSpeechFile({
        ...emptySpeechFile(),
        doc: docOf(['title', '在全市工作推进会上的讲话'], [1, '统一思想']).toJSON(),
      }),
    );
    const { status, stdout } = await run(['check', clean]);
    expect(status).toBe(0);
    expect(stdout).toContain('没有待填的占位符');
  });
});

describe('lectern export', () => {
  it('writes a DOCX beside the file, warning about placeholders left', async () => {
    const { status, stdout, stderr } = await run(['export', speechPath, '--to', 'docx', '--profile', 'speech']);
    expect(status).toBe(0);
    const target = path.join(dir, '讲话.docx');
    expect(stdout.trim()).toBe(target);
    expect(stderr).toContain('1 处占位符待填');
    const bytes = await readFile(target);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown profile or format with a clear message', async () => {
    expect((await run(['export', speechPath, '--profile', 'huge'])).stderr).toContain(
      'choose gbt9704, speech or large',
    );
    expect((await run(['export', speechPath, '--to', 'odt'])).stderr).toContain('choose docx, pdf, md or txt');
  });

  it('writes Markdown and plain text with the numbers as text', async () => {
    await run(['export', speechPath, '--to', 'md']);
    expect(await readFile(path.join(dir, '讲话.md'), 'utf8')).toContain('## 一、统一思想认识');
    await run(['export', speechPath, '--to', 'txt', '-o', path.join(dir, 'out.txt')]);
    expect(await readFile(path.join(dir, 'out.txt'), 'utf8')).toContain('　　（一）充分认识重要意义。');
  });

  it('writes a PDF through Chromium', async () => {
    const { status } = await run(['export', speechPath, '--to', 'pdf']);
    expect(status).toBe(0);
    expect((await readFile(path.join(dir, '讲话.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

describe('lectern import', () => {
  it('finds a reviewed DOCX not ready to go out while its tracked changes and comments remain (exit 1)', async () => {
    const source = path.join(dir, '待审.docx');
    await writeFile(source, await smallReviewedDocx('王建国', '市委办'));
    const { status, stdout } = await run(['check', source]);
    expect(status).toBe(1);
    expect(stdout).toContain('没有待填的占位符');
    expect(stdout).toContain(
      '未处理的修订 2 处、批注 1 条 (2 tracked changes, 1 comments not dealt with)：王建国、市委办',
    );
    const json = JSON.parse((await run(['check', source, '--json'])).stdout);
    expect(json.review).toEqual({ insertions: 1, deletions: 1, moves: 0, authors: ['王建国', '市委办'], comments: 1 });
    expect(json.remaining).toBe(0);
  }, 30_000);

  it('says what a reviewed DOCX’s tracked changes and comments were, since the speech cannot keep them', async () => {
    const source = path.join(dir, '送审稿.docx');
    await writeFile(source, await smallReviewedDocx('王建国', '市委办'));
    const { status, stdout, stderr } = await run(['import', source]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(path.join(dir, '送审稿.speech'));
    expect(stderr).toBe(
      'lectern: 此文件含修订 2 处（插入 1，删除 1，移动 0；作者：王建国、市委办），批注 1 条。' +
        '讲稿尚不能保留修订和批注：导入的是接受全部修订后的文本，批注不会导入。原文件不变。\n',
    );
  }, 30_000);

  it('imports the scraped web page text as a speech, reporting each cleanup step', async () => {
    const source = path.join(dir, 'scraped.txt');
    await writeFile(source, await readFile(path.resolve('../shared/fixtures/push-meeting.scraped.txt')));
    const { status, stdout, stderr } = await run(['import', source, '--report']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(path.join(dir, 'scraped.speech'));
    // The steps as the import report names them, in Chinese, never their English ids.
    expect(stderr).toMatch(/^删除汉字后的拼音注音：\d+ 处$/m);
    expect(stderr).toContain('删除网页杂项（关键词、发布时间/来源/点击、相关热词、版权信息、单独网址）：4 处');
    expect(stderr).not.toMatch(/[a-z]/);
    const outline = await run(['outline', path.join(dir, 'scraped.speech'), '--json']);
    expect(
      JSON.parse(outline.stdout).entries.map((e: { label: string; text: string }) => `${e.label}${e.text}`),
    ).toEqual([
      '一、统一思想认识，切实增强做好XX工作的责任感紧迫感',
      '二、突出工作重点，全力推动各项任务落地见效',
      '三、强化组织保障，确保各项决策部署落到实处',
      // The closing remarks are an entry of their own, after the last section (issue 12).
      '同志们，做好下半年XX工作，任务艰巨、责任重大。',
    ]);
    expect(kinds(outline.stdout)).toEqual(THREE_SECTIONS_AND_CLOSING);
  });

  it('lets outline and check read .txt and .docx directly', async () => {
    const txt = path.join(dir, 'sample.txt');
    await writeFile(txt, await readFile(path.resolve('../shared/fixtures/push-meeting.txt')));
    expect((await run(['check', txt])).stdout).toContain('占位符 22 处待填');
    await run(['export', txt, '--to', 'docx', '-o', path.join(dir, 'sample.docx')]);
    const fromDocx = await run(['outline', path.join(dir, 'sample.docx'), '--json']);
    // Three sections and the closing: our DOCX's Closing style brings it back as the closing.
    expect(kinds(fromDocx.stdout)).toEqual(THREE_SECTIONS_AND_CLOSING);
  });

  it('refuses an empty file, a corrupt DOCX and an unknown type, naming the file', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    expect((await run(['import', empty])).stderr).toBe('lectern: empty.txt：文件是空的。\n');
    const bad = path.join(dir, 'bad.docx');
    await writeFile(bad, 'not a zip');
    expect((await run(['import', bad])).stderr).toBe('lectern: bad.docx：不是 Word 文档（.docx）。\n');
    const odd = path.join(dir, 'a.pdf');
    await writeFile(odd, '%PDF');
    const result = await run(['import', odd]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('a.pdf：不支持此文件类型。');
  });
});

describe('lectern outline', () => {
  it('prints the numbered tree with lengths, times, gaps and the total', async () => {
    const { status, stdout } = await run(['outline', speechPath]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('在全市XX工作推进会上的讲话');
    expect(lines[1]).toMatch(/^一、统一思想认识 {2}\(\d+字 \d+′\d\d″\)$/);
    expect(lines[2]).toMatch(/^ {2}（一）充分认识重要意义。 {2}\(\d+字/);
    expect(lines[3]).toMatch(/^二、突出工作重点 .*\[缺二要\]$/);
    expect(lines[4]).toMatch(/^ {2}· 一要抓好项目建设。/);
    expect(lines.at(-1)).toMatch(/^合计 \d+字 \d+′\d\d″（语速 240字\/分钟）$/);
  });

  it('prints JSON with characters and seconds at the document’s rate', async () => {
    const { status, stdout } = await run(['outline', speechPath, '--json']);
    expect(status).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.rate).toBe(240);
    expect(data.entries.map((e: { label: string }) => e.label)).toEqual(['一、', '二、']);
    expect(data.entries[0].children[0]).toMatchObject({
      kind: 'heading',
      level: 2,
      label: '（一）',
      text: '充分认识重要意义。',
    });
    const first = data.entries[0];
    // 一 + 统一思想认识 (6) + （一） 一 + 充分认识重要意义 (8) + 正文十个汉字在这里 (9)
    expect(first.characters).toBe(1 + 6 + 1 + 8 + 9);
    expect(first.seconds).toBe(Math.round(((1 + 6 + 1 + 8 + 9) / 240) * 60));
    expect(data.entries[1].gaps).toEqual(['二要']);
  });

  it('names the file and the problem when it cannot read it, with exit status 2', async () => {
    const missing = await run(['outline', path.join(dir, 'nope.speech')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.speech');
    const broken = path.join(dir, 'broken.speech');
    await writeFile(broken, '{"format":');
    const result = await run(['outline', broken]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lectern: broken.speech：文件已损坏：内容不是有效的 JSON。\n');
    expect(await readFile(broken, 'utf8')).toBe('{"format":');
  });

  it('explains its usage for an unknown command', async () => {
    const result = await run(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('lectern outline FILE');
  });

  it('runs from the bin script with plain Node', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      path.resolve('bin/lectern.mjs'),
      'outline',
      speechPath,
      '--json',
    ]);
    expect(JSON.parse(stdout).entries).toHaveLength(2);
  });
});

describe('lectern fill', () => {
  const template = async (name: string) => {
    const file = path.join(dir, name);
    const doc = docOf(
      ['title', '在全市XX工作推进会上的讲话'],
      ['salutation', '同志们：'],
      [0, '刚才，XX同志通报了情况，{{单位名称}}作了发言。'],
      [1, '推动X市发展'],
    );
    await writeFile(file, serializeSpeechFile({ ...emptySpeechFile(), doc: doc.toJSON() }));
    return file;
  };

  it('fills by the panel’s rules, keeping the word the blank stands in, prints each change, and exits 1 while any remain', async () => {
    const file = await template('fill.speech');
    const { status, stdout } = await run([
      'fill',
      file,
      '--set',
      'XX同志=王建国',
      '--set',
      '{{单位名称}}=临江市总工会',
      '--set',
      'X市=临江市',
    ]);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'XX同志 → 第3段 刚才，XX同志通报了情况，{{单位名称}}作了… ⟶ 刚才，王建国同志通报了情况，{{单位名称}}作了…',
    );
    expect(stdout).toContain('X市 → 第4段 推动X市发展 ⟶ 推动临江市发展');
    expect(stdout).toContain('占位符 1 处待填');
    expect(stdout).toContain('  XX工作 ×1');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    const texts = saved.doc.content.map((b: { content?: Array<{ text: string }> }) => b.content?.[0]?.text);
    expect(texts).toEqual([
      '在全市XX工作推进会上的讲话',
      '同志们：',
      '刚才，王建国同志通报了情况，临江市总工会作了发言。',
      '推动临江市发展',
    ]);
    expect(saved.placeholders.values).toEqual({ 单位名称: '临江市总工会' });
    const done = await run(['fill', file, '--set', 'XX工作=招商引资', '-o', path.join(dir, 'filled.speech')]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('没有待填的占位符');
    expect(JSON.parse(await readFile(path.join(dir, 'filled.speech'), 'utf8')).doc.content[0].content[0].text).toBe(
      '在全市招商引资工作推进会上的讲话',
    );
  });

  it('refuses bad input with exit status 2 and leaves the file untouched', async () => {
    const file = await template('bad.speech');
    const before = await readFile(file, 'utf8');
    for (const args of [
      ['fill', file],
      ['fill', file, '--set', 'XX同志'],
      ['fill', file, '--set', '=王建国'],
      ['fill', path.join(dir, 'missing.speech'), '--set', 'X=1'],
    ]) {
      const { status, stderr } = await run(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^lectern: /);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('what the command line says when something is wrong (issue 21; issue 12, item 9)', () => {
  async function docxOf(name: string, damage: (docx: Uint8Array) => Promise<Uint8Array> | Uint8Array): Promise<string> {
    const txt = path.join(dir, 'for-docx.txt');
    await writeFile(txt, await readFile(path.resolve('../shared/fixtures/push-meeting.txt')));
    const docx = path.join(dir, 'for-damage.docx');
    expect((await run(['export', txt, '--to', 'docx', '-o', docx])).status).toBe(0);
    const file = path.join(dir, name);
    await writeFile(file, await damage(new Uint8Array(await readFile(docx))));
    return file;
  }

  it('refuses a DOCX whose compressed data does not match its directory in one Chinese line, exit 2', async () => {
    const file = await docxOf(
      '尺寸不符.docx',
      (docx) => zipHeaderDamage(docx, 'word/document.xml', seeded(1))[0]!.bytes,
    );
    const result = await run(['import', file, '-o', path.join(dir, 'never.speech')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lectern: 尺寸不符.docx：文件已损坏：压缩数据不完整。\n');
    await expect(readFile(path.join(dir, 'never.speech'))).rejects.toThrow();
  });

  it('refuses a DOCX whose XML is cut off as a damaged structure, the parser’s words only with LECTERN_DEBUG', async () => {
    const file = await docxOf('截断.docx', async (docx) => {
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      return withPart(docx, 'word/document.xml', xml.slice(0, xml.length >> 1));
    });
    const plain = await run(['outline', file]);
    expect([plain.status, plain.stderr]).toEqual([2, 'lectern: 截断.docx：文档结构有误，无法读取。\n']);
    const debug = await run(['outline', file], { LECTERN_DEBUG: '1' });
    expect(debug.stderr).toMatch(
      /^lectern: 截断\.docx：文档结构有误，无法读取。\n详细信息：the Word document could not be read \(.*xmldom/,
    );
  });

  it('says a text file named .speech is text, and how to import it', async () => {
    const file = path.join(dir, '改了扩展名.speech');
    await writeFile(file, await readFile(path.resolve('../shared/fixtures/push-meeting.txt')));
    const result = await run(['outline', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'lectern: 改了扩展名.speech：这是文本文件，不是讲稿文件。请把扩展名改为 .txt，再用“导入”打开它。\n',
    );
  });

  it('reports an export to a folder that does not exist in one line and exit 2, not a stack trace', async () => {
    const result = await run(['export', speechPath, '--to', 'docx', '-o', '/nonexistent/dir/x.docx']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lectern: 无法写入“/nonexistent/dir/x.docx”：文件夹不存在。\n');
  });

  it('reports a fill whose -o folder does not exist in the same one line', async () => {
    const result = await run(['fill', speechPath, '--set', 'XX工作=招商引资', '-o', '/nonexistent/dir/x.speech']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lectern: 无法写入“/nonexistent/dir/x.speech”：文件夹不存在。\n');
  });

  it('speaks the UI language the user chose in the app', async () => {
    const userData = path.join(dir, 'english-user');
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ language: 'en' }));
    const empty = path.join(dir, 'leer.txt');
    await writeFile(empty, '');
    const result = await run(['import', empty], { LECTERN_USER_DATA: userData });
    expect(result.stderr).toBe('lectern: leer.txt: The file is empty.\n');
  });

  it('turns an error thrown where no try reaches into one line and exit status 2', () => {
    const listeners = new Map<string, (error: unknown) => void>();
    const exits: number[] = [];
    let stderr = '';
    const proc = {
      on: (event: string, listener: (error: unknown) => void) => listeners.set(event, listener),
      exit: (code: number) => exits.push(code),
    };
    guardProcess(proc, (t) => (stderr += t), 'zh-CN', {});
    listeners.get('uncaughtException')!(new Error('Bug : uncompressed data size mismatch'));
    listeners.get('unhandledRejection')!('no reason');
    expect(exits).toEqual([2, 2]);
    expect(stderr.split('\n')).toEqual([
      'lectern: 发生意外错误（Error），未写入任何文件。请报告此问题；设置 LECTERN_DEBUG=1 可显示详细信息。',
      'lectern: 发生意外错误（string），未写入任何文件。请报告此问题；设置 LECTERN_DEBUG=1 可显示详细信息。',
      '',
    ]);
  });

  it('the lectern command itself prints no stack trace for a damaged DOCX', async () => {
    const file = await docxOf('命令行.docx', (docx) => zipHeaderDamage(docx, 'word/document.xml', seeded(2))[6]!.bytes);
    const { code, stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.resolve('bin/lectern.mjs'), 'import', file],
      {
        env: { ...process.env, LECTERN_USER_DATA: path.join(dir, 'user-data') },
      },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect([code, stdout, stderr]).toEqual([2, '', 'lectern: 命令行.docx：文件已损坏：压缩数据不完整。\n']);
  }, 60_000);
});
