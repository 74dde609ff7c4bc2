import { Button, Card, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpDetail } from '../../../shared/skp/commands';
import { perilakuValues, type PerilakuCode } from '../../../shared/skp/perilaku';
import { useCommandMutation } from '../api/hooks';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from './labels';

/** The 7 BerAKHLAK values with their guides, and the appraiser's Ekspektasi Khusus Pimpinan per value. */
export function PerilakuSection({ skp, reload }: { skp: SkpDetail; reload(): void }) {
  const { t } = useI18n();
  const current = (code: PerilakuCode) => skp.expectations.find((e) => e.valueCode === code)?.text ?? '';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const save = useCommandMutation('skp.setExpectations', { invalidates: ['skp'] });

  const start = () => {
    setDraft(Object.fromEntries(perilakuValues.map((v) => [v.code, current(v.code)])));
    setEditing(true);
  };
  const submit = () =>
    save.mutate(
      { skpId: skp.id, version: skp.version, expectations: perilakuValues.map((v) => ({ valueCode: v.code, text: (draft[v.code] ?? '').trim() })) },
      {
        onSuccess: () => {
          notifySuccess(t('skp.perilaku.saved'));
          setEditing(false);
        },
        onError: (err) => notifySkpError(err, t, reload),
      },
    );

  return (
    <section aria-labelledby="skp-perilaku">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="skp-perilaku">
          {t('skp.perilaku.title')}
        </Title>
        {skp.can.setExpectations && !editing && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={start}>
            {t('skp.perilaku.edit')}
          </Button>
        )}
      </Group>
      <Card withBorder padding={0}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        >
          <Table.ScrollContainer minWidth={720}>
            <Table withColumnBorders verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>{t('skp.col.no')}</Table.Th>
                  <Table.Th>{t('skp.perilaku.value')}</Table.Th>
                  <Table.Th w="40%">{t('skp.perilaku.expectation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {perilakuValues.map((v, n) => (
                  <Table.Tr key={v.code}>
                    <Table.Td valign="top">{n + 1}</Table.Td>
                    <Table.Td valign="top">
                      <Text fw={600} size="sm">
                        {v.name}
                      </Text>
                      <List size="xs" c="dimmed" spacing={2} mt={4}>
                        {v.guides.map((g) => (
                          <List.Item key={g}>{g}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                    <Table.Td valign="top">
                      {editing ? (
                        <Textarea
                          aria-label={`${t('skp.perilaku.expectation')}: ${v.name}`}
                          autosize
                          minRows={2}
                          value={draft[v.code] ?? ''}
                          onChange={(e) => {
                            const text = e.currentTarget.value;
                            setDraft((d) => ({ ...d, [v.code]: text }));
                          }}
                          data-autofocus={n === 0 ? true : undefined}
                          autoFocus={n === 0}
                        />
                      ) : current(v.code) ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {current(v.code)}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed" fs="italic">
                          {t('skp.perilaku.none')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {editing && (
            <Stack p="sm" gap="xs">
              <Text size="xs" c="dimmed">
                {t('skp.perilaku.help')} {t('skp.ctrlEnter')}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('app.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('app.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </form>
      </Card>
    </section>
  );
}
