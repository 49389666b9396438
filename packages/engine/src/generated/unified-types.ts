// Generated from schemas/**/*.schema.json by `pnpm generate`. Do not edit.

/** Shapes shared by the unified schemas of every model: time stamps, dates, references to other records, email and phone entries, role assignments and postal addresses. */
export namespace Common {
  /**
   * An instant in ISO-8601 format, in UTC, ending in Z. Fractional seconds are optional.
   */
  export type Timestamp = string;

  /**
   * A calendar date without a time of day, YYYY-MM-DD.
   */
  export type CalendarDate = string;

  /**
   * A reference to another record: its id and, when the provider gives it, its display name.
   */
  export interface Reference {
    /**
     * Id of the referenced record, as the provider's own resource reports it.
     */
    id: string;
    /**
     * Display name of the referenced record.
     */
    name?: string;
  }

  /**
   * A reference to another record by id only.
   */
  export interface IdReference {
    /**
     * Id of the referenced record, as the provider's own resource reports it.
     */
    id: string;
  }

  /**
   * One email address of a person, with its kind.
   */
  export interface EmailEntry {
    /**
     * The email address.
     */
    email: string;
    /**
     * Kind of address: work, personal or other. Omitted when the provider does not say.
     */
    type?: 'work' | 'personal' | 'other';
    /**
     * True for the address the provider treats as the person's main one.
     */
    is_primary?: boolean;
  }

  /**
   * One phone number of a person, with its kind.
   */
  export interface PhoneEntry {
    /**
     * The phone number as the provider has it, preferably in E.164 form.
     */
    number: string;
    /**
     * Kind of number: work, mobile, home or other. Omitted when the provider does not say.
     */
    type?: 'work' | 'mobile' | 'home' | 'other';
  }

  /**
   * A role a user holds, with the environment it applies to when the provider scopes roles by environment.
   */
  export interface RoleAssignment {
    /**
     * Id of the role, matching a record of user-directory/roles when the provider lists roles.
     */
    id?: string;
    /**
     * Display name of the role.
     */
    name: string;
    /**
     * The environment the role applies to, for providers with per-environment roles (for example dev, test, prod).
     */
    environment?: string;
  }

  /**
   * A postal address. Parts the provider does not have are omitted; at least one is present.
   */
  export interface Address {
    /**
     * First line of the street address.
     */
    street_1?: string;
    /**
     * Second line of the street address: suite, floor, building.
     */
    street_2?: string;
    /**
     * City or locality.
     */
    city?: string;
    /**
     * State, province or region, as the provider has it.
     */
    state?: string;
    /**
     * Postal or ZIP code.
     */
    postal_code?: string;
    /**
     * Country: an ISO 3166-1 alpha-2 code when it can be derived from the provider's value, otherwise that value.
     */
    country?: string;
  }
}

