/** The files.uploadV2 steps of the Slack emulator: upload URLs, the bytes posted to them, and completion. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SlackUpload {
  fileId: string;
  bytes: Uint8Array;
  filename?: string;
}

export interface SharedFile {
  id: string;
  name?: string;
  title?: string;
  mimetype: string;
}

export class FileUploads {
  readonly uploads: SlackUpload[] = [];
  private readonly pending = new Map<string, string | undefined>();
  private seq = 0;

  uploadUrl(params: Record<string, unknown>, origin: string): Record<string, unknown> {
    if (!params.filename || !params.length) return { ok: false, error: 'invalid_arguments' };
    const fileId = `F${String(++this.seq).padStart(8, '0')}`;
    this.pending.set(fileId, String(params.filename));
    return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
  }

  /** files.completeUploadExternal; `share` records the message a share into a channel leaves. */
  complete(params: Record<string, unknown>, channel: string, share: (files: SharedFile[]) => void): Record<string, unknown> {
    const files = Array.isArray(params.files) ? (params.files as { id: string; title?: string }[]) : [];
    if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
    for (const f of files) {
      if (!this.uploads.some((u) => u.fileId === f.id)) return { ok: false, error: 'file_not_found' };
    }
    if (channel) share(files.map((f) => ({ id: f.id, name: this.pending.get(f.id), title: f.title, mimetype: 'image/png' })));
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: this.pending.get(f.id) })) };
  }

  /** The POST to an upload URL. */
  async receive(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse, recorded: () => void): Promise<void> {
    if (!this.pending.has(fileId)) {
      res.writeHead(404).end();
      return;
    }
    let bytes: Uint8Array = raw;
    let filename: string | undefined;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      for (const value of form.values()) {
        if (typeof value !== 'string') {
          bytes = new Uint8Array(await value.arrayBuffer());
          filename = value.name;
        }
      }
    }
    this.uploads.push({ fileId, bytes, filename });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
    recorded();
  }
}
