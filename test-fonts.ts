/**
 * Test machines only: Debian has no simplified 仿宋, so Chromium and LibreOffice render the Windows
 * font names through ../shared/fonts.conf (beside the repo). Loaded by the vitest and Playwright
 * configs, so `npm test` works without setting FONTCONFIG_FILE by hand.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fontsConf = fileURLToPath(new URL('../shared/fonts.conf', import.meta.url));
if (!process.env.FONTCONFIG_FILE && existsSync(fontsConf)) process.env.FONTCONFIG_FILE = fontsConf;
