import { describe, expect, it } from 'vitest';
import { checkNewPassword, checkRepeat } from './password';

describe('checkNewPassword', () => {
  it.each([
    ['', 'Choose a password'],
    ['short', 'Use at least 12 characters'],
    ['elevenchars', 'Use at least 12 characters'],
    ['twelve chars', null],
    // Six characters outside the BMP are twelve UTF-16 units, yet six characters.
    ['😀😀😀😀😀😀', 'Use at least 12 characters'],
  ])('%j: %j', (password, want) => {
    expect(checkNewPassword(password)).toBe(want);
  });
});

describe('checkRepeat', () => {
  it('wants the same text twice', () => {
    expect(checkRepeat('a long password', 'a long password')).toBeNull();
    expect(checkRepeat('a long password ', 'a long password')).toMatch(/not the same/);
  });
});
