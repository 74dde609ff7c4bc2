import { Alert, Anchor, Button, Checkbox, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SkpSummary } from '../../../shared/skp/commands';
import { formatNip } from '../../../shared/people/nip';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { SlowProgress } from '../year/ui';
import { PageHeader } from '../app/PageHeader';

/** The appraiser's "Persetujuan SKP": plans submitted to them, reviewed one by one, approved one by one or together. */
export function InboxPage() {
  const { t, dateTime } = useI18n();
  const query = useCommand('skp.inbox', {});
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const skps = query.data?.skps ?? [];
  // Only what is still in the inbox counts as chosen (an SKP may have left it meanwhile).
  const chosen = skps.filter((s) => picked.has(s.id));
  const all = skps.length > 0 && chosen.length === skps.length;

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack>
      <PageHeader title={t('skp.inbox.title')} description={t('skp.inbox.intro')} />
      <QueryState query={query}>
        {() =>
          skps.length === 0 ? (
            <EmptyState
              message={t('skp.inbox.empty')}
              action={
                <Anchor component={Link} to="/pemantauan-skp">
                  {t('skp.inbox.emptyAction')}
                </Anchor>
              }
            />
          ) : (
            <Stack>
              <Group justify="space-between">
                <Text size="sm">{t('skp.inbox.count', { count: skps.length })}</Text>
                <Button color="teal" leftSection={<IconChecks size={16} />} disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                  {t('skp.inbox.approveSelected', { count: chosen.length })}
                </Button>
              </Group>
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <Checkbox
                          aria-label={t('skp.inbox.selectAll')}
                          checked={all}
                          indeterminate={!all && chosen.length > 0}
                          onChange={(e) => setPicked(e.currentTarget.checked ? new Set(skps.map((s) => s.id)) : new Set())}
                        />
                      </Table.Th>
                      <Table.Th>{t('skp.col.employee')}</Table.Th>
                      <Table.Th>{t('skp.col.position')}</Table.Th>
                      <Table.Th>{t('skp.col.year')}</Table.Th>
                      <Table.Th>{t('skp.col.submittedAt')}</Table.Th>
                      <Table.Th>{t('skp.col.rhk')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {skps.map((s) => (
                      <Table.Tr key={s.id} data-testid="inbox-row">
                        <Table.Td>
                          <Checkbox
                            aria-label={t('skp.inbox.select', { name: s.employeeName })}
                            checked={picked.has(s.id)}
                            onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {s.employeeName}
                          </Text>
                          <Text size="xs" ff="monospace" c="dimmed">
                            {formatNip(s.employeeNip)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{s.position ?? '-'}</Text>
                          <Text size="xs" c="dimmed">
                            {s.unit ?? ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {s.year}
                          {s.amending ? ` · ${t('skp.amending')}` : ''}
                        </Table.Td>
                        <Table.Td>{dateTime(s.submittedAt)}</Table.Td>
                        <Table.Td>{s.rhkCount}</Table.Td>
                        <Table.Td>
                          <Button component={Link} to={`/skp/${s.id}`} size="xs" variant="light" aria-label={t('skp.inbox.reviewOf', { name: s.employeeName })}>
                            {t('skp.inbox.review')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
      {confirming && (
        <ApproveManyModal
          skps={chosen}
          onClose={() => setConfirming(false)}
          onDone={() => {
            setPicked(new Set());
            setConfirming(false);
          }}
        />
      )}
    </Stack>
  );
}

function ApproveManyModal({ skps, onClose, onDone }: { skps: SkpSummary[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const approve = useCommandMutation('skp.approveMany', { invalidates: ['skp'] });
  return (
    <Modal opened onClose={approve.isPending ? () => undefined : onClose} title={t('skp.inbox.confirmTitle', { count: skps.length })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          approve.mutate(
            { items: skps.map((s) => ({ skpId: s.id, version: s.version })) },
            {
              onSuccess: (r) => {
                notifySuccess(t('skp.inbox.approved', { count: r.approved }));
                onDone();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('skp.inbox.confirmHelp')}</Text>
          <ScrollArea.Autosize mah={240} type="auto">
            <List size="sm" spacing={2}>
              {skps.map((s) => (
                <List.Item key={s.id}>
                  {s.employeeName} — {s.position ?? '-'} ({s.year})
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          {approve.error && (
            <Alert color="red" role="alert" title={t(`error.${approve.error.code}`)}>
              {approve.error.message}
            </Alert>
          )}
          <SlowProgress active={approve.isPending} label={t('skp.inbox.approving', { count: skps.length })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={approve.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={approve.isPending} data-autofocus>
              {t('skp.inbox.confirm', { count: skps.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
