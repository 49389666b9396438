/**
 * The "zero-cost" server: a plain `node:http` server that answers from memory. The first time
 * it sees a request (method, path and query) it asks the sandbox behind it and keeps the answer,
 * with the sandbox's origin replaced by its own in headers and body (so Link headers lead back
 * here); every later identical request is answered with those bytes, without building or
 * serialising anything. After one warm-up round of every contender, every page is in memory:
 * what a client then spends is its own cost, which is what this setting shows.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

interface Kept {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Hop-by-hop and per-response headers: not replayed. */
const DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

export interface ZeroCostServer {
  url: string;
  /** Requests answered from memory, and requests that had to ask the sandbox, so far. */
  counts(): { hits: number; misses: number };
  close(): Promise<void>;
}

/** Starts a zero-cost server in front of the sandbox at `upstream` (an origin). */
export async function startZeroCostServer(upstream: string): Promise<ZeroCostServer> {
  const kept = new Map<string, Promise<Kept>>();
  let hits = 0;
  let misses = 0;
  let origin = '';

  async function fetchUpstream(incoming: IncomingMessage): Promise<Kept> {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'accept']) {
      const value = incoming.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await request(new URL(incoming.url ?? '/', upstream), { method: 'GET', headers });
    const body = (await answer.body.text()).replaceAll(upstream, origin);
    const replayed: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined || DROPPED.has(name)) continue;
      replayed[name] = Array.isArray(value)
        ? value.map((item) => item.replaceAll(upstream, origin))
        : value.replaceAll(upstream, origin);
    }
    return { status: answer.statusCode, headers: replayed, body: Buffer.from(body) };
  }

  function answer(incoming: IncomingMessage, response: ServerResponse): void {
    if (incoming.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    const key = incoming.url ?? '/';
    let page = kept.get(key);
    if (page) hits += 1;
    else {
      misses += 1;
      page = fetchUpstream(incoming);
      kept.set(key, page);
    }
    page.then(
      (value) => {
        response.writeHead(value.status, { ...value.headers, 'content-length': value.body.length });
        response.end(value.body);
      },
      (error: unknown) => {
        kept.delete(key);
        response.writeHead(502).end(String(error));
      },
    );
  }

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    counts: () => ({ hits, misses }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
