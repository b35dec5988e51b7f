import type { FormErrors } from '@mantine/form';
import type { SyntheticEvent } from 'react';

/**
 * focusFirstError moves the focus to the first field the form found at fault, for keyboard
 * and screen-reader users, who would not otherwise learn where to look. It is the validation
 * failure handler of Mantine's `form.onSubmit`; fields are found by their `name`.
 */
export function focusFirstError(
  errors: FormErrors,
  _values: unknown,
  event: SyntheticEvent<HTMLFormElement> | undefined,
): void {
  const first = Object.keys(errors)[0];
  const form = event?.currentTarget;
  if (form === undefined || first === undefined) return;
  form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
}
