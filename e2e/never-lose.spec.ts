/**
 * Never lose a word, end to end. The crash tests run the web host themselves, so that they can
 * kill it with SIGKILL (no shutdown code runs: what survives is what was on disk) and start it
 * again on the same user-data folder. The rest use the `app` fixture: a file changed by another
 * program while clean and while dirty, a save that meets someone else's change, and History (its
 * versions told apart, counted as the status bar counts, any two compared with heading numbers).
 */
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  expect,
  openBlankSpeech,
  startWebHost,
  stopProcess,
  test,
  type App,
} from './fixtures';

type EditorHandle = { getJSON(): unknown; getText(): string; commands: { focus(position: string): void } };
const editorText = (page: Page) =>
  page.evaluate(() => (window as unknown as { lecternEditor: EditorHandle }).lecternEditor.getText());

/** A block of a speech file: a kind with its text, or a paragraph's level (0 body, 1–4 headings) with its text. */
type Block = ['title' | 'salutation', string] | [number, string];

/** A speech file of `blocks`. */
function speechFileOf(...blocks: Block[]): string {
  const content = blocks.map(([kind, text]) => {
    const inline = [{ type: 'text', text }];
    if (typeof kind === 'number') return { type: 'paragraph', attrs: { level: kind, runIn: false }, content: inline };
    return { type: kind, content: inline };
  });
  const placeholders = { values: {}, ignored: [] };
  return JSON.stringify({
    format: 'lectern.speech',
    version: 1,
    meta: {},
    placeholders,
    doc: { type: 'doc', content },
  });
}

/** A speech file with a title and one body paragraph. */
function speechFile(title: string, body: string): string {
  return speechFileOf(['title', title], [0, body]);
}

/** The texts of the backups in the recovery folder. */
async function backups(userData: string): Promise<string[]> {
  const dir = path.join(userData, 'recovery');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names.filter((n) => n.endsWith('.json')).map((n) => readFile(path.join(dir, n), 'utf8').catch(() => '')),
  );
}

/** A web host and a Chromium page on it, on `userData`. */
async function launch(
  userData: string,
): Promise<{ page: Page; browser: Browser; host: Awaited<ReturnType<typeof startWebHost>> }> {
  const host = await startWebHost(userData);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(host.url);
  await openBlankSpeech(page);
  return { page, browser, host };
}

test.describe('after a crash (SIGKILL of the host)', () => {
  let userData: string;
  test.beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'lectern-crash-'));
  });
  test.afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  test('the text typed before the backup is offered at the next start and restored exactly', async () => {
    const first = await launch(userData);
    const { page } = first;
    await page.locator('.speech').click();
    await page.keyboard.type('在全市工作会议上的讲话');
    await page.keyboard.press('Enter');
    await page.keyboard.type('同志们：');
    await page.keyboard.press('Enter');
    await page.keyboard.type('这是崩溃前的最后一句。');
    const typed = await editorText(page);
    const stoppedAt = Date.now();
    // The backup follows the pause in typing.
    await expect
      .poll(async () => (await backups(userData)).some((b) => b.includes('这是崩溃前的最后一句。')), {
        timeout: 10_000,
        intervals: [100],
      })
      .toBe(true);
    const backupAfterMs = Date.now() - stoppedAt;
    first.host.process.kill('SIGKILL');
    await new Promise((resolve) => first.host.process.once('exit', resolve));
    await first.browser.close();

    const second = await launch(userData);
    try {
      const entry = second.page.getByTestId('recovery-entry');
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText('在全市工作会议上的讲话');
      await entry.getByRole('button', { name: '恢复', exact: true }).click();
      await expect(second.page.getByTestId('recovery-list')).toHaveCount(0);
      expect(await editorText(second.page)).toBe(typed);
      await expect(second.page.locator('.status-bar')).toContainText('未保存');
      test.info().annotations.push({ type: 'backup after the last keystroke', description: `${backupAfterMs} ms` });
      console.log(`never-lose: backup on disk ${backupAfterMs} ms after typing stopped`);
    } finally {
      await second.browser.close();
      await stopProcess(second.host.process);
    }
  });

  test('typing without a pause loses at most the last ten seconds', async () => {
    const first = await launch(userData);
    const { page } = first;
    await page.locator('.speech').click();
    // One character every 200 ms for 14 s, never pausing long enough for the pause backup.
    const INTERVAL = 200;
    const started = Date.now();
    let typed = 0;
    while (Date.now() - started < 14_000) {
      await page.keyboard.insertText('字');
      typed++;
      await page.waitForTimeout(INTERVAL);
    }
    first.host.process.kill('SIGKILL');
    await new Promise((resolve) => first.host.process.once('exit', resolve));
    const elapsed = Date.now() - started;
    await first.browser.close();

    const second = await launch(userData);
    try {
      await second.page.getByTestId('recovery-entry').getByRole('button', { name: '恢复', exact: true }).click();
      await expect(second.page.getByTestId('recovery-list')).toHaveCount(0);
      const recovered = (await editorText(second.page)).replace(/\s/g, '');
      expect(recovered).toMatch(/^字+$/);
      const lostSeconds = ((typed - recovered.length) * elapsed) / typed / 1000;
      console.log(
        `never-lose: typed ${typed} characters in ${(elapsed / 1000).toFixed(1)} s without pausing; SIGKILL lost ${typed - recovered.length} (${lostSeconds.toFixed(1)} s of typing)`,
      );
      test.info().annotations.push({ type: 'typing lost to SIGKILL', description: `${lostSeconds.toFixed(1)} s` });
      expect(recovered.length).toBeGreaterThan(0);
      expect(lostSeconds).toBeLessThanOrEqual(11);
    } finally {
      await second.browser.close();
      await stopProcess(second.host.process);
    }
  });
});

