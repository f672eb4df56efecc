/** The Discord gateway dropping in the middle of an interaction: the answer still arrives (over REST), readiness says so meanwhile. */
import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, startHarness, type Harness } from '../adapters/discord/harness.ts';
import { recordingLogger } from './recording-logger.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('gateway dropping mid-interaction', () => {
  it('delivers the deferred answer, resumes, and logs the drop', async () => {
    const logger = recordingLogger();
    h = await startHarness({ delayMs: 1500, emulator: { heartbeatIntervalMs: 200 }, adapter: { logger, deferAfterMs: 100 } });
    const { emu, discord } = h;
    expect(discord.notReady()).toBeUndefined();
    const sent = emu.sendSlash({ subcommand: 'performance', options: { period: '1m' } });
    await emu.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const resumed = emu.waitForGateway('resume');
    emu.gateway.drop();
    const answer = await answerOf(emu, sent, 15_000);
    expect(answer.via).toBe('edit');
    expect(answer.payload.embeds[0]?.fields?.[0]?.name).toBe('IWM');
    await resumed;
    expect(logger.lines.some((l) => l.extra.fault === 'gateway_dropped')).toBe(true);
    // Back to ready once resumed, and still answering.
    const next = emu.sendSlash({ subcommand: 'earnings' });
    expect((await answerOf(emu, next)).payload.embeds.length).toBe(1);
    expect(discord.notReady()).toBeUndefined();
  }, 30_000);
});
