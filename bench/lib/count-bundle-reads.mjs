// Preloaded by bench/history.ts: counts reads of bundled history files and prints the count on exit (stderr).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.readFileSync;
let reads = 0;
fs.readFileSync = function (path, ...rest) {
  if (String(path).includes('market/history/data')) reads += 1;
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`\nbundle-reads=${reads}\n`));
