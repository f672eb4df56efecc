/**
 * "Can the bot post digests in this channel?", asked by `subscribe` before it saves anything. Platform
 * neutral: each adapter registers the check of its platform; a platform without one is not checked.
 */
import type { Platform } from './deliverer.ts';

/** What stops the bot, and what someone in the channel can do about it. */
export interface ChannelAccessProblem {
  problem: string;
  fix: string;
}

export interface ChannelAccessCheck {
  platform: Platform;
  /** null when the bot can post (or the answer is unknown: a check that cannot reach the platform does not block). */
  check(channelId: string, guildId?: string): Promise<ChannelAccessProblem | null>;
}

export class ChannelAccess {
  private readonly checks = new Map<Platform, ChannelAccessCheck>();

  register(check: ChannelAccessCheck): void {
    this.checks.set(check.platform, check);
  }

  async check(platform: Platform, channelId: string, guildId?: string): Promise<ChannelAccessProblem | null> {
    return (await this.checks.get(platform)?.check(channelId, guildId)) ?? null;
  }
}
