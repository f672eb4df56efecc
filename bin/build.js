#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` builds): src/, commands/ and adapters/ to plain
// JavaScript in dist/, one file per source file with its source map, the tree kept as it is so a
// path made from import.meta.url means the same in dist/ as in the source. Files that are not
// TypeScript (data bundles, templates) are copied next to their compiled neighbours.
// esbuild rather than tsc: the typecheck is `npm run typecheck`; this only strips types (~0.3 s), so
// the test run builds too (vitest's globalSetup) and tests that start bin/ never see a stale dist/.
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
const trees = ['src', 'commands', 'adapters'];

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

// Every import stays an import: relative ones point at the compiled .js, packages at node_modules.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

export default async function buildDist() {
  const files = trees.flatMap((tree) => walk(join(root, tree)));
  const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const assets = files.filter((f) => !f.endsWith('.ts') && !f.endsWith('.md'));
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: sources,
    outdir,
    outbase: root,
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const file of assets) cpSync(file, join(outdir, relative(root, file)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildDist();
