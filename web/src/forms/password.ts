/** minPasswordLength is the shortest password the server accepts, in characters. */
export const minPasswordLength = 12;

/** passwordRules says what a new password must be, as the description of its field. */
export const passwordRules = `At least ${String(minPasswordLength)} characters, and not a common or often leaked password. Spaces and symbols are welcome.`;

/**
 * checkNewPassword is the form's own check of a new password, before the server's: it counts
 * characters as the server does (one outside the BMP counts once). The server also refuses
 * common passwords and anything over 1024 bytes; it says so in its answer.
 */
export function checkNewPassword(password: string): string | null {
  if (password === '') return 'Choose a password';
  if (Array.from(password).length < minPasswordLength) {
    return `Use at least ${String(minPasswordLength)} characters`;
  }
  return null;
}

/** checkRepeat checks that the password was typed the same way twice. */
export function checkRepeat(repeat: string, password: string): string | null {
  return repeat === password ? null : 'The two passwords are not the same';
}
