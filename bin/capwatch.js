#!/usr/bin/env node
// The `capwatch` command line, from the JavaScript that `npm install` builds into dist/ (bin/build.js).
process.setSourceMapsEnabled(true);
const { runCli } = await import('../dist/cli.js');
process.exitCode = await runCli(process.argv.slice(2));
