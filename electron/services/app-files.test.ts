import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from './app-files';

const root = path.resolve('/opt/lectern/dist/renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the root and files inside the renderer', () => {
    expect(resolveAppFile(root, 'lectern-app://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'lectern-app://app/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, 'lectern-app://app/assets/%E8%AE%B2.css')).toBe(path.join(root, 'assets/讲.css'));
  });

  it.each([
    'lectern-app://app/../../etc/passwd',
    'lectern-app://app/%2e%2e/%2e%2e/etc/passwd',
    'lectern-app://app/a/b/../../../../x',
  ])('keeps %s inside the renderer (the URL parser folds the dot segments)', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === undefined || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'lectern-app://app/assets/..%2f..%2f..%2fetc/passwd',
    'lectern-app://app/..%5c..%5cwindows',
    'lectern-app://app/%00index.html',
    'lectern-app://app/%E0%A4%A',
    'lectern-app://other/index.html',
    'file:///etc/passwd',
    'https://example.com/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeUndefined();
  });
});

describe('contentTypeOf', () => {
  it('types the renderer’s files', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});
