import type { Dispatcher } from 'undici';
import type { EngineError } from '../errors/engine-error.js';

/**
 * Reads a body as UTF-8 text, refusing it once it passes `maxBytes` (by its declared length up
 * front, else while it streams), so a huge page never sits in memory whole.
 */
export async function readCapped(
  response: Dispatcher.ResponseData,
  maxBytes: number,
  tooLarge: () => EngineError,
): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
