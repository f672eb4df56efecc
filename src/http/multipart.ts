/**
 * A multipart/form-data body of one file whose bytes are sent as they are: the same Uint8Array for every
 * request, never copied. fetch() copies a Uint8Array body and reads a Blob out chunk by chunk into new
 * memory; a stream hands its chunks to the socket by reference.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface MultipartBody {
  /** multipart/form-data with its boundary. */
  contentType: string;
  /** Bytes in all, for Content-Length (a stream body would otherwise go out chunked). */
  length: number;
  /** A new stream of the body for each request: the small head, the file's own bytes, the tail. */
  stream(): ReadableStream<Uint8Array>;
}

/** Quotes and line breaks would end the header value early. */
const quoted = (value: string) => value.replace(/["\r\n\\]/g, '_');

export function multipartFile(file: MultipartFile, boundary = `capwatch-${randomBytes(12).toString('hex')}`): MultipartBody {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.byteLength + file.data.byteLength + tail.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(head);
          controller.enqueue(file.data);
          controller.enqueue(tail);
          controller.close();
        },
      }),
  };
}

/** fetch() options posting `body`: a streamed request body needs duplex 'half'. */
export function multipartRequest(body: MultipartBody, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': body.contentType, 'content-length': String(body.length) },
    body: body.stream(),
    duplex: 'half',
    ...(signal ? { signal } : {}),
  };
}
