import { hashLabel, hexHash, mix, Random } from '../random.js';
import { type JsonObject, seededUuid } from '../records.js';
import { EVENT_KINDS, FAILURE_REASONS, SYSTEM_ACTOR, USER_AGENTS } from '../vocabulary/log-events.js';
import { PLACES } from '../vocabulary/places.js';
import type { OktaApp } from './okta-apps.js';
import type { OktaGroup } from './okta-groups.js';
import type { OktaUserTraits } from './okta-user-traits.js';

const DAY = 86_400_000;
/** Seeded events spread over this many days before the log's end time. */
const LOG_HISTORY_DAYS = 90;

/** An event of a change made through the API. */
interface RecordedEvent {
  published: number;
  eventType: string;
  displayMessage: string;
  userIndex: number;
  group?: OktaGroup;
}

/**
 * The System Log: `seededCount` events spread over the {@link LOG_HISTORY_DAYS} days before
 * `endTime`, in strictly increasing `published` order so that positions and times convert both
 * ways and a page is found by binary search instead of a scan; then the events of changes made
 * through the API ({@link OktaLogs.record}), in the order they happened.
 */
export class OktaLogs {
  private readonly start: number;
  private readonly step: number;
  /** Events name seeded users only, so users added later do not rewrite past events. */
  private readonly seededUsers: number;
  private readonly recorded: RecordedEvent[] = [];

  constructor(
    private readonly seed: number,
    readonly seededCount: number,
    readonly endTime: number,
    private readonly users: OktaUserTraits,
    private readonly groups: readonly OktaGroup[],
    private readonly apps: readonly OktaApp[],
  ) {
    this.seededUsers = users.count;
    this.start = endTime - LOG_HISTORY_DAYS * DAY;
    this.step = Math.max(1, Math.floor((LOG_HISTORY_DAYS * DAY - 1) / Math.max(seededCount, 1)));
  }

  /** Every event: the seeded ones and those recorded since. */
  get count(): number {
    return this.seededCount + this.recorded.length;
  }

  /**
   * Appends the event of a change made through the API, by the admin behind the API token, now
   * (or just after the last event, when `endTime` lies in the future: it is served once due).
   */
  record(eventType: string, displayMessage: string, userIndex: number, group?: OktaGroup): void {
    const last = this.count > 0 ? this.publishedAt(this.count - 1) : 0;
    this.recorded.push({
      published: Math.max(Date.now(), last + 1),
      eventType,
      displayMessage,
      userIndex,
      group,
    });
  }

  /** Epoch milliseconds of event `position`: a jitter below `step` keeps the order strict. */
  publishedAt(position: number): number {
    if (position >= this.seededCount) return this.recorded[position - this.seededCount]!.published;
    return this.start + position * this.step + (mix(this.seed, hashLabel('log.time'), position) % this.step);
  }

