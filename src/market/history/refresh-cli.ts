/** `capwatch snapshot refresh [--out DIR]`: rewrites the bundled history from the live providers. */
import type { Config } from '../../config.ts';
import { InputError } from '../../command.ts';
import { createHttp, type HttpOptions } from '../http.ts';
import { writeBundle } from './build.ts';
import { useBundleDir } from './bundle.ts';
import { bundleDir } from './paths.ts';
import { fetchHistory } from './refresh.ts';

export interface RefreshIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function snapshotCommand(config: Config, args: string[], out: string | undefined, io: RefreshIo, http?: HttpOptions): Promise<number> {
  if (args[0] !== 'refresh' || args.length > 1) throw new InputError(`Unknown snapshot command "${args.join(' ')}".`, 'Use: capwatch snapshot refresh [--out DIR]');
  const data = await fetchHistory({
    http: createHttp({ timeoutMs: 30_000, retries: 2, ...http }),
    yahooBaseUrl: config.providers.yahooBaseUrl,
    fredBaseUrl: config.providers.fredBaseUrl,
    now: config.now(),
    log: io.out,
  });
  const dir = out ?? bundleDir();
  const index = writeBundle(dir, data);
  // Later reads in this process see the new files.
  useBundleDir(out);
  io.out(`Bundled history written to ${dir}: ${index.bars.length} series, ${index.strips?.rows ?? 0} strips, ${index.policy?.rows ?? 0} policy days.`);
  return 0;
}
