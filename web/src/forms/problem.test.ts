import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/errors';
import { formProblem, rateLimitMessage, waitText } from './problem';

function validation(...errors: [string, string][]) {
  return new ApiError('Some fields are not valid.', {
    status: 400,
    code: 'validation_failed',
    fieldErrors: errors.map(([field, message]) => ({ field, message })),
  });
}

const fields = { new_password: 'newPassword', current_password: 'currentPassword' };

describe('formProblem', () => {
  it('puts field errors beside their fields and says nothing more', () => {
    const error = validation(['new_password', 'is a common password'], ['current_password', 'x']);
    expect(formProblem(error, { fields })).toEqual({
      fields: { newPassword: 'Is a common password', currentPassword: 'X' },
      message: null,
    });
  });

  it('keeps the first error of a field', () => {
    const error = validation(['new_password', 'is too short'], ['new_password', 'is common']);
    expect(formProblem(error, { fields }).fields).toEqual({ newPassword: 'Is too short' });
  });

  it('says the errors of fields the form does not have above it', () => {
    const error = validation(['new_password', 'is too short'], ['token', 'is malformed']);
    expect(formProblem(error, { fields })).toEqual({
      fields: { newPassword: 'Is too short' },
      message: 'Some fields are not valid. token: is malformed',
    });
  });

  it('says a validation failure without fields above the form', () => {
    expect(formProblem(validation(), { fields })).toEqual({
      fields: {},
      message: 'Some fields are not valid.',
    });
  });

  it('uses the form own words for a code', () => {
    const error = new ApiError('Invalid credentials.', {
      status: 401,
      code: 'invalid_credentials',
    });
    const messages = { invalid_credentials: 'Wrong address or password.' };
    expect(formProblem(error, { messages })).toEqual({
      fields: {},
      message: 'Wrong address or password.',
    });
  });

  it('says when to try again after a rate limit', () => {
    const error = new ApiError('Too many requests.', {
      status: 429,
      code: 'rate_limited',
      retryAfter: 30,
    });
    expect(formProblem(error).message).toBe('Too many attempts. Try again in 30 seconds.');
  });

  it('passes the text of other failures on', () => {
    expect(formProblem(networkError(new TypeError('failed'))).message).toMatch(
      /could not be reached/,
    );
    expect(formProblem(new Error('bug')).message).toBe('Something unexpected went wrong.');
  });
});

describe('waiting', () => {
  it.each([
    [0, '1 second'],
    [1, '1 second'],
    [1.2, '2 seconds'],
    [119, '119 seconds'],
    [120, '2 minutes'],
    [900, '15 minutes'],
  ])('%d s reads as %j', (seconds, want) => {
    expect(waitText(seconds)).toBe(want);
  });

  it('has a message without a Retry-After', () => {
    expect(rateLimitMessage(undefined)).toBe('Too many attempts. Try again later.');
  });
});
