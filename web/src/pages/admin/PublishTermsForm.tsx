import { Button, Group, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useCurrentTerms, usePublishTerms } from '../../api/terms';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LazyMarkdown } from '../../components/LazyMarkdown';
import { formProblem } from '../../forms/problem';

// The longest text the server takes, in characters.
const maxLength = 100_000;

/**
 * PublishTermsForm writes a new version in Markdown, shows it as users will see it, and
 * publishes it after a confirmation: from then on every user must accept it to go on.
 */
export function PublishTermsForm() {
  const current = useCurrentTerms();
  const publish = usePublishTerms();
  const [text, setText] = useState('');
  const [tab, setTab] = useState<string | null>('write');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = (current.data?.version ?? 0) + 1;

  const ask = () => {
    if (text.trim() === '') {
      setError('Write the text of the terms first.');
      return;
    }
    setError(null);
    publish.reset();
    setAsking(true);
  };
  const confirm = () => {
    publish.mutate(text, {
      onSuccess: () => {
        setAsking(false);
        setText('');
        setTab('write');
      },
    });
  };
  const problem = publish.isError ? formProblem(publish.error, { fields: { text: 'text' } }) : null;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Write in Markdown: # for headings, blank lines between paragraphs, - for lists,
        [text](https://...) for links. HTML is not shown.
      </Text>
      {current.data && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setText(current.data?.text ?? '');
            }}
          >
            Start from version {current.data.version}
          </Button>
        </Group>
      )}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="sm">
          <Textarea
            label="Text of the terms (Markdown)"
            autosize
            minRows={8}
            maxRows={24}
            maxLength={maxLength}
            value={text}
            error={error ?? problem?.fields.text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="sm">
          {text.trim() === '' ? (
            <Text size="sm">Nothing to preview yet.</Text>
          ) : (
            <LazyMarkdown text={text} />
          )}
        </Tabs.Panel>
      </Tabs>
      {publish.isSuccess && (
        <Text size="sm" role="status">
          Version {publish.data.version} is published.
        </Text>
      )}
      <Group>
        <Button onClick={ask}>Publish version {next}</Button>
      </Group>
      <ConfirmDialog
        opened={asking}
        title={`Publish version ${String(next)}?`}
        confirmLabel="Publish"
        busy={publish.isPending}
        error={problem?.message ?? (problem?.fields.text ? `Text: ${problem.fields.text}` : null)}
        onCancel={() => {
          setAsking(false);
        }}
        onConfirm={confirm}
      >
        Every user, you included, will have to read and accept this version before going on.
        Published versions cannot be changed or withdrawn.
      </ConfirmDialog>
    </Stack>
  );
}
