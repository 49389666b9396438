import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, startSandbox } from '../src/index.js';
import { collectOkta, linkOf, oktaGet } from './helpers.js';

type LogEvent = {
  uuid: string;
  published: string;
  eventType: string;
  actor: { type: string };
  outcome: { result: string };
};
const DAY = 86_400_000;
let sandbox: OktaSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 300, seed: 5, logEvents: 2500, rateLimit: false });
});
afterAll(() => sandbox.close());

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('GET /api/v1/logs', () => {
  it('polls with a next link on every page, including the empty last one, which points at itself', async () => {
    let url: string | undefined = `${sandbox.url}/api/v1/logs?limit=1000&since=${daysAgo(100)}`;
    const events: LogEvent[] = [];
    let lastPage: { url: string; next: string | undefined; size: number } | undefined;
    for (let page = 0; url && page < 10; page++) {
      const response = await oktaGet(sandbox, url);
      const body = (await response.json()) as LogEvent[];
      events.push(...body);
      lastPage = { url, next: linkOf(response.headers.get('link'), 'next'), size: body.length };
      if (body.length === 0) break;
      url = lastPage.next;
    }
    expect(lastPage?.size).toBe(0);
    expect(lastPage?.next).toBe(lastPage?.url);
    expect(events).toHaveLength(2500);
    expect(new Set(events.map((event) => event.uuid)).size).toBe(2500);
    const published = events.map((event) => event.published);
    expect([...published].sort()).toEqual(published);
  });

  it('defaults since to seven days ago', async () => {
    const { records } = await collectOkta<LogEvent>(sandbox, '/api/v1/logs?limit=1000', {
      stopOnEmptyPage: true,
    });
    const logs = sandbox.tenant.logs;
    expect(records).toHaveLength(logs.count - logs.positionAt(Date.now() - 7 * DAY));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((event) => Date.parse(event.published) >= Date.now() - 7 * DAY - 5000)).toBe(true);
  });

  it('refuses since older than 180 days with E0000053', async () => {
    const response = await oktaGet(sandbox, `/api/v1/logs?since=${daysAgo(181)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errorCode: 'E0000053',
      errorCauses: [{ errorSummary: expect.stringMatching(/180 days/) }],
    });
  });

  it('stops the links of a bounded request at until', async () => {
    const since = daysAgo(60);
    const until = daysAgo(30);
    const { records, pages } = await collectOkta<LogEvent>(
      sandbox,
      `/api/v1/logs?limit=200&since=${since}&until=${until}`,
    );
    const logs = sandbox.tenant.logs;
    expect(records).toHaveLength(logs.positionAt(Date.parse(until)) - logs.positionAt(Date.parse(since)));
    expect(pages).toBe(Math.ceil(records.length / 200));
    expect(records.every((event) => event.published >= since && event.published < until)).toBe(true);
  });

  it('filters on eventType and carries failures and system actors', async () => {
    const filter = encodeURIComponent('eventType eq "user.session.start"');
    const sessions = await collectOkta<LogEvent>(
      sandbox,
      `/api/v1/logs?limit=1000&since=${daysAgo(100)}&filter=${filter}`,
      {
        stopOnEmptyPage: true,
      },
    );
    expect(sessions.records.length).toBeGreaterThan(100);
    expect(sessions.records.every((event) => event.eventType === 'user.session.start')).toBe(true);
    expect(sessions.records.some((event) => event.outcome.result === 'FAILURE')).toBe(true);
    const system = encodeURIComponent('actor.type eq "SystemPrincipal"');
    const first = (await (
      await oktaGet(sandbox, `/api/v1/logs?since=${daysAgo(100)}&filter=${system}`)
    ).json()) as LogEvent[];
    expect(first.length).toBeGreaterThan(0);
  });
});

describe('System Log in the future', () => {
  it('serves only events whose time has come', async () => {
    const future = await startSandbox({
      provider: 'okta',
      users: 20,
      logEvents: 900,
      logsEndAt: Date.now() + 45 * DAY,
    });
    try {
      const { records } = await collectOkta(future, `/api/v1/logs?limit=1000&since=${daysAgo(179)}`, {
        stopOnEmptyPage: true,
      });
      expect(records.length).toBe(future.tenant.logs.positionAt(Date.now()));
      expect(records.length).toBeGreaterThan(300);
      expect(records.length).toBeLessThan(600);
    } finally {
      await future.close();
    }
  });
});
