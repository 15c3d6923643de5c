/**
 * No import circles (issue 13): no source file reaches itself through its imports, type-only imports included.
 * Lint's import-x/no-cycle catches the circles that run; it skips `import type`, and a circle of types still ties
 * two files' meanings together (the issue's own example, dialogs.tsx → document-session.ts → the recovery
 * dialogs → dialogs.tsx, is one), so this test walks every import with TypeScript's own resolver.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['shared', 'electron', 'renderer', 'cli', 'e2e', 'scripts', 'bench'];

/** Every .ts/.tsx file below `folder`, as absolute paths. */
function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The project's files each file imports (static, dynamic and type-only), resolved as the compiler does. */
function importGraph(files: string[]): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const options = config?.options ?? {};
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && !target.includes('node_modules'))
      .map((target) => path.resolve(target));
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The circles a depth-first walk meets (at least one whenever any exists), each as the files around it relative to
 * ROOT, from the file met first back to it.
 */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      found.push([...onPath.slice(at), file].map((f) => path.relative(ROOT, f)));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('imports', () => {
  it('find a circle when there is one (the walk itself)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(circles(graph).map((circle) => circle.map((f) => path.basename(f)))).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
    ]);
  });

  it('resolve extensionless, type-only and dynamic imports to the project files', () => {
    const graph = importGraph([path.join(ROOT, 'electron/handlers.ts')]);
    expect(graph.get(path.join(ROOT, 'electron/handlers.ts'))).toEqual(
      expect.arrayContaining([
        path.join(ROOT, 'shared/ipc/contract.ts'),
        path.join(ROOT, 'electron/services/index.ts'),
      ]),
    );
  });

  it('never come back to the file they start from', () => {
    const graph = importGraph(FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder))));
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  }, 60_000);
});