/** Records of the `hris` model. */
export namespace Hris {
  /**
   * The company, or one legal entity of it.
   */
  export interface Company {
    /**
     * The company's id in the provider.
     */
    id: string;
    /**
     * Name the company is known by.
     */
    name: string;
    /**
     * Registered legal name.
     */
    legal_name?: string;
    /**
     * Postal address of the company.
     */
    address?: Common.Address;
    /**
     * Main phone number.
     */
    phone?: string;
    /**
     * The company's website, as the provider has it.
     */
    website?: string;
    /**
     * When the company was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the company was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * A person employed by, or working for, the company.
   */
  export interface Employee {
    /**
     * The employee's id in the provider.
     */
    id: string;
    /**
     * The number the company gives the employee.
     */
    employee_number?: string;
    /**
     * Given name.
     */
    first_name?: string;
    /**
     * Family name.
     */
    last_name?: string;
    /**
     * Full name as displayed.
     */
    display_name?: string;
    /**
     * Work email address.
     */
    work_email?: string;
    /**
     * Personal email address.
     */
    personal_email?: string;
    /**
     * Phone numbers of the employee.
     */
    phones?: Common.PhoneEntry[];
    /**
     * Job title.
     */
    job_title?: string;
    /**
     * Department name.
     */
    department?: string;
    /**
     * Division name.
     */
    division?: string;
    /**
     * Cost center code or name.
     */
    cost_center?: string;
    /**
     * Organization or legal entity the employee belongs to.
     */
    organization?: string;
    /**
     * active (working), pending (hired, not started or not yet activated), inactive (on leave or suspended), terminated (left the company). The raw status stays in remote_data.
     */
    employment_status?: 'active' | 'pending' | 'inactive' | 'terminated';
    /**
     * employee, contractor, intern, temporary, or other for any other value the provider has; omitted when the provider has none.
     */
    employment_type?: 'employee' | 'contractor' | 'intern' | 'temporary' | 'other';
    /**
     * The employee's manager, a record of hris/employees.
     */
    manager?: Common.Reference;
    /**
     * Where the employee works, a record of hris/locations.
     */
    work_location?: Common.IdReference;
    /**
     * First day of employment.
     */
    start_date?: Common.CalendarDate;
    /**
     * Last day of employment, when it has ended or is scheduled to end.
     */
    termination_date?: Common.CalendarDate;
    /**
     * When the employee record was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the employee record was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * An organizational unit employees belong to: department, team, division...
   */
  export interface Group {
    /**
     * The group's id in the provider.
     */
    id: string;
    /**
     * Display name of the group.
     */
    name: string;
    /**
     * Kind of unit; group when the provider does not say.
     */
    type?: 'department' | 'team' | 'division' | 'cost_center' | 'business_unit' | 'group';
    /**
     * What the group is.
     */
    description?: string;
    /**
     * The group this one belongs to, a record of hris/groups.
     */
    parent?: Common.IdReference;
    /**
     * When the group was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the group was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * A place where employees work or live.
   */
  export interface Location {
    /**
     * The location's id; for locations derived from addresses, a stable hash of the normalised address.
     */
    id: string;
    /**
     * Display name of the location.
     */
    name?: string;
    /**
     * First line of the street address.
     */
    street_1?: string;
    /**
     * Second line of the street address: suite, floor, building.
     */
    street_2?: string;
    /**
     * City or locality.
     */
    city?: string;
    /**
     * State, province or region, as the provider has it.
     */
    state?: string;
    /**
     * Postal or ZIP code.
     */
    postal_code?: string;
    /**
     * Country: an ISO 3166-1 alpha-2 code when it can be derived from the provider's value, otherwise that value.
     */
    country?: string;
    /**
     * Kind of location: work, home or other.
     */
    type?: 'work' | 'home' | 'other';
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }
}

/** Records of the `sso` model. */
export namespace Sso {
  /**
   * A user's assignment to an app, with the account they have in it.
   */
  export interface AppUser {
    /**
     * Unique across apps: <app id>:<user id>.
     */
    id: string;
    /**
     * The app, a record of sso/apps.
     */
    app: Common.Reference;
    /**
     * The user, a record of user-directory/users.
     */
    user: Common.IdReference;
    /**
     * The name the user has in the app.
     */
    username?: string;
    /**
     * Email address of the user in the app.
     */
    email?: string;
    /**
     * active (can use the app), inactive (assignment disabled) or pending (being provisioned).
     */
    status?: 'active' | 'inactive' | 'pending';
    /**
     * user (assigned directly) or group (through a group membership).
     */
    assigned_via?: 'user' | 'group';
    /**
     * When the assignment was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the assignment was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * An application users sign in to through the identity provider.
   */
  export interface App {
    /**
     * The app's id in the provider.
     */
    id: string;
    /**
     * Display name of the app.
     */
    name: string;
    /**
     * The provider's short, machine-readable name for the app or its integration.
     */
    slug?: string;
    /**
     * active (users can sign in) or inactive.
     */
    status?: 'active' | 'inactive';
    /**
     * How users sign in to the app; other for a mode not listed.
     */
    sign_on_mode?: 'saml' | 'oidc' | 'ws_federation' | 'secure_web_auth' | 'bookmark' | 'basic_auth' | 'other';
    /**
     * URL of the app's logo.
     */
    logo_url?: string;
    /**
     * When the app was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the app was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }
}

/** Records of the `user-directory` model. */
export namespace UserDirectory {
  /**
   * An entry of the audit log: who did what to which records, and when.
   */
  export interface Activity {
    /**
     * The event id in the provider; unique, so events seen twice are de-duplicated.
     */
    id: string;
    /**
     * The provider's event type, unchanged.
     */
    action: string;
    /**
     * Human-readable summary of the event.
     */
    description?: string;
    /**
     * Who performed the action. At least one of its fields is present.
     */
    actor?: {
      /**
       * Id of the actor in the provider.
       */
      id?: string;
      /**
       * Kind of actor: user, app (an application or API client) or system (the provider itself).
       */
      type?: 'user' | 'app' | 'system';
      /**
       * Display name of the actor.
       */
      name?: string;
      /**
       * Email address of the actor, for a user.
       */
      email?: string;
    };
    /**
     * The records the action applied to.
     */
    targets?: {
      /**
       * Id of the target in the provider.
       */
      id?: string;
      /**
       * Kind of target, in the provider's words.
       */
      type?: string;
      /**
       * Display name of the target.
       */
      name?: string;
    }[];
    /**
     * Whether the action succeeded: success, failure, or unknown when the provider does not say.
     */
    outcome?: 'success' | 'failure' | 'unknown';
    /**
     * IPv4 or IPv6 address the action came from.
     */
    ip_address?: string;
    /**
     * User agent of the client that performed the action.
     */
    user_agent?: string;
    /**
     * When the action happened.
     */
    created_at: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * A group of users in the directory.
   */
  export interface Group {
    /**
     * The group's id in the provider.
     */
    id: string;
    /**
     * Display name of the group.
     */
    name: string;
    /**
     * What the group is for.
     */
    description?: string;
    /**
     * Kind of group: group (managed in the directory), app_group (imported from or pushed by an application), built_in (created by the provider, such as Everyone).
     */
    type?: 'group' | 'app_group' | 'built_in';
    /**
     * The environment the group belongs to, for providers that keep groups per environment (Workato Identity: the environment's id). Absent where groups span the whole directory.
     */
    environment?: string;
    /**
     * Number of users in the group, when the provider reports it.
     */
    member_count?: number;
    /**
     * When the group was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the group was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * The identity behind the connection: the user, service account or workspace whose credentials the connection uses. It has the fields of a user that apply; status is optional.
   */
  export interface Me {
    /**
     * The user's id in the provider.
     */
    id: string;
    /**
     * The name the user signs in with.
     */
    username?: string;
    /**
     * Full display name of the user.
     */
    name?: string;
    /**
     * Given name.
     */
    first_name?: string;
    /**
     * Family name.
     */
    last_name?: string;
    /**
     * Job title.
     */
    title?: string;
    /**
     * Email addresses of the user; at most one is primary.
     */
    emails?: Common.EmailEntry[];
    /**
     * Phone numbers of the user.
     */
    phones?: Common.PhoneEntry[];
    /**
     * Lifecycle state: active (can sign in), invited (created or invited, not yet activated), suspended (temporarily blocked), inactive (deactivated or deprovisioned). The raw status stays in remote_data.
     */
    status?: 'active' | 'invited' | 'suspended' | 'inactive';
    /**
     * Roles the user holds, per environment where the provider scopes roles by environment.
     */
    roles?: Common.RoleAssignment[];
    /**
     * Groups the user is a member of.
     */
    groups?: Common.Reference[];
    /**
     * Id of the user in an upstream system (an HR system, a SCIM client, an identity provider).
     */
    external_id?: string;
    /**
     * URL of the profile picture.
     */
    avatar_url?: string;
    /**
     * IANA time zone name (Area/Location, or UTC); provider-specific names such as Rails ones are converted.
     */
    timezone?: string;
    /**
     * Preferred locale as a BCP 47 language tag, with hyphens (a provider value such as en_US becomes en-US).
     */
    locale?: string;
    /**
     * When the user last signed in.
     */
    last_login_at?: Common.Timestamp;
    /**
     * When the user was last seen doing anything, sign-in or not.
     */
    last_active_at?: Common.Timestamp;
    /**
     * When the user was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the user was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * A role that grants users a set of permissions.
   */
  export interface Role {
    /**
     * The role's id, unique within the resource (a source prefix is added where the provider's sources can collide).
     */
    id: string;
    /**
     * Display name of the role.
     */
    name: string;
    /**
     * What the role allows.
     */
    description?: string;
    /**
     * system (defined by the provider) or custom (defined by the customer).
     */
    type?: 'system' | 'custom';
    /**
     * The permissions the role grants, in the provider's own names.
     */
    permissions?: string[];
    /**
     * The environment the role applies to, for providers with per-environment roles (for example dev, test, prod).
     */
    environment?: string;
    /**
     * Number of users holding the role, when the provider reports it.
     */
    member_count?: number;
    /**
     * When the role was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the role was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * A person or service account with an identity in the provider.
   */
  export interface User {
    /**
     * The user's id in the provider.
     */
    id: string;
    /**
     * The name the user signs in with.
     */
    username?: string;
    /**
     * Full display name of the user.
     */
    name?: string;
    /**
     * Given name.
     */
    first_name?: string;
    /**
     * Family name.
     */
    last_name?: string;
    /**
     * Job title.
     */
    title?: string;
    /**
     * Email addresses of the user; at most one is primary.
     */
    emails?: Common.EmailEntry[];
    /**
     * Phone numbers of the user.
     */
    phones?: Common.PhoneEntry[];
    /**
     * Lifecycle state: active (can sign in), invited (created or invited, not yet activated), suspended (temporarily blocked), inactive (deactivated or deprovisioned). The raw status stays in remote_data.
     */
    status: 'active' | 'invited' | 'suspended' | 'inactive';
    /**
     * Roles the user holds, per environment where the provider scopes roles by environment.
     */
    roles?: Common.RoleAssignment[];
    /**
     * Groups the user is a member of.
     */
    groups?: Common.Reference[];
    /**
     * Id of the user in an upstream system (an HR system, a SCIM client, an identity provider).
     */
    external_id?: string;
    /**
     * URL of the profile picture.
     */
    avatar_url?: string;
    /**
     * IANA time zone name (Area/Location, or UTC); provider-specific names such as Rails ones are converted.
     */
    timezone?: string;
    /**
     * Preferred locale as a BCP 47 language tag, with hyphens (a provider value such as en_US becomes en-US).
     */
    locale?: string;
    /**
     * When the user last signed in.
     */
    last_login_at?: Common.Timestamp;
    /**
     * When the user was last seen doing anything, sign-in or not.
     */
    last_active_at?: Common.Timestamp;
    /**
     * When the user was created in the provider.
     */
    created_at?: Common.Timestamp;
    /**
     * When the user was last changed in the provider.
     */
    updated_at?: Common.Timestamp;
    /**
     * The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.
     */
    remote_data?: {
      [k: string]: unknown;
    };
  }

