// Per-folder import rules (STYLE.md, from VS Code): shared/ imports no platform; renderer/ and
// electron/ never import each other; electron/services/ never import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'util', 'events', 'zlib'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron', 'electron/*'], 'shared/ runs everywhere: no Electron.'),
          pattern(nodeBuiltins, 'shared/ runs everywhere: no Node APIs.'),
          pattern(['react', 'react-dom', 'react/*', 'react-dom/*', '@tiptap/react'], 'shared/ holds no UI.'),
          pattern(['**/renderer/**', '**/electron/**', '**/e2e/**'], 'shared/ imports libraries only.'),
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron', 'electron/*'], 'The renderer reaches main only through window.lectern.'),
          pattern(nodeBuiltins, 'The renderer never touches the file system or Node.'),
          pattern(['**/electron/**', '**/e2e/**'], 'renderer/ never imports electron/.'),
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern(['**/renderer/**', '**/e2e/**'], 'electron/ never imports renderer/.')],
      }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron', 'electron/*'], 'Services are plain Node modules: no electron import (bind them in main).'),
          pattern(['**/renderer/**', '**/e2e/**'], 'electron/ never imports renderer/.'),
        ],
      }],
    },
  },
);
