/**
 * Files the system hands over (issue 20: a double-click in Explorer or Finder, Open With, the jump
 * list): the renderer's side, on the start view a first start shows. A speech opens; a .docx goes
 * through the import report; a path that cannot be opened shows File → 打开's own message. Which
 * window takes a file is main's decision, tested in electron/main.test.ts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sampleDocJSON } from './sample-speech';
import { exportDocx } from '../shared/export/docx';
import { PROFILES } from '../shared/export/profiles';
import { docFromJSON, emptySpeechFile, serializeSpeechFile, type NodeJSON } from '../shared/document/file-format';

test.use({ keepStartView: true });

const SAMPLE_TITLE = '在全市XX工作推进会上的讲话';
const editorText = (page: Page) =>
  page.evaluate(() => (window as unknown as { lecternEditor: { getText(): string } }).lecternEditor.getText());

test('a .speech handed over opens from the start view, named in the title bar', async ({ app }) => {
  const { page } = app;
  const file = path.join(app.tmpDir, '推进会讲话.speech');
  await writeFile(file, serializeSpeechFile({ ...emptySpeechFile(), doc: sampleDocJSON() as NodeJSON }));
  await expect(page.getByTestId('start-view')).toBeVisible();
  await app.handOver(file);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('start-view')).toBeHidden();
  expect(await editorText(page)).toContain(SAMPLE_TITLE);
  await expect.poll(async () => (await app.state()).title).toBe('推进会讲话.speech — 讲稿');
  await page.screenshot({ path: path.join(app.artifactsDir, 'open-from-system-speech.png') });
});

test('a .docx handed over goes through the import report, then becomes an unsaved speech', async ({ app }) => {
  const { page } = app;
  const file = path.join(app.tmpDir, '会议材料.docx');
  await writeFile(file, await exportDocx(docFromJSON(sampleDocJSON() as NodeJSON), PROFILES.gbt9704));
  await app.handOver(file);
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  // Nothing is in the document before the user accepts the report.
  await expect(page.getByTestId('start-view')).toBeVisible();
  await page.screenshot({ path: path.join(app.artifactsDir, 'open-from-system-docx.png') });
  await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  expect(await editorText(page)).toContain(SAMPLE_TITLE);
  await expect.poll(async () => (await app.state()).dirty).toBe(true);
});

test('a path that cannot be opened gets the same message as File → 打开, in Chinese', async ({ app }) => {
  const { page } = app;
  const missing = path.join(app.tmpDir, '已删除的讲话.speech');
  await app.handOver(missing);
  const failure = page.getByTestId('failure');
  await expect(failure).toBeVisible();
  await expect(failure).toHaveAttribute('data-code', 'not-found');
  await expect(failure).toContainText('已删除的讲话.speech');
  await expect(failure).toContainText('文件不存在');
  const handedOver = await failure.innerText();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(failure).toBeHidden();
  await expect(page.getByTestId('start-view')).toBeVisible();

  await app.answerDialog('open', missing);
  await app.sendCommand({ command: 'open' });
  await expect(failure).toBeVisible();
  expect(await failure.innerText()).toBe(handedOver);
});
