import { Alert, Button, Drawer, Fieldset, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { aspekList, perspektifList, type Rhk, type SkpDetail } from '../../../shared/skp/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { fieldErrors } from '../app/forms';
import { asAppError, notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { aspekKeys, formMessage, notifySkpError, perspektifKeys } from './labels';

type Aspek = (typeof aspekList)[number];
type Perspektif = (typeof perspektifList)[number];

interface IndicatorDraft {
  key: string;
  id?: string;
  aspek: Aspek | null;
  perspektif: Perspektif | null;
  text: string;
  targetMin: number | string;
  targetMax: number | string;
  targetUnit: string;
  targetText: string;
}

let keySeq = 0;
const newKey = () => `new-${++keySeq}`;

function blankIndicator(skp: SkpDetail, taken: IndicatorDraft[]): IndicatorDraft {
  const usedAspek = new Set(taken.map((i) => i.aspek));
  const usedPersp = new Set(taken.map((i) => i.perspektif));
  return {
    key: newKey(),
    aspek: skp.isJpt ? null : (aspekList.find((a) => !usedAspek.has(a)) ?? 'kuantitas'),
    perspektif: skp.isJpt ? (perspektifList.find((p) => !usedPersp.has(p)) ?? 'proses_bisnis') : null,
    text: '',
    targetMin: '',
    targetMax: '',
    targetUnit: '',
    targetText: '',
  };
}

function fromRhk(rhk: Rhk): IndicatorDraft[] {
  return rhk.indicators.map((i) => ({
    key: i.id,
    id: i.id,
    aspek: i.aspek,
    perspektif: i.perspektif,
    text: i.text,
    targetMin: i.targetMin ?? '',
    targetMax: i.targetMax ?? '',
    targetUnit: i.targetUnit ?? '',
    targetText: i.targetText ?? '',
  }));
}

const num = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Adds or changes one RHK with its indicators; the backend's field errors land on the fields. */
export function RhkEditor({ skp, rhk, reload, onClose }: { skp: SkpDetail; rhk: Rhk | null; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'utama' | 'tambahan'>(rhk?.kind ?? 'utama');
  const [text, setText] = useState(rhk?.text ?? '');
  const [parentRhkId, setParentRhkId] = useState<string | null>(rhk?.parentRhkId ?? null);
  const [pkReference, setPkReference] = useState(rhk?.pkReference ?? '');
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(() => (rhk ? fromRhk(rhk) : [blankIndicator(skp, [])]));
  const save = useCommandMutation('skp.saveRhk', { invalidates: ['skp'] });
  const parents = useCommand('skp.parentOptions', { skpId: skp.id }, { enabled: !skp.isJpt });
  const errors = fieldErrors(save.error);
  const kuantitatif = skp.approach === 'kuantitatif';

  const patch = (key: string, p: Partial<IndicatorDraft>) => setIndicators((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const submit = () => {
    save.mutate(
      {
        skpId: skp.id,
        version: skp.version,
        rhk: {
          ...(rhk ? { id: rhk.id } : {}),
          kind,
          text,
          parentRhkId: skp.isJpt ? null : parentRhkId,
          pkReference: skp.isJpt ? pkReference || null : null,
          indicators: indicators.map((i) => ({
            ...(i.id ? { id: i.id } : {}),
            aspek: skp.isJpt ? null : i.aspek,
            perspektif: skp.isJpt ? i.perspektif : null,
            text: i.text,
            targetMin: kuantitatif ? num(i.targetMin) : null,
            targetMax: kuantitatif ? num(i.targetMax) : null,
            targetUnit: kuantitatif ? i.targetUnit || null : null,
            targetText: kuantitatif ? null : i.targetText || null,
          })),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('skp.rhk.saved'));
          onClose();
        },
        onError: (err) => {
          if (asAppError(err).code === 'CONFLICT') notifySkpError(err, t, reload);
        },
      },
    );
  };

  const options = parents.data?.options ?? [];
  const parentData = [
    { group: t('skp.rhk.utama'), items: options.filter((o) => o.kind === 'utama').map((o) => ({ value: o.id, label: o.text })) },
    { group: t('skp.rhk.tambahan'), items: options.filter((o) => o.kind === 'tambahan').map((o) => ({ value: o.id, label: o.text })) },
  ].filter((g) => g.items.length > 0);
  // A link made earlier to an RHK no longer offered stays visible rather than silently dropped.
  if (parentRhkId && rhk?.parentRhkId === parentRhkId && !options.some((o) => o.id === parentRhkId) && rhk.parentRhkText) {
    parentData.push({ group: t('skp.rhk.currentLink'), items: [{ value: parentRhkId, label: rhk.parentRhkText }] });
  }
  const shownError = save.error && save.error.code !== 'CONFLICT' ? save.error : null;

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={rhk ? t('skp.rhk.editTitle') : t('skp.rhk.addTitle')}>
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
        <Stack>
          {shownError && (
            <Alert color="red" role="alert" title={t(`error.${shownError.code}`)}>
              {formMessage(shownError, t)}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('skp.rhk.kind')}
            </Text>
            <SegmentedControl
              aria-label={t('skp.rhk.kind')}
              value={kind}
              onChange={(v) => setKind(v as 'utama' | 'tambahan')}
              data={[
                { value: 'utama', label: t('skp.rhk.kind.utama') },
                { value: 'tambahan', label: t('skp.rhk.kind.tambahan') },
              ]}
            />
          </div>
          <Textarea
            label={t('skp.rhk.text')}
            description={t('skp.rhk.textHelp')}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors['rhk.text']}
            required
            data-autofocus
          />
          {skp.isJpt ? (
            <TextInput
              label={t('skp.rhk.pkReference')}
              description={t('skp.rhk.pkReferenceHelp')}
              value={pkReference}
              onChange={(e) => setPkReference(e.currentTarget.value)}
              error={errors['rhk.pkReference']}
            />
          ) : (
            <ParentChoice
              skp={skp}
              loading={parents.isPending}
              appraiserName={parents.data?.appraiserName ?? skp.header.appraiser?.name ?? null}
              data={parentData}
              value={parentRhkId}
              onChange={setParentRhkId}
              error={errors['rhk.parentRhkId']}
            />
          )}
          <Text fw={600} mt="sm">
            {t('skp.ind.title')}
          </Text>
          {errors['rhk.indicators'] && (
            <Text size="sm" c="red">
              {errors['rhk.indicators']}
            </Text>
          )}
          {indicators.map((ind, n) => {
            const e = (f: string) => errors[`rhk.indicators.${n}.${f}`];
            return (
              <Fieldset key={ind.key} legend={t('skp.ind.legend', { no: n + 1 })} data-testid="indicator-row">
                <Stack gap="sm">
                  <Group align="flex-start" grow>
                    {skp.isJpt ? (
                      <Select
                        label={t('skp.ind.perspektif')}
                        value={ind.perspektif}
                        allowDeselect={false}
                        data={perspektifList.map((p) => ({ value: p, label: t(perspektifKeys[p]) }))}
                        onChange={(v) => patch(ind.key, { perspektif: v as Perspektif })}
                        error={e('perspektif')}
                        required
                      />
                    ) : (
                      <Select
                        label={t('skp.ind.aspek')}
                        value={ind.aspek}
                        allowDeselect={false}
                        data={aspekList.map((a) => ({ value: a, label: t(aspekKeys[a]) }))}
                        onChange={(v) => patch(ind.key, { aspek: v as Aspek })}
                        error={e('aspek')}
                        required
                      />
                    )}
                  </Group>
                  <Textarea
                    label={t('skp.ind.text')}
                    description={t('skp.ind.textHelp')}
                    autosize
                    minRows={1}
                    value={ind.text}
                    onChange={(ev) => patch(ind.key, { text: ev.currentTarget.value })}
                    error={e('text')}
                    required
                  />
                  {kuantitatif ? (
                    <div>
                    <Group align="flex-start" grow>
                      <NumberInput
                        label={t('skp.ind.targetMin')}
                        value={ind.targetMin}
                        onChange={(v) => patch(ind.key, { targetMin: v })}
                        // A count, score, time or cost is never below zero (the contract refuses it too).
                        allowNegative={skp.isJpt}
                        decimalSeparator=","
                        thousandSeparator="."
                        error={e('targetMin')}
                        required
                      />
                      <NumberInput
                        label={t('skp.ind.targetMax')}
                        value={ind.targetMax}
                        onChange={(v) => patch(ind.key, { targetMax: v })}
                        // A count, score, time or cost is never below zero (the contract refuses it too).
                        allowNegative={skp.isJpt}
                        decimalSeparator=","
                        thousandSeparator="."
                        error={e('targetMax')}
                      />
                      <TextInput
                        label={t('skp.ind.unit')}
                        placeholder={t('skp.ind.unitPlaceholder')}
                        value={ind.targetUnit}
                        onChange={(ev) => patch(ind.key, { targetUnit: ev.currentTarget.value })}
                        error={e('targetUnit')}
                      />
                    </Group>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('skp.ind.targetMaxHelp')}
                    </Text>
                    </div>
                  ) : (
                    <Textarea
                      label={t('skp.ind.targetText')}
                      description={t('skp.ind.targetTextHelp')}
                      autosize
                      minRows={1}
                      value={ind.targetText}
                      onChange={(ev) => patch(ind.key, { targetText: ev.currentTarget.value })}
                      error={e('targetText')}
                      required
                    />
                  )}
                  {indicators.length > 1 && (
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setIndicators((list) => list.filter((i) => i.key !== ind.key))}
                      >
                        {t('skp.ind.remove', { no: n + 1 })}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Fieldset>
            );
          })}
          {indicators.length < 12 && (
            <Group>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setIndicators((list) => [...list, blankIndicator(skp, list)])}>
                {t('skp.ind.add')}
              </Button>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {t('skp.ctrlEnter')}
          </Text>
          <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('skp.rhk.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

interface ParentChoiceProps {
  skp: SkpDetail;
  loading: boolean;
  appraiserName: string | null;
  data: { group: string; items: { value: string; label: string }[] }[];
  value: string | null;
  onChange(v: string | null): void;
  error?: string;
}

/** "RHK Pimpinan yang Diintervensi"; when the appraiser has no RHK yet, the employee drafts now and links later. */
function ParentChoice({ skp, loading, appraiserName, data, value, onChange, error }: ParentChoiceProps) {
  const { t } = useI18n();
  if (!skp.header.appraiser) {
    return (
      <Alert color="yellow" icon={<IconInfoCircle />} title={t('skp.rhk.parent')}>
        {t('skp.rhk.noAppraiser')}
      </Alert>
    );
  }
  if (!skp.header.appraiser.employeeId) {
    return (
      <Alert color="gray" icon={<IconInfoCircle />} title={t('skp.rhk.parent')}>
        {t('skp.rhk.outsideAppraiser', { name: skp.header.appraiser.name })}
      </Alert>
    );
  }
  if (!loading && data.length === 0) {
    return (
      <Alert color="blue" icon={<IconInfoCircle />} title={t('skp.rhk.parent')} data-testid="no-parent-options">
        {t('skp.rhk.noParentYet', { name: appraiserName ?? skp.header.appraiser.name })}
      </Alert>
    );
  }
  return (
    <Select
      label={t('skp.rhk.parent')}
      description={t('skp.rhk.parentHelp', { name: appraiserName ?? skp.header.appraiser.name })}
      placeholder={loading ? t('app.loading') : t('skp.rhk.parentPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('skp.rhk.parentNothing')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
