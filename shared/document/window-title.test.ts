import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_TITLE, windowTitle } from './window-title';

describe('windowTitle', () => {
  it('names the speech, then the app', () => {
    expect(windowTitle('讲话', false)).toBe('讲话 — 讲稿');
  });

  it('marks unsaved changes with a dot after the name', () => {
    expect(windowTitle('讲话', true)).toBe('讲话 • — 讲稿');
  });

  it('is the title the renderer’s page has before any speech is open', () => {
    expect(readFileSync('renderer/index.html', 'utf8')).toContain(`<title>${APP_TITLE}</title>`);
  });
});
