import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark page (bench/): the real renderer and a plain TipTap editor, built like the app.
export default defineConfig({
  root: 'bench',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'chrome140' },
  logLevel: 'warn',
});
