#!/usr/bin/env node
// The `capwatch` command line, from the JavaScript that `npm install` builds into dist/ (bin/build.js).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('capwatch is not built yet: run `npm run build` (npm install does it).\n');
  process.exit(1);
}
process.setSourceMapsEnabled(true);
if (existsSync('.env')) process.loadEnvFile('.env'); // the same .env as `npm start`
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
