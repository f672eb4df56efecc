/** DATA_DIR must exist (or be creatable) and be writable; anything else is one clear configuration error. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config.ts';

export function prepareDataDir(dir: string): void {
  const abs = resolve(dir);
  try {
    mkdirSync(abs, { recursive: true });
    if (!statSync(abs).isDirectory()) throw new Error('not a directory');
    accessSync(abs, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way' : code === 'EROFS' ? 'read-only file system' : (error as Error).message;
    throw new ConfigError([`DATA_DIR: cannot create or write ${abs} (${why})`]);
  }
}