  /** The position of the first event published at or after `time`. */
  positionAt(time: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.publishedAt(middle) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private userReference(userIndex: number): JsonObject {
    const { firstName, lastName } = this.users.nameOf(userIndex);
    return {
      id: this.users.ids.encode(userIndex),
      type: 'User',
      alternateId: this.users.loginOf(userIndex),
      displayName: `${firstName} ${lastName}`,
      detailEntry: null,
    };
  }

  private targets(kind: string, userIndex: number, random: Random): JsonObject[] {
    const targets: JsonObject[] = [];
    if (kind === 'user' || kind === 'group') targets.push(this.userReference(userIndex));
    if (kind === 'group' && this.groups.length > 0) {
      const group = random.pick(this.groups);
      targets.push({
        id: group.id,
        type: 'UserGroup',
        alternateId: 'unknown',
        displayName: group.name,
        detailEntry: null,
      });
    }
    if (kind === 'app' && this.apps.length > 0) {
      const app = random.pick(this.apps);
      targets.push({
        id: app.id,
        type: 'AppInstance',
        alternateId: app.label,
        displayName: app.label,
        detailEntry: null,
      });
    }
    return targets;
  }

  private groupReference(group: OktaGroup): JsonObject {
    return {
      id: group.id,
      type: 'UserGroup',
      alternateId: 'unknown',
      displayName: group.name,
      detailEntry: null,
    };
  }

  /** A recorded event, shaped like the seeded ones: the admin acting from the API. */
  private recordedEvent(position: number, recorded: RecordedEvent): JsonObject {
    const requestId = hexHash(32, this.seed, position, 3);
    return {
      uuid: seededUuid(this.seed, hashLabel('log.recorded'), position),
      published: new Date(recorded.published).toISOString(),
      eventType: recorded.eventType,
      version: '0',
      severity: 'INFO',
      legacyEventType: null,
      displayMessage: recorded.displayMessage,
      actor: this.userReference(0),
      client: {
        userAgent: null,
        zone: 'null',
        device: 'Unknown',
        id: null,
        ipAddress: '127.0.0.1',
        geographicalContext: null,
      },
      authenticationContext: {
        authenticationProvider: null,
        credentialProvider: null,
        credentialType: null,
        issuer: null,
        interface: null,
        authenticationStep: 0,
        externalSessionId: 'trs-api-token',
      },
      outcome: { result: 'SUCCESS', reason: null },
      securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
      debugContext: { debugData: { requestId, requestUri: '/api/v1/users' } },
      transaction: { type: 'WEB', id: requestId, detail: {} },
      request: { ipChain: [{ ip: '127.0.0.1', geographicalContext: null, version: 'V4', source: null }] },
      target: [
        this.userReference(recorded.userIndex),
        ...(recorded.group ? [this.groupReference(recorded.group)] : []),
      ],
    };
  }

  /** The LogEvent at `position`. */
  event(position: number): JsonObject {
    if (position >= this.seededCount)
      return this.recordedEvent(position, this.recorded[position - this.seededCount]!);
    const random = new Random(this.seed, 'log.event', position);
    const kind = random.weighted(EVENT_KINDS);
    const result = random.weighted(kind.outcomes);
    const userIndex = random.integer(0, this.seededUsers - 1);
    const system = kind.actor === 'system';
    const failed = result === 'FAILURE' || result === 'DENY';
    const place = PLACES[random.integer(0, PLACES.length - 1)]!;
    const ipAddress = [
      random.integer(11, 220),
      random.integer(0, 255),
      random.integer(0, 255),
      random.integer(1, 254),
    ].join('.');
    const geographicalContext = {
      city: place.city,
      state: place.state ?? null,
      country: place.countryCode,
      postalCode: place.zipCode ?? null,
      geolocation: { lat: random.integer(-60, 70), lon: random.integer(-170, 170) },
    };
    return {
      uuid: seededUuid(this.seed, hashLabel('log.uuid'), position),
      published: new Date(this.publishedAt(position)).toISOString(),
      eventType: kind.eventType,
      // The spec types `version` as a string, yet Okta's own example holds the number 0.
      version: random.chance(0.1) ? 0 : '0',
      severity: failed || system ? 'WARN' : 'INFO',
      legacyEventType: kind.legacyEventType ?? null,
      displayMessage: kind.displayMessage,
      actor: system ? SYSTEM_ACTOR : this.userReference(kind.actor === 'admin' ? 0 : userIndex),
      client: system
        ? { userAgent: null, zone: null, device: null, id: null, ipAddress: null, geographicalContext: null }
        : {
            userAgent: random.pick(USER_AGENTS),
            zone: 'null',
            device: 'Computer',
            id: null,
            ipAddress,
            geographicalContext,
          },
      authenticationContext: {
        authenticationProvider: null,
        credentialProvider: null,
        credentialType: null,
        issuer: null,
        interface: null,
        authenticationStep: 0,
        externalSessionId: system ? null : `idx${hexHash(22, this.seed, position, 2)}`,
      },
      outcome: { result, reason: failed ? random.pick(FAILURE_REASONS) : null },
      securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
      debugContext: {
        debugData: { requestId: hexHash(32, this.seed, position, 3), requestUri: '/api/v1/authn' },
      },
      transaction: { type: system ? 'JOB' : 'WEB', id: hexHash(32, this.seed, position, 1), detail: {} },
      request: {
        ipChain: system ? [] : [{ ip: ipAddress, geographicalContext, version: 'V4', source: null }],
      },
      target: this.targets(kind.target, userIndex, random),
    };
  }
}
