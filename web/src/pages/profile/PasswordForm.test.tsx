import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aMe } from '../../test/fixtures';
import { fakeServer, json, problemAnswer, renderApp } from '../../test/render';

describe('the password form of the profile', () => {
  it('shows a refused current password beside its field, and moves the focus there', async () => {
    const refusal = { errors: [{ field: 'current_password', message: 'is not right' }] };
    const server = fakeServer({
      'GET /api/v1/me': json(aMe()),
      'GET /api/v1/me/sessions': json({ items: [] }),
      'POST /api/v1/me/password': problemAnswer(400, 'validation_failed', refusal),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/profile');
    const form = within(await screen.findByRole('form', { name: 'Change the password' }));
    const current = form.getByLabelText(/^Current password/);
    await userEvent.type(current, 'not my password');
    await userEvent.type(form.getByLabelText(/^New password \*/), 'a long enough new password');
    await userEvent.type(form.getByLabelText(/^New password again/), 'a long enough new password');
    await userEvent.click(form.getByRole('button', { name: 'Change the password' }));

    expect(await form.findByText('Is not right')).toBeInTheDocument();
    expect(current).toHaveFocus();
    expect(current).toHaveAccessibleDescription('Is not right');
    // The address form has a current password field too: it is left alone.
    const email = within(screen.getByRole('form', { name: 'Change the email address' }));
    expect(email.getByLabelText(/^Current password/)).not.toHaveFocus();
  });
});
