/** The Node flags of package.json's start script (`node <flags> bin/main.js`), so benches run the bot as deployed. */
import { readFileSync } from 'node:fs';

export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts?: Record<string, string> };
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}
