import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { commands, type CommandInput, type CommandName, type CommandOutput } from '../../../shared/commands';
import type { AppError } from '../../../shared/errors';
import { useCommandMutation } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { clearDraft, loadDraft, storeDraft } from './drafts';
import { appErrorToFormErrors, fieldPaths, formKey, issuesToFormErrors, type FieldOf } from './form-errors';
import { notifyCommandError } from './notify';

// The contract's default messages in the users' language, as the backend gives them.
z.config(z.locales.id());

type Values = Record<string, unknown>;

export interface CommandFormOptions<N extends CommandName, V extends Values> {
  initialValues: V;
  /** The command input the form's values make (trimmed, ids and version added, dates converted). */
  toInput(values: V): CommandInput<N>;
  /** Which form field an input path belongs to, when the form names it otherwise; null for none. */
  fieldOf?: FieldOf;
  /**
   * Rules the contract cannot know in the browser (a date inside the dialogue's year, a rating
   * that needs an RHK above): field -> message, undefined when fine. Checked with the contract.
   */
  rules?(values: V): Record<string, string | undefined>;
  /** Capabilities whose cached reads become stale (see useCommandMutation). */
  invalidates?: string[];
  onSuccess(output: CommandOutput<N>, values: V): void;
  /** What "Muat ulang" does after a CONFLICT (refetch the record); the form closes too. */
  reload?(): void;
  /** Called after an error that is not about a field (conflict, rule, rights): usually closes the dialog. */
  onFailed?(err: AppError): void;
  /** Long texts kept in this browser until saved (drafts.ts): the key, and which fields. */
  draft?: { key: string | null; fields: readonly (keyof V & string)[] };
}

export interface CommandForm<N extends CommandName, V extends Values> {
  form: UseFormReturnType<V>;
  /** For `<form onSubmit>`: validates against the contract and the rules, then runs the command. */
  onSubmit(event?: { preventDefault?: () => void }): void;
  pending: boolean;
  /** A refusal that belongs to no field, shown above the buttons. */
  formError: string | null;
  /** Whether a draft from an earlier visit was put back into the form. */
  restored: boolean;
  discardDraft(): void;
  mutation: ReturnType<typeof useCommandMutation<N>>;
}

/**
 * One form for one write command: values and touched state in @mantine/form, validation by the
 * command's own input schema from the contract (so the browser refuses what the backend would,
 * with the same Indonesian words), empty required fields saying "Wajib diisi.", the backend's
 * field refusals put under the fields, a CONFLICT offering a reload, other refusals as a toast.
 */
export function useCommandForm<N extends CommandName, V extends Values>(name: N, o: CommandFormOptions<N, V>): CommandForm<N, V> {
  const { t } = useI18n();
  const mutation = useCommandMutation(name, o.invalidates ? { invalidates: o.invalidates } : {});
  const [formError, setFormError] = useState<string | null>(null);
  const draftKey = o.draft?.key ?? null;
  const [initial] = useState<{ values: V; restored: boolean }>(() => {
    const kept = o.draft ? loadDraft<Partial<V>>(draftKey) : null;
    if (!kept || !o.draft) return { values: o.initialValues, restored: false };
    const picked = Object.fromEntries(o.draft.fields.filter((f) => typeof kept[f] === typeof o.initialValues[f] && kept[f] !== o.initialValues[f]).map((f) => [f, kept[f]]));
    return { values: { ...o.initialValues, ...picked }, restored: Object.keys(picked).length > 0 };
  });
  const [restored, setRestored] = useState(initial.restored);
  const mapping = { fieldOf: o.fieldOf, required: t('form.required') };

  // The contract's schema, seen through the form: its issues carry the form's field paths.
  const resolver = useMemo(() => {
    const input = commands[name].input as unknown as StandardSchemaV1;
    const schema: StandardSchemaV1<V> = {
      '~standard': {
        version: 1,
        vendor: 'kinerja',
        validate: (values) => {
          const v = values as V;
          const result = input['~standard'].validate(o.toInput(v));
          if (result instanceof Promise) throw new Error('contract schemas are synchronous');
          const errors = result.issues ? issuesToFormErrors(result.issues, v, mapping) : {};
          for (const [field, message] of Object.entries(o.rules?.(v) ?? {})) if (message && errors[field] === undefined) errors[field] = message;
          const issues = Object.entries(errors)
            .filter(([field]) => field !== formKey)
            .map(([field, message]) => ({ message, path: field.split('.') }));
          return issues.length ? { issues } : { value: v };
        },
      },
    };
    return schemaResolver(schema, { sync: true });
    // The options object is new on each render; the command and the language are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, t]);

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: initial.values,
    validate: resolver,
    validateInputOnBlur: false,
    onValuesChange: (values) => {
      if (!o.draft || !draftKey) return;
      const dirty = o.draft.fields.some((f) => values[f] !== o.initialValues[f]);
      if (dirty) storeDraft(draftKey, Object.fromEntries(o.draft.fields.map((f) => [f, values[f]])));
      else clearDraft(draftKey);
    },
  });

  const run = (values: V) => {
    setFormError(null);
    mutation.mutate(o.toInput(values), {
      onSuccess: (out) => {
        clearDraft(draftKey);
        o.onSuccess(out, values);
      },
      onError: (err) => {
        if (err.code === 'VALIDATION') {
          const errors = appErrorToFormErrors(err, values, { ...mapping, fields: fieldPaths(values) });
          const { [formKey]: general, ...onFields } = errors;
          form.setErrors(onFields);
          setFormError(general ?? null);
          return;
        }
        notifyCommandError(err, t, o.reload);
        o.onFailed?.(err);
      },
    });
  };

  return {
    form,
    onSubmit: (event) => {
      event?.preventDefault?.();
      const result = form.validate();
      if (result.hasErrors) return;
      run(form.getValues());
    },
    pending: mutation.isPending,
    formError,
    restored,
    discardDraft: () => {
      clearDraft(draftKey);
      setRestored(false);
      if (o.draft) for (const f of o.draft.fields) form.setFieldValue(f, o.initialValues[f] as never);
    },
    mutation,
  };
}
