import {invalid, message, ProtocolError} from './errors.js';

/**
 * The request's JSON object, read with a size cap: a declared Content-Length over the cap
 * is refused before any byte is read, and a streamed body is cut off as soon as it passes
 * it, so no request can make the server buffer more than `maxBytes`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ProtocolError(415, 'invalid', 'error.body-type');
  }
  const declared = Number(request.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    throw invalid('error.body-utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('error.body-json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('error.body-object');
  return value as Record<string, unknown>;
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body: nothing to store, nobody to answer.
      throw invalid('error.body-cut-off');
    }
    const {done, value} = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): ProtocolError {
  return new ProtocolError(413, 'invalid', message('error.body-too-large', {count: maxBytes}));
}
