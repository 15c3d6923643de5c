/**
 * The outline sidebar: the speech's headings with their numbers and, under each section, its
 * enumerated points; each with its length and speaking time, gaps in enumerations flagged. Click
 * an entry to jump there; the section under the cursor is highlighted; sections collapse; drag a
 * heading (dnd-kit) to move its whole section, which is one undoable step.
 *
 * By keyboard it is a tree (the WAI-ARIA tree pattern; issue 12, item 8): one tab stop, ↑↓ Home
 * End move between rows, ← → collapse and expand (or go to the parent and the first child), Enter
 * jumps into the page, Alt+Shift+arrows move and shift the section, Space picks a section up to
 * move it with ↑↓ from drop line to drop line, Shift+F10 opens the context menu. What a screen
 * reader hears of a drag is in the UI's language.
 *
 * Typing must stay fast in a 300,000-character speech: the outline keeps unchanged entries'
 * identity (`buildOutline` shares them), rows are memoised on it, and the sidebar renders from a
 * deferred value, after the keystroke's own frame.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import i18next, { type TFunction } from 'i18next';
import * as ContextMenu from '@radix-ui/react-context-menu';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import type { OutlineEntry } from '../../shared/document/outline';
import { formatDuration, speakingSeconds } from '../../shared/document/stats';
import { outlineOf } from '../editor/extensions/outline-state';
import { blockPosition } from '../../shared/document/sections';
import { scrollerOf, settleScroll } from '../editor/settle-scroll';

/** Puts the cursor at the start of the top-level block `index`, the keyboard in the page, and scrolls it into view. */
export function jumpTo(editor: Editor, index: number): void {
  const pos = blockPosition(editor.state.doc, index);
  editor.commands.setTextSelection(pos + 1);
  // At once, not in TipTap's next animation frame: keys typed right after Enter on a row go to the page.
  editor.view.focus();
  const dom = editor.view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement)) return;
  dom.scrollIntoView({ block: 'center' });
  // The blocks the jump brings on screen take their real heights in the next frames: centred again as they do.
  const desk = scrollerOf(dom) ?? document.documentElement;
  settleScroll(
    desk,
    () => (dom.isConnected ? dom.getBoundingClientRect().top : undefined),
    (top) => {
      const box = desk.getBoundingClientRect();
      const off = top + dom.getBoundingClientRect().height / 2 - (box.top + box.bottom) / 2;
      // Near the speech's ends the block cannot be centred: it is in place once the desk can scroll no further.
      const room = off > 0 ? desk.scrollHeight - desk.clientHeight - desk.scrollTop : desk.scrollTop;
      return room <= 1 ? 0 : off;
    },
    () => dom.scrollIntoView({ block: 'center' }),
  );
}

/**
 * The drop target above a heading's row. Memoised: a row renders again with each keystroke in its section (its
 * length and time), and the line above it, with dnd-kit's droppable hook, has nothing new to draw (issue 18).
 */
const DropLine = memo(function DropLine({ target }: { target: number }) {
  const { setNodeRef, isOver } = useDroppable({ id: `before-${target}`, data: { target } });
  return (
    <div ref={setNodeRef} className={`outline-drop${isOver ? ' over' : ''}`} data-testid={`outline-drop-${target}`} />
  );
});

/** What every row shares; a new object only when one of these changes. */
interface RowContext {
  editor: Editor;
  rate: number;
  activeIndex: number | undefined;
  /** The row Tab lands on: the section under the cursor, else the first row. */
  tabStop: number | undefined;
  collapsed: ReadonlySet<number>;
  toggle: (index: number) => void;
  /** Marks the row whose context menu is about to open (headings only). */
  openMenu?: (index: number) => void;
  /** The UI language's strings. */
  t: TFunction;
}

/** Alt+Shift+arrows on a sidebar row, as in the editor: move past a sibling, promote, demote. */
const SECTION_KEYS: Record<string, (editor: Editor) => boolean> = {
  ArrowUp: (editor) => editor.commands.moveSectionBySibling(-1),
  ArrowDown: (editor) => editor.commands.moveSectionBySibling(1),
  ArrowLeft: (editor) => editor.commands.shiftSection(-1),
  ArrowRight: (editor) => editor.commands.shiftSection(1),
};

