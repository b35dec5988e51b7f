import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors';
import { useSignIn } from '../api/session';
import { leaveTo } from '../auth/leave';
import { destinationOf, returnToFrom } from '../auth/returnTo';
import { FormAlert } from '../components/FormAlert';
import { Page } from '../components/Page';
import { focusFirstError } from '../forms/focus';
import { formProblem } from '../forms/problem';

// One message for every refusal of the credentials, so that the page tells nobody whether an
// account has the address.
const generic = 'The email address or the password is not right.';

/**
 * LoginPage signs in with an address and a password, then goes where `return_to` asked, as
 * far as the server allows it: a path of this application through the router, an allowed
 * site with a full page load.
 */
export function LoginPage() {
  const [search] = useSearchParams();
  const returnTo = returnToFrom(search);
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() === '' ? 'Enter your email address' : null),
      password: (v) => (v === '' ? 'Enter your password' : null),
    },
  });

  const submit = form.onSubmit(({ email, password }) => {
    setMessage(null);
    signIn.mutate(
      { email: email.trim(), password, returnTo },
      {
        onSuccess: (redirectTo) => {
          const to = destinationOf(redirectTo, window.location.origin);
          if (to.kind === 'external') leaveTo(to.url);
          else void navigate(to.path, { replace: true });
        },
        onError: (error) => {
          setMessage(refusal(error));
        },
      },
    );
  }, focusFirstError);

  return (
    <Page title="Sign in">
      {returnTo !== undefined && <Text>Sign in to continue.</Text>}
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md" maw={420}>
          <FormAlert message={message} />
          <TextInput
            label="Email address"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
            name="email"
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
            name="password"
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </Page>
  );
}

// refusal is the one message a failed sign-in shows: when to try again after too many tries,
// that the server could not be reached, or the same words for every other failure.
function refusal(error: unknown): string {
  if (isApiError(error, 'rate_limited') || isApiError(error, 'network_error')) {
    return formProblem(error).message ?? generic;
  }
  if (isApiError(error) && error.status >= 500) return formProblem(error).message ?? generic;
  return generic;
}
