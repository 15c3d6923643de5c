/**
 * File → Export on the sample speech: the placeholders left are listed first with links, then the
 * file is written where the user chose. Written once for both hosts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openSample } from './sample-page';

test('export warns about placeholders first, then writes the DOCX and the PDF where chosen', async ({ app }) => {
  const page = app.page;
  await openSample(app, '推进会.speech');

  await page.keyboard.press('Control+Shift+e');
  await expect(page.getByTestId('export-warning')).toContainText('还有 22 处占位符未填');
  await expect(page.getByLabel('上', { exact: true })).toHaveValue('37');
  await expect(page.getByLabel('左', { exact: true })).toHaveValue('28');
  await expect(page.getByLabel('正文字体')).toHaveValue('fangsong');
  await expect(page.getByLabel('一级标题')).toHaveValue('heiti');
  // A link jumps to the placeholder (closing the dialog).
  await page.getByTestId('export-warning').getByRole('button', { name: 'X市 ×1' }).click();
  await expect(page.getByTestId('export-warning')).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('X市');

  await page.keyboard.press('Control+Shift+e');
  await app.answerDialog('save', path.join(app.tmpDir, '推进会'));
  await page.getByRole('button', { name: '仍然导出' }).click();
  await expect(page.getByTestId('notice')).toContainText('已导出“推进会.docx”');
  expect((await readFile(path.join(app.tmpDir, '推进会.docx'))).subarray(0, 2).toString()).toBe('PK');
  await page.getByRole('button', { name: '在文件夹中显示' }).click();
  await expect.poll(async () => (await app.state()).shownInFolder).toEqual([path.join(app.tmpDir, '推进会.docx')]);

  await page.keyboard.press('Control+Shift+e');
  await page.getByLabel('格式').selectOption('pdf');
  await page.getByLabel('版式').selectOption('large');
  await expect(page.getByLabel('上', { exact: true })).toHaveValue('25');
  await expect(page.getByLabel('正文字号（磅）')).toHaveValue('22');
  // An adjusted value is used and offered again next time.
  await page.getByLabel('正文字号（磅）').fill('20');
  await app.answerDialog('save', path.join(app.tmpDir, '大字版.pdf'));
  await page.getByRole('button', { name: '仍然导出' }).click();
  await expect(page.getByTestId('notice')).toContainText('已导出“大字版.pdf”', { timeout: 30_000 });
  expect((await readFile(path.join(app.tmpDir, '大字版.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  await page.keyboard.press('Control+Shift+e');
  await page.getByLabel('版式').selectOption('large');
  await expect(page.getByLabel('正文字号（磅）')).toHaveValue('20');
});

test('Ctrl+P prints through the system dialog, listing placeholders first', async ({ app }) => {
  const page = app.page;
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('在X市的讲话');
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('dialog', { name: '打印' })).toBeVisible();
  await expect(page.getByTestId('export-warning')).toContainText('还有 1 处占位符未填');
  await expect(page.getByLabel('格式')).toBeHidden();
  await page.getByRole('button', { name: '仍然打印' }).click();
  await expect.poll(async () => (await app.state()).printed).toBe(1);
});
