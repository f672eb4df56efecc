import { afterEach, describe, expect, it } from 'vitest';
import { questionText } from '../../../adapters/discord/mentions.ts';
import type { Bot } from '../../../src/bot-types.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function recordAsks(bot: Bot): string[] {
  const asked: string[] = [];
  const ask = bot.ask.bind(bot);
  bot.ask = (text, actor) => {
    asked.push(text);
    return ask(text, actor);
  };
  return asked;
}

describe('Discord mentions through the real client', () => {
  it('answers a mention as a reply to that message, with no mentions allowed', async () => {
    h = await startHarness();
    const asked = recordAsks(h.bot);
    const { emu } = h;
    const msg = emu.sendMessage({ content: `<@${emu.applicationId}> how did small caps do vs the nasdaq over 3 months? @everyone`, mentions: [emu.botUser] });
    const post = await emu.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${emu.channelId}/messages`);
    const body = post.json as { embeds: { title: string }[]; allowed_mentions: unknown; message_reference: unknown };
    expect(body.message_reference).toEqual({ message_id: msg.id, channel_id: emu.channelId, fail_if_not_exists: false });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds[0]?.title).toBeTruthy();
    expect(asked).toEqual(['how did small caps do vs the nasdaq over 3 months? @everyone']);
    expect(emu.messagesIn(emu.channelId)[0]?.type).toBe(19);
  });

  it('ignores bots (itself included) and messages that do not mention it', async () => {
    h = await startHarness();
    const asked = recordAsks(h.bot);
    const { emu } = h;
    const mention = `<@${emu.applicationId}>`;
    emu.sendMessage({ content: `${mention} valuation?`, author: emu.otherBot, mentions: [emu.botUser] });
    emu.sendMessage({ content: `${mention} valuation?`, author: emu.botUser, mentions: [emu.botUser] });
    emu.sendMessage({ content: 'valuation of small caps?' });
    // Events are handled in order: once this one is answered, the ones before were seen and skipped.
    const last = emu.sendMessage({ content: `${mention} rate cuts?`, mentions: [emu.botUser] });
    await emu.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${emu.channelId}/messages`);
    const posts = emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    expect(posts).toHaveLength(1);
    expect((posts[0]?.json as { message_reference: { message_id: string } }).message_reference.message_id).toBe(last.id);
    expect(asked).toEqual(['rate cuts?']);
  });
});

describe('questionText', () => {
  it('removes every form of the bot mention and tidies spaces', () => {
    expect(questionText('<@42> how are  small caps?', '42')).toBe('how are small caps?');
    expect(questionText('hey <@!42>, valuation <@42>', '42')).toBe('hey , valuation');
    expect(questionText('<@420> not me', '42')).toBe('<@420> not me');
  });
});
