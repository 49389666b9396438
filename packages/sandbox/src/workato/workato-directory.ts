import type { JsonObject } from '../records.js';
import { BUILT_IN_LEGACY_ROLES, ENVIRONMENT_TYPES } from '../vocabulary/workato-vocabulary.js';
import type { WorkatoGroup } from './workato-catalog.js';
import type { CollaboratorRole } from './workato-collaborators.js';
import type { WorkatoWorkspace } from './workato-data.js';

/** Workato allows one invitation per email and workspace every 20 minutes. */
const INVITE_INTERVAL_MS = 20 * 60 * 1000;

/** One environment role as the write endpoints take it (`env_roles`). */
interface EnvironmentRoleInput {
  environment_type?: unknown;
  name?: unknown;
  role_type?: unknown;
}

/** An invitation not yet accepted: Workato lists it nowhere, the invitee is no collaborator yet. */
export interface PendingInvitation {
  name: string;
  email: string;
  roles: CollaboratorRole[];
  userGroupIds: string[];
  invitedAt: number;
}

/** Why a role list was refused, in Workato's words (JSON:API titles of the newer endpoints). */
export type RoleProblem = { title: string } | undefined;

/**
 * The collaborators of a workspace as the write endpoints change them: invitations pending until
 * accepted, accepted invitees, removed collaborators, changed roles and group memberships. The
 * seeded collaborators stay as generated; this records what differs from them.
 */
export class WorkatoDirectory {
  private readonly invitations = new Map<string, PendingInvitation>();
  private readonly lastInviteAt = new Map<string, number>();
  private readonly joined = new Map<number, JsonObject>();
  private readonly removed = new Set<number>();
  private readonly roleChanges = new Map<number, CollaboratorRole[]>();
  /** Group id -> collaborator id -> member or not, where it differs from the seed. */
  private readonly memberships = new Map<string, Map<number, boolean>>();
  private nextId: number;
  /** False until the first change: reads then use the seeded data and its cached counts. */
  changed = false;

  constructor(private readonly workspace: WorkatoWorkspace) {
    const { collaborators } = workspace;
    this.nextId = collaborators.idOf(collaborators.count) + 1000;
  }

  /** Every current collaborator id: the seeded ones not removed, then accepted invitees. */
  *ids(): Generator<number> {
    const { collaborators } = this.workspace;
    for (let index = 0; index < collaborators.count; index++) {
      const id = collaborators.idOf(index);
      if (!this.removed.has(id)) yield id;
    }
    for (const id of this.joined.keys()) if (!this.removed.has(id)) yield id;
  }

  /** The collaborator object of `GET /api/members`, or undefined for no current collaborator. */
  collaborator(id: number): JsonObject | undefined {
    if (this.removed.has(id)) return undefined;
    const index = this.workspace.collaborators.indexOf(id);
    const base = index === undefined ? this.joined.get(id) : this.workspace.collaborators.collaborator(index);
    if (!base) return undefined;
    const roles = this.roleChanges.get(id);
    return roles ? { ...base, roles } : base;
  }

  idOfEmail(email: string): number | undefined {
    const wanted = email.toLowerCase();
    for (const id of this.ids()) {
      if (String(this.collaborator(id)?.email).toLowerCase() === wanted) return id;
    }
    return undefined;
  }

  isMember(group: WorkatoGroup, id: number): boolean {
    const changed = this.memberships.get(group.id)?.get(id);
    if (changed !== undefined) return changed && !this.removed.has(id);
    if (this.removed.has(id)) return false;
    const index = this.workspace.collaborators.indexOf(id);
    return index === undefined ? group.system : group.isMember(index);
  }

  membersCount(group: WorkatoGroup): number {
    let count = 0;
    for (const id of this.ids()) if (this.isMember(group, id)) count++;
    return count;
  }

  pendingInvitations(): PendingInvitation[] {
    return [...this.invitations.values()];
  }

  /** The roles an `env_roles` list names, or the problem Workato reports (RBAC 2.0 rules). */
  checkRoles(input: unknown): CollaboratorRole[] | RoleProblem {
    if (!Array.isArray(input) || input.length === 0) return { title: 'env_roles is required' };
    const roles: CollaboratorRole[] = [];
    for (const role of input as EnvironmentRoleInput[]) {
      const environment = role?.environment_type;
      if (!ENVIRONMENT_TYPES.includes(environment as never))
        return { title: `Environment ${String(environment)} not found` };
      const roleType = role.role_type ?? 'privilege_group';
      const names =
        roleType === 'environment'
          ? this.workspace.environmentRoles.map((known) => known.name)
          : roleType === 'privilege_group'
            ? [...BUILT_IN_LEGACY_ROLES, ...this.workspace.legacyRoles.map((known) => String(known.name))]
            : [];
      if (typeof role.name !== 'string' || !names.includes(role.name))
        return { title: `Role ${String(role.name)} not found` };
      roles.push({
        environment_type: environment as CollaboratorRole['environment_type'],
        role_name: role.name,
        role_type: roleType as CollaboratorRole['role_type'],
      });
    }
    return roles;
  }

  /** Milliseconds before `email` may be invited again (0: now). */
  inviteWait(email: string, now = Date.now()): number {
    const last = this.lastInviteAt.get(email.toLowerCase());
    return last === undefined ? 0 : Math.max(0, last + INVITE_INTERVAL_MS - now);
  }

  invite(invitation: Omit<PendingInvitation, 'invitedAt'>, now = Date.now()): void {
    this.changed = true;
    const key = invitation.email.toLowerCase();
    this.lastInviteAt.set(key, now);
    this.invitations.set(key, { ...invitation, invitedAt: now });
  }

  /**
   * The invitee accepts (what they would do from Workato's email): they become a collaborator
   * with the invited roles and groups. Returns the new collaborator id.
   */
  acceptInvitation(email: string): number {
    const key = email.toLowerCase();
    const invitation = this.invitations.get(key);
    if (!invitation) throw new RangeError(`no pending invitation for ${email}`);
    this.invitations.delete(key);
    const id = this.nextId;
    this.nextId += 17;
    const now = new Date().toISOString();
    this.joined.set(id, {
      id,
      grant_type: 'team',
      name: invitation.name,
      email: invitation.email,
      external_id: null,
      time_zone: 'UTC',
      created_at: now,
      roles: invitation.roles,
      last_activity_log: null,
    });
    for (const groupId of invitation.userGroupIds) this.setMember(groupId, id, true);
    return id;
  }

  /** Environments listed replace the roles held there; the others are left as they are. */
  updateRoles(id: number, roles: CollaboratorRole[]): void {
    this.changed = true;
    const current = (this.collaborator(id)?.roles ?? []) as CollaboratorRole[];
    const changed = new Set(roles.map((role) => role.environment_type));
    this.roleChanges.set(id, [...current.filter((role) => !changed.has(role.environment_type)), ...roles]);
  }

  remove(id: number): void {
    this.changed = true;
    this.removed.add(id);
  }

  setMember(groupId: string, id: number, member: boolean): void {
    this.changed = true;
    const changes = this.memberships.get(groupId) ?? new Map<number, boolean>();
    changes.set(id, member);
    this.memberships.set(groupId, changes);
  }
}
