import { createIdCodec, type JsonObject } from '../records.js';
import type { OktaTenant } from './okta-data.js';
import type { OktaGroup } from './okta-groups.js';
import type { OktaUserStatus } from './okta-user-traits.js';

/** How many users {@link OktaEdits.churn} adds, updates, deactivates and deletes. */
export interface ChurnCounts {
  added?: number;
  updated?: number;
  deactivated?: number;
  deleted?: number;
}

/** The ids {@link OktaEdits.churn} touched, by kind of change. */
export interface ChurnResult {
  added: string[];
  updated: string[];
  deactivated: string[];
  deleted: string[];
}

function unknownRecord(kind: string, id: string): Error {
  return new RangeError(`no ${kind} ${id} in this sandbox`);
}

/**
 * Changes a tenant's data while the server runs, as an admin would: users and groups are added,
 * updated, deactivated and deleted. Every change stamps `lastUpdated` with the current time, so
 * `lastUpdated gt` searches (incremental syncs) find it. Changes live in memory only.
 */
export class OktaEdits {
  private readonly groupIds;
  private nextGroupIndex: number;
  private revision = 0;

  constructor(
    private readonly tenant: OktaTenant,
    private readonly onChange: () => void,
  ) {
    this.groupIds = createIdCodec(tenant.settings.seed, '00g', Number.MAX_SAFE_INTEGER);
    this.nextGroupIndex = Math.max(0, ...tenant.groups.map((group) => group.index)) + 1;
  }

  private userIndex(id: string): number {
    const index = this.tenant.users.indexOf(id);
    if (index === undefined) throw unknownRecord('user', id);
    return index;
  }

  private group(id: string): OktaGroup {
    const group = this.tenant.group(id);
    if (!group) throw unknownRecord('group', id);
    return group;
  }

  private touchUser(index: number, profile: JsonObject = {}, created?: number): void {
    const { edits } = this.tenant.users;
    const previous = edits.get(index);
    edits.set(index, {
      profile: { ...previous?.profile, ...profile },
      at: Date.now(),
      created: created ?? previous?.created,
      replacesProfile: previous?.replacesProfile,
    });
    this.onChange();
  }

  /** Adds a user (seeded like the others, created now); returns its id. */
  addUser(): string {
    const index = this.tenant.users.grow();
    this.touchUser(index, {}, Date.now());
    return this.tenant.users.ids.encode(index);
  }

  /**
   * Adds a user as `POST /api/v1/users` does: the profile and credentials are the request's
   * (credentials without any secret), nothing comes from the seed. Returns its id.
   */
  createUser(profile: JsonObject, status: OktaUserStatus, credentials: JsonObject): string {
    const { users } = this.tenant;
    const index = users.grow();
    const now = Date.now();
    users.createdThroughApi.set(index, {
      created: now,
      // Only users who completed activation have `activated`; STAGED ones never changed status.
      activated: status === 'ACTIVE' ? now : null,
      statusChanged: status === 'STAGED' ? null : now,
      passwordChanged: credentials.password ? now : null,
      credentials,
    });
    users.statusChanges.set(index, status);
    users.edits.set(index, { profile, at: now, created: now, replacesProfile: true });
    this.onChange();
    return users.ids.encode(index);
  }

  /** Sets profile attributes of a user, e.g. `{ title: 'CTO' }`. */
  updateUser(id: string, profile: JsonObject): void {
    this.touchUser(this.userIndex(id), profile);
  }

  /** Replaces a user's whole profile, as `PUT /api/v1/users/{id}` does: omitted attributes go. */
  replaceProfile(id: string, profile: JsonObject): void {
    const index = this.userIndex(id);
    const previous = this.tenant.users.edits.get(index);
    this.tenant.users.edits.set(index, {
      profile,
      at: Date.now(),
      created: previous?.created,
      replacesProfile: true,
    });
    this.onChange();
  }

  /** Changes a user's Okta status; `DEPROVISIONED` is what Okta's "deactivate" does. */
  setUserStatus(id: string, status: OktaUserStatus): void {
    const index = this.userIndex(id);
    this.tenant.users.statusChanges.set(index, status);
    const created = this.tenant.users.createdThroughApi.get(index);
    if (created) created.statusChanged = Date.now();
    this.touchUser(index);
  }

  /** Adds a user to a group or removes it, as `PUT`/`DELETE /api/v1/groups/{id}/users/{userId}` do. */
  setGroupMember(groupId: string, userId: string, member: boolean): void {
    const group = this.group(groupId);
    this.tenant.memberships.set(group, this.userIndex(userId), member);
    group.lastMembershipUpdated = Date.now();
    this.onChange();
  }

  /** Deletes a user for good: it is no longer listed and its id answers 404. */
  deleteUser(id: string): void {
    this.tenant.users.deleted.add(this.userIndex(id));
    this.onChange();
  }

  /** Adds an empty Okta group; returns its id. */
  addGroup(name: string, description: string | null = null): string {
    const index = this.nextGroupIndex++;
    const now = Date.now();
    const id = this.groupIds.encode(index);
    const group: OktaGroup = {
      index,
      id,
      type: 'OKTA_GROUP',
      name,
      description,
      isMember: () => false,
      created: now,
      lastUpdated: now,
      lastMembershipUpdated: now,
    };
    this.tenant.groups.push(this.tenant.memberships.track(group));
    this.onChange();
    return id;
  }

  /** Renames a group or changes its description. */
  updateGroup(id: string, changes: { name?: string; description?: string | null }): void {
    const group = this.group(id);
    if (changes.name !== undefined) group.name = changes.name;
    if (changes.description !== undefined) group.description = changes.description;
    group.lastUpdated = Date.now();
    this.onChange();
  }

  /** Deletes a group; its members stay users. */
  deleteGroup(id: string): void {
    const group = this.group(id);
    this.tenant.groups.splice(this.tenant.groups.indexOf(group), 1);
    this.onChange();
  }

  /**
   * A round of typical directory changes: new hires, edited profiles, deactivations and
   * deletions, on users picked from the end of the directory (never the admin, user 0; never a
   * user already deprovisioned or deleted). The same counts on the same data pick the same users.
   */
  churn(counts: ChurnCounts): ChurnResult {
    const { users } = this.tenant;
    const candidates: string[] = [];
    const wanted = (counts.updated ?? 0) + (counts.deactivated ?? 0) + (counts.deleted ?? 0);
    for (let index = users.count - 1; index > 0 && candidates.length < wanted; index--) {
      if (users.isDeleted(index) || users.statusOf(index) === 'DEPROVISIONED') continue;
      candidates.push(users.ids.encode(index));
    }
    if (candidates.length < wanted) {
      throw new RangeError(`churn needs ${wanted} active users, the sandbox has ${candidates.length}`);
    }
    const take = (count = 0) => candidates.splice(0, count);
    const result: ChurnResult = {
      updated: take(counts.updated),
      deactivated: take(counts.deactivated),
      deleted: take(counts.deleted),
      added: [],
    };
    for (const id of result.updated) this.updateUser(id, { title: `Title revision ${++this.revision}` });
    for (const id of result.deactivated) this.setUserStatus(id, 'DEPROVISIONED');
    for (const id of result.deleted) this.deleteUser(id);
    for (let added = 0; added < (counts.added ?? 0); added++) result.added.push(this.addUser());
    return result;
  }
}
