import { describe, it, expect } from 'vitest';
import { LruCache, canonicalJson, chartKey } from '../../src/charts/cache.ts';

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
