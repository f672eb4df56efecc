/** Console/CLI support: write a chart under DATA_DIR/charts and say where. */
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Chart } from '../reply.ts';
import { slug } from './format.ts';

/**
 * Writes `<dataDir>/charts/<name>-<content hash>.png` and returns its absolute path.
 * The hash keeps different charts with the same name apart and makes a repeat a no-op.
 */
export async function saveChart(chart: Chart, dataDir: string): Promise<string> {
  const dir = resolve(dataDir, 'charts');
  const stem = slug(chart.name.replace(/\.png$/i, '')) || 'chart';
  const hash = createHash('sha256').update(chart.png).digest('hex').slice(0, 10);
  const path = join(dir, `${stem}-${hash}.png`);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.size === chart.png.byteLength) return path;
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, chart.png);
  await rename(tmp, path);
  return path;
}
