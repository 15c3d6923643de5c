/**
 * Menu commands while the start view shows. Main's menu stays the same whether a document is open
 * or not (it does not know), so the commands that act on an open document are dropped here rather
 * than run on the hidden, empty editor; New from Template goes to the start view's own templates.
 */
import type { Command } from '../../shared/ipc/contract';

/** Commands that need an open document: there is nothing to save, undo, export, zoom or show a panel for. */
const DOCUMENT_COMMANDS: ReadonlySet<Command['command']> = new Set<Command['command']>([
  'save',
  'saveAs',
  'undo',
  'redo',
  'toggleOutline',
  'properties',
  'togglePlaceholders',
  'export',
  'print',
  'saveToLibrary',
  'keepVersion',
  'toggleHistory',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'zoomFitWidth',
]);

/**
 * What to do with `command` while no document is open: `templates` for 从模板新建 and the library
 * (move the focus to the start view's templates), `ignore` for a command that needs a document,
 * and `run` for the rest (new, open, open recent, import, language, recover unsaved work), which
 * work the same with or without one.
 */
export function startViewCommand(command: Command): 'run' | 'templates' | 'ignore' {
  if (command.command === 'newFromTemplate' || command.command === 'toggleLibrary') return 'templates';
  return DOCUMENT_COMMANDS.has(command.command) ? 'ignore' : 'run';
}
