/**
 * The start view (issue 12, item 10), end to end: a first start shows 新建空白讲稿, 打开…, 导入…,
 * the library's templates and the recent files instead of a blank sheet; each works by mouse and
 * by keyboard; a saved speech is listed after the next start and opens from there; the view reads
 * in Chinese, and in English when chosen.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';

test.use({ keepStartView: true });

type Block = { type: string; content?: Array<{ text?: string }> };
type Handle = { getJSON(): { content: Block[] } };
const textOf = (block: Block) => (block.content ?? []).map((inline) => inline.text ?? '').join('');

/** The top-level blocks as "type:text" rows. */
const blocks = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { lecternEditor: Handle }).lecternEditor
      .getJSON()
      .content.map((block) => `${block.type}:${(block.content ?? []).map((inline) => inline.text ?? '').join('')}`),
  );

/**
 * Starts a new blank speech from the start view, types its title and saves it as `name` in the test's folder;
 * resolves with the file's path once the status bar says it is saved.
 */
async function saveNewSpeech(app: App, name: string): Promise<string> {
  const { page } = app;
  await page.getByTestId('start-new').click();
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('在全市工作推进会上的讲话');
  const file = path.join(app.tmpDir, name);
  await app.answerDialog('save', file);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  return file;
}

/** The built-in templates as the app ships them: names, and the title of each speech. */
async function shippedTemplates(): Promise<Array<{ name: string; title: string | undefined }>> {
  const folder = path.resolve('assets/templates');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => {
      const entry = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as {
        name: string;
        doc: { content: Block[] };
      };
      const title = entry.doc.content.find((block) => block.type === 'title');
      return { name: entry.name, title: title ? textOf(title) : undefined };
    }),
  );
}

test('a first start shows the start view, not a blank sheet: new, open, import, the templates and the recent files', async ({
  app,
}) => {
  const { page } = app;
  const view = page.getByTestId('start-view');
  await expect(view).toBeVisible();
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'false');
  await expect(page.getByTestId('editor')).toBeHidden();
  for (const name of ['新建空白讲稿', '打开…', '导入…'])
    await expect(view.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(view.getByRole('heading', { name: '从模板新建' })).toBeVisible();
  await expect(view.getByRole('heading', { name: '最近打开' })).toBeVisible();
  await expect(view).toContainText('还没有打开过的讲稿');

  // Every template the app ships is offered, by its name.
  const shipped = (await shippedTemplates()).map((template) => template.name).sort();
  const offered = view.getByTestId('start-template').locator('.start-template-name');
  await expect.poll(async () => (await offered.allTextContents()).sort()).toEqual(shipped);

  // The view's own words are Chinese (the templates' names carry XX blanks, the tooltips key names).
  const own = await view.locator('h1, h2, h3, p, .start-actions button').allInnerTexts();
  expect(own.length).toBeGreaterThan(6);
  expect(own.filter((text) => /[A-Za-z]/.test(text))).toEqual([]);
  await page.screenshot({ path: path.join(app.artifactsDir, 'start-view.png') });
});

test('Enter on the start view starts a blank speech: the hint shows and typing goes into the title', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByTestId('start-new')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('start-view')).toHaveCount(0);
  await expect(page.locator('.speech h1')).toHaveAttribute('data-placeholder', '讲话标题');
  await page.keyboard.insertText('在全市工作推进会上的讲话');
  expect(await blocks(page)).toEqual(['title:在全市工作推进会上的讲话']);
  await expect(page.getByTestId('save-state')).toHaveText('未保存');
});

test('a template chosen on the start view makes a new speech from it, by mouse and by Ctrl+Shift+N and Enter', async ({
  app,
}) => {
  const { page } = app;
  const template = (await shippedTemplates()).find(
    (entry) => entry.title !== undefined && entry.name.includes('推进会'),
  )!;
  await page.getByTestId('start-template').filter({ hasText: template.name }).click();
  await expect(page.locator('.speech h1')).toHaveText(template.title!);
  await expect(page.getByTestId('start-view')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('未保存');
});

test('File → 从模板新建 on the start view takes the keyboard to the templates', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('start-template').first().waitFor();
  await page.keyboard.press('Control+Shift+N');
  const first = page.getByTestId('start-template').first();
  await expect(first).toBeFocused();
  const name = await first.locator('.start-template-name').textContent();
  const template = (await shippedTemplates()).find((entry) => entry.name === name)!;
  await page.keyboard.press('Enter');
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true');
  if (template.title) await expect(page.locator('.speech h1')).toHaveText(template.title);
  // A library panel opened by the same command would have covered the page; none did.
  await expect(page.getByTestId('library')).toHaveCount(0);
});

test('导入… on the start view runs the import: the report, then the speech as a new document', async ({ app }) => {
  const { page } = app;
  const file = path.join(app.tmpDir, '讲话.txt');
  await writeFile(file, '在全市工作推进会上的讲话\n\n同志们：\n\n今天我们召开会议。\n');
  await app.answerDialog('open', file);
  await page.getByTestId('start-view').getByRole('button', { name: '导入…', exact: true }).click();
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.locator('.speech h1')).toHaveText('在全市工作推进会上的讲话');
  expect(await blocks(page)).toEqual([
    'title:在全市工作推进会上的讲话',
    'salutation:同志们：',
    'paragraph:今天我们召开会议。',
  ]);
  await expect(page.getByTestId('save-state')).toHaveText('未保存');
});

test('a saved speech is listed under 最近打开 at the next start and opens from there', async ({ app }) => {
  const { page } = app;
  await saveNewSpeech(app, '推进会讲话.speech');

  // The next start: the window loads again on the same services and settings.
  await page.reload();
  const recent = page.getByTestId('start-recent');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText('推进会讲话.speech');
  await expect(recent).toContainText(app.tmpDir);
  await page.screenshot({ path: path.join(app.artifactsDir, 'start-view-recent.png') });
  await recent.click();
  await expect(page.locator('.speech h1')).toHaveText('在全市工作推进会上的讲话');
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
});

test('a recent file that is gone says so, and the start view stays to choose another', async ({ app }) => {
  const { page } = app;
  const file = await saveNewSpeech(app, '挪走的讲话.speech');
  await rm(file);
  await page.reload();
  await page.getByTestId('start-recent').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('挪走的讲话');
  await expect(page.getByTestId('start-view')).toBeVisible();
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'false');
});

test('the start view reads in English when the UI language is English', async ({ app }) => {
  const { page } = app;
  await app.sendCommand({ command: 'setLanguage', language: 'en' });
  const view = page.getByTestId('start-view');
  for (const name of ['New blank speech', 'Open…', 'Import…'])
    await expect(view.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(view.getByRole('heading', { name: 'New from template' })).toBeVisible();
  await expect(view.getByRole('heading', { name: 'Recent' })).toBeVisible();
  await expect(view).toContainText('No speeches opened yet.');
});
