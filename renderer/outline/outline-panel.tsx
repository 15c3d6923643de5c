/**
 * The outline sidebar: the speech's headings with their numbers and, under each section, its
 * enumerated points; each with its length and speaking time, gaps in enumerations flagged. Click
 * an entry to jump there; the section under the cursor is highlighted; sections collapse; drag a
 * heading (dnd-kit) to move its whole section, which is one undoable step.
 *
 * Typing must stay fast in a 300,000-character speech: the outline keeps unchanged entries'
 * identity (`buildOutline` shares them), rows are memoised on it, and the sidebar renders from a
 * deferred value, after the keystroke's own frame.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { OutlineEntry } from '../../shared/document/outline';
import { formatDuration, speakingSeconds } from '../../shared/document/stats';
import { outlineOf } from '../editor/extensions/outline-state';
import { blockPosition } from '../../shared/document/sections';

/** Puts the cursor at the start of the top-level block `index` and scrolls it into view. */
export function jumpTo(editor: Editor, index: number): void {
  const pos = blockPosition(editor.state.doc, index);
  editor.chain().focus().setTextSelection(pos + 1).run();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
}

function DropLine({ target }: { target: number }) {
  const { setNodeRef, isOver } = useDroppable({ id: `before-${target}`, data: { target } });
  return <div ref={setNodeRef} className={`outline-drop${isOver ? ' over' : ''}`} data-testid={`outline-drop-${target}`} />;
}

/** What every row shares; a new object only when one of these changes. */
interface RowContext {
  editor: Editor;
  rate: number;
  activeIndex: number | undefined;
  collapsed: ReadonlySet<number>;
  toggle: (index: number) => void;
  /** Opens the row's context menu (headings only). */
  openMenu?: (index: number, x: number, y: number) => void;
}

/** Alt+Shift+arrows on a sidebar row, as in the editor: move past a sibling, promote, demote. */
const SECTION_KEYS: Record<string, (editor: Editor) => boolean> = {
  ArrowUp: (editor) => editor.commands.moveSectionBySibling(-1),
  ArrowDown: (editor) => editor.commands.moveSectionBySibling(1),
  ArrowLeft: (editor) => editor.commands.shiftSection(-1),
  ArrowRight: (editor) => editor.commands.shiftSection(1),
};

function onRowKeyDown(editor: Editor, index: number, event: React.KeyboardEvent): void {
  const action = SECTION_KEYS[event.key];
  if (!action || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  event.stopPropagation();
  editor.commands.setTextSelection(blockPosition(editor.state.doc, index) + 1);
  action(editor);
  // The moved section's row is a new element, drawn after the outline catches up (later on a busy
  // machine); keep the keyboard in the sidebar, on that row, unless the user went elsewhere.
  const refocus = (attempt: number) => {
    const active = document.querySelector<HTMLElement>('.outline-panel .outline-row.active');
    const focus = document.activeElement;
    const inSidebar = !focus || focus === document.body || Boolean(focus.closest('.outline-panel'));
    if (active && inSidebar && focus !== active) active.focus();
    if (attempt < 8) window.setTimeout(() => refocus(attempt + 1), 60);
  };
  window.setTimeout(() => refocus(0), 30);
}

const Row = memo(function Row({ entry, context }: { entry: OutlineEntry; context: RowContext }) {
  const { t } = useTranslation();
  const { editor, rate, activeIndex, collapsed, toggle } = context;
  const draggable = useDraggable({ id: `section-${entry.index}`, data: { index: entry.index }, disabled: entry.kind !== 'heading' });
  const active = entry.index === activeIndex;
  const isCollapsed = collapsed.has(entry.index);
  const time = formatDuration(speakingSeconds(entry.length, rate));
  return (
    <li className={`outline-item ${entry.kind} level-${entry.level}`} data-index={entry.index} role="none">
      {entry.kind === 'heading' ? <DropLine target={entry.index} /> : null}
      <div
        ref={draggable.setNodeRef}
        className={`outline-row${active ? ' active' : ''}${draggable.isDragging ? ' dragging' : ''}`}
        aria-current={active ? 'location' : undefined}
        data-testid="outline-row"
        {...draggable.attributes}
        {...draggable.listeners}
        onKeyDown={(event) => {
          onRowKeyDown(editor, entry.index, event);
          if (!event.defaultPrevented) draggable.listeners?.onKeyDown?.(event);
        }}
        role="treeitem"
        aria-expanded={entry.children.length ? !isCollapsed : undefined}
        onContextMenu={
          entry.kind === 'heading' && context.openMenu
            ? (event) => {
                event.preventDefault();
                context.openMenu!(entry.index, event.clientX, event.clientY);
              }
            : undefined
        }
      >
        {entry.children.length ? (
          <button
            type="button"
            className="outline-toggle"
            aria-label={isCollapsed ? t('outline.expand') : t('outline.collapse')}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => toggle(entry.index)}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="outline-toggle" />
        )}
        <button type="button" className="outline-label" onClick={() => jumpTo(editor, entry.index)}>
          <span className="outline-number">{entry.kind === 'heading' ? entry.label : entry.kind === 'closing' ? t('outline.closing') : ''}</span>
          <span className="outline-text">{entry.text}</span>
        </button>
        <span className="outline-meta" title={t('outline.lengthHint')}>
          {t('outline.length', { count: entry.length })} · {time}
        </span>
        {entry.gaps.length ? (
          <span className="outline-gap" role="note" data-testid="outline-gap">
            {t('outline.gap', { missing: entry.gaps.join('、') })}
          </span>
        ) : null}
      </div>
      {entry.children.length && !isCollapsed ? (
        <ul role="group">
          {entry.children.map((child) => (
            <Row key={`${child.kind}-${child.index}`} entry={child} context={context} />
          ))}
        </ul>
      ) : null}
    </li>
  );
});

