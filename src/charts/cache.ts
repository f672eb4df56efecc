/** Keys and storage for rendered charts: a content hash of the data, a small LRU, an optional directory. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when the look of the charts changes, so directory caches do not serve old designs. */
export const RENDER_VERSION = 'charts-v3';

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chartKey(kind: string, data: unknown): string {
  return createHash('sha256').update(`${RENDER_VERSION}\n${kind}\n${canonicalJson(data)}`).digest('hex');
}

export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const HOUR_MS = 3_600_000;

/**
 * PNGs on disk, one file per key; a missing or unreadable file is a miss. Files older
 * than `maxAgeMs` are swept (at most hourly, after a write) so the directory cannot grow
 * without bound on a busy bot.
 */
export class DirCache {
  private lastSweep = Number.NEGATIVE_INFINITY;
  private readonly dir: string;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(dir: string, maxAgeMs = 7 * 24 * HOUR_MS, now: () => number = Date.now) {
    this.dir = dir;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  private file(key: string): string {
    return join(this.dir, `${key}.png`);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch {
      return undefined;
    }
  }

  /** Written under a temporary name then renamed, so readers never see half a file. */
  async set(key: string, png: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${process.pid}.${this.now()}.tmp`;
    await writeFile(tmp, png);
    await rename(tmp, this.file(key));
    if (this.now() - this.lastSweep >= HOUR_MS) await this.sweep();
  }

  /** Deletes cached PNGs last written more than maxAgeMs ago; returns how many. */
  async sweep(): Promise<number> {
    this.lastSweep = this.now();
    let removed = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{64}\.png$/.test(name)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && this.now() - info.mtimeMs > this.maxAgeMs) {
        await unlink(path).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }
}