const ROW_SELECTOR = '.outline-row[role="treeitem"]';

/** What a row shows before its words: a heading's number, 结束语 for the closing, nothing for a point. */
function rowNumber(entry: Pick<OutlineEntry, 'kind' | 'label'>, t: (key: string) => string): string {
  return entry.kind === 'heading' ? entry.label : entry.kind === 'closing' ? t('outline.closing') : '';
}

/** The rows drawn now (collapsed sections' children are not), in screen order. */
function visibleRows(from: HTMLElement): HTMLElement[] {
  const tree = from.closest('[role="tree"]');
  return tree ? Array.from(tree.querySelectorAll<HTMLElement>(ROW_SELECTOR)) : [];
}

function onSectionKey(editor: Editor, index: number, event: React.KeyboardEvent): boolean {
  const action = SECTION_KEYS[event.key];
  if (!action || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
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
  return true;
}

/**
 * The tree keys on a focused row (not on a drag in progress, whose keys are dnd-kit's). Returns
 * whether the key was used.
 */
function onTreeKey(entry: OutlineEntry, context: RowContext, event: React.KeyboardEvent<HTMLElement>): boolean {
  if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return false;
  const row = event.currentTarget;
  const rows = visibleRows(row);
  const at = rows.indexOf(row);
  const expandable = entry.children.length > 0;
  const collapsed = context.collapsed.has(entry.index);
  let next: HTMLElement | undefined;
  if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
    // Opens the context menu where the row is, as a right click there would.
    const box = row.getBoundingClientRect();
    row.dispatchEvent(
      new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: box.left + 24, clientY: box.bottom }),
    );
  } else if (event.shiftKey) return false;
  else if (event.key === 'ArrowDown') next = rows[at + 1];
  else if (event.key === 'ArrowUp') next = rows[at - 1];
  else if (event.key === 'Home') next = rows[0];
  else if (event.key === 'End') next = rows[rows.length - 1];
  else if (event.key === 'ArrowRight') {
    if (expandable && collapsed) context.toggle(entry.index);
    else if (expandable) next = rows[at + 1];
  } else if (event.key === 'ArrowLeft') {
    if (expandable && !collapsed) context.toggle(entry.index);
    else {
      const parent = row.parentElement?.parentElement?.closest('li.outline-item');
      next = parent?.querySelector<HTMLElement>(`:scope > ${ROW_SELECTOR}`) ?? undefined;
    }
  } else if (event.key === 'Enter') jumpTo(context.editor, entry.index);
  else return false;
  event.preventDefault();
  next?.focus();
  return true;
}

/**
 * What a row shows: its toggle, number, text, length and time, and the points it misses. Its props are values, so
 * it renders only when one of them changes. dnd-kit re-renders every draggable row when anything in the drag
 * context changes (a section move does), and this keeps that to the row's frame: a move of one section drew all
 * 260 rows of the long speech's outline, their strings looked up again, 21 ms of a move's ~56 (issue 18).
 */
const RowBody = memo(function RowBody(props: {
  editor: Editor;
  index: number;
  kind: OutlineEntry['kind'];
  label: string;
  text: string;
  length: number;
  rate: number;
  /** The missing points' markers, joined with 、 (empty when none). */
  gaps: string;
  expandable: boolean;
  collapsed: boolean;
  toggle: (index: number) => void;
  /**
   * The UI language's strings, from the tree (a new function when the language changes): a `useTranslation` in
   * each row copied the i18n instance once per row, 300 times on opening the long speech (issue 18).
   */
  t: TFunction;
}) {
  const { editor, index, kind, label, text, length, rate, gaps, expandable, collapsed, toggle, t } = props;
  const time = formatDuration(speakingSeconds(length, rate));
  return (
    <>
      {expandable ? (
        <button
          type="button"
          tabIndex={-1}
          className="outline-toggle"
          aria-label={collapsed ? t('outline.expand') : t('outline.collapse')}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => toggle(index)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="outline-toggle" />
      )}
      <button type="button" tabIndex={-1} className="outline-label" onClick={() => jumpTo(editor, index)}>
        <span className="outline-number">{rowNumber({ kind, label }, t)}</span>
        <span className="outline-text">{text}</span>
      </button>
      <span className="outline-meta" title={t('outline.lengthHint')}>
        {t('outline.length', { count: length })} · {time}
      </span>
      {gaps ? (
        <span className="outline-gap" role="note" data-testid="outline-gap">
          {t('outline.gap', { missing: gaps })}
        </span>
      ) : null}
    </>
  );
});

