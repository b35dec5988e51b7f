import type { FormErrors } from '@mantine/form';
import type { SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import type { FormProblem } from './problem';

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
  focusFirstField(event?.currentTarget, errors);
}

/**
 * showRefusal shows a refusal of the server in a form: the messages beside the fields it set
 * errors on, the rest with setMessage. Then, as focusFirstError does for the form's own checks,
 * it moves the focus to the first refused field, once it is marked, so that a screen reader
 * reads its error; formElement is the <form> that holds the fields.
 */
export function showRefusal(
  formElement: HTMLFormElement | null,
  problem: FormProblem,
  form: { setErrors: (errors: FormErrors) => void },
  setMessage: (message: string | null) => void,
): void {
  flushSync(() => {
    form.setErrors(problem.fields);
    setMessage(problem.message);
  });
  focusFirstField(formElement, problem.fields);
}

function focusFirstField(form: HTMLFormElement | null | undefined, errors: FormErrors): void {
  const first = Object.keys(errors)[0];
  if (!form || first === undefined) return;
  form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
}
