/**
 * `npm run snapshot:build -- <input dir> [--manifest file.json] [--out dir]`: turns vendor-format files into
 * the bundled history. Without --manifest the committed default (manifest.ts) names the input files.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBundle } from './build.ts';
import { DEFAULT_MANIFEST, Manifest } from './manifest.ts';
import { bundleDir } from './paths.ts';

export function runBuild(argv: string[], log: (line: string) => void = console.log): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { manifest: { type: 'string' }, out: { type: 'string' } } });
  const input = positionals[0];
  if (!input) {
    console.error('Usage: npm run snapshot:build -- <input dir> [--manifest file.json] [--out dir]');
    return 2;
  }
  const manifest = values.manifest ? Manifest.parse(JSON.parse(readFileSync(values.manifest, 'utf8'))) : DEFAULT_MANIFEST;
  const out = values.out ?? bundleDir();
  const index = buildBundle(input, out, manifest);
  for (const s of index.bars) log(`${s.symbol}: ${s.rows} closes ${s.from} to ${s.to} (${s.basis})`);
  if (index.strips) log(`strips: ${index.strips.rows} trade dates ${index.strips.from} to ${index.strips.to}`);
  if (index.policy) log(`policy: ${index.policy.rows} days ${index.policy.from} to ${index.policy.to}`);
  log(`written to ${out}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = runBuild(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
