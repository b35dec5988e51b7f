import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, problemAnswer, renderApp } from '../test/render';

async function choose(password: string, repeat = password) {
  await userEvent.type(await screen.findByLabelText(/^New password \*/), password);
  await userEvent.type(screen.getByLabelText(/^New password again/), repeat);
  await userEvent.click(screen.getByRole('button', { name: 'Set the password' }));
}

describe('the reset-password page', () => {
  it('sends the token of the fragment and says it is done, without signing in', async () => {
    const server = fakeServer({
      'POST /api/v1/password-resets/confirm': new Response(null, { status: 204 }),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/reset-password#token=tok_abc-123');
    await choose('correct horse battery');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your password is set' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with the new password' })).toHaveAttribute(
      'href',
      '/login',
    );
    const post = server.requests.find((r) => r.method === 'POST');
    expect(await post?.clone().json()).toEqual({
      token: 'tok_abc-123',
      password: 'correct horse battery',
    });
  });

  it('checks the length and the repetition before sending', async () => {
    const server = fakeServer({});
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/reset-password#token=abc');
    await choose('too short', 'too short!');
    expect(screen.getByText('Use at least 12 characters')).toBeInTheDocument();
    expect(screen.getByText('The two passwords are not the same')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows the server refusal of the password beside the field', async () => {
    const common = problemAnswer(400, 'validation_failed', {
      errors: [{ field: 'password', message: 'is too common' }],
    });
    vi.stubGlobal('fetch', fakeServer({ 'POST /api/v1/password-resets/confirm': common }).fetch);
    renderApp('/reset-password#token=abc');
    await choose('password1234');
    expect(await screen.findByText('Is too common')).toBeInTheDocument();
    expect(screen.getByLabelText(/^New password \*/)).toHaveAccessibleDescription(/Is too common/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a link that does not work any more', async () => {
    const used = problemAnswer(400, 'invalid_token');
    vi.stubGlobal('fetch', fakeServer({ 'POST /api/v1/password-resets/confirm': used }).fetch);
    renderApp('/reset-password#token=abc');
    await choose('correct horse battery');
    expect(await screen.findByRole('alert')).toHaveTextContent('does not work any more');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeInTheDocument();
  });

  it('explains a link without its token', async () => {
    vi.stubGlobal('fetch', fakeServer({}).fetch);
    renderApp('/reset-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is incomplete');
  });
});
