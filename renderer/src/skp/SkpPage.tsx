import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDownload, IconEdit, IconProgressCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatNip } from '../../../shared/people/nip';
import type { PersonSnapshot, SkpDetail } from '../../../shared/skp/commands';
import { DownloadButton } from '../app/Download';
import { useCommand, useCommandMutation } from '../api/hooks';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import type { MessageKey } from '../i18n/catalog';
import { FormActions } from '../app/FormActions';
import { useI18n } from '../i18n/I18nProvider';
import { AnnexSection } from './AnnexSection';
import { HistorySection } from './HistorySection';
import { approachKeys, notifySkpError, StatusBadge } from './labels';
import { PerilakuSection } from './PerilakuSection';
import { RhkSection } from './RhkSection';
import { PageHeader } from '../app/PageHeader';

/** One SKP: identity, RHK and indicators, work behaviour, annex, the actions the viewer may take, history. */
export function SkpPage() {
  const { skpId = '' } = useParams();
  const query = useCommand('skp.get', { skpId });
  return <QueryState query={query}>{(skp) => <SkpView skp={skp} reload={() => void query.refetch()} />}</QueryState>;
}

export interface SkpViewProps {
  skp: SkpDetail;
  reload(): void;
}

function SkpView({ skp, reload }: SkpViewProps) {
  const { t, date } = useI18n();
  const unlinked = unlinkedRhk(skp);
  const lastAmend = [...skp.events].reverse().find((e) => e.action === 'adendum');
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        {skp.viewerRole === 'pegawai' ? (
          <Anchor component={Link} to="/skp">
            {t('skp.mine.title')}
          </Anchor>
        ) : skp.viewerRole === 'penilai' && skp.status === 'diajukan' ? (
          <Anchor component={Link} to="/persetujuan-skp">
            {t('nav.skpInbox')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/pemantauan-skp?tahun=${skp.year}`}>
            {t('nav.skpMonitor')}
          </Anchor>
        )}
        <Text size="sm">{t('skp.titleYear', { year: skp.year })}</Text>
      </Breadcrumbs>
      <PageHeader
        title={skp.viewerRole === 'pegawai' ? t('skp.titleYear', { year: skp.year }) : t('skp.titleOf', { year: skp.year, name: skp.employeeName })}
        badge={<StatusBadge status={skp.status} amending={skp.amending} size="lg" />}
        description={
          <>
            {t('skp.periodLine', { start: date(skp.periodStart), end: date(skp.periodEnd) })} · {t(approachKeys[skp.approach])}
            {skp.isJpt ? ` · ${t('skp.jpt')}` : ''}
          </>
        }
        actions={<SkpActions skp={skp} reload={reload} />}
      />

      {skp.status === 'dikembalikan' && skp.returnNote && (
        <Alert color="orange" variant="filled" title={t('skp.returned.title')} icon={<IconArrowBackUp />} data-testid="return-note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {skp.returnNote}
          </Text>
          {skp.viewerRole === 'pegawai' && (
            <Text size="sm" mt="xs" fw={600}>
              {t('skp.returned.next')}
            </Text>
          )}
        </Alert>
      )}
      {skp.amending && skp.status !== 'disetujui' && (
        <Alert color="grape" title={t('skp.amend.banner', { version: skp.approvedVersion })}>
          {lastAmend?.note && <Text size="sm">{t('skp.amend.reasonLine', { reason: lastAmend.note })}</Text>}
          <Text size="sm">{t('skp.amend.bannerHelp')}</Text>
        </Alert>
      )}
      {skp.viewerRole === 'penilai' && skp.status === 'diajukan' && (
        <Alert color="yellow" title={t('skp.review.title')}>
          {t('skp.review.help')}
        </Alert>
      )}
      {skp.viewerRole === 'pegawai' && skp.status === 'diajukan' && (
        <Alert color="blue">{t('skp.waiting', { name: skp.header.appraiser?.name ?? t('skp.appraiserUnknown') })}</Alert>
      )}

      <IdentitySection skp={skp} />
      <RhkSection skp={skp} reload={reload} unlinked={unlinked} />
      <PerilakuSection skp={skp} reload={reload} />
      <AnnexSection skp={skp} reload={reload} />
      <HistorySection skp={skp} />
    </Stack>
  );
}

/** RHK of a non-JPT plan that support nothing above, when there is an appraiser in the office to link to. */
export function unlinkedRhk(skp: SkpDetail): Set<string> {
  if (skp.isJpt || !skp.header.appraiser?.employeeId) return new Set();
  return new Set(skp.rhk.filter((r) => !r.parentRhkId).map((r) => r.id));
}

function Person({ title, person }: { title: MessageKey; person: PersonSnapshot | null }) {
  const { t } = useI18n();
  const row = (label: MessageKey, value: string | null) => (
    <div>
      <Text size="xs" c="dimmed">
        {t(label)}
      </Text>
      <Text size="sm">{value || '-'}</Text>
    </div>
  );
  return (
    <Card withBorder padding="sm">
      <Text fw={700} size="sm" tt="uppercase" c="blue" mb="xs">
        {t(title)}
      </Text>
      {person ? (
        <Stack gap={6}>
          {row('skp.person.name', person.name)}
          {row('skp.person.nip', person.nip ? formatNip(person.nip) : null)}
          {row('skp.person.golongan', person.golongan)}
          {row('skp.person.position', person.position)}
          {row('skp.person.unit', person.unit)}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('skp.appraiserUnknown')}
        </Text>
      )}
    </Card>
  );
}

function IdentitySection({ skp }: { skp: SkpDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="skp-identity">
      <Title order={2} size="h4" mb="xs" id="skp-identity">
        {t('skp.identity')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {skp.header.officeName}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Person title="skp.person.pegawai" person={skp.header.employee} />
        <Person title="skp.person.penilai" person={skp.header.appraiser} />
        <Person title="skp.person.atasan" person={skp.header.atasan} />
      </SimpleGrid>
    </section>
  );
}

type Dialog = 'submit' | 'return' | 'approve' | 'amend' | null;

/** The workflow buttons the backend says this viewer may use now, plus the PDF. */
function SkpActions({ skp, reload }: SkpViewProps) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const setApproach = useCommandMutation('skp.setApproach', { invalidates: ['skp'] });
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {skp.can.submit && (
          <Button leftSection={<IconSend size={16} />} onClick={() => setDialog('submit')}>
            {t('skp.action.submit')}
          </Button>
        )}
        {skp.can.approve && (
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => setDialog('approve')}>
            {t('skp.action.approve')}
          </Button>
        )}
        {skp.can.return && (
          <Button color="orange" variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('return')}>
            {t('skp.action.return')}
          </Button>
        )}
        {skp.can.amend && (
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setDialog('amend')}>
            {t('skp.action.amend')}
          </Button>
        )}
        {skp.approvedVersion > 0 && (
          <Button component={Link} to={`/skp/${skp.id}/realisasi`} variant="light" leftSection={<IconProgressCheck size={16} />}>
            {t('nav.realisasi')}
          </Button>
        )}
        <DownloadButton name="skp.pdf" query={{ skpId: skp.id }} variant="default" leftSection={<IconDownload size={16} />}>
          {t('skp.pdf')}
        </DownloadButton>
      </Group>
      {/* The approach decides how every target is written: switchable while the plan is still empty. */}
      {skp.can.edit && skp.rhk.length === 0 && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('skp.approach')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('skp.approach')}
            value={skp.approach}
            disabled={setApproach.isPending}
            data={[
              { value: 'kuantitatif', label: t(approachKeys.kuantitatif) },
              { value: 'kualitatif', label: t(approachKeys.kualitatif) },
            ]}
            onChange={(v) =>
              setApproach.mutate(
                { skpId: skp.id, version: skp.version, approach: v as 'kuantitatif' | 'kualitatif' },
                {
                  onSuccess: () => notifySuccess(t('skp.approachChanged')),
                  onError: (err) => notifySkpError(err, t, reload),
                },
              )
            }
          />
        </Group>
      )}
      {dialog && <ActionDialog kind={dialog} skp={skp} reload={reload} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

const dialogTitles: Record<Exclude<Dialog, null>, MessageKey> = {
  submit: 'skp.submit.title',
  return: 'skp.return.title',
  approve: 'skp.approve.title',
  amend: 'skp.amend.title',
};

/** Confirmation for a workflow step; returning needs a note and an amendment a reason. */
function ActionDialog({ kind, skp, reload, onClose }: { kind: Exclude<Dialog, null> } & SkpViewProps & { onClose(): void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const submit = useCommandMutation('skp.submit', { invalidates: ['skp'] });
  const ret = useCommandMutation('skp.return', { invalidates: ['skp'] });
  const approve = useCommandMutation('skp.approve', { invalidates: ['skp'] });
  const amend = useCommandMutation('skp.amend', { invalidates: ['skp'] });
  const pending = submit.isPending || ret.isPending || approve.isPending || amend.isPending;
  const needsText = kind === 'return' || kind === 'amend';
  const textError = needsText && touched && !note.trim() ? t(kind === 'return' ? 'skp.return.noteRequired' : 'skp.amend.reasonRequired') : undefined;
  const unlinked = unlinkedRhk(skp).size;
  const ref = { skpId: skp.id, version: skp.version };
  const done = (message: string) => ({
    onSuccess: () => {
      notifySuccess(message);
      onClose();
    },
    onError: (err: unknown) => {
      notifySkpError(err, t, reload);
      onClose();
    },
  });

  const go = () => {
    if (needsText && !note.trim()) {
      setTouched(true);
      return;
    }
    if (kind === 'submit') submit.mutate(ref, done(t('skp.submit.done')));
    if (kind === 'return') ret.mutate({ ...ref, note: note.trim() }, done(t('skp.return.done', { name: skp.employeeName })));
    if (kind === 'approve') approve.mutate(ref, done(t('skp.approve.done', { name: skp.employeeName })));
    if (kind === 'amend') amend.mutate({ ...ref, reason: note.trim() }, done(t('skp.amend.done')));
  };

  return (
    <Modal opened onClose={onClose} title={t(dialogTitles[kind])} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            go();
          }
        }}
      >
        <Stack>
          {kind === 'submit' && (
            <>
              <Text size="sm">{t('skp.submit.help', { name: skp.header.appraiser?.name ?? t('skp.appraiserUnknown') })}</Text>
              {unlinked > 0 && (
                <Alert color="yellow">{t('skp.submit.unlinked', { count: unlinked })}</Alert>
              )}
            </>
          )}
          {kind === 'approve' && <Text size="sm">{t('skp.approve.help', { name: skp.employeeName })}</Text>}
          {kind === 'return' && (
            <Textarea
              label={t('skp.return.note')}
              description={t('skp.return.noteHelp')}
              autosize
              minRows={4}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={textError}
              required
              data-autofocus
            />
          )}
          {kind === 'amend' && (
            <>
              <Text size="sm">{t('skp.amend.help', { version: skp.approvedVersion })}</Text>
              <Textarea
                label={t('skp.amend.reason')}
                autosize
                minRows={3}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                onBlur={() => setTouched(true)}
                error={textError}
                required
                data-autofocus
              />
            </>
          )}
          {needsText && (
            <Text size="xs" c="dimmed">
              {t('skp.ctrlEnter')}
            </Text>
          )}
          {/* Submit and approve are confirmations the user just asked for: Enter confirms. */}
          <FormActions
            onCancel={onClose}
            pending={pending}
            submitProps={{ color: kind === 'approve' ? 'teal' : kind === 'return' ? 'orange' : undefined, 'data-autofocus': needsText ? undefined : true }}
            submit={t(kind === 'submit' ? 'skp.action.submit' : kind === 'approve' ? 'skp.action.approve' : kind === 'return' ? 'skp.action.return' : 'skp.amend.start')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
