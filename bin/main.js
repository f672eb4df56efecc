#!/usr/bin/env node
// `npm start`: loads .env when present, then starts every configured adapter (the console when none).
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
if (existsSync('.env')) process.loadEnvFile('.env');
const { loadConfig, ConfigError } = await import('../src/config.ts');
const { start } = await import('../src/main.ts');
try {
  await start(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // Start-up failures (a rejected token, a busy port) are the operator's to fix: say which, without a stack.
  process.stderr.write(`capwatch could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
