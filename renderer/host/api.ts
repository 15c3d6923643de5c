/**
 * The renderer's one way to reach main: `window.lectern`, exposed by Electron's preload, or, where
 * the renderer runs on the web host (end-to-end tests), the same API over loopback HTTP.
 */
import type { LecternApi } from '../../shared/ipc/contract';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    lectern?: LecternApi;
  }
}

let bridge: LecternApi | undefined;

export function lectern(): LecternApi {
  if (window.lectern) return window.lectern;
  bridge ??= createWebBridge();
  return bridge;
}
