#!/usr/bin/env node
// The `capwatch` command line, from the JavaScript that `npm install` builds into dist/ (bin/build.js).
import { existsSync } from 'node:fs';

process.setSourceMapsEnabled(true);
if (existsSync('.env')) process.loadEnvFile('.env'); // the same .env as `npm start`
const { runCli } = await import('../dist/cli.js');
process.exitCode = await runCli(process.argv.slice(2));
