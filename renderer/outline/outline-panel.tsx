/**
 * The outline sidebar: the speech's headings with their numbers and, under each section, its
 * enumerated points; each with its length and speaking time, gaps in enumerations flagged. Click
 * an entry to jump there; the section under the cursor is highlighted; sections collapse; drag a
 * heading (dnd-kit) to move its whole section, which is one undoable step.
 */
import { useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { OutlineEntry } from '../../shared/document/outline';
import { formatDuration, speakingSeconds } from '../../shared/document/stats';
import { outlineOf } from '../editor/extensions/outline-state';

/** Puts the cursor at the start of a block and scrolls it into view. */
export function jumpTo(editor: Editor, entry: Pick<OutlineEntry, 'pos'>): void {
  editor.chain().focus().setTextSelection(entry.pos + 1).run();
  const dom = editor.view.nodeDOM(entry.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
}

function DropLine({ target }: { target: number }) {
  const { setNodeRef, isOver } = useDroppable({ id: `before-${target}`, data: { target } });
  return <div ref={setNodeRef} className={`outline-drop${isOver ? ' over' : ''}`} data-testid={`outline-drop-${target}`} />;
}

interface RowProps {
  editor: Editor;
  entry: OutlineEntry;
  rate: number;
  active: boolean;
  collapsed: boolean;
  onToggle: () => void;
  children?: ReactNode;
}

function Row({ editor, entry, rate, active, collapsed, onToggle, children }: RowProps) {
  const { t } = useTranslation();
  const draggable = useDraggable({ id: `section-${entry.index}`, data: { index: entry.index }, disabled: entry.kind !== 'heading' });
  const time = formatDuration(speakingSeconds(entry.length, rate));
  return (
    <li className={`outline-item ${entry.kind} level-${entry.level}`} data-index={entry.index}>
      {entry.kind === 'heading' ? <DropLine target={entry.index} /> : null}
      <div
        ref={draggable.setNodeRef}
        className={`outline-row${active ? ' active' : ''}${draggable.isDragging ? ' dragging' : ''}`}
        aria-current={active ? 'location' : undefined}
        data-testid="outline-row"
        {...draggable.attributes}
        {...draggable.listeners}
        role="treeitem"
        aria-expanded={entry.children.length ? !collapsed : undefined}
      >
        {entry.children.length ? (
          <button
            type="button"
            className="outline-toggle"
            aria-label={collapsed ? t('outline.expand') : t('outline.collapse')}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={onToggle}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="outline-toggle" />
        )}
        <button type="button" className="outline-label" onPointerDown={(event) => event.button === 0 && event.stopPropagation()} onClick={() => jumpTo(editor, entry)}>
          <span className="outline-number">{entry.kind === 'heading' ? entry.label : ''}</span>
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
      {children}
    </li>
  );
}

export function OutlinePanel({ editor, rate }: { editor: Editor; rate: number }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: ed }) => outlineOf(ed.state) });
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  if (!state) return null;
  const { outline, activeIndex } = state;

  const onDragEnd = (event: DragEndEvent) => {
    const index = event.active.data.current?.index as number | undefined;
    const target = event.over?.data.current?.target as number | undefined;
    if (index === undefined || target === undefined) return;
    editor.commands.moveSectionTo(index, target);
  };

  const render = (entries: readonly OutlineEntry[]): ReactNode =>
    entries.map((entry) => {
      const isCollapsed = collapsed.has(entry.index);
      return (
        <Row
          key={`${entry.kind}-${entry.index}`}
          editor={editor}
          entry={entry}
          rate={rate}
          active={entry.index === activeIndex}
          collapsed={isCollapsed}
          onToggle={() =>
            setCollapsed((now) => {
              const next = new Set(now);
              if (!next.delete(entry.index)) next.add(entry.index);
              return next;
            })
          }
        >
          {entry.children.length && !isCollapsed ? <ul role="group">{render(entry.children)}</ul> : null}
        </Row>
      );
    });

  return (
    <nav className="outline-panel" aria-label={t('outline.title')} data-testid="outline">
      <h2>{t('outline.title')}</h2>
      {outline.entries.length === 0 ? <p className="outline-empty">{t('outline.empty')}</p> : null}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <ul role="tree">{render(outline.entries)}</ul>
        <DropLine target={editor.state.doc.childCount} />
      </DndContext>
      {outline.gaps.length ? <p className="outline-gap">{t('outline.gap', { missing: outline.gaps.join('、') })}</p> : null}
    </nav>
  );
}
