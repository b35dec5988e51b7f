import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { routes, screens, withLayout } from './routes';
import { fakeServer, json, renderApp } from './test/render';

const problem = 'application/problem+json';

describe('the home page', () => {
  it('shows the check under way, then a healthy server', async () => {
    let answer: (r: Response) => void = () => undefined;
    const pending = () => new Promise<Response>((resolve) => (answer = resolve));
    vi.stubGlobal('fetch', fakeServer({ 'GET /healthz': pending }).fetch);
    renderApp('/');
    // The terms gate first asks who is signed in (nobody: 401), then shows the screen.
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the server');

    answer(json({ status: 'ok' }));
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(document.title).toBe('Home · Licensor');
  });

  it('explains a failure and tries again on request', async () => {
    const failure = json(
      {
        type: 'urn:licensor:problem:unavailable',
        title: 'Service Unavailable',
        status: 503,
        code: 'unavailable',
        detail: 'The store is unreachable.',
        request_id: 'req_42',
      },
      { status: 503 },
      problem,
    );
    const server = fakeServer({ 'GET /healthz': [failure, json({ status: 'ok' })] });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The server's health could not be checked");
    expect(alert).toHaveTextContent('The store is unreachable.');
    expect(alert).toHaveTextContent('req_42');

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    const checks = server.requests.filter((r) => new URL(r.url).pathname === '/healthz');
    expect(checks).toHaveLength(2);
  });
});

describe('the layout', () => {
  it('marks the current page in the navigation and skips to the content', async () => {
    vi.stubGlobal('fetch', fakeServer({ 'GET /healthz': json({ status: 'ok' }) }).fetch);
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('banner')).toHaveTextContent('Licensor');

    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows the not-found page inside the layout for an unknown path', () => {
    renderApp('/some/deep/path');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('/some/deep/path');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('moves the focus to the new page after a navigation', async () => {
    vi.stubGlobal('fetch', fakeServer({ 'GET /healthz': json({ status: 'ok' }) }).fetch);
    renderApp('/nowhere');
    await userEvent.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('main')).toHaveFocus();
    });
  });
});

describe('the error boundary', () => {
  function Broken(): never {
    throw new Error('a bug in a screen');
  }

  it('replaces a failing screen with a way out, inside the layout', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp('/broken', withLayout([...screens, { path: 'broken', element: <Broken /> }]));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).not.toHaveTextContent('a bug in a screen');
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();
  });

  it('is in place around the real screens', () => {
    const layout = routes[0];
    expect(layout?.errorElement).toBeDefined();
    expect(layout?.children?.[0]?.errorElement).toBeDefined();
  });
});