  /**
   * What creating (inviting, provisioning) a user takes. Each provider says which fields it can set; any other field fails with unsupported_field before a request is sent.
   */
  export interface UserCreateInput {
    /**
     * The user's primary (work) email address; invitations and activation emails go to it.
     */
    email: string;
    /**
     * The name the user signs in with, where the provider has one apart from the email.
     */
    username?: string;
    /**
     * Full display name.
     */
    name?: string;
    /**
     * Given name.
     */
    first_name?: string;
    /**
     * Family name.
     */
    last_name?: string;
    /**
     * Job title.
     */
    title?: string;
    /**
     * Phone numbers of the user.
     */
    phones?: Common.PhoneEntry[];
    /**
     * Roles to hold, by name, with the environment where the provider scopes roles by environment; the id of a user-directory/roles record tells the provider which kind of role it is. On update, the roles of the environments named replace the ones held there.
     *
     * @minItems 1
     */
    roles?: [Common.RoleAssignment, ...Common.RoleAssignment[]];
    /**
     * Groups (user-directory/groups ids) the user joins when created.
     */
    groups?: Common.IdReference[];
    /**
     * Id of the user in an upstream system (an HR system, a SCIM client).
     */
    external_id?: string;
    /**
     * IANA time zone name.
     */
    timezone?: string;
    /**
     * Preferred locale as a BCP 47 language tag.
     */
    locale?: string;
  }

