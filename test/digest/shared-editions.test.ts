import { describe, it, expect } from 'vitest';
import { createEditionCache } from '../../src/digest/edition.ts';
import { parseReply, sharedCompose, stringifyReply } from '../../src/digest/shared-editions.ts';
import { testDatabase } from '../helpers/store.ts';
import { sampleReply } from './support/fakes.ts';

const NOW = new Date('2025-11-24T13:30:00Z');

describe('editions shared across instances', () => {
  it('composes an edition once among three instances; each gets the same reply, chart bytes included', async () => {
    const db = testDatabase();
    let composes = 0;
    const compose = async () => {
      composes++;
      await new Promise((r) => setTimeout(r, 100));
      return { ...sampleReply(), chart: { png: new Uint8Array([137, 80, 78, 71, 0, 255]), alt: 'chart', name: 'digest.png' } };
    };
    const repos = await Promise.all([db.open(), db.open(), db.open()]);
    const shared = repos.map((s, i) => createEditionCache(compose, 3, () => '2025-11-21', (c) => sharedCompose(c, { repo: s.editions, owner: `i${i}`, pollMs: 20 })));
    const editions = await Promise.all(shared.map((e) => e.get(NOW)));
    expect(composes).toBe(1);
    expect(shared.map((e) => e.composed).reduce((a, b) => a + b)).toBe(1);
    for (const e of editions) {
      expect(e.date).toBe('2025-11-21');
      expect(e.reply.chart?.png).toEqual(new Uint8Array([137, 80, 78, 71, 0, 255]));
      expect(e.reply.title).toBe(sampleReply().title);
    }
  });

  it('lets another instance compose when the composer fails', async () => {
    const db = testDatabase();
    const [s1, s2] = await Promise.all([db.open(), db.open()]);
    const failing = sharedCompose(async () => { throw new Error('market down'); }, { repo: s1.editions, owner: 'one' });
    await expect(failing(NOW, '2025-11-21')).rejects.toThrow('market down');
    const working = sharedCompose(async () => sampleReply(), { repo: s2.editions, owner: 'two' });
    expect((await working(NOW, '2025-11-21')).title).toBe(sampleReply().title);
  });

  it('round-trips a reply through its stored form', () => {
    const reply = { ...sampleReply(), chart: { png: new Uint8Array([1, 2, 3]), alt: 'a', name: 'a.png' } };
    expect(parseReply(stringifyReply(reply))).toEqual(reply);
  });

  it('round-trips a chart held in a Buffer (what the renderer hands out) as bytes, not Buffer JSON', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const back = parseReply(stringifyReply({ ...sampleReply(), chart: { png, alt: 'a', name: 'a.png' } }));
    expect(back.chart?.png).toBeInstanceOf(Uint8Array);
    expect([...(back.chart?.png ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
