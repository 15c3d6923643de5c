/** Reading the outline sidebar in end-to-end specs. */
import type { Locator, Page } from '@playwright/test';

/** The sidebar's rows as "number text" strings (the text's first 8 characters), nesting shown by leading dots. */
export async function outlineRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('outline')
    .locator('li.outline-item')
    .evaluateAll((items) =>
      items.map((li) => {
        let depth = 0;
        for (let el = li.parentElement; el && !el.matches('[role="tree"]'); el = el.parentElement)
          if (el.matches('li')) depth++;
        const row = li.querySelector(':scope > .outline-row')!;
        const label = row.querySelector('.outline-number')?.textContent ?? '';
        const text = row.querySelector('.outline-text')?.textContent ?? '';
        return `${'.'.repeat(depth)}${label}${text.slice(0, 8)}`;
      }),
    );
}

/**
 * Drags an outline row onto a drop line with the mouse, the way a user does: press on the row, move
 * off it so the drag starts, then move onto the line in steps and let go.
 */
export async function dragRow(page: Page, row: Locator, dropLine: Locator): Promise<void> {
  const from = (await row.boundingBox())!;
  const to = (await dropLine.boundingBox())!;
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y - 10, { steps: 5 });
  await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}
