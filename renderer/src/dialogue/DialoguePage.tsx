import { Badge, Button, Stack, Tabs, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import type { Dialogue } from '../../../shared/dialogue/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useWaiting } from '../reports/waiting';
import { DialogueCard } from './DialogueCard';
import { RequestModal } from './RequestModal';

const active = (d: Dialogue) => d.status === 'diminta' || d.status === 'dijadwalkan' || d.status === 'dicatat';

/** `/dialog`: performance dialogues, mine and (for appraisers) with the people I appraise. */
export function DialoguePage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [chosenTab, setTab] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<'mine' | 'team' | null>(null);
  const appraiser = hasRole('penilai');
  // Opens on the tab where something waits for the user (a request to answer, minutes to confirm).
  const waiting = useWaiting().data?.dialogues;
  const tab = chosenTab ?? (waiting && waiting.team > 0 && waiting.mine === 0 ? 'team' : 'mine');
  return (
    <Stack>
      <PageHeader
        title={t('dialogue.title')}
        description={t('dialogue.intro')}
        actions={
          <Button leftSection={<IconMessages size={16} />} onClick={() => setRequesting(tab === 'team' ? 'team' : 'mine')}>
            {t('dialogue.request')}
          </Button>
        }
      />
      {appraiser ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="mine" rightSection={<TabCount count={waiting?.mine} />}>
              {t('dialogue.tab.mine')}
            </Tabs.Tab>
            <Tabs.Tab value="team" rightSection={<TabCount count={waiting?.team} />}>
              {t('dialogue.tab.team')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="md">
            <DialogueList asAppraiser={false} />
          </Tabs.Panel>
          <Tabs.Panel value="team" pt="md">
            <DialogueList asAppraiser />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <DialogueList asAppraiser={false} />
      )}
      {requesting && <RequestModal forTeam={requesting === 'team'} onClose={() => setRequesting(null)} onDone={(team) => setTab(team ? 'team' : 'mine')} />}
    </Stack>
  );
}

/** How many dialogues on a tab wait for the user; nothing when none. */
function TabCount({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <Badge size="sm" color="red" circle={count < 10} data-testid="tab-count">
      {count}
    </Badge>
  );
}

function DialogueList({ asAppraiser }: { asAppraiser: boolean }) {
  const { t } = useI18n();
  const query = useCommand('dialogue.list', { asAppraiser });
  return (
    <QueryState query={query}>
      {(data) => {
        if (data.dialogues.length === 0) return <EmptyState message={t(asAppraiser ? 'dialogue.emptyTeam' : 'dialogue.emptyMine')} />;
        const running = data.dialogues.filter(active);
        const done = data.dialogues.filter((d) => !active(d));
        const reload = () => void query.refetch();
        return (
          <Stack gap="lg">
            {running.length > 0 && (
              <section>
                <Title order={2} size="h4" mb="xs">
                  {t('dialogue.active')}
                </Title>
                <Stack>
                  {running.map((d) => (
                    <DialogueCard key={d.id} dialogue={d} reload={reload} />
                  ))}
                </Stack>
              </section>
            )}
            {done.length > 0 && (
              <section>
                <Title order={2} size="h4" mb="xs">
                  {t('dialogue.finished')}
                </Title>
                <Stack>
                  {done.map((d) => (
                    <DialogueCard key={d.id} dialogue={d} reload={reload} />
                  ))}
                </Stack>
              </section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

