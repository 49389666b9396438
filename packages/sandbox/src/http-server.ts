import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FaultInjector, truncateJson } from './faults.js';
import type { RateLimiter } from './rate-limiter.js';
import { type ProviderApi, Router, type SandboxRequest, type SandboxResponse } from './routes.js';

/** Everything the generic server needs besides the provider. */
export interface ServerSettings {
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  /** Called with errors thrown by handlers (which are answered with 500). */
  onError(error: unknown): void;
}

/** A listening loopback server that has no provider yet. */
export interface ListeningServer {
  server: Server;
  /** `http://127.0.0.1:<port>`: the origin every link and audience uses. */
  origin: string;
  port: number;
}

/** Binds a server first, because providers need the origin (links, token audience) to exist. */
export async function listen(host: string, port: number): Promise<ListeningServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return { server, origin: `http://${hostInUrl}:${address.port}`, port: address.port };
}

/** Stops accepting connections and drops the open ones, including idle keep-alive sockets. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const GATEWAY_ERRORS = { 502: 'Bad Gateway', 503: 'Service Unavailable' } as const;

/** The HTML page a load balancer in front of the API answers with, not the provider's JSON. */
function gatewayError(status: 502 | 503): SandboxResponse {
  const title = `${status} ${GATEWAY_ERRORS[status]}`;
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  };
}

/** Batches of about this many characters are written at a time when streaming. */
const STREAM_BATCH = 65_536;

/**
 * Writes a streamed body in batches and waits whenever the socket's buffer is full, so that a
 * huge collection never sits in memory at once. Stops early if the client goes away.
 */
async function writeChunks(outgoing: ServerResponse, chunks: Iterable<string>): Promise<void> {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length < STREAM_BATCH) continue;
    const flushed = outgoing.write(batch);
    batch = '';
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          outgoing.off('drain', done);
          outgoing.off('close', done);
          resolve();
        };
        outgoing.on('drain', done);
        outgoing.on('close', done);
      });
      if (outgoing.destroyed) return;
    }
  }
  outgoing.end(batch);
}

function serialise(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * Serves a provider on a listening server. Every request goes through the same steps: it is
 * counted against its family's budget, then meets the connection-reset fault, the latency, a
 * 429 (budget spent or burst), the server-error fault, 404/405, authentication, the handler,
 * and the malformed-page fault. Returns a function that reports how many requests arrived.
 */
export function serveProvider<Principal>(
  listening: ListeningServer,
  provider: ProviderApi<Principal>,
  settings: ServerSettings,
): () => number {
  const router = new Router(provider.routes);
  let sequence = 0;

  const respond = async (incoming: IncomingMessage, body: string, decisionSequence: number) => {
    const decision = settings.faults.decide(decisionSequence);
    const method = incoming.method ?? 'GET';
    const url = new URL(incoming.url ?? '/', listening.origin);
    const { route, params, pathExists } = router.find(method, url.pathname);
    const request: SandboxRequest = {
      method,
      url,
      headers: incoming.headers,
      body,
      params,
      faults: settings.faults,
    };
    const state = settings.rateLimiter.take(route?.family ?? 'default');
    if (decision.reset) return { reset: true as const, state };
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (state.exceeded || decision.rateLimitBurst) {
      // A burst means someone else spent the budget: the window refills a second later.
      const limited = state.exceeded
        ? state
        : { ...state, remaining: 0, exceeded: true, resetAt: Date.now() + 1000 };
      return { response: provider.rateLimited(limited), state: limited };
    }
    if (decision.serverError === 500) return { response: provider.internalError(), state };
    if (decision.serverError) return { response: gatewayError(decision.serverError), state };
    if (!route) return { response: provider.notFound(request, pathExists), state };
    let principal: Principal | undefined;
    if (!route.public) {
      const outcome = await provider.authenticate(request, route);
      if ('response' in outcome) return { response: outcome.response, state };
      principal = outcome.principal;
    }
    const response = await route.handle(request, principal);
    if (settings.faults.isMalformed(response.page) && response.body !== undefined) {
      return { response: { ...response, body: truncateJson(serialise(response.body)) }, state };
    }
    return { response, state };
  };

  const write = async (outgoing: ServerResponse, response: SandboxResponse, headers: OutgoingHttpHeaders) => {
    outgoing.statusCode = response.status;
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) outgoing.setHeader(name, value);
    }
    if (!outgoing.hasHeader('content-type')) outgoing.setHeader('content-type', provider.contentType);
    if (response.chunks) return writeChunks(outgoing, response.chunks);
    const text = serialise(response.body);
    outgoing.setHeader('content-length', Buffer.byteLength(text));
    outgoing.end(text);
  };

  listening.server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const current = ++sequence;
    readBody(incoming)
      .then((body) => respond(incoming, body, current))
      .then((outcome) => {
        if ('reset' in outcome) {
          incoming.socket.destroy();
          return;
        }
        return write(outgoing, outcome.response, {
          ...provider.responseHeaders(outcome.state),
          ...outcome.response.headers,
        });
      })
      .catch((error: unknown) => {
        settings.onError(error);
        // Half a response cannot be mended: drop the connection so the client sees the failure.
        if (outgoing.headersSent) outgoing.destroy();
        else write(outgoing, provider.internalError(), {}).catch(() => outgoing.destroy());
      });
  });
  return () => sequence;
}
