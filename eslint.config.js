// Per-folder import rules (STYLE.md, from VS Code): shared/ imports no platform; renderer/ and
// electron/ never import each other; electron/handlers.ts and electron/services/ never import electron; cli/ is
// plain Node. Node's globals exist only in electron/, cli/, scripts/, e2e/ and the root config files; no module
// imports itself around a circle. The compiler holds each layer to its own library too (tsconfig.<layer>.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettierOff from 'eslint-config-prettier';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'util',
  'events',
  'zlib',
];
const pattern = (group, message) => ({ group, message });
// The electron package itself, not a folder named electron (a bare 'electron' group would also match
// '../electron/services/…', which cli/ may import).
const electronPackage = (message) => ({ regex: '^electron(/.*)?$', message });
// Node's globals that a browser lacks. shared/ runs in the renderer and in workers too, and the renderer never
// touches Node, so these are refused there (typescript-eslint turns no-undef off, so globals alone refuse nothing).
const nodeGlobals = [
  'Buffer',
  'process',
  '__dirname',
  '__filename',
  'require',
  'module',
  'exports',
  'global',
  'setImmediate',
  'clearImmediate',
].map((name) => ({ name, message: `${name} is Node's: shared/ and renderer/ run where Node is not.` }));
const tests = ['**/*.test.ts', '**/*.spec.ts', '**/*.test.tsx', '**/*.spec.tsx'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      'bench-results/**',
    ],
  },
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
    // Import circles: a module that reaches itself through its imports (issue 13). Type-only imports count too,
    // since they tie the files' meanings together the same way.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and sees no circle among .ts files.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    ignores: tests,
    rules: { 'no-restricted-globals': ['error', ...nodeGlobals] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'shared/ runs everywhere: no Electron.'),
            pattern(nodeBuiltins, 'shared/ runs everywhere: no Node APIs.'),
            pattern(['react', 'react-dom', 'react/*', 'react-dom/*', '@tiptap/react'], 'shared/ holds no UI.'),
            pattern(['**/renderer/**', '**/electron/**', '**/e2e/**'], 'shared/ imports libraries only.'),
          ],
        },
      ],
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'The renderer reaches main only through window.lectern.'),
            pattern(nodeBuiltins, 'The renderer never touches the file system or Node.'),
            pattern(['**/electron/**', '**/e2e/**'], 'renderer/ never imports electron/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [pattern(['**/renderer/**', '**/e2e/**'], 'electron/ never imports renderer/.')],
        },
      ],
    },
  },
  {
    // The web host binds the same handlers in plain Node (DESIGN.md, decision 4): handlers.ts may not need Electron.
    files: ['electron/handlers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPackage(
              'handlers.ts is bound by the web host in plain Node too: no electron import (bind it in main).',
            ),
            pattern(['**/renderer/**', '**/e2e/**'], 'electron/ never imports renderer/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPackage('cli/ runs in plain Node: no Electron.'),
            // The services are plain Node; the rest of electron/ (main, preload, windows) needs Electron.
            {
              regex: '/electron/(?!services/)',
              message: 'cli/ may use electron/services/ only, never main-process code.',
            },
            // The UI's strings are data the CLI shares so that its refusals read as the app's dialogs do.
            {
              regex: '/renderer/(?!i18n/resources$)',
              message: 'cli/ runs in plain Node: no renderer code (its strings only).',
            },
            pattern(['**/e2e/**'], 'cli/ never imports the end-to-end tests.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron', 'electron/*'],
              'Services are plain Node modules: no electron import (bind them in main).',
            ),
            pattern(['**/renderer/**', '**/e2e/**'], 'electron/ never imports renderer/.'),
          ],
        },
      ],
    },
  },
  // Prettier lays the code out (npm run format; `lint` checks it); ESLint's layout rules step aside for it. Prettier
  // leaves comments and string literals as written, so the line limit is kept here for those, at Prettier's width.
  prettierOff,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
    },
  },
);
