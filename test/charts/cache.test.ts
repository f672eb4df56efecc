import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirCache, LruCache, canonicalJson, chartKey } from '../../src/charts/cache.ts';

describe('chart keys', () => {
  it('ignore key order and undefined fields but not values', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
    expect(chartKey('x', { a: 1, b: 2 })).toBe(chartKey('x', { b: 2, a: 1 }));
    expect(chartKey('x', { a: 1 })).not.toBe(chartKey('x', { a: 2 }));
    expect(chartKey('x', { a: 1 })).not.toBe(chartKey('y', { a: 1 }));
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const lru = new LruCache<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });
});

describe('DirCache', () => {
  it('stores and reads PNGs by key, and sweeps files past their age', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capwatch-dircache-'));
    try {
      let now = Date.parse('2026-11-19T12:00:00Z');
      const cache = new DirCache(dir, 7 * 86_400_000, () => now);
      const oldKey = 'a'.repeat(64);
      const newKey = 'b'.repeat(64);
      expect(await cache.get(oldKey)).toBeUndefined();
      await cache.set(oldKey, Uint8Array.of(1, 2));
      expect([...(await cache.get(oldKey))!]).toEqual([1, 2]);
      // Back-date the first file by eight days, leave an unrelated file alone.
      const eightDaysAgo = new Date(now - 8 * 86_400_000);
      await utimes(join(dir, `${oldKey}.png`), eightDaysAgo, eightDaysAgo);
      await writeFile(join(dir, 'notes.txt'), 'keep');
      await utimes(join(dir, 'notes.txt'), eightDaysAgo, eightDaysAgo);
      now += 2 * 3_600_000;
      await cache.set(newKey, Uint8Array.of(3));
      expect(await cache.get(oldKey)).toBeUndefined();
      expect([...(await cache.get(newKey))!]).toEqual([3]);
      expect((await readdir(dir)).sort()).toEqual([`${newKey}.png`, 'notes.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
