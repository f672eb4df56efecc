#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
if (existsSync('.env')) process.loadEnvFile('.env'); // the same .env as `npm start`
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
