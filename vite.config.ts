import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from the app's own scheme (Electron) or the loopback web host (tests):
// relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome140',
  },
});
