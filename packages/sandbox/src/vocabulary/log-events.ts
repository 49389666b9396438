/** Who performs an event: a random user, the org administrator (user 0), or Okta itself. */
type EventActor = 'user' | 'admin' | 'system';
/** What an event is about, beyond its actor. */
type EventTarget = 'user' | 'app' | 'group' | 'none';

/** A kind of System Log event with the outcomes it can have. */
export interface EventKind {
  eventType: string;
  displayMessage: string;
  actor: EventActor;
  target: EventTarget;
  outcomes: readonly (readonly [result: string, weight: number])[];
  legacyEventType?: string;
}

const SUCCESS = [['SUCCESS', 1]] as const;

/** Event kinds with their relative frequency. */
export const EVENT_KINDS: readonly (readonly [EventKind, number])[] = [
  [
    {
      eventType: 'user.session.start',
      displayMessage: 'User login to Okta',
      actor: 'user',
      target: 'none',
      legacyEventType: 'core.user_auth.login_success',
      outcomes: [
        ['SUCCESS', 85],
        ['FAILURE', 15],
      ],
    },
    30,
  ],
  [
    {
      eventType: 'user.authentication.sso',
      displayMessage: 'User single sign on to app',
      actor: 'user',
      target: 'app',
      outcomes: [
        ['SUCCESS', 92],
        ['FAILURE', 8],
      ],
    },
    25,
  ],
  [
    {
      eventType: 'policy.evaluate_sign_on',
      displayMessage: 'Evaluation of sign-on policy',
      actor: 'user',
      target: 'none',
      outcomes: [
        ['ALLOW', 80],
        ['CHALLENGE', 12],
        ['DENY', 8],
      ],
    },
    10,
  ],
  [
    {
      eventType: 'user.session.end',
      displayMessage: 'User logout from Okta',
      actor: 'user',
      target: 'none',
      outcomes: SUCCESS,
    },
    6,
  ],
  [
    {
      eventType: 'user.lifecycle.create',
      displayMessage: 'Create Okta user',
      actor: 'admin',
      target: 'user',
      outcomes: SUCCESS,
    },
    4,
  ],
  [
    {
      eventType: 'user.lifecycle.activate',
      displayMessage: 'Activate Okta user',
      actor: 'admin',
      target: 'user',
      outcomes: SUCCESS,
    },
    3,
  ],
  [
    {
      eventType: 'user.lifecycle.deactivate',
      displayMessage: 'Deactivate Okta user',
      actor: 'admin',
      target: 'user',
      outcomes: SUCCESS,
    },
    2,
  ],
  [
    {
      eventType: 'user.lifecycle.suspend',
      displayMessage: 'Suspend Okta user',
      actor: 'admin',
      target: 'user',
      outcomes: SUCCESS,
    },
    2,
  ],
  [
    {
      eventType: 'group.user_membership.add',
      displayMessage: 'Add user to group membership',
      actor: 'admin',
      target: 'group',
      outcomes: SUCCESS,
    },
    5,
  ],
  [
    {
      eventType: 'group.user_membership.remove',
      displayMessage: 'Remove user from group membership',
      actor: 'admin',
      target: 'group',
      outcomes: SUCCESS,
    },
    2,
  ],
  [
    {
      eventType: 'application.lifecycle.update',
      displayMessage: 'Update application',
      actor: 'admin',
      target: 'app',
      outcomes: SUCCESS,
    },
    2,
  ],
  [
    {
      eventType: 'user.account.lock',
      displayMessage: 'Max sign in attempts exceeded',
      actor: 'system',
      target: 'user',
      outcomes: SUCCESS,
    },
    2,
  ],
  [
    {
      eventType: 'system.org.rate_limit.warning',
      displayMessage: 'Rate limit warning',
      actor: 'system',
      target: 'none',
      outcomes: SUCCESS,
    },
    1,
  ],
];

/** `outcome.reason` of failed or denied events. */
export const FAILURE_REASONS: readonly string[] = ['INVALID_CREDENTIALS', 'VERIFICATION_ERROR', 'LOCKED_OUT'];

/** `client.userAgent` values. */
export const USER_AGENTS = [
  {
    rawUserAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36',
    os: 'Mac OS X',
    browser: 'CHROME',
  },
  {
    rawUserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
    os: 'Windows 10',
    browser: 'FIREFOX',
  },
  { rawUserAgent: 'Okta Verify/9.20.0 (iPhone; iOS 17.5)', os: 'iOS', browser: 'UNKNOWN' },
] as const;

/** The actor of events that Okta performs itself. */
export const SYSTEM_ACTOR = {
  id: '0oa1system0000000000',
  type: 'SystemPrincipal',
  alternateId: 'system@okta.com',
  displayName: 'Okta System',
  detailEntry: null,
} as const;