const Row = memo(function Row({ entry, context }: { entry: OutlineEntry; context: RowContext }) {
  const { editor, rate, activeIndex, collapsed, toggle } = context;
  const draggable = useDraggable({
    id: `section-${entry.index}`,
    data: { index: entry.index },
    disabled: entry.kind !== 'heading',
  });
  const active = entry.index === activeIndex;
  const isCollapsed = collapsed.has(entry.index);
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
        // One tab stop for the whole tree; the arrow keys move between rows.
        tabIndex={entry.index === context.tabStop ? 0 : -1}
        // A tree item, not dnd-kit's button: its state is aria-expanded, not a pressed button.
        role="treeitem"
        // A point or the 结束语 cannot be dragged, but it is no disabled item: it jumps and has its menu.
        aria-disabled={undefined}
        aria-pressed={undefined}
        aria-roledescription={undefined}
        onKeyDown={(event) => {
          if (!draggable.isDragging && (onSectionKey(editor, entry.index, event) || onTreeKey(entry, context, event)))
            return;
          draggable.listeners?.onKeyDown?.(event);
        }}
        aria-expanded={entry.children.length ? !isCollapsed : undefined}
        onContextMenu={entry.kind !== 'point' && context.openMenu ? () => context.openMenu!(entry.index) : undefined}
      >
        <RowBody
          editor={editor}
          index={entry.index}
          kind={entry.kind}
          label={entry.label}
          text={entry.text}
          length={entry.length}
          rate={rate}
          gaps={entry.gaps.join('、')}
          expandable={entry.children.length > 0}
          collapsed={isCollapsed}
          toggle={toggle}
          t={context.t}
        />
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
 * changes re-render every draggable) is not re-rendered by typing. It renders with the keystroke,
 * not deferred after it, so the outline is current in the keystroke's own frame (issue 18): rows
 * keep their identity and are memoised, so only the edited section's rows render, and React's
 * commit no longer reads the page's text (react-commit-guard.ts).
 */
function OutlineTree({ editor, rate, openMenu }: { editor: Editor; rate: number; openMenu?: RowContext['openMenu'] }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: ed }) => outlineOf(ed.state),
    equalityFn: (a, b) => a === b,
  });
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
  const tabStop = tabStopOf(state?.outline.entries ?? [], activeIndex, collapsed);
  const context = useMemo<RowContext>(
    () => ({ editor, rate, activeIndex, tabStop, collapsed, toggle, t, ...(openMenu ? { openMenu } : {}) }),
    [editor, rate, activeIndex, tabStop, collapsed, toggle, openMenu, t],
  );
  if (!state) return null;
  const { outline } = state;
  return (
    <>
      {outline.entries.length === 0 ? <p className="outline-empty">{t('outline.empty')}</p> : null}
      <ul role="tree" aria-label={t('outline.title')}>
        {outline.entries.map((entry) => (
          <Row key={`${entry.kind}-${entry.index}`} entry={entry} context={context} />
        ))}
      </ul>
      <EndDropLine editor={editor} />
      {outline.gaps.length ? (
        <p className="outline-gap">{t('outline.gap', { missing: outline.gaps.join('、') })}</p>
      ) : null}
    </>
  );
}

/**
 * The row Tab lands on: the section under the cursor if its row is drawn, else its nearest drawn
 * ancestor (a collapsed section hides it), else the first row.
 */
