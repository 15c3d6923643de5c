/**
 * Binds the IPC contract in main through one `handle()` wrapper: it checks that the sender is the
 * main frame of one of our windows showing the app, parses the payload with the call's schema
 * before any service runs, and answers with the handler's response (STYLE.md, "Applied here").
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import {
  callChannel,
  callNames,
  contract,
  eventChannel,
  events,
  type CallContext,
  type EventName,
  type EventPayload,
  type Handlers,
} from '../shared/ipc/contract';
import { isAppUrl } from './window';

/** A call refused before it reached a handler. */
export class IpcRefusal extends Error {
  override readonly name = 'IpcRefusal';
}

/** The window that sent a call, if the sender is the app's own main frame in one of our windows. */
export function senderWindow(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): BrowserWindow | undefined {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return undefined;
  const window = BrowserWindow.fromWebContents(event.sender);
  return window && window.webContents.mainFrame === frame ? window : undefined;
}

/** Registers one call: sender checked, payload parsed, then the handler. */
export function handle<S extends z.ZodType, R>(
  channel: string,
  schema: S,
  handler: (request: z.infer<S>, context: CallContext) => Promise<R>,
): void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    const window = senderWindow(event);
    if (!window) throw new IpcRefusal(`${channel}: refused a call from outside the app`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new IpcRefusal(`${channel}: invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    return handler(parsed.data, { windowId: window.id });
  });
}

/** Binds every call of the contract to its handler. */
export function bindContract(handlers: Handlers): void {
  for (const name of callNames) {
    handle(
      callChannel(name),
      contract[name].request,
      handlers[name] as (request: unknown, context: CallContext) => Promise<unknown>,
    );
  }
}

/** Sends an event to a window's renderer, checked against the contract first. */
export function sendEvent<N extends EventName>(contents: WebContents, name: N, payload: EventPayload<N>): void {
  contents.send(eventChannel(name), events[name].parse(payload));
}
