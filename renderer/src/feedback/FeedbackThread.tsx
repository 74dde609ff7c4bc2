import { Accordion, Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FeedbackMessage, FeedbackTarget } from '../../../shared/feedback/commands';
import { perilakuValues } from '../../../shared/skp/perilaku';
import { useCommand, useCommandMutation } from '../api/hooks';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';

export interface ThreadRhk {
  id: string;
  kind: 'utama' | 'tambahan';
  text: string;
}

interface Props {
  skpId: string;
  period: string;
  rhk: ThreadRhk[];
  /** Who reads: the employee answers ("Tanggapan"), the appraiser gives feedback. */
  viewer: 'pegawai' | 'penilai' | 'atasan_penilai' | 'pengelola';
}

interface TargetGroup {
  key: string;
  target: FeedbackTarget;
  title: string;
  badge?: string;
  help?: string;
  messages: FeedbackMessage[];
}

const roleKeys: Record<FeedbackMessage['authorRole'], MessageKey> = {
  pegawai: 'feedback.role.pegawai',
  penilai: 'feedback.role.penilai',
  atasan_penilai: 'feedback.role.atasan_penilai',
};
const roleColors: Record<FeedbackMessage['authorRole'], string> = { pegawai: 'teal', penilai: 'blue', atasan_penilai: 'grape' };

const keyOf = (target: FeedbackTarget) => (target.kind === 'rhk' ? `rhk:${target.rhkId}` : target.kind === 'perilaku' ? `perilaku:${target.valueCode}` : 'umum');

/**
 * The continuous feedback of one SKP in one period, grouped by what it is about: each RHK, each
 * BerAKHLAK value, and general. Opening it marks the SKP's feedback read (the "Baru" marks stay
 * until the thread is loaded again).
 */
export function FeedbackThread({ skpId, period, rhk, viewer }: Props) {
  const query = useCommand('feedback.thread', { skpId, period });
  const unread = query.data?.messages.filter((m) => m.unread).length ?? 0;
  // Only the counters refresh: the thread keeps showing which messages were new on arrival.
  const { mutate: markRead } = useCommandMutation('feedback.markRead', { invalidates: ['feedback.unread', 'reports.reminders'] });
  useEffect(() => {
    if (unread > 0) markRead({ skpId });
  }, [unread, skpId, markRead]);
  return <QueryState query={query}>{(data) => <ThreadView skpId={skpId} period={period} rhk={rhk} viewer={viewer} messages={data.messages} canPost={data.canPost} reload={() => void query.refetch()} />}</QueryState>;
}

