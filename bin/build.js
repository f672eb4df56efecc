#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` builds): the TypeScript of src/, commands/ and
// adapters/ to plain JavaScript in dist/, with source maps, for `npm start` and the `capwatch` bin.
//
// esbuild rather than tsc: the typecheck is `npm run typecheck`; this only strips types and links
// (well under a second), so the test run builds too (vitest's globalSetup) and tests that start bin/
// never see a stale dist/. Our code is bundled per entry point, split at every dynamic import(), so a
// command loads a handful of files rather than a hundred; packages stay in node_modules, except the
// few in VENDORED that ship as many small modules and are loaded on every start (bundled once, which
// saves their resolution and most of their load time: prom-client 60 -> 15 ms of CPU, kysely 260 files).
// Data files are resolved from the package root, except the chart fonts: copied to dist/font/, where
// src/charts/font.ts looks for them relative to the bundled code.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');

/** What bin/ imports: the command line, the bot's start, and the configuration it validates first. */
const ENTRIES = { cli: 'src/cli.ts', main: 'src/main.ts', config: 'src/config.ts' };
const VENDORED = ['zod', 'kysely', 'prom-client', 'rate-limiter-flexible', 'discord.js', '@slack/bolt', 'vega', 'vega-lite'];
/** The subset fonts the charts draw with (src/charts/font/README.md). */
const FONTS = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'];
/** Optional native add-ons that discord.js's ws and gateway look for at run time; they stay out of the bundle. */
const OPTIONAL = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack'];

/** `export *` cannot re-export CommonJS as ESM names, so a CommonJS package's vendored file names its exports. */
function vendorEntry(name) {
  let exported;
  try {
    exported = createRequire(import.meta.url)(name);
  } catch (error) {
    // An ES module (one Node will not require()) re-exports its names as they are.
    if (String(error.code).startsWith('ERR_REQUIRE_')) return `export * from '${name}';`;
    throw error;
  }
  const names = Object.keys(exported).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
  return `export { ${names.join(', ')} } from '${name}';`;
}

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: 'linked', sourcesContent: false, logLevel: 'warning' };

export default async function buildDist() {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    ...common,
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    // Chunks beside the entries, so one relative path to a vendored package holds for every file.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    packages: 'external',
    plugins: [
      {
        name: 'vendored',
        setup(b) {
          const filter = new RegExp(`^(${VENDORED.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
          b.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
        },
      },
    ],
  });
  mkdirSync(join(outdir, 'font'));
  for (const font of FONTS) copyFileSync(join(root, 'src', 'charts', 'font', font), join(outdir, 'font', font));
  for (const name of VENDORED) {
    await build({
      ...common,
      // CommonJS packages require() Node's built-ins, which an ES module has to be given.
      banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
      external: OPTIONAL,
      stdin: { contents: vendorEntry(name), resolveDir: root, sourcefile: `vendor-${name}.js` },
      outfile: join(outdir, 'vendor', `${name}.js`),
      minify: true,
      // Node reads the map of every module it loads when source maps are on; third-party frames need none.
      sourcemap: false,
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildDist();
