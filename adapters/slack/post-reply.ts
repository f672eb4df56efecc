/** Posting a Reply through the Web API: the Block Kit message, then its chart as a file. */
import type { webApi } from '@slack/bolt';
import type { Chart, Reply } from '../../src/reply.ts';
import { replyToBlockKit } from './reply-to-blocks.ts';

type WebClient = webApi.WebClient;

export interface PostTarget {
  channel: string;
  /** Answer inside this thread. */
  threadTs?: string;
  /** For ephemeral replies: the only user who sees it. */
  user?: string;
}

/** Slack caps alt text at 1000 characters. */
const ALT_TEXT_MAX = 1000;

/** files.uploadV2: getUploadURLExternal, the upload itself, completeUploadExternal into the channel (or thread). */
export async function uploadChart(client: WebClient, chart: Chart, target: PostTarget, title: string): Promise<void> {
  const file = {
    file: Buffer.from(chart.png),
    filename: chart.name,
    title: title || chart.name,
    alt_text: chart.alt.slice(0, ALT_TEXT_MAX),
  };
  if (target.threadTs) await client.files.uploadV2({ ...file, channel_id: target.channel, thread_ts: target.threadTs });
  else await client.files.uploadV2({ ...file, channel_id: target.channel });
}

/**
 * Public replies become a message (plus the chart); ephemeral ones go to target.user only and
 * carry no chart, since Slack has no ephemeral files. Returns the message ts when there is one.
 */
export async function postReply(client: WebClient, reply: Reply, target: PostTarget): Promise<string | undefined> {
  const message = replyToBlockKit(reply);
  const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
  if (reply.visibility === 'ephemeral' && target.user) {
    await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...thread, ...message });
    return undefined;
  }
  const res = await client.chat.postMessage({ channel: target.channel, ...thread, ...message });
  if (reply.chart) await uploadChart(client, reply.chart, target, reply.title);
  return res.ts;
}