function tabStopOf(
  entries: readonly OutlineEntry[],
  activeIndex: number | undefined,
  collapsed: ReadonlySet<number>,
): number | undefined {
  const path = (list: readonly OutlineEntry[]): OutlineEntry[] | undefined => {
    for (const entry of list) {
      if (entry.index === activeIndex) return [entry];
      const below = path(entry.children);
      if (below) return [entry, ...below];
    }
    return undefined;
  };
  const drawn = (path(entries) ?? []).filter((_, i, all) =>
    all.slice(0, i).every((above) => !collapsed.has(above.index)),
  );
  return drawn[drawn.length - 1]?.index ?? entries[0]?.index;
}

/** The drop line after the last section: dropping there moves a section to the end. */
function EndDropLine({ editor }: { editor: Editor }) {
  const count = useEditorState({ editor, selector: ({ editor: ed }) => ed.state.doc.childCount }) ?? 0;
  return <DropLine target={count} />;
}

/**
 * A keyboard drag steps from drop line to drop line (dnd-kit's default moves 25 px a press, which
 * lands between lines and reads as "nothing moves"): ↓ puts the section's centre on the next line
 * below it, ↑ on the next above.
 */
export const dropLineCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
  const { collisionRect, droppableRects } = context;
  if (!step || !collisionRect) return undefined;
  const centre = collisionRect.top + collisionRect.height / 2;
  const lines = Array.from(droppableRects.values(), (rect) => rect.top + rect.height / 2).sort((a, b) => a - b);
  const line = step > 0 ? lines.find((y) => y > centre + 1) : lines.reverse().find((y) => y < centre - 1);
  return line === undefined ? undefined : { x: currentCoordinates.x, y: currentCoordinates.y + line - centre };
};

/** A pointer drops on the line it crosses; a keyboard drag, which has no pointer, on the nearest line. */
const dropCollision: CollisionDetection = (args) =>
  args.pointerCoordinates ? rectIntersection(args) : closestCenter(args);

/** Finds the entry of block `index` anywhere in the tree. */
function findEntry(entries: readonly OutlineEntry[], index: number): OutlineEntry | undefined {
  for (const entry of entries) {
    if (entry.index === index) return entry;
    const inside = findEntry(entry.children, index);
    if (inside) return inside;
  }
  return undefined;
}

/**
 * What a screen reader hears while a section is dragged, named by its number and words in the UI's
 * language (dnd-kit's own says "Draggable item section-13 was dropped over droppable area
 * before-8"). Names are taken when they are first spoken, from the outline on screen then: the drop
 * is announced after the move has renumbered the sections, and the user should hear the names they
 * chose by ("三、… before 二、…"), not the new numbers.
 */
export function dragAnnouncements(editor: Editor): Announcements {
  const names = new Map<string, string>();
  const name = (key: string, index: unknown): string | undefined => {
    const known = names.get(key);
    if (known !== undefined || typeof index !== 'number') return known;
    const entry = findEntry(outlineOf(editor.state).outline.entries, index);
    if (!entry) return undefined;
    const words = entry.text.length > 20 ? `${entry.text.slice(0, 20)}…` : entry.text;
    const named = `${rowNumber(entry, (key) => i18next.t(key))}${words}`;
    names.set(key, named);
    return named;
  };
  const section = (active: Active) => name(String(active.id), active.data.current?.index) ?? '';
  /** Where the section would go (`moving`) or went; over its own line it stays where it was. */
  const place = (active: Active, over: Over | null, moving: boolean) => {
    const vars = { section: section(active) };
    const own = over !== null && over.data.current?.target === active.data.current?.index;
    if (!over || own)
      return moving ? (over ? undefined : i18next.t('outline.dragOut', vars)) : i18next.t('outline.dragNowhere', vars);
    const target = name(String(over.id), over.data.current?.target);
    if (moving)
      return target ? i18next.t('outline.dragOver', { ...vars, target }) : i18next.t('outline.dragOverLast', vars);
    return target ? i18next.t('outline.dragEnd', { ...vars, target }) : i18next.t('outline.dragEndLast', vars);
  };
  return {
    onDragStart: ({ active }) => {
      names.clear();
      return i18next.t('outline.dragStart', { section: section(active) });
    },
    onDragOver: ({ active, over }) => place(active, over, true),
    onDragEnd: ({ active, over }) => place(active, over, false),
    onDragCancel: ({ active }) => i18next.t('outline.dragCancel', { section: section(active) }),
  };
}