/**
 * Writes 讲话.speech with `title` and `body` (or the speech file `content` with that title) in the
 * test's folder and opens it through File → Open; answers its path.
 */
async function openSpeech(
  app: { page: Page; tmpDir: string; answerDialog(kind: 'open' | 'save', file: string | null): Promise<void> },
  title: string,
  body: string,
  content = speechFile(title, body),
): Promise<string> {
  const file = path.join(app.tmpDir, '讲话.speech');
  await writeFile(file, content);
  await app.answerDialog('open', file);
  await app.page.keyboard.press('Control+o');
  await expect(app.page.locator('.speech')).toContainText(title);
  return file;
}

/** Types `text` at the end of the last paragraph. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.speech p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('a file changed by another program while clean is offered for reload', async ({ app }) => {
  const { page } = app;
  const file = await openSpeech(app, '原来的标题', '原来的正文。');
  await writeFile(file, speechFile('同事改过的标题', '同事改过的正文。'));
  // The watcher asks every few seconds, and when the window gains focus.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText('已被其他程序修改。是否重新载入？')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '重新载入' }).click();
  await expect(page.locator('.speech')).toContainText('同事改过的正文。');
  await expect.poll(async () => (await app.state()).dirty).toBe(false);
});

test('a file changed while there are unsaved edits is never reloaded silently: compare, keep mine', async ({ app }) => {
  const { page } = app;
  const file = await openSpeech(app, '原来的标题', '原来的正文。');
  await typeAtEnd(page, '我加的一句。');
  await writeFile(file, speechFile('原来的标题', '同事改过的正文。'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('您也有未保存的修改', { timeout: 10_000 });
  await dialog.getByRole('button', { name: '比较' }).click();
  await expect(dialog.getByTestId('compare')).toContainText('同事改过的正文。');
  await expect(dialog.getByTestId('compare')).toContainText('我加的一句。');
  await dialog.getByRole('button', { name: '保留我的版本' }).click();
  await expect(page.locator('.speech')).toContainText('我加的一句。');
  // The text on disk is still the colleague's until the user saves.
  expect(await readFile(file, 'utf8')).toContain('同事改过的正文。');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await readFile(file, 'utf8')).includes('我加的一句。')).toBe(true);
});

test('saving over a file someone else changed shows the conflict and writes nothing until the user chooses', async ({
  app,
}) => {
  const { page } = app;
  const file = await openSpeech(app, '原来的标题', '原来的正文。');
  await typeAtEnd(page, '我的修改。');
  const theirs = speechFile('原来的标题', '同事的修改。');
  await writeFile(file, theirs);
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('本次未保存');
  expect(await readFile(file, 'utf8')).toBe(theirs);
  // Take theirs: the colleague's text replaces mine (one undo brings mine back), saved.
  await dialog.getByRole('button', { name: '采用磁盘上的版本' }).click();
  await expect(page.locator('.speech')).toContainText('同事的修改。');
  await expect.poll(async () => (await app.state()).dirty).toBe(false);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.speech')).toContainText('我的修改。');
});

test('History keeps a version per save and a named one, compares and restores as one undo step', async ({ app }) => {
  const { page } = app;
  await openSpeech(app, '讲话', '第一稿。');
  await typeAtEnd(page, '第二稿加的。');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await app.state()).dirty).toBe(false);
  await app.sendCommand({ command: 'keepVersion' });
  const history = page.getByTestId('history');
  await history.getByLabel('版本名称').fill('送审稿');
  await history.getByRole('button', { name: '保留', exact: true }).click();
  await expect(history.getByTestId('history-message')).toContainText('送审稿');
  await typeAtEnd(page, '第三稿加的。');
  await page.keyboard.press('Control+s');
  await expect(history.getByTestId('history-entry')).toHaveCount(3);
  // Compare the named version with the current text, then restore it.
  const named = history.getByTestId('history-entry').filter({ hasText: '送审稿' });
  await named.getByRole('button', { name: '比较', exact: true }).click();
  await expect(history.getByTestId('compare-summary')).toContainText('修改 1 段');
  await history.getByRole('button', { name: '返回列表' }).click();
  await named.getByRole('button', { name: '恢复为当前文本' }).click();
  await expect(page.locator('.speech')).not.toContainText('第三稿加的。');
  await expect(page.locator('.speech')).toContainText('第二稿加的。');
  await expect.poll(async () => (await app.state()).dirty).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.speech')).toContainText('第三稿加的。');
});

test.describe('History (issue 12, item 7): counted as the status bar, versions told apart, any two compared, heading numbers', () => {
  /** The status bar's count, as a number. */
  const statusCount = async (page: Page) =>
    Number((await page.getByTestId('char-count').textContent())!.match(/\d+/)![0]);
  /**
   * Saves with Ctrl+S and waits until the file is clean, then past the second (two saves in one
   * second would share a time even with seconds).
   */
  const save = async (app: { page: Page; state(): Promise<{ dirty: boolean }> }) => {
    await app.page.keyboard.press('Control+s');
    await expect.poll(async () => (await app.state()).dirty).toBe(false);
    await app.page.waitForTimeout(1100);
  };

  /**
   * Opens a speech with punctuation, a year and two sections, and saves it three times within a
   * minute: with a sentence added, another, then a new first section (统一思想认识 becomes 二、,
   * 强化责任落实 三、). Opens History; answers the status bar's count after each save, oldest first.
   */
  async function threeSaves(app: Parameters<typeof openSpeech>[0] & Pick<App, 'state' | 'sendCommand'>) {
    const { page } = app;
    const title = '在全市工作推进会上的讲话';
    // Punctuation, a year and headings: where counting every character of the text and the status
    // bar's count (punctuation 0, a run of digits 1, heading numbers in) part ways.
    const content = speechFileOf(
      ['title', title],
      ['salutation', '同志们：'],
      [0, '今年以来，全市上下认真贯彻2026年工作部署，取得了新成效！'],
      [1, '统一思想认识'],
      [0, '要抓好项目建设。'],
      [1, '强化责任落实'],
      [0, '要压实责任。'],
    );
    await openSpeech(app, title, '', content);
    await typeAtEnd(page, '第二稿。');
    await save(app);
    const counts = [await statusCount(page)];
    await typeAtEnd(page, '第三稿加的句子。');
    await save(app);
    counts.push(await statusCount(page));
    // The paragraph's last line (its centre can be either of its two lines' edge), then that line's end.
    const opening = page.locator('.speech p', { hasText: '今年以来' });
    const { height } = (await opening.boundingBox())!;
    await opening.click({ position: { x: 40, y: height - 8 } });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('新增一节');
    await page.keyboard.press('Control+1');
    await expect(page.locator('.speech p[data-number]')).toHaveCount(3);
    await save(app);
    counts.push(await statusCount(page));
    await app.sendCommand({ command: 'toggleHistory' });
    await expect(page.getByTestId('history').getByTestId('history-entry')).toHaveCount(3);
    return counts;
  }
  /** The first line of each listed version (kind, name, time), newest first. */
  const heads = (page: Page) =>
    page
      .getByTestId('history-entry')
      .evaluateAll((els) => els.map((el) => el.querySelector('div')!.textContent!.trim()));

  test('each version counts as the status bar counted the same text', async ({ app }) => {
    const counts = await threeSaves(app);
    const entries = app.page.getByTestId('history-entry');
    // The second line of each entry: 「932字 · 2.1 KB · +5 字」.
    const listed = await entries.evaluateAll((els) =>
      els.map((el) => Number(el.querySelectorAll('div')[1]!.textContent!.match(/(\d+)\s*字/)![1])),
    );
    expect(listed).toEqual([...counts].reverse());
  });

  test('three saves in one minute are told apart: the kind, a time with seconds, the change in length', async ({
    app,
  }) => {
    const counts = await threeSaves(app);
    const entries = app.page.getByTestId('history-entry');
    await app.page.screenshot({ path: path.join(app.artifactsDir, 'history-list.png') });
    const shown = await heads(app.page);
    expect(new Set(shown).size).toBe(3);
    // Seconds where a minute is shared: the three saves take a few seconds, so at least two share one
    // (all three unless a minute turned between them).
    for (const head of shown) expect(head).toMatch(/^保存 \d\d:\d\d(:\d\d)?$/);
    expect(shown.filter((head) => /:\d\d:\d\d$/.test(head)).length).toBeGreaterThanOrEqual(2);
    await expect(entries.nth(0)).toContainText(`+${counts[2]! - counts[1]!} 字`);
    await expect(entries.nth(1)).toContainText(`+${counts[1]! - counts[0]!} 字`);
  });

  test('any two versions are compared, a base and a target, not only one with the current text', async ({ app }) => {
    await threeSaves(app);
    const history = app.page.getByTestId('history');
    const shown = await heads(app.page);
    await history.getByTestId('history-entry').nth(2).getByRole('button', { name: /比较/ }).click();
    await expect(history.getByLabel('基准版本').locator('option:checked')).toHaveText(shown[2]!);
    await expect(history.getByLabel('目标版本').locator('option:checked')).toHaveText('当前文本');
    // The first save against the second.
    await history.getByLabel('目标版本').selectOption({ label: shown[1]! });
    const compare = history.getByTestId('compare');
    await expect(history.getByTestId('compare-summary')).toContainText(`${shown[2]} → ${shown[1]}`);
    await expect(compare.locator('ins')).toHaveText(['第三稿加的句子。']);
    await expect(compare).not.toContainText('新增一节');
    // The second against the third, the base chosen too.
    await history.getByLabel('基准版本').selectOption({ label: shown[1]! });
    await history.getByLabel('目标版本').selectOption({ label: shown[0]! });
    await expect(history.getByTestId('compare-summary')).toContainText(`${shown[1]} → ${shown[0]}`);
    // Only the new section: the sentence the second save added is in both.
    await expect(compare.locator('[data-kind="added"]')).toHaveCount(1);
    await expect(compare.locator('[data-kind="added"]')).toContainText('新增一节');
    await expect(compare.locator('[data-kind="changed"], [data-kind="removed"]')).toHaveCount(0);
  });

  test('the compare view and a viewed version show heading numbers as the editor draws them, each side its own', async ({
    app,
  }) => {
    await threeSaves(app);
    const { page } = app;
    const drawn = await page
      .locator('.speech p[data-number]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-number')));
    expect(drawn).toEqual(['一、', '二、', '三、']);
    const history = page.getByTestId('history');
    // The first save against the current text.
    await history.getByTestId('history-entry').nth(2).getByRole('button', { name: /比较/ }).click();
    const rows = history.getByTestId('compare').locator('.compare p');
    await expect(rows.filter({ hasText: '新增一节' })).toHaveText('一、新增一节');
    // Renumbered: the old number struck, the new one as the editor draws it.
    await expect(rows.filter({ hasText: '统一思想认识' })).toHaveText('一、二、统一思想认识');
    await expect(rows.filter({ hasText: '统一思想认识' }).locator('del')).toHaveText('一、');
    await expect(rows.filter({ hasText: '强化责任落实' }).locator('ins')).toHaveText('三、');
    await page.screenshot({ path: path.join(app.artifactsDir, 'history-compare.png') });
    await history.getByRole('button', { name: '返回列表' }).click();
    await history.getByTestId('history-entry').nth(0).getByRole('button', { name: '查看' }).click();
    const viewed = history.getByTestId('history-opened').locator('.history-view p');
    await expect(viewed.filter({ hasText: /节|统一|强化/ })).toHaveText(
      drawn.map((n, i) => `${n}${['新增一节', '统一思想认识', '强化责任落实'][i]}`),
    );
  });
});
