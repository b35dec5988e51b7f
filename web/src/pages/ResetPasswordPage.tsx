import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useConfirmPasswordReset } from '../api/account';
import { isApiError } from '../api/errors';
import { tokenFromFragment } from '../auth/fragment';
import { FormAlert } from '../components/FormAlert';
import { Page } from '../components/Page';
import { TokenProblem } from '../components/TokenProblem';
import { focusFirstError } from '../forms/focus';
import { checkNewPassword, checkRepeat, passwordRules } from '../forms/password';
import { formProblem } from '../forms/problem';

const askAgain = { to: '/forgot-password', label: 'Ask for a new link' };

/**
 * ResetPasswordPage sets a new password with the token of a mailed link
 * (`/reset-password#token=...`). The server ends every session and does not sign in, so the
 * page ends with a way to the sign-in page.
 */
export function ResetPasswordPage() {
  const token = tokenFromFragment(useLocation().hash);
  const reset = useConfirmPasswordReset();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validate: {
      password: checkNewPassword,
      repeat: (v, values) => checkRepeat(v, values.password),
    },
  });

  if (token === null) {
    return (
      <Page title="Choose a new password">
        <TokenProblem title="This link is incomplete" next={askAgain}>
          The address lacks the code that the mail gave. Open the link from the mail again, or copy
          it whole into the address bar.
        </TokenProblem>
      </Page>
    );
  }
  if (reset.isSuccess) {
    return (
      <Page title="Your password is set">
        <Alert color="green" variant="light" role="status" title="Done">
          Your new password is set. For safety, every browser that was signed in to your account has
          been signed out.
        </Alert>
        <Anchor component={Link} to="/login">
          Sign in with the new password
        </Anchor>
      </Page>
    );
  }
  if (isApiError(reset.error, 'invalid_token')) {
    return (
      <Page title="Choose a new password">
        <TokenProblem title="This link does not work any more" next={askAgain}>
          A reset link works once, for one hour, and only the newest one does. Ask for a new link
          and use the latest mail.
        </TokenProblem>
      </Page>
    );
  }

  const submit = form.onSubmit(({ password }) => {
    setMessage(null);
    reset.mutate(
      { token, password },
      {
        onError: (error) => {
          const problem = formProblem(error, { fields: { password: 'password' } });
          form.setErrors(problem.fields);
          setMessage(problem.message);
        },
      },
    );
  }, focusFirstError);
  return (
    <Page title="Choose a new password">
      <Text>Type your new password twice. You will then sign in with it.</Text>
      <form onSubmit={submit} noValidate aria-label="New password">
        <Stack gap="md" maw={420}>
          <FormAlert message={message} />
          <PasswordInput
            label="New password"
            description={passwordRules}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
            name="password"
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
            name="repeat"
          />
          <Button type="submit" loading={reset.isPending}>
            Set the password
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
