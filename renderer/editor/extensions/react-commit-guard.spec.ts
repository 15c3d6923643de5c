// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Editor } from '@tiptap/core';
import { p, testEditor } from '../test-editor';
import { hideContentEditableFromScript } from './react-commit-guard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no `contentEditable` property; a browser's reflects the attribute, and React reads it.
if (!Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable'))
  Object.defineProperty(HTMLElement.prototype, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = this.getAttribute('contenteditable');
      return value === '' || value === 'true' ? 'true' : value === 'false' ? 'false' : 'inherit';
    },
    set(this: HTMLElement, value: string) {
      this.setAttribute('contenteditable', value);
    },
  });

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
  document.body.replaceChildren();
});

/** Counts reads of `nodeValue` on text nodes inside `within` while `run` runs. */
async function textReadsDuring(within: Node, run: () => Promise<void>): Promise<number> {
  const native = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue')!;
  let reads = 0;
  Object.defineProperty(Node.prototype, 'nodeValue', {
    configurable: true,
    get(this: Node) {
      if (this.nodeType === Node.TEXT_NODE && within.contains(this)) reads++;
      return native.get!.call(this);
    },
    set(this: Node, value: string | null) {
      native.set!.call(this, value);
    },
  });
  try {
    await run();
  } finally {
    Object.defineProperty(Node.prototype, 'nodeValue', native);
  }
  return reads;
}

/** A focused page with many paragraphs, and a React root elsewhere in the window. */
function focusedPage(): Editor {
  const ed = testEditor(Array.from({ length: 50 }, (_, i) => p(`第${i}段正文内容。`)));
  document.body.append(ed.view.dom);
  ed.view.focus();
  return ed;
}

/** Renders a status line twice (two commits), as the status bar does on a keystroke. */
async function commitTwice(): Promise<void> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(createElement('span', null, '1 字')));
  await act(async () => root.render(createElement('span', null, '2 字')));
  await act(async () => root.unmount());
}

describe('React commits while the page has the focus', () => {
  it('do not read the text of the speech', async () => {
    editor = focusedPage();
    expect(document.activeElement).toBe(editor.view.dom);
    expect(await textReadsDuring(editor.view.dom, commitTwice)).toBe(0);
  });

  it('would read every paragraph without the guard (the cost it removes)', async () => {
    editor = focusedPage();
    // Take the extension's override away, as if the guard were not installed.
    delete (editor.view.dom as { contentEditable?: string }).contentEditable;
    expect(await textReadsDuring(editor.view.dom, commitTwice)).toBeGreaterThanOrEqual(50);
  });

  it('keeps the page editable: the attribute stays, and setting the property still sets it', () => {
    const element = document.createElement('div');
    element.setAttribute('contenteditable', 'true');
    const restore = hideContentEditableFromScript(element);
    expect(element.contentEditable).not.toBe('true');
    expect(element.getAttribute('contenteditable')).toBe('true');
    element.contentEditable = 'false';
    expect(element.getAttribute('contenteditable')).toBe('false');
    restore();
    expect(element.contentEditable).toBe('false');
  });
});
