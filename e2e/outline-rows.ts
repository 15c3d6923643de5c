/** Reading the outline sidebar in end-to-end specs. */
import type { Page } from '@playwright/test';

/** The sidebar's rows as "number text" strings (the text's first 8 characters), nesting shown by leading dots. */
export async function outlineRows(page: Page): Promise<string[]> {
  return page.getByTestId('outline').locator('li.outline-item').evaluateAll((items) =>
    items.map((li) => {
      let depth = 0;
      for (let el = li.parentElement; el && !el.matches('[role="tree"]'); el = el.parentElement) if (el.matches('li')) depth++;
      const row = li.querySelector(':scope > .outline-row')!;
      const label = row.querySelector('.outline-number')?.textContent ?? '';
      const text = row.querySelector('.outline-text')?.textContent ?? '';
      return `${'.'.repeat(depth)}${label}${text.slice(0, 8)}`;
    }),
  );
}
