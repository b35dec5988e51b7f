import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aMe } from '../test/fixtures';
import { fakeServer, json, problemAnswer, renderApp } from '../test/render';

const required = { current_version: 2, accepted_version: 1, required: true };
const accepted = { current_version: 2, accepted_version: 2, required: false };
const terms = {
  version: 2,
  published_at: '2026-02-01T10:00:00Z',
  text: '# Our terms\n\nBe **kind**.\n\n<img src=x onerror="alert(1)"><b>raw</b>\n\n[bad](javascript:alert(1))',
};
const sessions = { items: [] };

describe('the terms gate', () => {
  it('shows the terms instead of the screen until they are accepted, then the screen', async () => {
    const server = fakeServer({
      'GET /api/v1/me': json(aMe({ terms: required })),
      'GET /api/v1/terms': json(terms),
      'POST /api/v1/me/terms': json(accepted),
      'GET /api/v1/me/sessions': json(sessions),
    });
    vi.stubGlobal('fetch', server.fetch);
    const { router } = renderApp('/profile');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Terms and conditions' }),
    ).toBeInTheDocument();
    const text = screen.getByRole('region', { name: 'Terms, version 2' });
    expect(await within(text).findByRole('heading', { name: 'Our terms' })).toBeInTheDocument();
    expect(within(text).getByText('kind').tagName).toBe('STRONG');
    // Raw HTML is dropped, never rendered, and a javascript: link leads nowhere.
    expect(text.querySelector('img, b')).toBeNull();
    expect(within(text).getByText('bad').getAttribute('href') ?? '').not.toContain('javascript');

    await userEvent.click(screen.getByRole('button', { name: 'I accept the terms' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    const accept = server.requests.find((r) => r.method === 'POST');
    expect(await accept?.clone().json()).toEqual({ version: 2 });
  });

  it('shows the terms when any call answers terms_required', async () => {
    const server = fakeServer({
      'GET /api/v1/me': [json(aMe()), json(aMe({ terms: required }))],
      'GET /api/v1/me/sessions': [problemAnswer(403, 'terms_required'), json(sessions)],
      'GET /api/v1/terms': json(terms),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/profile');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Terms and conditions' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'I accept the terms' })).toBeInTheDocument();
  });

  it('tells of a newer version published meanwhile', async () => {
    const server = fakeServer({
      'GET /api/v1/me': json(aMe({ terms: required })),
      'GET /api/v1/terms': json(terms),
      'POST /api/v1/me/terms': problemAnswer(409, 'conflict'),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'I accept the terms' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/newer version/);
  });
});

describe('the screens that need someone signed in', () => {
  it('send to the sign-in page, which comes back to them', async () => {
    vi.stubGlobal('fetch', fakeServer({}).fetch);
    const { router } = renderApp('/admin/terms?v=2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?return_to=%2Fadmin%2Fterms%3Fv%3D2');
  });

  it('keep the vendor administration from other users, in the navigation too', async () => {
    vi.stubGlobal(
      'fetch',
      fakeServer({ 'GET /api/v1/me': json(aMe({ vendor_admin: false })) }).fetch,
    );
    renderApp('/admin/terms');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not allowed' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Terms' })).toBeNull();
  });
});
