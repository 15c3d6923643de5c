/**
 * Placeholders on the sample speech: the panel's groups and counts, filling a group with one undo,
 * F3, and an ignored occurrence that stays ignored after save and reopen. Written once for both hosts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSample } from './sample-page';

const groups = (page: Page) =>
  page
    .getByTestId('placeholder-group')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-token')} ${el.querySelector('[data-testid="placeholder-count"]')!.textContent}`,
      ),
    );
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('the panel lists every placeholder of the sample, grouped with counts, and the status bar counts them', async ({
  app,
}) => {
  await openSample(app);
  const page = app.page;
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '22');
  await page.getByTestId('placeholder-status').click();
  await expect(page.getByTestId('placeholders')).toBeVisible();
  expect(await groups(page)).toEqual([
    'XX工作 ×9',
    '××× ×1',
    'X月 ×1',
    'X日 ×1',
    'XX同志 ×1',
    'X县 ×1',
    'X区 ×1',
    'X亿元 ×1',
    'X% ×1',
    'X个 ×2',
    '【项目名称】 ×1',
    '____ ×1',
    'X市 ×1',
  ]);
  await expect(page.getByTestId('placeholder-total')).toHaveText('22 处待填');
  await expect(page.locator('.speech .placeholder')).toHaveCount(22);
});

test('filling X市 with 临江市 changes every occurrence, and one undo restores them', async ({ app }) => {
  await openSample(app);
  const page = app.page;
  await page.getByTestId('placeholder-status').click();
  const group = page.locator('[data-testid="placeholder-group"][data-token="X市"]');
  await group.getByRole('textbox').fill('临江市');
  await group.getByRole('button', { name: '全部填入' }).click();
  await expect(page.locator('.speech')).toContainText('为推动临江市高质量发展');
  await expect(page.locator('.speech')).not.toContainText('X市');
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '21');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.speech')).toContainText('为推动X市高质量发展');
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '22');
});

test('F3 and Shift+F3 move through the placeholders', async ({ app }) => {
  await openSample(app);
  const page = app.page;
  await page.evaluate(() =>
    (window as unknown as { lecternEditor: { commands: { focus(at: string): void } } }).lecternEditor.commands.focus(
      'start',
    ),
  );
  await page.keyboard.press('F3');
  expect(await selected(page)).toBe('XX工作');
  await page.keyboard.press('F3');
  expect(await selected(page)).toBe('×××');
  await page.keyboard.press('F3');
  expect(await selected(page)).toBe('X月');
  await page.keyboard.press('Shift+F3');
  expect(await selected(page)).toBe('×××');
});

test('an ignored occurrence stays ignored after save and reopen', async ({ app }) => {
  const { file } = await openSample(app);
  const page = app.page;
  await page.getByTestId('placeholder-status').click();
  const group = page.locator('[data-testid="placeholder-group"][data-token="X个"]');
  await group.getByRole('button', { name: '展开' }).click();
  await group.getByRole('button', { name: '不是占位符' }).first().click();
  await expect(group.getByTestId('placeholder-count')).toHaveText('×1');
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '21');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-dirty', 'false');
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '0');
  await app.answerDialog('open', file);
  await page.keyboard.press('Control+o');
  await expect(page.getByTestId('placeholder-status')).toHaveAttribute('data-count', '21');
  await expect(
    page.locator('[data-testid="placeholder-group"][data-token="X个"] [data-testid="placeholder-count"]'),
  ).toHaveText('×1');
});

test('in a long speech the placeholders on screen are highlighted wherever the page is scrolled to', async ({
  app,
}) => {
  // 600 paragraphs, a placeholder in each: far more text than the highlighted range around the screen.
  const paragraphs = Array.from({ length: 600 }, (_, i) => ({
    type: 'paragraph',
    attrs: { level: 0, runIn: false },
    content: [{ type: 'text', text: `第${i + 1}段：推动X县${'各项工作落实落细，'.repeat(4)}` }],
  }));
  const doc = {
    type: 'doc',
    content: [{ type: 'title', content: [{ type: 'text', text: '长篇讲话' }] }, ...paragraphs],
  };
  const file = path.join(app.tmpDir, 'long.speech');
  const speech = { format: 'lectern.speech', version: 1, meta: {}, placeholders: { values: {}, ignored: [] }, doc };
  await writeFile(file, JSON.stringify(speech));
  await app.answerDialog('open', file);
  const page = app.page;
  await page.keyboard.press('Control+o');
  await expect(page.locator('.speech h1')).toHaveText('长篇讲话');
  const paragraph = (n: number) => page.locator('.speech p').nth(n - 1);
  await expect(paragraph(1).locator('.placeholder')).toHaveText('X县');
  // Not every one is drawn: the last paragraph is far below the screen.
  await expect(paragraph(600).locator('.placeholder')).toHaveCount(0);
  await page.locator('.desk').evaluate((desk) => (desk.scrollTop = desk.scrollHeight));
  await expect(paragraph(600).locator('.placeholder')).toHaveText('X县');
  await expect(paragraph(1).locator('.placeholder')).toHaveCount(0);
  await page.locator('.desk').evaluate((desk) => (desk.scrollTop = desk.scrollHeight / 2));
  await expect(paragraph(300).locator('.placeholder')).toHaveText('X县');
});
