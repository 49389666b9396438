import type { OktaGroup } from './okta-groups.js';
import type { OktaUserTraits } from './okta-user-traits.js';

/**
 * Group memberships as the API changed them. Seeded memberships are rules over user traits;
 * this wraps each group's rule so that memberships set through `PUT`/`DELETE
 * /api/v1/groups/{groupId}/users/{userId}` win, and so that users created through the API
 * belong to the built-in Everyone group only, whatever their seeded traits would say. Every
 * reader (member listings, counts, app assignments through groups) calls `group.isMember`, so
 * they all see the changes.
 */
export class OktaMemberships {
  /** Group id -> user index -> member or not, where it differs from the rule. */
  private readonly changes = new Map<string, Map<number, boolean>>();

  constructor(private readonly users: OktaUserTraits) {}

  /** Makes `group` answer with the changes; returns the same group. */
  track(group: OktaGroup): OktaGroup {
    const rule = group.isMember.bind(group);
    const { changes, users } = this;
    group.isMember = (userIndex: number) => {
      // Most tenants are never written to: keep the seeded path as cheap as it was.
      if (changes.size === 0 && users.createdThroughApi.size === 0) return rule(userIndex);
      const changed = changes.get(group.id)?.get(userIndex);
      if (changed !== undefined) return changed;
      if (users.createdThroughApi.has(userIndex)) return group.type === 'BUILT_IN';
      return rule(userIndex);
    };
    return group;
  }

  /** Adds or removes a member. */
  set(group: OktaGroup, userIndex: number, member: boolean): void {
    const changes = this.changes.get(group.id) ?? new Map<number, boolean>();
    changes.set(userIndex, member);
    this.changes.set(group.id, changes);
  }
}
