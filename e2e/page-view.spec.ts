/**
 * The page view (issue 14) on the sample speech: the page boundaries fall where `layoutSpeech` starts each page, the
 * status bar follows the caret from page to page, and the zoom keys, fit width and a narrow window with the outline
 * open scale the page instead of cutting it off. Written once for both hosts.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { speechSchema } from '../shared/document/schema';
import { PROFILES } from '../shared/export/profiles';
import { layoutSpeech } from '../shared/layout/page-layout';
import { pageStarts } from '../renderer/page-view/page-map';
import { expect, test } from './fixtures';
import { editorJSON, openSample, SAMPLE_TITLE } from './sample-page';

type Handle = {
  view: { posAtDOM(node: Node, offset: number): number };
  state: { doc: { textBetween(from: number, to: number): string; content: { size: number } } };
};

/** The first ten characters of each page of the editor's document, as `layoutSpeech` lays it out (公文标准). */
async function layoutPageStarts(page: Page): Promise<string[]> {
  const doc = speechSchema().nodeFromJSON(await editorJSON(page));
  const starts = pageStarts(doc, layoutSpeech(doc, PROFILES.gbt9704));
  return starts.map((start) => doc.textBetween(start, Math.min(start + 10, doc.content.size)));
}

/**
 * The ten characters the page view shows after the boundary of page `n`: the text from the caret position at the
 * boundary's start mark (the screen's, through caretRangeFromPoint), with the desk scrolled to the boundary.
 */
async function shownPageStart(page: Page, n: number): Promise<string> {
  const boundary = page.locator(`[data-testid="page-boundary"][data-page="${n}"]`);
  // Boundaries are drawn near the screen only: scroll down the desk until this one is drawn.
  for (let step = 0; step < 40 && !(await boundary.count()); step++) {
    await page.locator('.desk').evaluate((desk) => desk.scrollBy(0, desk.clientHeight / 2));
    await page.waitForTimeout(50);
  }
  await boundary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // Positions are measured in the frame after the scroll.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const mark = await boundary.getByTestId('page-boundary-start').boundingBox();
  expect(mark).not.toBeNull();
  return page.evaluate(
    ({ x, y }) => {
      const { view, state } = (window as unknown as { lecternEditor: Handle }).lecternEditor;
      const range = document.caretRangeFromPoint(x, y);
      if (!range) return '';
      const pos = view.posAtDOM(range.startContainer, range.startOffset);
      return state.doc.textBetween(pos, Math.min(pos + 10, state.doc.content.size));
    },
    // Just right of the mark, inside the page's first character (its left half, so the caret goes before it).
    { x: mark!.x + mark!.width + 3, y: mark!.y + mark!.height / 2 },
  );
}

/** Every page start the page view shows, page 2 onwards (page 1 has no boundary above it). */
async function shownPageStarts(page: Page, pages: number): Promise<string[]> {
  await page.locator('.desk').evaluate((desk) => desk.scrollTo(0, 0));
  const shown: string[] = [];
  for (let n = 2; n <= pages; n++) shown.push(await shownPageStart(page, n));
  return shown;
}

const position = (page: Page) => page.getByTestId('page-position');

test('the page view breaks where the layout starts each page, at 100 % and at 75 %', async ({ app }) => {
  const { page } = app;
  await openSample(app);
  const expected = await layoutPageStarts(page);
  expect(expected.length).toBeGreaterThan(1);
  await expect(position(page)).toHaveAttribute('data-pages', String(expected.length));
  expect(await shownPageStarts(page, expected.length)).toEqual(expected.slice(1));
  await page.locator('.desk').evaluate((desk) => desk.scrollTo(0, 0));
  await page.getByTestId('page-boundary').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(app.artifactsDir, 'page-view-100.png') });

  // 75 %: Ctrl+- from 100 % walks 90, 80, 75.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+-');
  await expect(page.getByTestId('zoom')).toHaveAttribute('data-zoom', '75');
  expect(await shownPageStarts(page, expected.length)).toEqual(expected.slice(1));
  await page.locator('.desk').evaluate((desk) => desk.scrollTo(0, 0));
  await page.getByTestId('page-boundary').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(app.artifactsDir, 'page-view-75.png') });
});

test('the status bar reads 第 N 页 / 共 M 页 as the caret moves', async ({ app }) => {
  const { page } = app;
  await openSample(app);
  const pages = (await layoutPageStarts(page)).length;
  await page.keyboard.press('Control+Home');
  await expect(position(page)).toHaveText(`第 1 页 / 共 ${pages} 页`);
  await page.keyboard.press('Control+End');
  await expect(position(page)).toHaveText(`第 ${pages} 页 / 共 ${pages} 页`);
  // A click just after page 2's boundary mark puts the caret at page 2's first character.
  await page.locator('.desk').evaluate((desk) => desk.scrollTo(0, 0));
  await shownPageStart(page, 2);
  const mark = (await page.locator('[data-page="2"] [data-testid="page-boundary-start"]').boundingBox())!;
  await page.mouse.click(mark.x + mark.width + 3, mark.y + mark.height / 2);
  await expect(position(page)).toHaveText(`第 2 页 / 共 ${pages} 页`);
  // One character back is the last of page 1.
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(`第 1 页 / 共 ${pages} 页`);
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(`第 2 页 / 共 ${pages} 页`);
  // The count follows the text: a page of text more at the end is a page more.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。'.repeat(20),
  );
  await expect(position(page)).toHaveText(`第 ${pages + 1} 页 / 共 ${pages + 1} 页`);
});

