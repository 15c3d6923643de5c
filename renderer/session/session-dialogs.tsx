/**
 * The dialogs the document session asks and tells through: the unsaved-changes prompt, a failure,
 * a damaged file opened as a copy, a change on disk, and the recovery offer after a crash. A view
 * of the session's state; the session itself imports none of them.
 */
import { useCallback, useState } from 'react';
import type { LecternApi } from '../../shared/ipc/contract';
import { FailureDialog, UnsavedDialog } from '../components/dialogs';
import { ExternalChangeDialog } from '../recovery/external-dialog';
import { RecoveryDialog } from '../recovery/recovery-dialog';
import { SalvageDialog } from '../recovery/salvage-dialog';
import type { DocumentSession } from './document-session';
import type { SessionState, UnsavedChoice } from './session-types';

/** The unsaved-changes prompt waiting for an answer, if any. */
export interface UnsavedPrompt {
  name: string;
  resolve: (choice: UnsavedChoice) => void;
}

/** The prompt's state and `ask`, which the session calls to show it and which resolves with the user's choice. */
export function useUnsavedPrompt(): {
  prompt: UnsavedPrompt | undefined;
  ask(name: string): Promise<UnsavedChoice>;
  close(): void;
} {
  const [prompt, setPrompt] = useState<UnsavedPrompt | undefined>(undefined);
  const ask = useCallback((name: string) => new Promise<UnsavedChoice>((resolve) => setPrompt({ name, resolve })), []);
  const close = useCallback(() => setPrompt(undefined), []);
  return { prompt, ask, close };
}

/** What `SessionDialogs` shows from. */
export interface SessionDialogsProps {
  api: LecternApi;
  session: DocumentSession;
  state: SessionState;
  prompt: UnsavedPrompt | undefined;
  onPromptClosed: () => void;
}

/**
 * The session's dialogs as its state asks for them. The prompt goes first: a change on disk waits
 * behind it, and the recovery offer waits behind a change on disk.
 */
export function SessionDialogs({ api, session, state, prompt, onPromptClosed }: SessionDialogsProps) {
  return (
    <>
      {prompt ? (
        <UnsavedDialog
          name={prompt.name}
          onChoose={(choice) => {
            onPromptClosed();
            prompt.resolve(choice);
          }}
        />
      ) : null}
      {state.failure ? <FailureDialog failure={state.failure} onClose={session.dismissFailure} /> : null}
      {state.salvaged ? <SalvageDialog salvaged={state.salvaged} onClose={session.dismissSalvaged} /> : null}
      {state.external && state.docId && !prompt ? (
        <ExternalChangeDialog
          api={api}
          docId={state.docId}
          name={state.name}
          kind={state.external}
          dirty={state.dirty}
          current={() => session.currentFile()!}
          onTakeTheirs={session.takeTheirs}
          onKeepMine={session.keepMine}
          onDismiss={session.dismissExternal}
        />
      ) : null}
      {state.recovery && !state.external ? (
        <RecoveryDialog
          api={api}
          entries={state.recovery}
          onRestored={session.restored}
          onDone={session.recoveryDone}
        />
      ) : null}
    </>
  );
}
