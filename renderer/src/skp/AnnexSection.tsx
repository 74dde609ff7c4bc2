import { ActionIcon, Button, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { annexKinds, type SkpDetail } from '../../../shared/skp/commands';
import { useCommandMutation } from '../api/hooks';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { annexKeys, notifySkpError } from './labels';

type AnnexKind = (typeof annexKinds)[number];
type Draft = Record<AnnexKind, { key: number; text: string }[]>;

let seq = 0;

/** Lampiran: dukungan sumber daya, skema pertanggungjawaban, konsekuensi; editable while the plan is. */
export function AnnexSection({ skp, reload }: { skp: SkpDetail; reload(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useCommandMutation('skp.saveAnnex', { invalidates: ['skp'] });
  const errors = fieldErrors(save.error);

  const start = () => {
    const d = {} as Draft;
    for (const k of annexKinds) d[k] = (skp.annex[k].length ? skp.annex[k] : ['']).map((text) => ({ key: ++seq, text }));
    setDraft(d);
  };
  const submit = () => {
    if (!draft) return;
    const items = (k: AnnexKind) => draft[k].map((i) => i.text.trim()).filter(Boolean);
    save.mutate(
      {
        skpId: skp.id,
        version: skp.version,
        dukungan_sumber_daya: items('dukungan_sumber_daya'),
        skema_pertanggungjawaban: items('skema_pertanggungjawaban'),
        konsekuensi: items('konsekuensi'),
      },
      {
        onSuccess: () => {
          notifySuccess(t('skp.annex.saved'));
          setDraft(null);
        },
        onError: (err) => notifySkpError(err, t, reload),
      },
    );
  };
  const edit = (k: AnnexKind, fn: (list: Draft[AnnexKind]) => Draft[AnnexKind]) => setDraft((d) => (d ? { ...d, [k]: fn(d[k]) } : d));

  return (
    <section aria-labelledby="skp-annex">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="skp-annex">
          {t('skp.annex.title')}
        </Title>
        {skp.can.edit && !draft && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={start}>
            {t('skp.annex.edit')}
          </Button>
        )}
      </Group>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {annexKinds.map((k) => (
            <Card withBorder key={k} data-testid={`annex-${k}`}>
              <Text fw={600} size="sm" mb="xs">
                {t(annexKeys[k])}
              </Text>
              {draft ? (
                <Stack gap={6}>
                  {draft[k].map((item, n) => (
                    <Group key={item.key} gap={4} wrap="nowrap" align="flex-start">
                      <TextInput
                        style={{ flex: 1 }}
                        aria-label={`${t(annexKeys[k])} ${n + 1}`}
                        value={item.text}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          edit(k, (list) => list.map((i) => (i.key === item.key ? { ...i, text } : i)));
                        }}
                        error={errors[`${k}.${n}`]}
                        autoFocus={k === 'dukungan_sumber_daya' && n === 0}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={4}
                        aria-label={t('skp.annex.removeItem', { no: n + 1 })}
                        onClick={() => edit(k, (list) => list.filter((i) => i.key !== item.key))}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => edit(k, (list) => [...list, { key: ++seq, text: '' }])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('skp.annex.addItem')}
                  </Button>
                </Stack>
              ) : skp.annex[k].length === 0 ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('skp.annex.empty')}
                </Text>
              ) : (
                <List size="sm" type="ordered" spacing={4}>
                  {skp.annex[k].map((text, n) => (
                    <List.Item key={n}>{text}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          ))}
        </SimpleGrid>
        {draft && (
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        )}
      </form>
    </section>
  );
}
