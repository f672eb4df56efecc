/** Posting a Reply through the Web API: the Block Kit message, then its chart as a file. */
import type { webApi } from '@slack/bolt';
import { multipartFile, multipartRequest } from '../../src/http/multipart.ts';
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

/** Upload URLs answer within this or the chart is given up. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * The steps of files.uploadV2: getUploadURLExternal, the upload itself, completeUploadExternal into the
 * channel (or thread). Done here rather than through uploadV2 because the client copies the bytes twice per
 * upload (a Uint8Array, then a Blob); here every upload streams the chart's own bytes (src/http/multipart.ts).
 */
export async function uploadChart(client: WebClient, chart: Chart, target: PostTarget, title: string): Promise<void> {
  const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({
    filename: chart.name,
    length: chart.png.byteLength,
    alt_text: chart.alt.slice(0, ALT_TEXT_MAX),
  });
  if (!url || !id) throw new Error('files.getUploadURLExternal answered without an upload URL');
  const body = multipartFile({ field: 'file', filename: chart.name, contentType: 'image/png', data: chart.png });
  // A timer cleared on answer, not AbortSignal.timeout: those live on until they fire, one per upload.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`chart upload timed out (file ${id})`)), UPLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, multipartRequest(body, abort.signal));
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`chart upload answered HTTP ${res.status} (file ${id})`);
  } finally {
    clearTimeout(timer);
  }
  const files: [{ id: string; title: string }] = [{ id, title: title || chart.name }];
  if (target.threadTs) await client.files.completeUploadExternal({ files, channel_id: target.channel, thread_ts: target.threadTs });
  else await client.files.completeUploadExternal({ files, channel_id: target.channel });
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
