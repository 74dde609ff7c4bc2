import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Rhk, SkpDetail } from '../../../shared/skp/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { SlowProgress } from '../year/ui';
import { StatusBadge } from './labels';

/**
 * "Turunkan ke pegawai": the appraiser hands one of their RHK down to many appraisees at once.
 * Each gets a linked draft RHK (and an SKP when they had none); all or nothing.
 */
export function CascadeModal({ skp, rhk, onClose }: { skp: SkpDetail; rhk: Rhk; onClose(): void }) {
  const { t } = useI18n();
  const team = useCommand('skp.monitor', { yearId: skp.yearId, scope: 'team' });
  const cascade = useCommandMutation('skp.cascade', { invalidates: ['skp'] });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [q, setQ] = useState('');
  const rows = useMemo(() => team.data?.rows ?? [], [team.data]);
  const locked = (status: string) => status === 'diajukan' || status === 'disetujui';
  const selectable = rows.filter((r) => !locked(r.status));
  const shown = q.trim() ? rows.filter((r) => `${r.name} ${r.nip} ${r.position ?? ''}`.toLowerCase().includes(q.trim().toLowerCase())) : rows;
  const allPicked = selectable.length > 0 && selectable.every((r) => picked.has(r.employeeId));

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Modal opened onClose={onClose} title={t('skp.cascade.title')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.size === 0) return;
          cascade.mutate(
            { sourceRhkId: rhk.id, employeeIds: [...picked] },
            {
              onSuccess: (r) => {
                const skipped = picked.size - r.created;
                notifySuccess(
                  [
                    r.skpsCreated > 0 ? t('skp.cascade.doneWithSkp', { count: r.created, skps: r.skpsCreated }) : t('skp.cascade.done', { count: r.created }),
                    skipped > 0 ? t('skp.cascade.skipped', { count: skipped }) : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                );
                onClose();
              },
              onError: (err) => notifyError(err, t),
            },
          );
        }}
      >
        <Stack>
          <div>
            <Text size="xs" c="dimmed">
              {t('skp.cascade.source')}
            </Text>
            <Text fw={600}>{rhk.text}</Text>
          </div>
          <Text size="sm">{t('skp.cascade.help')}</Text>
          {cascade.error && (
            <Alert color="red" role="alert">
              {cascade.error.message}
            </Alert>
          )}
          <QueryState query={team}>
            {() =>
              rows.length === 0 ? (
                <EmptyState message={t('skp.cascade.noTeam')} />
              ) : (
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Checkbox
                      label={t('skp.cascade.all', { count: selectable.length })}
                      checked={allPicked}
                      indeterminate={!allPicked && picked.size > 0}
                      onChange={(e) => setPicked(e.currentTarget.checked ? new Set(selectable.map((r) => r.employeeId)) : new Set())}
                    />
                    {rows.length > 8 && (
                      <TextInput
                        size="xs"
                        leftSection={<IconSearch size={14} />}
                        placeholder={t('skp.search')}
                        aria-label={t('skp.search')}
                        value={q}
                        onChange={(e) => setQ(e.currentTarget.value)}
                      />
                    )}
                  </Group>
                  <ScrollArea.Autosize mah={360} type="auto">
                    <Stack gap={6} data-testid="cascade-team">
                      {shown.map((r) => (
                        <Group key={r.employeeId} justify="space-between" wrap="nowrap" gap="xs">
                          <Checkbox
                            data-autofocus={r === shown[0] ? true : undefined}
                            label={r.name}
                            description={locked(r.status) ? t(r.status === 'diajukan' ? 'skp.cascade.lockedSubmitted' : 'skp.cascade.lockedApproved') : (r.position ?? undefined)}
                            disabled={locked(r.status)}
                            checked={picked.has(r.employeeId)}
                            onChange={(e) => toggle(r.employeeId, e.currentTarget.checked)}
                          />
                          <StatusBadge status={r.status} size="sm" />
                        </Group>
                      ))}
                    </Stack>
                  </ScrollArea.Autosize>
                </Stack>
              )
            }
          </QueryState>
          <SlowProgress active={cascade.isPending} label={t('skp.cascade.working')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" disabled={picked.size === 0} loading={cascade.isPending}>
              {picked.size === 0 ? t('skp.cascade.pick') : t('skp.cascade.submit', { count: picked.size })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
