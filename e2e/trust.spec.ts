/**
 * What a new user hit in the 推进会 template (issue 12, items 1–3), tried as they did it, with mouse
 * and keyboard: the closing remarks stay last when the last section moves, by key or by dragging; a
 * fill keeps the word the blank stands in, and shows what it will write first; the status bar's
 * placeholder count never drifts from the panel's and the page's through moves and undos.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';
import { dragRow } from './outline-rows';

/** File → 从模板新建 → the built-in 推进会 outline. */
async function newFromPushMeeting(app: App): Promise<void> {
  const { page } = app;
  await app.sendCommand({ command: 'newFromTemplate' });
  const library = page.getByTestId('library');
  await library
    .getByTestId('library-entry')
    .filter({ hasText: '全市XX工作推进会讲话提纲' })
    .getByRole('button')
    .first()
    .click();
  await library.getByRole('button', { name: '以此新建讲稿' }).click();
  await expect(page.locator('.speech h1')).toHaveText('在全市XX工作推进会上的讲话');
}

/** The page's blocks as "kind:text" (text cut to 12 characters). */
const blocks = (page: Page) =>
  page.evaluate(() => {
    const editor = (
      window as unknown as {
        lecternEditor: { getJSON(): { content: Array<{ type: string; content?: Array<{ text?: string }> }> } };
      }
    ).lecternEditor;
    return editor.getJSON().content.map(
      (b) =>
        `${b.type}:${(b.content ?? [])
          .map((c) => c.text ?? '')
          .join('')
          .slice(0, 12)}`,
    );
  });

const CLOSING = 'closing:同志们，时间不等人，任务';

test('the 结束语 stays last when section 三 moves up by Alt+Shift+↑ or is dragged above 二', async ({ app }) => {
  await newFromPushMeeting(app);
  const { page } = app;
  expect((await blocks(page)).at(-1)).toBe(CLOSING);
  const outline = page.getByTestId('outline');
  await expect(outline.locator('.outline-item.closing .outline-number')).toHaveText('结束语');

  await outline.getByRole('button', { name: /^三、/ }).click();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(page.locator('.speech p[data-number="二、"]')).toContainText('强化责任落实');
  expect((await blocks(page)).at(-1)).toBe(CLOSING);

  // Back, then the same move by dragging 三 above 二 in the outline.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.speech p[data-number="三、"]')).toContainText('强化责任落实');
  const source = outline
    .locator('.outline-item.heading.level-1')
    .filter({ hasText: '强化责任落实' })
    .locator(':scope > .outline-row');
  const index = await outline
    .locator('li.outline-item.heading.level-1')
    .evaluateAll((items) =>
      items
        .find((li) => li.querySelector(':scope > .outline-row .outline-number')?.textContent === '二、')
        ?.getAttribute('data-index'),
    );
  await dragRow(page, source, outline.getByTestId(`outline-drop-${index}`));
  await expect(page.locator('.speech p[data-number="二、"]')).toContainText('强化责任落实');
  expect((await blocks(page)).at(-1)).toBe(CLOSING);
  await expect(outline.locator('.outline-item').last()).toHaveClass(/closing/);
  await page.locator('.speech p.speech-closing').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(app.artifactsDir, 'closing-after-move.png') });
});

test('the outline’s 结束语 row offers 取消结束语, which makes the closing body text again in one undo step', async ({
  app,
}) => {
  await newFromPushMeeting(app);
  const { page } = app;
  await page
    .getByTestId('outline')
    .locator('.outline-item.closing > .outline-row .outline-label')
    .click({ button: 'right' });
  await page.getByTestId('outline-menu').getByRole('menuitem', { name: '取消结束语（改为正文）' }).click();
  await expect(page.getByTestId('outline').locator('.outline-item.closing')).toHaveCount(0);
  expect((await blocks(page)).at(-1)).toBe('paragraph:同志们，时间不等人，任务');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('outline').locator('.outline-item.closing')).toHaveCount(1);
  expect((await blocks(page)).at(-1)).toBe(CLOSING);
});

test('filling keeps the word the blank stands in, and the panel shows the result before it is applied', async ({
  app,
}) => {
  await newFromPushMeeting(app);
  const { page } = app;
  await page.getByTestId('placeholder-status').click();
  const comrade = page.locator('[data-testid="placeholder-group"][data-token="XX同志"]');
  await comrade.getByRole('textbox').fill('王建国');
  // The preview, before anything changes in the text.
  await expect(comrade.getByTestId('placeholder-preview').first()).toHaveText('王建国同志');
  await expect(page.locator('.speech')).toContainText('刚才，XX同志通报了');
  await page.screenshot({ path: path.join(app.artifactsDir, 'fill-preview.png') });
  await comrade.getByRole('button', { name: '全部填入' }).click();
  await expect(page.locator('.speech')).toContainText('刚才，王建国同志通报了');

  const work = page.locator('[data-testid="placeholder-group"][data-token="XX工作"]');
  await work.getByRole('textbox').fill('招商引资');
  await work.getByRole('button', { name: '全部填入' }).click();
  await expect(page.locator('.speech h1')).toHaveText('在全市招商引资工作推进会上的讲话');

  // The whole word typed is not doubled: 临江市 into X市 gives 临江市, never 临江市市.
  const city = page.locator('[data-testid="placeholder-group"][data-token="X县"]');
  await city.getByRole('textbox').fill('临江县');
  await city.getByRole('button', { name: '全部填入' }).click();
  await expect(page.locator('.speech')).toContainText('临江县');
  await expect(page.locator('.speech')).not.toContainText('临江县县');
});

test('the placeholder count in the status bar equals the panel’s and the page’s through moves, undo and redo', async ({
  app,
}) => {
  await newFromPushMeeting(app);
  const { page } = app;
  await page.getByTestId('placeholder-status').click();
  const status = page.getByTestId('placeholder-status');
  const start = Number(await status.getAttribute('data-count'));
  expect(start).toBeGreaterThan(10);
  const same = async (expected: number) => {
    await expect(status).toHaveAttribute('data-count', String(expected));
    await expect(page.getByTestId('placeholder-total')).toHaveText(`${expected} 处待填`);
    await expect(page.locator('.speech .placeholder')).toHaveCount(expected);
  };
  await same(start);
  await page.getByTestId('outline').getByRole('button', { name: /^一、/ }).click();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await same(start);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await same(start);
  await page.keyboard.press('Control+z');
  await same(start);
  await page.keyboard.press('Control+z');
  await same(start);
  await page.keyboard.press('Control+y');
  await same(start);
});