  /**
   * A partial change to a user: only the fields given change, the others are left as they are. Each provider says which fields it can change; any other field fails with unsupported_field before a request is sent.
   */
  export interface UserUpdateInput {
    /**
     * The user's primary (work) email address; invitations and activation emails go to it.
     */
    email?: string;
    /**
     * The name the user signs in with, where the provider has one apart from the email.
     */
    username?: string;
    /**
     * Full display name.
     */
    name?: string;
    /**
     * Given name.
     */
    first_name?: string;
    /**
     * Family name.
     */
    last_name?: string;
    /**
     * Job title.
     */
    title?: string;
    /**
     * Phone numbers of the user.
     */
    phones?: Common.PhoneEntry[];
    /**
     * Roles to hold, by name, with the environment where the provider scopes roles by environment; the id of a user-directory/roles record tells the provider which kind of role it is. On update, the roles of the environments named replace the ones held there.
     *
     * @minItems 1
     */
    roles?: [Common.RoleAssignment, ...Common.RoleAssignment[]];
    /**
     * Id of the user in an upstream system (an HR system, a SCIM client).
     */
    external_id?: string;
    /**
     * IANA time zone name.
     */
    timezone?: string;
    /**
     * Preferred locale as a BCP 47 language tag.
     */
    locale?: string;
  }
}

/** The record type of every unified resource, by model and resource id. */
export interface UnifiedRecordMap {
  'hris': {
    'companies': Hris.Company;
    'employees': Hris.Employee;
    'groups': Hris.Group;
    'locations': Hris.Location;
  };
  'sso': {
    'app-users': Sso.AppUser;
    'apps': Sso.App;
  };
  'user-directory': {
    'activities': UserDirectory.Activity;
    'groups': UserDirectory.Group;
    'me': UserDirectory.Me;
    'roles': UserDirectory.Role;
    'users': UserDirectory.User;
  };
}

/** A unified model id: `user-directory`, `hris`, `sso`. */
export type UnifiedModel = keyof UnifiedRecordMap;

/** A resource id of one model, e.g. `users` for `user-directory`. */
export type UnifiedResource<Model extends UnifiedModel> = keyof UnifiedRecordMap[Model] & string;

/** The record type of one resource, e.g. `UnifiedRecord<'sso', 'apps'>` is `Sso.App`. */
export type UnifiedRecord<Model extends UnifiedModel, Resource extends UnifiedResource<Model>> =
  UnifiedRecordMap[Model][Resource];

/** The input type of every write operation that takes one, by model, resource and operation. */
export interface UnifiedInputMap {
  'user-directory': {
    'users': {
      create: UserDirectory.UserCreateInput;
      update: UserDirectory.UserUpdateInput;
    };
  };
}
