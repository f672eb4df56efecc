import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { saveChart } from '../../src/charts/save.ts';
import type { Chart } from '../../src/reply.ts';

const chart = (bytes: number[], name = 'performance-iwm-spy-1m.png'): Chart => ({ png: new Uint8Array(bytes), alt: 'x', name });

describe('saveChart', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'capwatch-data-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the PNG under DATA_DIR/charts and returns its absolute path', async () => {
    const path = await saveChart(chart([1, 2, 3]), dataDir);
    expect(isAbsolute(path)).toBe(true);
    expect(path.startsWith(join(dataDir, 'charts'))).toBe(true);
    expect(path).toMatch(/performance-iwm-spy-1m-[0-9a-f]{10}\.png$/);
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });

  it('is idempotent for the same chart and keeps different charts with one name apart', async () => {
    const a = await saveChart(chart([1, 2, 3]), dataDir);
    const again = await saveChart(chart([1, 2, 3]), dataDir);
    const other = await saveChart(chart([4, 5, 6]), dataDir);
    expect(again).toBe(a);
    expect(other).not.toBe(a);
    expect((await readdir(join(dataDir, 'charts'))).sort()).toHaveLength(2);
  });

  it('makes a hostile name safe', async () => {
    const path = await saveChart(chart([9], '../../etc/passwd.png'), dataDir);
    expect(path.startsWith(join(dataDir, 'charts'))).toBe(true);
    expect(path).toMatch(/charts\/[a-z0-9.-]+-[0-9a-f]{10}\.png$/);
  });
});
