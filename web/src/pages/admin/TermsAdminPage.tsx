import { Page } from '../../components/Page';
import { PublishTermsForm } from './PublishTermsForm';
import { TermsHistory } from '../terms/TermsHistory';
import { Section } from '../../components/Section';

/**
 * TermsAdminPage is where the vendor's administrators publish the terms and conditions and see
 * every version with who accepted it.
 */
export function TermsAdminPage() {
  return (
    <Page title="Terms and conditions">
      <Section id="terms-publish" title="Publish a new version">
        <PublishTermsForm />
      </Section>
      <Section id="terms-history" title="Versions">
        <TermsHistory withAcceptances />
      </Section>
    </Page>
  );
}
