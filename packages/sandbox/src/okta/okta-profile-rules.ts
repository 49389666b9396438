import type { JsonObject } from '../records.js';
import type { SandboxRequest, SandboxResponse } from '../routes.js';
import { oktaError } from './okta-http.js';

/** The base profile attributes Okta's default user schema requires. */
const REQUIRED_ATTRIBUTES = ['login', 'email', 'firstName', 'lastName'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 400 E0000001 naming the first attribute in the summary and every problem as a cause. */
export function validationFailed(problems: readonly [attribute: string, problem: string][]): SandboxResponse {
  return oktaError(
    400,
    'E0000001',
    `Api validation failed: ${problems[0]![0]}`,
    problems.map(([attribute, problem]) => `${attribute}: ${problem}`),
  );
}

/** The answer to a second user with a login already taken, word for word Okta's. */
export function loginTaken(): SandboxResponse {
  return validationFailed([
    ['login', 'An object with this field already exists in the current organization'],
  ]);
}

/** The JSON object a write sends, or Okta's error for a body that is not one. */
export function requestObject(request: SandboxRequest): JsonObject | SandboxResponse {
  try {
    const body: unknown = JSON.parse(request.body || '{}');
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as JsonObject;
  } catch {
    // Answered below, like any body that is not an object.
  }
  return oktaError(400, 'E0000003', 'The request body was not well-formed.');
}

/** `profile` of a request body, or the validation error for a missing one. */
export function requestProfile(body: JsonObject): JsonObject | SandboxResponse {
  const { profile } = body;
  if (profile !== null && typeof profile === 'object' && !Array.isArray(profile))
    return profile as JsonObject;
  return validationFailed([['profile', 'The field cannot be left blank']]);
}

export const isResponse = (value: unknown): value is SandboxResponse =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

/**
 * Checks a complete profile against the default user schema: the four required attributes
 * present and not blank, `login` and `email` shaped like e-mail addresses (Okta's default login
 * pattern). Returns the error response, or undefined for a valid profile. The cause texts are
 * Okta's for blank required attributes and the login format; the e-mail one is an
 * approximation.
 */
export function checkProfile(profile: JsonObject): SandboxResponse | undefined {
  const problems: [string, string][] = [];
  for (const attribute of REQUIRED_ATTRIBUTES) {
    const value = profile[attribute];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push([attribute, 'The field cannot be left blank']);
    }
  }
  if (typeof profile.login === 'string' && profile.login.trim() !== '' && !EMAIL.test(profile.login)) {
    problems.push(['login', 'Username must be in the form of an email address']);
  }
  if (typeof profile.email === 'string' && profile.email.trim() !== '' && !EMAIL.test(profile.email)) {
    problems.push(['email', 'Does not match required pattern']);
  }
  return problems.length > 0 ? validationFailed(problems) : undefined;
}