/**
 * The sidebar. `onSaveSection` adds a context menu to heading rows with 保存此节到素材库…: the cursor
 * goes to the heading, then the app opens the save-to-library dialog for that section. The 结束语
 * row's menu has 取消结束语, which makes the closing remarks body text again (one undo step).
 */
export function OutlinePanel({
  editor,
  rate,
  onSaveSection,
}: {
  editor: Editor;
  rate: number;
  onSaveSection?: () => void;
}) {
  const { t } = useTranslation();
  // The heading or closing row a right click (or Shift+F10) is on; none for points, which get no menu.
  const pending = useRef<number | undefined>(undefined);
  const [menuIndex, setMenuIndex] = useState<number | undefined>(undefined);
  const chosen = useRef(false);
  const openMenu = useCallback((index: number) => {
    pending.current = index;
  }, []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Enter on a row jumps to it, so only Space picks a section up.
    useSensor(KeyboardSensor, {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter: dropLineCoordinates,
    }),
  );
  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const index = event.active.data.current?.index as number | undefined;
      const target = event.over?.data.current?.target as number | undefined;
      if (index === undefined || target === undefined) return;
      editor.commands.moveSectionTo(index, target);
    },
    [editor],
  );
  // `t` is new when the language changes, and the instructions with it; the announcements look
  // their words up when they speak.
  const accessibility = useMemo(
    () => ({
      announcements: dragAnnouncements(editor),
      screenReaderInstructions: { draggable: t('outline.dragHint') },
    }),
    [editor, t],
  );
  const tree = (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      collisionDetection={dropCollision}
      accessibility={accessibility}
    >
      <OutlineTree editor={editor} rate={rate} {...(onSaveSection ? { openMenu } : {})} />
    </DndContext>
  );
  return (
    <nav className="outline-panel" aria-label={t('outline.title')} data-testid="outline">
      <h2>{t('outline.title')}</h2>
      {onSaveSection ? (
        <ContextMenu.Root
          modal
          onOpenChange={(open) => {
            if (open) chosen.current = false;
          }}
        >
          <ContextMenu.Trigger asChild>
            <div
              onContextMenu={(event) => {
                const index = pending.current;
                pending.current = undefined;
                // Not on a heading row: no menu (Radix opens only when the event is not prevented).
                if (index === undefined) event.preventDefault();
                else setMenuIndex(index);
              }}
            >
              {tree}
            </div>
          </ContextMenu.Trigger>
          <ContextMenu.Portal>
            <ContextMenu.Content
              className="context-menu"
              data-testid="outline-menu"
              // After 保存此节… the dialog it opens keeps the keyboard; otherwise it goes back to the row.
              onCloseAutoFocus={(event) => chosen.current && event.preventDefault()}
            >
              {menuIndex !== undefined && editor.state.doc.maybeChild(menuIndex)?.type.name === 'closing' ? (
                <ContextMenu.Item
                  className="context-menu-item"
                  onSelect={() => editor.commands.unmarkClosing(menuIndex)}
                >
                  {t('outline.unmarkClosing')}
                </ContextMenu.Item>
              ) : (
                <ContextMenu.Item
                  className="context-menu-item"
                  onSelect={() => {
                    if (menuIndex === undefined) return;
                    chosen.current = true;
                    jumpTo(editor, menuIndex);
                    onSaveSection();
                  }}
                >
                  {t('outline.saveSection')}
                </ContextMenu.Item>
              )}
            </ContextMenu.Content>
          </ContextMenu.Portal>
        </ContextMenu.Root>
      ) : (
        tree
      )}
    </nav>
  );
}
