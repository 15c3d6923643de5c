/** The renderer's entry: language from settings, font chains from the shared table, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FONT_CHAINS, cssFontFamily, type FaceName } from '../shared/document/fonts';
import { lectern } from './host/api';
import type { Settings } from '../shared/ipc/contract';
import { initI18n } from './i18n';
import { App } from './app';
import './styles.css';

async function start(): Promise<void> {
  const api = lectern();
  const settings: Settings = await api
    .getSettings({})
    .catch(() => ({ language: 'zh-CN', checkLevels: true, autosave: false, profiles: {} }));
  await initI18n(settings.language);
  for (const face of Object.keys(FONT_CHAINS) as FaceName[]) {
    document.documentElement.style.setProperty(`--font-${face}`, cssFontFamily(face));
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App api={api} initialSettings={settings} />
    </StrictMode>,
  );
}

void start();
