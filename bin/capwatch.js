#!/usr/bin/env node
// The `capwatch` command line, from the JavaScript that `npm install` builds into dist/ (bin/build.js).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of dist/ between runs (a no-op on Node 20, which has no such cache).
module.enableCompileCache?.();

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('capwatch is not built yet: run `npm run build` (npm install does it).\n');
  process.exit(1);
}
// No source maps here: the CLI reports failures in one line, never a stack trace, and reading the maps of
// every module it loads costs about a tenth of its start. `node --enable-source-maps bin/capwatch.js` has them.
if (existsSync('.env')) process.loadEnvFile('.env'); // the same .env as `npm start`
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
