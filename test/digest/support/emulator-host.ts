/**
 * Runs one emulator (Discord or Slack) in its own process for the digest benchmark, so the emulators do not
 * share a thread with each other or with the bot. Driven over IPC (child_process.fork):
 *   parent -> {kind: 'discord' | 'slack', channels: n}   child -> {url, token, channels: [...]}
 *   parent -> 'report'                                   child -> {posts, channels}   then exits on 'close'.
 */
import { DiscordEmulator } from '../../emulators/discord/emulator.ts';
import { snowflake } from '../../emulators/discord/snowflake.ts';
import { startSlackApi, type SlackApiEmulator } from '../../emulators/slack/web-api.ts';

export interface HostStart {
  kind: 'discord' | 'slack';
  channels: number;
}
export interface HostReady {
  url: string;
  token: string;
  channels: string[];
}
export interface HostReport {
  posts: number;
  channels: number;
}

const send = (msg: unknown) => process.send!(msg);
let discord: DiscordEmulator | undefined;
let slack: SlackApiEmulator | undefined;

process.on('message', async (msg: HostStart | 'report' | 'close') => {
  if (msg === 'report') {
    if (discord) {
      const posts = discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200);
      send({ posts: posts.length, channels: new Set(posts.map((r) => r.path)).size } satisfies HostReport);
    } else if (slack) {
      const posts = slack.callsTo('chat.postMessage');
      send({ posts: posts.length, channels: new Set(posts.map((c) => String(c.params.channel))).size } satisfies HostReport);
    }
    return;
  }
  if (msg === 'close') {
    await discord?.close();
    await slack?.close();
    process.exit(0);
  }
  if (msg.kind === 'discord') {
    discord = await DiscordEmulator.start();
    const ids = Array.from({ length: msg.channels }, (_, i) => {
      const id = snowflake();
      discord!.state.guild.channels.push({ id, name: `digest-${i}` });
      return id;
    });
    send({ url: discord.apiUrl, token: discord.token, channels: ids } satisfies HostReady);
  } else {
    slack = await startSlackApi();
    const ids = Array.from({ length: msg.channels }, (_, i) => `C${String(i).padStart(7, '0')}`);
    send({ url: slack.url, token: 'xoxb-bench', channels: ids } satisfies HostReady);
  }
});
