import { describe, expect, it } from 'vitest';
import { encodePathValue } from '../http/url-path.js';
import { checkTemplate, lookupPath, parseTemplate, renderTemplate } from './template.js';

describe('parseTemplate', () => {
  it('splits text and placeholders, with or without spaces inside the braces', () => {
    const template = parseTemplate('https://{{params.domain}}/api/{{ params.version }}');

    expect(template.paths).toEqual(['params.domain', 'params.version']);
    expect(template.parts).toEqual([
      { text: 'https://' },
      { path: ['params', 'domain'] },
      { text: '/api/' },
      { path: ['params', 'version'] },
    ]);
  });

  it('keeps text without placeholders as it is', () => {
    expect(parseTemplate('/api/v1/users').parts).toEqual([{ text: '/api/v1/users' }]);
    expect(renderTemplate(parseTemplate('/api/v1/users'), {})).toBe('/api/v1/users');
  });
});

describe('renderTemplate', () => {
  const scope = {
    params: { domain: 'acme.okta.com' },
    auth: { token: 't0k' },
    filter: { status: 'active', empty: '', none: null },
    id: '00u1',
    id_parts: { app_id: 'app 1', user_id: 'u/2' },
    limit: 0,
    parent: { id: 7, flags: { on: false }, tags: ['a', 'b'] },
  };

  it('substitutes values from params, auth, filter, id, id_parts, limit and parent', () => {
    expect(renderTemplate(parseTemplate('https://{{params.domain}}'), scope)).toBe('https://acme.okta.com');
    expect(renderTemplate(parseTemplate('SSWS {{auth.token}}'), scope)).toBe('SSWS t0k');
    expect(renderTemplate(parseTemplate('{{filter.status}}'), scope)).toBe('active');
    expect(renderTemplate(parseTemplate('/users/{{id}}'), scope)).toBe('/users/00u1');
    expect(renderTemplate(parseTemplate('/apps/{{parent.id}}/users'), scope)).toBe('/apps/7/users');
  });

  it('renders 0 and false, which are values', () => {
    expect(renderTemplate(parseTemplate('{{limit}}'), scope)).toBe('0');
    expect(renderTemplate(parseTemplate('{{parent.flags.on}}'), scope)).toBe('false');
  });

  it('renders an object or array value as JSON', () => {
    expect(renderTemplate(parseTemplate('{{parent.tags}}'), scope)).toBe('["a","b"]');
  });

  it('returns undefined when any placeholder has no value, so an optional query parameter is left out', () => {
    expect(renderTemplate(parseTemplate('{{filter.email}}'), scope)).toBeUndefined();
    expect(renderTemplate(parseTemplate('status eq "{{filter.empty}}"'), scope)).toBeUndefined();
    expect(renderTemplate(parseTemplate('{{filter.none}}'), scope)).toBeUndefined();
    expect(renderTemplate(parseTemplate('{{filter.status}} {{filter.email}}'), scope)).toBeUndefined();
    expect(renderTemplate(parseTemplate('{{params.domain.sub}}'), scope)).toBeUndefined();
    expect(renderTemplate(parseTemplate('{{missing.deep.path}}'), scope)).toBeUndefined();
  });

  it('encodes substituted values only, never the template text', () => {
    const template = parseTemplate('/apps/{{id_parts.app_id}}/users/{{id_parts.user_id}}?x=1');

    expect(renderTemplate(template, scope, encodePathValue)).toBe('/apps/app%201/users/u%2F2?x=1');
  });

  it('encodes a path value so it cannot add segments, a query or a fragment', () => {
    const render = (id: string) => renderTemplate(parseTemplate('/users/{{id}}'), { id }, encodePathValue);

    expect(render('a/b')).toBe('/users/a%2Fb');
    expect(render('../admin')).toBe('/users/..%2Fadmin');
    expect(render('x?admin=1#top')).toBe('/users/x%3Fadmin%3D1%23top');
    expect(render('Zoë & co')).toBe('/users/Zo%C3%AB%20%26%20co');
  });

  it('refuses . and .. as a path value', () => {
    const render = (id: string) => renderTemplate(parseTemplate('/users/{{id}}'), { id }, encodePathValue);

    expect(() => render('..')).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => render('.')).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});

describe('lookupPath', () => {
  it('reads nested values and treats null and "" as missing', () => {
    const scope = { a: { b: { c: 1 }, n: null, e: '', z: 0 } };

    expect(lookupPath(scope, ['a', 'b', 'c'])).toBe(1);
    expect(lookupPath(scope, ['a', 'z'])).toBe(0);
    expect(lookupPath(scope, ['a', 'n'])).toBeUndefined();
    expect(lookupPath(scope, ['a', 'e'])).toBeUndefined();
    expect(lookupPath(scope, ['a', 'b', 'c', 'd'])).toBeUndefined();
    expect(lookupPath(scope, ['x', 'y'])).toBeUndefined();
  });
});

describe('checkTemplate', () => {
  it('accepts every documented root', () => {
    for (const root of ['params', 'auth', 'filter', 'parent', 'id', 'id_parts', 'limit']) {
      expect(checkTemplate(`/{{${root}}}`)).toEqual([]);
    }
  });

  it('names an unknown root and unbalanced braces', () => {
    expect(checkTemplate('/users/{{user.id}}')).toEqual([
      'unknown placeholder {{user.id}}: expected one of params, auth, filter, parent, record, id, id_parts, limit, member_id',
    ]);
    expect(checkTemplate('/users/{{id}')).toEqual(['unbalanced {{ }} in template']);
    expect(checkTemplate('/users/id}}')).toEqual(['unbalanced {{ }} in template']);
    expect(checkTemplate('/users/{{ }}')).toEqual(['unbalanced {{ }} in template']);
  });
});