/**
 * The tree, subscribed to the outline. It sits inside `DndContext` so that the drag context (whose
 * changes re-render every draggable) is not re-rendered by typing.
 */
function OutlineTree({ editor, rate, openMenu }: { editor: Editor; rate: number; openMenu?: RowContext['openMenu'] }) {
  const { t } = useTranslation();
  const current = useEditorState({ editor, selector: ({ editor: ed }) => outlineOf(ed.state), equalityFn: (a, b) => a === b });
  const state = useDeferredValue(current);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback(
    (index: number) =>
      setCollapsed((now) => {
        const next = new Set(now);
        if (!next.delete(index)) next.add(index);
        return next;
      }),
    [],
  );
  const activeIndex = state?.activeIndex;
  const context = useMemo<RowContext>(() => ({ editor, rate, activeIndex, collapsed, toggle, ...(openMenu ? { openMenu } : {}) }), [editor, rate, activeIndex, collapsed, toggle, openMenu]);
  if (!state) return null;
  const { outline } = state;
  return (
    <>
      {outline.entries.length === 0 ? <p className="outline-empty">{t('outline.empty')}</p> : null}
      <ul role="tree">
        {outline.entries.map((entry) => (
          <Row key={`${entry.kind}-${entry.index}`} entry={entry} context={context} />
        ))}
      </ul>
      <EndDropLine editor={editor} />
      {outline.gaps.length ? <p className="outline-gap">{t('outline.gap', { missing: outline.gaps.join('、') })}</p> : null}
    </>
  );
}

/** The drop line after the last section: dropping there moves a section to the end. */
function EndDropLine({ editor }: { editor: Editor }) {
  const count = useEditorState({ editor, selector: ({ editor: ed }) => ed.state.doc.childCount }) ?? 0;
  return <DropLine target={count} />;
}

/**
 * The sidebar. `onSaveSection` adds a context menu to heading rows with 保存此节到素材库…: the cursor
 * goes to the heading, then the app opens the save-to-library dialog for that section.
 */
export function OutlinePanel({ editor, rate, onSaveSection }: { editor: Editor; rate: number; onSaveSection?: () => void }) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<{ index: number; x: number; y: number } | undefined>(undefined);
  const openMenu = useCallback((index: number, x: number, y: number) => setMenu({ index, x, y }), []);
  useEffect(() => {
    if (!menu) return undefined;
    const close = () => setMenu(undefined);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [menu]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const index = event.active.data.current?.index as number | undefined;
      const target = event.over?.data.current?.target as number | undefined;
      if (index === undefined || target === undefined) return;
      editor.commands.moveSectionTo(index, target);
    },
    [editor],
  );
  return (
    <nav className="outline-panel" aria-label={t('outline.title')} data-testid="outline">
      <h2>{t('outline.title')}</h2>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <OutlineTree editor={editor} rate={rate} {...(onSaveSection ? { openMenu } : {})} />
      </DndContext>
      {menu && onSaveSection ? (
        <div className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="outline-menu">
          <button
            type="button"
            role="menuitem"
            autoFocus
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => {
              setMenu(undefined);
              jumpTo(editor, menu.index);
              onSaveSection();
            }}
          >
            {t('outline.saveSection')}
          </button>
        </div>
      ) : null}
    </nav>
  );
}
