/**
 * `npm run bench`: runs every bench/<area>.ts in turn and prints its figures (nothing is asserted),
 * then one JSON line with every figure, the targets, the machine's cores and load (bench/lib/summary.ts).
 * `npm run bench -- charts cli` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summary } from './lib/summary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

// Benches that start bin/ measure the compiled dist/: build it from the current source first.
const built = spawnSync(process.execPath, [join(here, '..', 'bin', 'build.js')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');

for (const file of files) {
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<void> };
  if (typeof mod.default !== 'function') {
    console.log('(no default export; skipped)');
    continue;
  }
  await mod.default();
}

console.log(JSON.stringify(summary()));
