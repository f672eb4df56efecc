/**
 * Where the bundled history lives. One function, because the compiled build (dist/) runs this module from
 * another directory: the data sits beside the source module, or under the package's src/ tree.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INDEX_FILE = 'index.json';

let resolved: string | undefined;

/** The directory holding index.json and the gzip'ed series. */
export function bundleDir(): string {
  if (resolved) return resolved;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'data')];
  // From dist/src/market/history (or any copy of this module) up to the package root, then the source tree.
  for (let dir = here, i = 0; i < 6; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      candidates.push(join(dir, 'src', 'market', 'history', 'data'));
      break;
    }
  }
  resolved = candidates.find((c) => existsSync(join(c, INDEX_FILE))) ?? candidates[0]!;
  return resolved;
}
