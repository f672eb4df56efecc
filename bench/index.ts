/** `npm run bench`: runs every bench/<area>.ts in turn and prints its figures (nothing is asserted). */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<void> };
  if (typeof mod.default !== 'function') {
    console.log('(no default export; skipped)');
    continue;
  }
  await mod.default();
}
