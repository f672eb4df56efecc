/** DESIGN.md: commands/ and adapters/ depend on src/; src/ imports them only from the composition roots. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, it, expect } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['src/main.ts', 'src/cli.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports, static or dynamic, as a path from the repository root. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.filter((f) => f.fileName.startsWith('.')).map((f) => relative(root, resolve(dirname(file), f.fileName)));
}

describe('layers', () => {
  it('src/ imports neither commands/ nor adapters/ outside main.ts and cli.ts', () => {
    const crossings = sourceFiles(join(root, 'src'))
      .filter((file) => !ROOTS.includes(relative(root, file)))
      .flatMap((file) => importsOf(file).filter((i) => /^(?:commands|adapters)\//.test(i)).map((i) => `${relative(root, file)} -> ${i}`));
    expect(crossings).toEqual([]);
  });

  it('sees the imports it checks, dynamic ones included', () => {
    const main = importsOf(join(root, 'src/main.ts'));
    expect(main).toContain('commands/index.ts');
    expect(main).toContain('adapters/console/index.ts');
  });
});