function ThreadView({ skpId, period, rhk, viewer, messages, canPost, reload }: Props & { messages: FeedbackMessage[]; canPost: boolean; reload(): void }) {
  const { t } = useI18n();
  const byKey = new Map<string, FeedbackMessage[]>();
  for (const m of messages) byKey.set(keyOf(m.target), [...(byKey.get(keyOf(m.target)) ?? []), m]);
  const rhkGroups: TargetGroup[] = rhk.map((r) => ({
    key: `rhk:${r.id}`,
    target: { kind: 'rhk', rhkId: r.id },
    title: r.text,
    badge: t(r.kind === 'utama' ? 'skp.rhk.utama' : 'skp.rhk.tambahan'),
    messages: byKey.get(`rhk:${r.id}`) ?? [],
  }));
  const perilakuGroups: TargetGroup[] = perilakuValues.map((v) => ({
    key: `perilaku:${v.code}`,
    target: { kind: 'perilaku', valueCode: v.code },
    title: v.name,
    help: v.guides.join('; '),
    messages: byKey.get(`perilaku:${v.code}`) ?? [],
  }));
  const umum: TargetGroup = { key: 'umum', target: { kind: 'umum' }, title: t('feedback.umum'), help: t('feedback.umumHelp'), messages: byKey.get('umum') ?? [] };
  // Open what has something to read; the rest stays folded, one click (or Enter) away.
  const [open, setOpen] = useState<string[]>(() => [...rhkGroups, ...perilakuGroups, umum].filter((g) => g.messages.length > 0).map((g) => g.key));
  const unread = messages.filter((m) => m.unread).length;

  const section = (title: MessageKey, groups: TargetGroup[]) => (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t(title)}
      </Title>
      <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="left">
        {groups.map((g) => (
          <Accordion.Item key={g.key} value={g.key} data-testid={`feedback-group-${g.key}`}>
            <Accordion.Control>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  {g.badge && (
                    <Badge size="xs" variant="outline" style={{ flexShrink: 0 }}>
                      {g.badge}
                    </Badge>
                  )}
                  <Text size="sm" fw={500} lineClamp={2}>
                    {g.title}
                  </Text>
                </Group>
                <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {g.messages.some((m) => m.unread) && (
                    <Badge size="sm" color="red">
                      {t('feedback.newCount', { count: g.messages.filter((m) => m.unread).length })}
                    </Badge>
                  )}
                  {g.messages.length > 0 && (
                    <Badge size="sm" variant="light" color="gray">
                      {t('feedback.count', { count: g.messages.length })}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <GroupBody skpId={skpId} period={period} group={g} viewer={viewer} canPost={canPost} reload={reload} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );

  return (
    <Stack gap="md" data-testid="feedback-thread">
      <Text size="sm" c="dimmed">
        {unread > 0 ? t('feedback.summaryUnread', { count: messages.length, unread }) : t('feedback.summary', { count: messages.length })}
      </Text>
      {!canPost && viewer === 'pengelola' && <Alert color="gray">{t('feedback.readOnly')}</Alert>}
      {!canPost && viewer !== 'pengelola' && <Alert color="gray">{t('feedback.cannotPost')}</Alert>}
      {section('feedback.section.rhk', rhkGroups)}
      {section('feedback.section.perilaku', perilakuGroups)}
      {section('feedback.section.umum', [umum])}
    </Stack>
  );
}

function GroupBody({ skpId, period, group, viewer, canPost, reload }: { skpId: string; period: string; group: TargetGroup; viewer: Props['viewer']; canPost: boolean; reload(): void }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      {group.help && (
        <Text size="xs" c="dimmed">
          {group.help}
        </Text>
      )}
      {group.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('feedback.groupEmpty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {group.messages.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </Stack>
      )}
      {canPost && <Composer skpId={skpId} period={period} target={group.target} targetTitle={group.title} viewer={viewer} reload={reload} />}
    </Stack>
  );
}

function MessageItem({ message: m }: { message: FeedbackMessage }) {
  const { t, dateTime } = useI18n();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${roleColors[m.authorRole]}-6)` }}
      bg={m.mine ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid="feedback-message"
    >
      <Group gap="xs" mb={4} wrap="wrap">
        <Text size="sm" fw={700}>
          {m.authorName} {m.mine && <Text span size="sm" c="dimmed" fw={400}>{t('feedback.you')}</Text>}
        </Text>
        <Badge size="xs" variant="light" color={roleColors[m.authorRole]}>
          {t(roleKeys[m.authorRole])}
        </Badge>
        <Text size="xs" c="dimmed" component="time" dateTime={m.at}>
          {dateTime(m.at)}
        </Text>
        {m.unread && (
          <Badge size="xs" color="red">
            {t('feedback.new')}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {m.body}
      </Text>
    </Paper>
  );
}

function Composer({ skpId, period, target, targetTitle, viewer, reload }: { skpId: string; period: string; target: FeedbackTarget; targetTitle: string; viewer: Props['viewer']; reload(): void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const post = useCommandMutation('feedback.post', { invalidates: ['feedback', 'reports'] });
  const employee = viewer === 'pegawai';
  const error = (touched && !body.trim() ? t('feedback.required') : undefined) ?? fieldErrors(post.error).body;
  const send = () => {
    if (!body.trim()) {
      setTouched(true);
      return;
    }
    post.mutate(
      { skpId, period, target, body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          setTouched(false);
          notifySuccess(t('feedback.sent'));
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') notifySkpError(err, t, reload);
        },
      },
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Stack gap={6}>
        <Textarea
          label={t(employee ? 'feedback.write.pegawai' : 'feedback.write.penilai')}
          description={t(employee ? 'feedback.writeHelp.pegawai' : 'feedback.writeHelp.penilai')}
          aria-description={t('feedback.writeFor', { target: targetTitle })}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
          error={error}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('feedback.ctrlEnter')}
          </Text>
          <Button type="submit" size="xs" leftSection={<IconSend size={14} />} loading={post.isPending}>
            {t('feedback.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
