/**
 * The foundation's whole-app flows, written once for both hosts (the fixture picks Electron where
 * its binary exists, else the web host in Debian Chromium): type the sample speech, save, reopen
 * from disk; renumber on delete; refuse a corrupted file without touching it; type through an IME.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sampleBlocks, sampleDocJSON, type SampleBlock } from './sample-speech';

/** The editor's document JSON, read through the test handle the web host exposes. */
async function editorJSON(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { lecternEditor: { getJSON(): unknown } }).lecternEditor.getJSON());
}

/** The numbers drawn before each heading, in order. */
async function drawnNumbers(page: Page): Promise<string[]> {
  return page
    .locator('.speech [data-number]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-number') ?? ''));
}

/** Types the sample speech the way a speechwriter does: typed numbers, Enter, run-in toggled, the closing marked. */
async function typeSpeech(page: Page, blocks: SampleBlock[]): Promise<void> {
  const editor = page.getByTestId('editor');
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (const [index, block] of blocks.entries()) {
    if (block.typedNumber) await page.keyboard.insertText(block.typedNumber);
    // The closing remarks are marked once (Ctrl+Alt+J); Enter in them goes on with the closing.
    if (block.type === 'closing' && blocks[index - 1]?.type !== 'closing') await page.keyboard.press('Control+Alt+j');
    await page.keyboard.insertText(block.text);
    if (block.runIn) await page.keyboard.press('Control+Alt+r');
    if (index < blocks.length - 1) await page.keyboard.press('Enter');
  }
}

test('types the sample speech, saves it, and reopens it from disk identical', async ({ app }) => {
  const blocks = sampleBlocks();
  await typeSpeech(app.page, blocks);
  expect(await editorJSON(app.page)).toEqual(sampleDocJSON(blocks));
  expect(await drawnNumbers(app.page)).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '2.', '3.']);
  await expect(app.page.getByTestId('save-state')).toHaveAttribute('data-dirty', 'true');

  const file = path.join(app.tmpDir, '推进会讲话.speech');
  await app.answerDialog('save', file);
  await app.page.keyboard.press('Control+s');
  await expect(app.page.getByTestId('save-state')).toHaveAttribute('data-dirty', 'false');
  await expect.poll(async () => (await app.state()).title).toContain('推进会讲话');
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect(saved.format).toBe('lectern.speech');
  expect(saved.doc).toEqual(sampleDocJSON(blocks));

  await app.page.getByRole('button', { name: '新建', exact: true }).click();
  await expect.poll(() => drawnNumbers(app.page)).toEqual([]);
  await app.answerDialog('open', file);
  await app.page.keyboard.press('Control+o');
  await expect(app.page.locator('.speech h1')).toHaveText(blocks[0]!.text);
  expect(await editorJSON(app.page)).toEqual(saved.doc);
  expect(await drawnNumbers(app.page)).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '2.', '3.']);
  await app.page.screenshot({ path: path.join(app.artifactsDir, 'editor-sample-speech.png'), fullPage: false });
});

test('deleting section 二 renumbers 三 as 二, and undo brings it back', async ({ app }) => {
  const blocks = sampleBlocks();
  await typeSpeech(app.page, blocks);
  const page = app.page;
  const third = page.locator('.speech p[data-number="三、"]');
  // Select section 二, from the start of its heading to the start of section 三's heading.
  await page.evaluate(() => {
    type Handle = {
      view: { posAtDOM(node: Node, offset: number): number };
      commands: { setTextSelection(range: { from: number; to: number }): boolean };
    };
    const editor = (window as unknown as { lecternEditor: Handle }).lecternEditor;
    const at = (label: string) => editor.view.posAtDOM(document.querySelector(`.speech p[data-number="${label}"]`)!, 0);
    editor.commands.setTextSelection({ from: at('二、'), to: at('三、') });
  });
  await page.keyboard.press('Delete');
  await expect(third).toHaveCount(0);
  expect(await drawnNumbers(page)).toEqual(['一、', '（一）', '（二）', '二、', '1.', '2.', '3.']);
  await expect(page.locator('.speech p[data-number="二、"]')).toContainText('强化组织保障');
  await page.keyboard.press('Control+z');
  expect(await drawnNumbers(page)).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '2.', '3.']);
  await expect(page.locator('.speech p[data-number="二、"]')).toContainText('突出工作重点');
});

