import { useMe } from '../../api/me';
import { Page } from '../../components/Page';
import { EmailForm } from './EmailForm';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';
import { SessionList } from './SessionList';
import { Section } from '../../components/Section';

/**
 * ProfilePage is the signed-in user's own page: name, address, password and the browsers that
 * are signed in. RequireAuth stands before it, so the user is known.
 */
export function ProfilePage() {
  const me = useMe().data;
  if (!me) return null;
  return (
    <Page title="Profile">
      <Section id="profile-name" title="Name">
        <NameForm name={me.user.name} />
      </Section>
      <Section id="profile-email" title="Email address">
        <EmailForm email={me.user.email} />
      </Section>
      <Section id="profile-password" title="Password">
        <PasswordForm />
      </Section>
      <Section id="profile-sessions" title="Signed-in browsers">
        <SessionList />
      </Section>
    </Page>
  );
}
