/** A Rails time zone name as Workato reports it, with a UTC offset in minutes. */
export interface RailsTimeZone {
  name: string;
  offsetMinutes: number;
}

/** Rails names (not IANA ones): the engine has to translate them. */
export const RAILS_TIME_ZONES: readonly RailsTimeZone[] = [
  { name: 'Pacific Time (US & Canada)', offsetMinutes: -420 },
  { name: 'Mountain Time (US & Canada)', offsetMinutes: -360 },
  { name: 'Central Time (US & Canada)', offsetMinutes: -300 },
  { name: 'Eastern Time (US & Canada)', offsetMinutes: -240 },
  { name: 'Arizona', offsetMinutes: -420 },
  { name: 'Hawaii', offsetMinutes: -600 },
  { name: 'UTC', offsetMinutes: 0 },
  { name: 'London', offsetMinutes: 60 },
  { name: 'Berlin', offsetMinutes: 120 },
  { name: 'Paris', offsetMinutes: 120 },
  { name: 'Jerusalem', offsetMinutes: 180 },
  { name: 'Mumbai', offsetMinutes: 330 },
  { name: 'Singapore', offsetMinutes: 480 },
  { name: 'Tokyo', offsetMinutes: 540 },
  { name: 'Seoul', offsetMinutes: 540 },
  { name: 'Sydney', offsetMinutes: 600 },
  { name: 'Brasilia', offsetMinutes: -180 },
];

/** Formats epoch milliseconds the Rails way, in local time with an offset (`...T09:12:45.120-07:00`). */
export function formatWithOffset(epochMilliseconds: number, offsetMinutes: number): string {
  const local = new Date(epochMilliseconds + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** Built-in legacy roles: they appear on collaborators but not in `GET /api/roles`. */
export const BUILT_IN_LEGACY_ROLES: readonly string[] = ['Admin', 'Analyst', 'Operator'];

/** Custom legacy roles (`GET /api/roles`), in creation order. */
export const LEGACY_ROLE_NAMES: readonly string[] = [
  'Developer role',
  'Support engineer',
  'Read-only auditor',
  'Data steward',
  'Release captain',
  'Intégrations – équipe Paris',
  'Finance automation',
  'Recipe reviewer',
  'On-call responder',
  'Sandbox tinkerer',
  'HR automation',
  'Security reviewer',
];

/** Environment roles (`GET /api/environment_roles`) and their type. */
export const ENVIRONMENT_ROLES: readonly (readonly [name: string, type: string])[] = [
  ['Environment admin', 'system'],
  ['Environment manager', 'system'],
  ['Member', 'system'],
  ['Developer', 'custom'],
  ['Release manager', 'custom'],
  ['Project builder', 'inheritable'],
  ['Auditor', 'custom'],
  ['Inherited viewer', 'inherited'],
];

/** Resources and the actions a privileges map can grant on each. */
export const PRIVILEGE_RESOURCES: readonly (readonly [resource: string, actions: readonly string[]])[] = [
  ['Recipes', ['read', 'create', 'update', 'delete', 'run']],
  ['Folders', ['read', 'create', 'update', 'delete']],
  ['Connections', ['read', 'create', 'update', 'delete']],
  ['Workbot', ['read', 'create', 'update', 'delete']],
  ['Lookup tables', ['read', 'create', 'update', 'delete']],
  ['Recipe lifecycle management', ['read', 'create']],
];

/** Collaborator group names after the built-in "All collaborators". */
export const GROUP_NAMES: readonly string[] = [
  'Developers',
  'Operators',
  'Finance automation',
  'Données & Analytique',
  'Platform team',
  'Support',
  'Contractors',
  'Release managers',
];

/** The Workato environments a collaborator can hold a role in. */
export const ENVIRONMENT_TYPES = ['dev', 'test', 'prod'] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];