test('a corrupted file is refused with a message that names the problem, and is left untouched', async ({ app }) => {
  const page = app.page;
  // Files with nothing to salvage are refused; the salvageable one is below.
  const cases: Array<{ name: string; content: string; code: string; text: RegExp }> = [
    {
      name: '损坏.speech',
      content: '{"format":"lectern.speech","version":1,"meta":{',
      code: 'not-json',
      text: /不是有效的 JSON/,
    },
    // A speech typed in a text editor and saved as .speech: told it is text, and how to import it.
    {
      name: '文本.speech',
      content: '在全市工作会议上的讲话\n同志们：\n',
      code: 'plain-text',
      text: /这是文本文件，不是讲稿文件。请把扩展名改为 \.txt，再用“导入”打开它。/,
    },
    {
      name: '新版本.speech',
      content: JSON.stringify({
        format: 'lectern.speech',
        version: 99,
        meta: {},
        placeholders: {},
        doc: { type: 'doc', content: [] },
      }),
      code: 'newer-version',
      text: /更新版本/,
    },
  ];
  for (const { name, content, code, text } of cases) {
    const file = path.join(app.tmpDir, name);
    await writeFile(file, content);
    await app.answerDialog('open', file);
    await page.keyboard.press('Control+o');
    const failure = page.getByTestId('failure');
    await expect(failure).toBeVisible();
    await expect(failure).toHaveAttribute('data-code', code);
    await expect(failure).toContainText(name);
    await expect(failure).toContainText(text);
    await page.getByRole('button', { name: '确定' }).click();
    await expect(failure).toHaveCount(0);
    expect(await readFile(file, 'utf8')).toBe(content);
  }
});

test('a damaged file whose blocks can partly be read opens as an untitled copy that says what was lost, the file untouched', async ({
  app,
}) => {
  const page = app.page;
  const name = '坏节点.speech';
  const content = JSON.stringify({
    format: 'lectern.speech',
    version: 1,
    meta: {},
    placeholders: { values: {}, ignored: [] },
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '留下的标题' }] },
        { type: 'paragraph', attrs: { level: 9 } },
      ],
    },
  });
  const file = path.join(app.tmpDir, name);
  await writeFile(file, content);
  await app.answerDialog('open', file);
  await page.keyboard.press('Control+o');
  const salvaged = page.getByTestId('salvaged');
  await expect(salvaged).toHaveAttribute('data-code', 'invalid-content');
  await expect(salvaged).toContainText(name);
  await expect(salvaged).toContainText('完好 1 段，修复 0 段，丢失 1 段');
  await expect(salvaged).toContainText(/doc\.content\[1\]/);
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('.speech')).toContainText('留下的标题');
  // An untitled copy with unsaved text: saving asks for a new place, never writes over the damaged file.
  await expect.poll(async () => (await app.state()).dirty).toBe(true);
  expect((await app.state()).title).toContain('未命名');
  expect(await readFile(file, 'utf8')).toBe(content);
});

test('Chinese typed through an IME composition lands once, in headings and in body', async ({ app }) => {
  const page = app.page;
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('讲话');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('同志们：');
  await page.keyboard.press('Enter');
  const cdp = await page.context().newCDPSession(page);
  /** Composes pinyin letter by letter, then commits the Han characters, as a real IME does. */
  async function compose(pinyin: string, commit: string): Promise<void> {
    for (let i = 1; i <= pinyin.length; i++) {
      const text = pinyin.slice(0, i);
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: commit });
  }
  await page.keyboard.press('Control+1');
  await compose('tongyi', '统一');
  await compose('sixiang', '思想');
  await page.keyboard.press('Enter');
  await compose('jinnian', '今年');
  await compose('yilai', '以来');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+2');
  await compose('chongfen', '充分');
  await compose('renshi', '认识。');
  await page.keyboard.press('Control+Alt+r');
  await compose('zhengwen', '正文');
  const blocks = (await editorJSON(page)) as {
    content: Array<{ type: string; attrs?: { level: number }; content?: Array<{ text: string }> }>;
  };
  const texts = blocks.content.map((b) => (b.content ?? []).map((c) => c.text).join(''));
  expect(texts.slice(-3)).toEqual(['统一思想', '今年以来', '充分认识。正文']);
  expect(texts.join('')).not.toMatch(/[a-z]/);
  expect(await drawnNumbers(page)).toEqual(['一、', '（一）']);
  await expect(page.locator('.speech .run-in-lead')).toHaveText('充分认识。');
  // Off screen, a block skips its layout (issue 18); the caret's block never does (without that, this test's
  // Enter-then-compose steps lost text and left pinyin in the page).
  const skipping = await page
    .locator('.speech > *')
    .evaluateAll((els) =>
      els.map((el) => [el.classList.contains('has-caret'), getComputedStyle(el).contentVisibility]),
    );
  expect(skipping.filter(([caret]) => caret)).toEqual([[true, 'visible']]);
  expect(skipping.filter(([caret]) => !caret).map(([, visibility]) => visibility)).toEqual(
    Array(skipping.length - 1).fill('auto'),
  );
});
