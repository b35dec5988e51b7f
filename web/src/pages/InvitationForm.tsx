import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAcceptInvitation } from '../api/invitations';
import type { InvitationPreview } from '../api/orgTypes';
import { useCurrentTerms } from '../api/terms';
import { FormAlert } from '../components/FormAlert';
import { LazyMarkdown } from '../components/LazyMarkdown';
import { focusFirstError } from '../forms/focus';
import { checkNewPassword, passwordRules } from '../forms/password';
import { formProblem } from '../forms/problem';
import { orgPath } from './orgs/labels';

const messages = {
  invalid_token:
    'This invitation does not work any more, or this browser is signed in as someone else. Sign out, or ask for a new invitation.',
  conflict: 'The terms changed a moment ago. Read the new version and accept it.',
};

/**
 * InvitationForm accepts an invitation: a new account's name and password, and the current
 * terms when some are published; an address with an account just joins.
 */
export function InvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const accept = useAcceptInvitation();
  const terms = useCurrentTerms();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const newAccount = !preview.has_account;
  const termsVersion = preview.terms_version;
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', password: '', terms: false },
    validate: {
      name: (v) => (newAccount && v.trim() === '' ? 'Enter your name' : null),
      password: (v) => (newAccount ? checkNewPassword(v) : null),
      terms: (v) => (newAccount && termsVersion !== null && !v ? 'Accept the terms to join' : null),
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body = newAccount
      ? {
          token,
          name: values.name.trim(),
          password: values.password,
          ...(termsVersion !== null && { terms_version: termsVersion }),
        }
      : { token };
    accept.mutate(body, {
      onSuccess: (result) => {
        if (result.status === 'joined') void navigate(orgPath(preview.org.id), { replace: true });
      },
      onError: (error) => {
        const problem = formProblem(error, {
          fields: { name: 'name', password: 'password', terms_version: 'terms' },
          messages,
        });
        form.setErrors(problem.fields);
        setMessage(problem.message);
      },
    });
  }, focusFirstError);

  if (accept.data?.status === 'added') {
    return (
      <Alert color="green" variant="light" role="status" title="You joined the organisation">
        {preview.org.name} is now among your organisations.{' '}
        <Anchor component={Link} to="/login">
          Sign in
        </Anchor>{' '}
        to see it.
      </Alert>
    );
  }
  const shownTerms = terms.data?.version === termsVersion ? terms.data : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation">
      <Stack gap="md" maw={560}>
        <FormAlert message={message} />
        {newAccount && (
          <>
            <TextInput
              label="Email address"
              value={preview.email}
              readOnly
              autoComplete="username"
            />
            <TextInput
              label="Name"
              autoComplete="name"
              required
              {...form.getInputProps('name')}
              name="name"
            />
            <PasswordInput
              label="Password"
              description={passwordRules}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
              name="password"
            />
            {termsVersion !== null && (
              <>
                {shownTerms !== null && (
                  <Paper
                    withBorder
                    p="sm"
                    component="section"
                    aria-label={`Terms, version ${String(termsVersion)}`}
                  >
                    <LazyMarkdown text={shownTerms.text} />
                  </Paper>
                )}
                <Checkbox
                  label={`I accept the terms and conditions (version ${String(termsVersion)})`}
                  {...form.getInputProps('terms', { type: 'checkbox' })}
                  name="terms"
                />
              </>
            )}
          </>
        )}
        <Button type="submit" loading={accept.isPending} style={{ alignSelf: 'flex-start' }}>
          {newAccount ? 'Create the account and join' : `Join ${preview.org.name}`}
        </Button>
      </Stack>
    </form>
  );
}