test('Ctrl+= / Ctrl+- / Ctrl+Alt+0 and 适合宽度 zoom the page, and the text stays as it was', async ({ app }) => {
  const { page } = app;
  const { doc } = await openSample(app);
  const sheet = page.locator('.page');
  const width = async () => (await sheet.boundingBox())!.width;
  const actual = await width();
  expect(actual).toBeCloseTo((210 * 96) / 25.4, 0);
  await page.keyboard.press('Control+=');
  await expect(page.getByTestId('zoom')).toHaveAttribute('data-zoom', '110');
  expect(await width()).toBeCloseTo(actual * 1.1, 0);
  await page.keyboard.press('Control+=');
  await expect(page.getByTestId('zoom')).toHaveText('125%');
  await page.keyboard.press('Control+Alt+0');
  await expect(page.getByTestId('zoom')).toHaveAttribute('data-zoom', '100');
  expect(await width()).toBeCloseTo(actual, 0);
  await page.keyboard.press('Control+-');
  await expect(page.getByTestId('zoom')).toHaveAttribute('data-zoom', '90');
  expect(await width()).toBeCloseTo(actual * 0.9, 0);
  // Fit width fills the desk (less its margins) and no more.
  await page.getByRole('button', { name: '适合宽度' }).click();
  const desk = (await page.locator('.desk').boundingBox())!;
  const fitted = await width();
  expect(fitted).toBeGreaterThan(actual);
  expect(fitted).toBeLessThanOrEqual(desk.width);
  expect(await editorJSON(page)).toEqual(doc);
});

test('at 1024 × 700 with the outline open the page shrinks to show whole lines', async ({ app }) => {
  const { page } = app;
  await openSample(app);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByTestId('outline')).toBeVisible();
  await expect(page.getByTestId('zoom')).not.toHaveAttribute('data-zoom', '100');
  const fits = () =>
    page.locator('.desk').evaluate((desk) => {
      const box = desk.getBoundingClientRect();
      const sheet = desk.querySelector('.page')!.getBoundingClientRect();
      return {
        cut: desk.scrollWidth > desk.clientWidth,
        left: sheet.left >= box.left,
        right: sheet.right <= box.right,
      };
    });
  await expect.poll(fits).toEqual({ cut: false, left: true, right: true });
  await page.screenshot({ path: path.join(app.artifactsDir, 'page-view-1024-outline.png') });
  // Closing the outline gives the page its room back: 100 % again.
  await page.keyboard.press('Control+\\');
  await expect(page.getByTestId('zoom')).toHaveAttribute('data-zoom', '100');
});

test('the export dialog’s 预览 shows the chosen profile’s pages, breaking where the layout does', async ({ app }) => {
  await openSample(app);
  const page = app.page;
  const doc = speechSchema().nodeFromJSON(await editorJSON(page));
  /** The first ten characters of each page in `profile`, as the layout (and so the PDF and the DOCX) breaks them. */
  const starts = (profile: (typeof PROFILES)[keyof typeof PROFILES]) =>
    pageStarts(doc, layoutSpeech(doc, profile)).map((start) =>
      doc.textBetween(start, Math.min(start + 10, doc.content.size)),
    );
  /** The page's first line in the preview holds the layout's page start (after a heading's number, when one leads). */
  const expectStart = async (text: string) => {
    const first = (await page.getByTestId('print-preview-line').first().textContent()) ?? '';
    expect(first.replace(/\s/g, '')).toContain(text.slice(0, 8));
  };
  await page.keyboard.press('Control+Shift+e');
  await page.getByRole('button', { name: '预览' }).click();
  const gbt = starts(PROFILES.gbt9704);
  await expect(page.getByTestId('print-preview-position')).toHaveText(`第 1 页 / 共 ${gbt.length} 页`);
  await expect(page.getByTestId('print-preview-line').first()).toHaveText(SAMPLE_TITLE);
  await page.screenshot({ path: path.join(app.artifactsDir, 'print-preview-gbt9704.png') });
  // → turns the page: each starts where the layout starts it.
  await page.getByTestId('print-preview-page').focus();
  for (let n = 2; n <= gbt.length; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('print-preview-position')).toHaveText(`第 ${n} 页 / 共 ${gbt.length} 页`);
    await expectStart(gbt[n - 1]!.replace(/\s/g, ''));
  }
  // Back in the dialog, another profile previews its own pages.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByLabel('版式').selectOption('large');
  await page.getByRole('button', { name: '预览' }).click();
  const large = starts(PROFILES.large);
  await expect(page.getByTestId('print-preview-position')).toHaveText(`第 1 页 / 共 ${large.length} 页`);
  await page.getByTestId('print-preview-page').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('print-preview-position')).toHaveText(`第 ${large.length} 页 / 共 ${large.length} 页`);
  await expectStart(large.at(-1)!.replace(/\s/g, ''));
  await page.screenshot({ path: path.join(app.artifactsDir, 'print-preview-large.png') });
  // Nothing in the speech changed.
  expect(
    speechSchema()
      .nodeFromJSON(await editorJSON(page))
      .eq(doc),
  ).toBe(true);
});
