import { isApiError, type ApiErrorCode } from '../api/errors';

/**
 * FormProblem is a failed submission as a form shows it: messages beside the fields at fault,
 * and one message above the form for the rest (null when the fields say it all).
 */
export interface FormProblem {
  fields: Record<string, string>;
  message: string | null;
}

/** FormProblemOptions say how one form reads the server's refusals. */
export interface FormProblemOptions {
  /**
   * fields maps the API's field names (`new_password`) to the form's (`newPassword`); a field
   * error of a field not listed goes into the message, so that nothing is lost.
   */
  fields?: Readonly<Record<string, string>>;
  /** messages replaces the server's text for some codes with the form's own words. */
  messages?: Partial<Record<ApiErrorCode, string>>;
}

/**
 * formProblem turns what a submission threw into a FormProblem: `validation_failed` field errors
 * beside their fields, a rate limit as "try again in ..." and anything else as one message.
 */
export function formProblem(error: unknown, options: FormProblemOptions = {}): FormProblem {
  if (!isApiError(error)) return { fields: {}, message: 'Something unexpected went wrong.' };
  const own = options.messages?.[error.code];
  if (error.code === 'rate_limited') {
    return { fields: {}, message: own ?? rateLimitMessage(error.retryAfter) };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    const name = options.fields?.[field];
    if (name === undefined) rest.push(`${field}: ${message}`);
    else fields[name] ??= capitalise(message);
  }
  if (own !== undefined) return { fields, message: own };
  if (error.code === 'validation_failed' && rest.length === 0 && Object.keys(fields).length > 0) {
    return { fields, message: null };
  }
  return { fields, message: [error.message, ...rest].join(' ') };
}

/** rateLimitMessage says that there were too many attempts, and when to try again. */
export function rateLimitMessage(retryAfter: number | undefined): string {
  const base = 'Too many attempts.';
  if (retryAfter === undefined) return `${base} Try again later.`;
  return `${base} Try again in ${waitText(retryAfter)}.`;
}

/** waitText says a wait in seconds in words: "1 second", "45 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return s === 1 ? '1 second' : `${String(s)} seconds`;
  return `${String(Math.ceil(s / 60))} minutes`;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
