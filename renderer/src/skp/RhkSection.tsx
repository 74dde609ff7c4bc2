import { ActionIcon, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Rhk, SkpDetail } from '../../../shared/skp/commands';
import { useCommandMutation } from '../api/hooks';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { CascadeModal } from './CascadeModal';
import { aspekKeys, notifySkpError, perspektifKeys } from './labels';
import { RhkEditor } from './RhkEditor';

/** RHK grouped Utama / Tambahan, each with its indicators and the superior RHK it supports. */
export function RhkSection({ skp, reload, unlinked }: { skp: SkpDetail; reload(): void; unlinked: Set<string> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Rhk | 'new' | null>(null);
  const [removing, setRemoving] = useState<Rhk | null>(null);
  const [cascading, setCascading] = useState<Rhk | null>(null);
  const groups = [
    { kind: 'utama' as const, title: t('skp.rhk.utama'), items: skp.rhk.filter((r) => r.kind === 'utama') },
    { kind: 'tambahan' as const, title: t('skp.rhk.tambahan'), items: skp.rhk.filter((r) => r.kind === 'tambahan') },
  ];
  return (
    <section aria-labelledby="skp-rhk">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="skp-rhk">
          {t('skp.rhk.title')}
        </Title>
        {skp.can.edit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('skp.rhk.add')}
          </Button>
        )}
      </Group>
      {unlinked.size > 0 && skp.status !== 'disetujui' && (
        <Text size="sm" c="orange" mb="xs">
          {t('skp.rhk.unlinkedSummary', { count: unlinked.size })}
        </Text>
      )}
      <Stack>
        {groups.map((g) => (
          <Card withBorder key={g.kind} data-testid={`rhk-group-${g.kind}`}>
            <Text fw={700} mb="xs">
              {g.title}
            </Text>
            {g.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {g.kind === 'utama' ? t('skp.rhk.emptyUtama') : t('skp.rhk.emptyTambahan')}
              </Text>
            ) : (
              <Stack gap="md">
                {g.items.map((r, i) => (
                  <RhkCard
                    key={r.id}
                    no={i + 1}
                    rhk={r}
                    skp={skp}
                    unlinked={unlinked.has(r.id)}
                    onEdit={() => setEditing(r)}
                    onRemove={() => setRemoving(r)}
                    onCascade={() => setCascading(r)}
                  />
                ))}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
      {editing && <RhkEditor skp={skp} rhk={editing === 'new' ? null : editing} reload={reload} onClose={() => setEditing(null)} />}
      {removing && <RemoveRhkModal skp={skp} rhk={removing} reload={reload} onClose={() => setRemoving(null)} />}
      {cascading && <CascadeModal skp={skp} rhk={cascading} onClose={() => setCascading(null)} />}
    </section>
  );
}

function RhkCard(props: { no: number; rhk: Rhk; skp: SkpDetail; unlinked: boolean; onEdit(): void; onRemove(): void; onCascade(): void }) {
  const { t } = useI18n();
  const { rhk, skp } = props;
  return (
    <div data-testid="rhk" style={{ borderLeft: '3px solid var(--mantine-color-blue-3)', paddingLeft: 12 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>
          {props.no}. {rhk.text}
        </Text>
        <Group gap={4} wrap="nowrap">
          {skp.can.cascade && (
            <Button size="xs" variant="light" leftSection={<IconArrowDown size={14} />} onClick={props.onCascade}>
              {t('skp.cascade.button')}
            </Button>
          )}
          {skp.can.edit && (
            <>
              <Tooltip label={t('skp.rhk.edit')}>
                <ActionIcon variant="subtle" aria-label={`${t('skp.rhk.edit')}: ${rhk.text}`} onClick={props.onEdit}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('skp.rhk.remove')}>
                <ActionIcon variant="subtle" color="red" aria-label={`${t('skp.rhk.remove')}: ${rhk.text}`} onClick={props.onRemove}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      <Stack gap={4} mt={4}>
        {rhk.parentRhkText ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconLink size={14} style={{ marginTop: 3, flexShrink: 0 }} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('skp.rhk.supports')}: <Text span c="var(--mantine-color-text)">{rhk.parentRhkText}</Text>
              {rhk.parentOwnerName ? ` (${rhk.parentOwnerName})` : ''}
            </Text>
          </Group>
        ) : (
          props.unlinked && (
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
              <Text size="sm" c="orange">
                {t('skp.rhk.notLinked')}
              </Text>
            </Group>
          )
        )}
        {skp.isJpt && rhk.pkReference && (
          <Text size="sm" c="dimmed">
            {t('skp.rhk.pkReference')}: {rhk.pkReference}
          </Text>
        )}
        {rhk.childCount > 0 && (
          <Badge variant="light" color="indigo" size="sm">
            {t('skp.rhk.childCount', { count: rhk.childCount })}
          </Badge>
        )}
      </Stack>
      <Table.ScrollContainer minWidth={560} mt="xs">
        <Table withTableBorder withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{skp.isJpt ? t('skp.ind.perspektif') : t('skp.ind.aspek')}</Table.Th>
              <Table.Th>{t('skp.ind.text')}</Table.Th>
              <Table.Th w={220}>{t('skp.ind.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rhk.indicators.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {skp.isJpt ? (i.perspektif ? t(perspektifKeys[i.perspektif]) : '-') : i.aspek ? t(aspekKeys[i.aspek]) : '-'}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.text}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.targetLabel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

function RemoveRhkModal({ skp, rhk, reload, onClose }: { skp: SkpDetail; rhk: Rhk; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const remove = useCommandMutation('skp.removeRhk', { invalidates: ['skp'] });
  return (
    <Modal opened onClose={onClose} title={t('skp.rhk.removeTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate(
            { skpId: skp.id, version: skp.version, rhkId: rhk.id },
            {
              onSuccess: () => {
                notifySuccess(t('skp.rhk.removed'));
                onClose();
              },
              onError: (err) => {
                notifySkpError(err, t, reload);
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('skp.rhk.removeHelp')}</Text>
          <Text size="sm" fw={600}>
            {rhk.text}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={remove.isPending}>
              {t('skp.rhk.remove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
