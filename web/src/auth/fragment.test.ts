import { describe, expect, it } from 'vitest';
import { tokenFromFragment } from './fragment';

describe('tokenFromFragment', () => {
  it.each([
    ['#token=abc_DEF-123', 'abc_DEF-123'],
    ['token=abc', 'abc'],
    ['#token=abc&other=1', 'abc'],
    ['#other=1&token=abc', 'abc'],
    ['#token=%20abc%20', 'abc'],
    ['#token=abc==', 'abc=='],
    ['', null],
    ['#', null],
    ['#token=', null],
    ['#tok=abc', null],
    ['#token=a<b', null],
    ['#token=a%2Fb', null],
    ['#token=a+b', null],
  ])('%j gives %j', (hash, want) => {
    expect(tokenFromFragment(hash)).toBe(want);
  });
});
