import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { leaveTo } from '../auth/leave';
import { aMe } from '../test/fixtures';
import { fakeServer, json, problemAnswer, renderApp, signedOut } from '../test/render';

vi.mock('../auth/leave', () => ({ leaveTo: vi.fn() }));

const user = aMe().user;
const sessions = { 'GET /api/v1/me/sessions': json({ items: [] }) };

async function signIn(email = 'ada@vendor.example', password = 'a long password') {
  await userEvent.type(screen.getByLabelText(/Email address/), email);
  await userEvent.type(screen.getByLabelText(/^Password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

async function bodyOf(request: Request | undefined): Promise<unknown> {
  if (request === undefined) throw new Error('no such request');
  return request.clone().json();
}

beforeEach(() => {
  vi.mocked(leaveTo).mockClear();
});

describe('the sign-in page', () => {
  it.each([
    ['a wrong password', problemAnswer(401, 'invalid_credentials', { detail: 'Invalid.' })],
    ['a malformed address', problemAnswer(400, 'validation_failed', { errors: [] })],
  ])('says the same for %s', async (_, answer) => {
    vi.stubGlobal('fetch', fakeServer({ 'POST /api/v1/session': answer }).fetch);
    renderApp('/login');
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The email address or the password is not right.',
    );
  });

  it('says when to try again after too many attempts', async () => {
    const limited = problemAnswer(429, 'rate_limited', {}, { 'Retry-After': '30' });
    vi.stubGlobal('fetch', fakeServer({ 'POST /api/v1/session': limited }).fetch);
    renderApp('/login');
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 30 seconds.',
    );
  });

  it('asks for both fields before sending anything', async () => {
    const server = fakeServer({});
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByLabelText(/Email address/)).toHaveFocus();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('follows return_to to a path of the application', async () => {
    const server = fakeServer({
      'POST /api/v1/session': json({ user, redirect_to: '/profile' }),
      'GET /api/v1/me': [signedOut(), json(aMe())],
      ...sessions,
    });
    vi.stubGlobal('fetch', server.fetch);
    const { router } = renderApp('/login?return_to=%2Fprofile');
    expect(await screen.findByText('Sign in to continue.')).toBeInTheDocument();
    await signIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    const post = server.requests.find((r) => r.method === 'POST');
    expect(await bodyOf(post)).toEqual({
      email: 'ada@vendor.example',
      password: 'a long password',
      return_to: '/profile',
    });
    expect(leaveTo).not.toHaveBeenCalled();
  });

  it('leaves for an allowed site with a full page load', async () => {
    const to = 'https://vendor.example/after?x=1';
    const server = fakeServer({
      'POST /api/v1/session': json({ user, redirect_to: to }),
      'GET /api/v1/me': [signedOut(), json(aMe())],
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(`/login?return_to=${encodeURIComponent(to)}`);
    await signIn();
    await waitFor(() => {
      expect(leaveTo).toHaveBeenCalledWith(to);
    });
  });

  it('goes home when the server refuses the return_to', async () => {
    const refused = problemAnswer(400, 'validation_failed', {
      errors: [{ field: 'return_to', message: 'is not allowed' }],
    });
    const server = fakeServer({
      'POST /api/v1/session': [refused, json({ user, redirect_to: '/' })],
      'GET /api/v1/me': [signedOut(), json(aMe())],
      'GET /healthz': json({ status: 'ok' }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const { router } = renderApp('/login?return_to=https%3A%2F%2Fevil.example%2F');
    await signIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(await bodyOf(posts[0])).toHaveProperty('return_to', 'https://evil.example/');
    expect(await bodyOf(posts[1])).not.toHaveProperty('return_to');
    expect(leaveTo).not.toHaveBeenCalled();
  });
});
