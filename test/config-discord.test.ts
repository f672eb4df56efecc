import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

const base = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '123456789012' };
const KEY = 'ab'.repeat(32);

describe('Discord at scale settings', () => {
  it('reads the public key, shard settings and who may click', () => {
    const config = loadConfig({ ...base, DISCORD_PUBLIC_KEY: KEY.toUpperCase(), DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '0, 2', CONTROLS_CLICK: 'owner' });
    expect(config.discord).toEqual({ token: 't', appId: '123456789012', apiUrl: 'https://discord.com/api', publicKey: KEY, shards: { count: 4, ids: [0, 2] } });
    expect(config.env.CONTROLS_CLICK).toBe('owner');
    expect(loadConfig({ ...base, DISCORD_SHARDS: 'auto' }).discord?.shards).toEqual({ count: 'auto' });
    expect(loadConfig({}).env.CONTROLS_CLICK).toBe('anyone');
  });

  it('names every bad value at once', () => {
    expect(() => loadConfig({ ...base, DISCORD_PUBLIC_KEY: 'xyz', DISCORD_SHARDS: 'many', CONTROLS_CLICK: 'admins' })).toThrow(
      /DISCORD_PUBLIC_KEY: expected the 64-character hex public key[\s\S]*DISCORD_SHARDS: expected auto or a shard count[\s\S]*CONTROLS_CLICK: expected anyone or owner/,
    );
    expect(() => loadConfig({ ...base, DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1,2' })).toThrow(/DISCORD_SHARD_IDS: every id must be below DISCORD_SHARDS \(2\)/);
    expect(() => loadConfig({ ...base, DISCORD_SHARD_IDS: '1' })).toThrow(/DISCORD_SHARDS: required when DISCORD_SHARD_IDS is set/);
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: KEY })).toThrow(/DISCORD_TOKEN: required when DISCORD_PUBLIC_KEY is set/);
  });
});
