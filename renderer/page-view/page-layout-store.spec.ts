// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { PROFILES } from '../../shared/export/profiles';
import { layoutSpeech } from '../../shared/layout/page-layout';
import { cursorIn, p, t, testEditor } from '../editor/test-editor';
import type { Schedule } from './coalesce';
import { MAX_WAIT_MS, PageLayoutStore, QUIET_MS } from './page-layout-store';
import { pageStarts } from './page-map';

const SENTENCE = '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。';

/** A schedule the test runs by hand on a clock it moves by hand, counting what it was asked to schedule. */
function manual() {
  const queue: Array<() => void> = [];
  let time = 0;
  const schedule: Schedule = (callback) => {
    queue.push(callback);
    return () => queue.splice(queue.indexOf(callback), 1);
  };
  return {
    schedule,
    soon: schedule,
    now: () => time,
    advance: (ms: number) => (time += ms),
    flush: () => queue.splice(0).forEach((run) => run()),
    waiting: () => queue.length,
  };
}

let editor: Editor;
let store: PageLayoutStore | undefined;
afterEach(() => {
  store?.destroy();
  editor?.destroy();
});

describe('the page view’s layout', () => {
  it('lays out once the window is idle, not in the keystroke, however many keystrokes came', () => {
    editor = testEditor([t('讲话'), ...Array.from({ length: 30 }, () => p(SENTENCE.repeat(3)))]);
    const clock = manual();
    store = new PageLayoutStore(editor, PROFILES.gbt9704, clock);
    clock.flush();
    const first = store.getSnapshot()!;
    expect(first.doc).toBe(editor.state.doc);
    let layouts = 0;
    store.subscribe(() => layouts++);
    cursorIn(editor, 3, 2);
    for (const ch of '一二三四五六七八九十') editor.commands.insertContent(ch);
    // Ten keystrokes: still the old pages, one layout waiting; and none while the typing has not paused.
    expect(store.getSnapshot()).toBe(first);
    expect(clock.waiting()).toBe(1);
    clock.advance(QUIET_MS - 1);
    clock.flush();
    expect(layouts).toBe(0);
    expect(clock.waiting()).toBe(1);
    clock.advance(1);
    clock.flush();
    expect(layouts).toBe(1);
    const now = store.getSnapshot()!;
    expect(now.doc).toBe(editor.state.doc);
    expect(now.starts).toEqual(pageStarts(editor.state.doc, layoutSpeech(editor.state.doc, PROFILES.gbt9704)));
  });

  it('lays out at least every MAX_WAIT_MS while the typing goes on without a pause', () => {
    editor = testEditor([t('讲话'), ...Array.from({ length: 30 }, () => p(SENTENCE.repeat(3)))]);
    const clock = manual();
    store = new PageLayoutStore(editor, PROFILES.gbt9704, clock);
    clock.flush();
    let layouts = 0;
    store.subscribe(() => layouts++);
    cursorIn(editor, 3, 2);
    // A keystroke every 100 ms for three seconds, the window idle between them.
    for (let i = 0; i < 30; i++) {
      editor.commands.insertContent('字');
      expect(store.getSnapshot()!.doc).not.toBe(editor.state.doc);
      clock.advance(100);
      clock.flush();
    }
    expect(layouts).toBe(Math.floor(3000 / MAX_WAIT_MS));
    clock.advance(QUIET_MS);
    clock.flush();
    expect(store.getSnapshot()!.doc).toBe(editor.state.doc);
  });

  it('breaks a new document into lines a slice at a time before laying it out, never in one long task', () => {
    editor = testEditor([t('讲话'), ...Array.from({ length: 300 }, (_, i) => p(`${i}${SENTENCE}`, i % 10 ? 0 : 1))]);
    const clock = manual();
    // Each reading of the clock takes a millisecond: a slice reads it every 16 blocks, so it breaks about 128.
    const slow = { ...clock, now: () => clock.advance(1) };
    store = new PageLayoutStore(editor, PROFILES.gbt9704, slow);
    let slices = 0;
    while (!store.getSnapshot() && slices < 100) {
      slices++;
      clock.flush();
    }
    expect(slices).toBeGreaterThan(2);
    expect(store.getSnapshot()!.starts).toEqual(
      pageStarts(editor.state.doc, layoutSpeech(editor.state.doc, PROFILES.gbt9704)),
    );
  });

  it('does not lay out for a caret move, which changes no page', () => {
    editor = testEditor([t('讲话'), p(SENTENCE)]);
    const clock = manual();
    store = new PageLayoutStore(editor, PROFILES.gbt9704, clock);
    clock.flush();
    cursorIn(editor, 1, 3);
    expect(clock.waiting()).toBe(0);
  });

  it('lays out a document an open put in place without a transaction', () => {
    editor = testEditor([t('讲话'), p(SENTENCE)]);
    const clock = manual();
    store = new PageLayoutStore(editor, PROFILES.gbt9704, clock);
    clock.flush();
    expect(store.getSnapshot()!.starts).toHaveLength(1);
    const doc = editor.schema.nodeFromJSON({
      type: 'doc',
      content: [t('另一篇'), ...Array.from({ length: 40 }, () => p(SENTENCE.repeat(3)))],
    });
    editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
    clock.flush();
    expect(store.getSnapshot()!.doc).toBe(editor.state.doc);
    expect(editor.state.doc.child(0).textContent).toBe('另一篇');
    expect(store.getSnapshot()!.starts.length).toBeGreaterThan(3);
  });

  it('lays out again in a new profile, and leaves the document as it was', () => {
    editor = testEditor([t('讲话'), ...Array.from({ length: 30 }, () => p(SENTENCE.repeat(3)))]);
    const before = editor.getJSON();
    const clock = manual();
    store = new PageLayoutStore(editor, PROFILES.gbt9704, clock);
    clock.flush();
    const official = store.getSnapshot()!.starts.length;
    store.setProfile(PROFILES.large);
    clock.flush();
    expect(store.getSnapshot()!.starts.length).toBeGreaterThan(official);
    expect(editor.getJSON()).toEqual(before);
  });
});
