import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Discord gateway resilience', () => {
  it('resumes after the socket is cut and keeps answering, including what was sent meanwhile', async () => {
    h = await startHarness({ emulator: { heartbeatIntervalMs: 200 }, adapter: { deferAfterMs: 2500 } });
    const { emu } = h;
    await emu.waitForGateway('heartbeat');
    const resumed = emu.waitForGateway('resume');
    emu.gateway.drop();
    const during = emu.sendSlash({ subcommand: 'valuation' });
    await resumed;
    expect((await answerOf(emu, during)).payload.embeds[0]?.title).toBeTruthy();
    const after = emu.sendSlash({ subcommand: 'performance' });
    expect((await answerOf(emu, after)).callbackType).toBe(4);
    expect([emu.gateway.identifyCount, emu.gateway.resumeCount]).toEqual([1, 1]);
  });

  it('resumes after a close with a resumable code (4000)', async () => {
    h = await startHarness();
    const { emu } = h;
    const resumed = emu.waitForGateway('resume');
    emu.gateway.drop(4000);
    await resumed;
    const sent = emu.sendSlash({ subcommand: 'earnings' });
    expect((await answerOf(emu, sent)).payload.embeds.length).toBe(1);
    expect(emu.gateway.identifyCount).toBe(1);
  });

  it('stop() lets an in-flight answer finish, then closes the gateway cleanly', async () => {
    h = await startHarness({ delayMs: 700 });
    const { emu, discord } = h;
    const sent = emu.sendSlash({ subcommand: 'performance' });
    await emu.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const disconnected = emu.waitForGateway('disconnect');
    await discord.stop();
    expect(emu.requests.some((r) => r.method === 'PATCH' && r.path.includes(sent.token))).toBe(true);
    await disconnected;
    expect(discord.client?.isReady()).toBe(false);
    expect(emu.gateway.closeCodes).toEqual([1000]);
    expect(emu.gateway.session?.socket ?? null).toBeNull();
  });
});
