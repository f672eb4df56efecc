/** The compiled runtime (bin/build.js, run by vitest's globalSetup): plain JavaScript whose stack traces name the TypeScript. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');

/** A configuration error thrown inside dist/, its stack printed by a plain node process. */
function stackOfConfigError(flags: string[]): string {
  const script = `const m = await import(${JSON.stringify(join(dist, 'config.js'))}); try { m.loadConfig({ PORT: 'x' }); } catch (e) { console.log(e.stack); }`;
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('bin/build.js', () => {
  it('builds the entry points bin/ imports, each with its source map, and no TypeScript', () => {
    for (const entry of ['cli.js', 'main.js', 'config.js']) {
      expect(existsSync(join(dist, entry))).toBe(true);
      expect(existsSync(join(dist, `${entry}.map`))).toBe(true);
    }
    expect(readdirSync(dist).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('maps a stack trace back to the TypeScript line when source maps are on, as npm start runs', () => {
    expect(stackOfConfigError(['--enable-source-maps'])).toMatch(/src\/config\.ts:\d+:\d+/);
    expect(stackOfConfigError([])).toMatch(/dist\/[\w-]+\.js:\d+/);
  });

  it('bundles the packages that ship as many small files into dist/vendor', () => {
    const vendored = readdirSync(join(dist, 'vendor'), { recursive: true }).map(String);
    expect(vendored).toEqual(expect.arrayContaining(['discord.js.js', 'kysely.js', 'vega.js', 'zod.js']));
  });
});
