import { describe, expect, it } from 'vitest';
import { destinationOf, home, isSafePath, loginPath, returnToFrom } from './returnTo';

const origin = 'https://portal.example';

describe('isSafePath', () => {
  it.each([
    ['/', true],
    ['/licenses?x=1#top', true],
    ['/profile/sessions', true],
    ['//evil.example', false],
    ['/\\evil.example', false],
    ['/%2F%2Fevil.example', false],
    ['/%252F%252Fevil.example', false],
    ['/%5Cevil.example', false],
    ['/a\nb', false],
    ['/a%0Ab', false],
    ['/a%ZZ', false],
    ['licenses', false],
    ['https://evil.example', false],
    ['javascript:alert(1)', false],
  ])('%j is %s', (path, safe) => {
    expect(isSafePath(path)).toBe(safe);
  });
});

describe('destinationOf', () => {
  it.each([
    ['/licenses?page=2', { kind: 'route', path: '/licenses?page=2' }],
    ['/', home],
    ['/login', home],
    ['/login?return_to=%2Fx', home],
    ['//evil.example', home],
    ['/\\evil.example', home],
    ['/%2F%2Fevil.example', home],
    ['javascript:alert(1)', home],
    ['data:text/html,hi', home],
    ['', home],
    ['not a url', home],
    ['https://good.example@evil.example/', home],
    ['https://portal.example/profile?tab=1', { kind: 'route', path: '/profile?tab=1' }],
    [
      'https://vendor.example/shop?a=1',
      { kind: 'external', url: 'https://vendor.example/shop?a=1' },
    ],
    ['http://vendor.example', { kind: 'external', url: 'http://vendor.example/' }],
  ])('%j goes to %j', (redirectTo, want) => {
    expect(destinationOf(redirectTo, origin)).toEqual(want);
  });
});

describe('returnToFrom', () => {
  it.each([
    ['', undefined],
    ['return_to=', undefined],
    ['return_to=%2Flicenses%3Fa%3D1', '/licenses?a=1'],
    ['return_to=https%3A%2F%2Fvendor.example%2F', 'https://vendor.example/'],
    [`return_to=/${'a'.repeat(2048)}`, undefined],
  ])('%j reads as %j', (search, want) => {
    expect(returnToFrom(new URLSearchParams(search))).toBe(want);
  });
});

describe('loginPath', () => {
  it.each([
    ['/', '/login'],
    ['/login?return_to=%2Fx', '/login'],
    ['/profile', '/login?return_to=%2Fprofile'],
    ['/admin/terms?v=2', '/login?return_to=%2Fadmin%2Fterms%3Fv%3D2'],
    ['//evil.example', '/login'],
  ])('%j makes %j', (path, want) => {
    expect(loginPath(path)).toBe(want);
  });
});
