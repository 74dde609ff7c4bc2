import { Badge, Button, Card, Group, Modal, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { distributionPattern } from '../../../shared/distribution/curve';
import type { Period } from '../../../shared/evaluation/periods';
import type { OrgRating } from '../../../shared/evaluation/predikat';
import type { Unit } from '../../../shared/org/commands';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { evaluationReads } from '../evaluation/EvaluationListPage';
import { orgRatingKeys, orgRatingOrder } from '../evaluation/ui';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';

export interface UnitRow {
  unitId: string | null;
  name: string;
  parentId: string | null;
  depth: number;
}

/** The office first, then its units as a tree (every unit for the admin; the units the curve shows otherwise). */
function treeRows(officeName: string, units: Pick<Unit, 'id' | 'name' | 'parentId' | 'code'>[]): UnitRow[] {
  const children = new Map<string | null, typeof units>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitRow[] = [{ unitId: null, name: officeName, parentId: null, depth: 0 }];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'id'))) {
      out.push({ unitId: u.id, name: u.name, parentId: u.parentId, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 1);
  return out;
}

/**
 * Capaian Kinerja Organisasi per unit and period: recorded by the Pengelola Kinerja or the head of
 * office; a unit without its own rating follows the nearest unit above it, then the office.
 */
export function OrgRatingsSection({
  year,
  period,
  officeName,
  fallbackUnits,
}: {
  year: PerformanceYear;
  period: Period;
  officeName: string;
  /** Units known from the curve (with the rating in force there), for viewers who may not list every unit. */
  fallbackUnits: { unitId: string | null; unitName: string; orgRating: OrgRating | null }[];
}) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const isAdmin = hasRole('pengelola');
  const ratings = useCommand('evaluation.orgRatings', { yearId: year.id, period: period.code });
  const units = useCommand('org.listUnits', {}, { enabled: isAdmin });
  const [editing, setEditing] = useState<UnitRow | null>(null);

  const rows = isAdmin
    ? treeRows(officeName, units.data?.units ?? [])
    : treeRows(
        officeName,
        fallbackUnits.filter((u) => u.unitId).map((u) => ({ id: u.unitId!, name: u.unitName, parentId: null, code: null })),
      );
  const byUnit = new Map((ratings.data?.ratings ?? []).map((r) => [r.unitId ?? '', r]));
  const parentOf = new Map(rows.map((r) => [r.unitId ?? '', r.parentId]));
  const nameOf = new Map(rows.map((r) => [r.unitId ?? '', r.name]));
  const inForce = new Map(fallbackUnits.map((u) => [u.unitId ?? '', u.orgRating]));
  const inherited = (row: UnitRow): { from: string | null; rating: OrgRating } | null => {
    if (!isAdmin) {
      // Without the unit tree, say which rating applies, not where it comes from.
      const r = inForce.get(row.unitId ?? '');
      return r ? { from: null, rating: r } : null;
    }
    let cur = row.parentId;
    for (let i = 0; cur && i < 32; i++) {
      const r = byUnit.get(cur);
      if (r) return { from: nameOf.get(cur) ?? r.unitName, rating: r.rating };
      cur = parentOf.get(cur) ?? null;
    }
    const office = row.unitId ? byUnit.get('') : undefined;
    return office ? { from: officeName, rating: office.rating } : null;
  };

  return (
    <Card withBorder component="section" aria-labelledby="org-ratings">
      <Title order={2} size="h4" id="org-ratings">
        {t('dist.org.title', { period: period.label })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={820}>
        {t('dist.org.intro')}
      </Text>
      <QueryState query={ratings}>
        {(data) => (
          <Stack>
            {!data.canSet && <Text size="sm">{t('dist.org.readOnly')}</Text>}
            {rows.length === 0 ? (
              <EmptyState message={t('dist.org.noUnits')} />
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover fz="sm" data-testid="org-ratings">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('dist.col.unit')}</Table.Th>
                      <Table.Th>{t('dist.col.orgRating')}</Table.Th>
                      <Table.Th>{t('dist.col.setBy')}</Table.Th>
                      <Table.Th>{t('dist.col.note')}</Table.Th>
                      {data.canSet && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const own = byUnit.get(row.unitId ?? '');
                      const from = own ? null : inherited(row);
                      return (
                        <Table.Tr key={row.unitId ?? 'kantor'} data-testid="org-rating-row">
                          <Table.Td style={{ paddingLeft: 12 + row.depth * 18 }}>
                            <Text size="sm" fw={row.unitId ? 500 : 700}>
                              {row.name}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {own ? (
                              <Group gap={6} wrap="nowrap">
                                <Badge miw="max-content" color="indigo" variant="light">
                                  {t(orgRatingKeys[own.rating])}
                                </Badge>
                                {own.fromCentral && (
                                  <Text size="xs" c="dimmed" data-testid="org-rating-central">
                                    {t('dist.org.fromCentral')}
                                  </Text>
                                )}
                              </Group>
                            ) : from ? (
                              <Text size="xs" c="dimmed">
                                {from.from
                                  ? t('dist.org.inherited', { rating: t(orgRatingKeys[from.rating]), from: from.from })
                                  : t('dist.org.inForce', { rating: t(orgRatingKeys[from.rating]) })}
                              </Text>
                            ) : (
                              <Text size="xs" c="orange">
                                {t('dist.org.notSet')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{own?.setByName ?? '-'}</Table.Td>
                          <Table.Td>
                            <Text size="xs" lineClamp={2}>
                              {own?.note ?? ''}
                            </Text>
                          </Table.Td>
                          {data.canSet && (
                            <Table.Td>
                              {own?.fromCentral ? null : (
                              <Button
                                size="xs"
                                variant="light"
                                leftSection={<IconPencil size={14} />}
                                onClick={() => setEditing(row)}
                                aria-label={t('dist.org.setFor', { unit: row.name })}
                              >
                                {own ? t('dist.org.change') : t('dist.org.set')}
                              </Button>
                              )}
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
      {editing && (
        <OrgRatingModal
          year={year}
          period={period}
          unit={editing}
          current={byUnit.get(editing.unitId ?? '') ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

export function OrgRatingModal({
  year,
  period,
  unit,
  current,
  onClose,
}: {
  year: PerformanceYear;
  period: Period;
  unit: { unitId: string | null; name: string };
  current: { rating: OrgRating; note: string | null; version: number } | null;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [rating, setRating] = useState<OrgRating | null>(current?.rating ?? null);
  const [note, setNote] = useState(current?.note ?? '');
  const [touched, setTouched] = useState(false);
  // The version this form started from: a rating recorded meanwhile elsewhere is CONFLICT, not overwritten.
  const [readVersion] = useState(current?.version ?? null);
  const save = useCommandMutation('evaluation.setOrgRating', { invalidates: evaluationReads });
  const client = useQueryClient();
  const go = () => {
    if (!rating) {
      setTouched(true);
      return;
    }
    save.mutate(
      { yearId: year.id, period: period.code, unitId: unit.unitId, rating, version: readVersion, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('dist.org.saved', { unit: unit.name, rating: t(orgRatingKeys[rating]), period: period.label }));
          onClose();
        },
        // A conflict offers the reload (the ratings read again, this form closed to start anew).
        onError: (err) =>
          notifySkpError(err, t, () => {
            void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]) === 'evaluation.orgRatings' });
            onClose();
          }),
      },
    );
  };
  return (
    <Modal opened onClose={save.isPending ? () => undefined : onClose} title={t('dist.org.modalTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <Stack>
          <Text size="sm">
            {unit.name} · {period.label}
          </Text>
          <Radio.Group
            label={t('dist.col.orgRating')}
            description={t('dist.org.modalHelp')}
            value={rating ?? ''}
            onChange={(v) => setRating(v as OrgRating)}
            error={touched && !rating ? t('dist.org.required') : undefined}
            required
          >
            <Stack gap="sm" mt="xs">
              {orgRatingOrder.map((r) => (
                <Radio key={r} value={r} label={t(orgRatingKeys[r])} description={distributionPattern[r]} data-autofocus={r === (current?.rating ?? 'istimewa') ? true : undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label={t('dist.org.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
