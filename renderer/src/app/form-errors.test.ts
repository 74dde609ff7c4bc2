import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../shared/commands';
import { AppError } from '../../../shared/errors';
import { appErrorToFormErrors, formKey, issuesToFormErrors, isEmptyValue, fieldPaths } from './form-errors';

z.config(z.locales.id());
const required = 'Wajib diisi.';
const id = '0192f0a0-0000-7000-8000-000000000001';

function issuesOf(schema: unknown, input: unknown): readonly StandardSchemaV1.Issue[] {
  const r = (schema as StandardSchemaV1)['~standard'].validate(input);
  if (r instanceof Promise) throw new Error('async');
  return r.issues ?? [];
}

describe('the contract refusals under the form fields', () => {
  it('an empty required field says "Wajib diisi.", not the schema\'s words', () => {
    const values = { when: '', place: '', agenda: '   ' };
    const issues = issuesOf(commands['dialogue.schedule'].input, { dialogueId: id, version: 1, scheduledAt: '', agenda: values.agenda });
    const errors = issuesToFormErrors(issues, values, { required, fieldOf: (p) => (p === 'scheduledAt' ? 'when' : p) });
    expect(errors).toEqual({ when: required, agenda: required });
  });

  it('a filled but wrong field keeps the contract\'s Indonesian message', () => {
    const values = { discussion: 'x'.repeat(8001) };
    const issues = issuesOf(commands['dialogue.record'].input, { dialogueId: id, version: 1, discussion: values.discussion, actions: [] });
    const errors = issuesToFormErrors(issues, values, { required });
    expect(errors.discussion).toBe('Pembahasan terlalu panjang.');
  });

  it('rows of a list map to their own fields (actions.1.text), and only the empty one', () => {
    const values = { discussion: 'Dibahas', actions: [{ text: 'Rekap surat', owner: 'pegawai' }, { text: '', owner: 'penilai' }] };
    const issues = issuesOf(commands['dialogue.record'].input, { dialogueId: id, version: 1, discussion: 'Dibahas', actions: values.actions });
    expect(issuesToFormErrors(issues, values, { required })).toEqual({ 'actions.1.text': required });
  });

  it('a path the form has no field for becomes a form-level message, and fieldOf null drops the field', () => {
    const values = { reason: 'Bentrok dengan rapat' };
    const issues = issuesOf(commands['dialogue.cancel'].input, { dialogueId: 'bukan-id', version: 1, reason: values.reason });
    const errors = issuesToFormErrors(issues, values, { required });
    expect(Object.keys(errors)).toEqual([formKey]);
    expect(errors[formKey]).toBe('ID tidak valid.');
    expect(issuesToFormErrors(issues, values, { required, fieldOf: (p) => (p === 'dialogueId' ? null : p) })[formKey]).toBe('ID tidak valid.');
  });

  it('the first message for a field wins', () => {
    const issues: StandardSchemaV1.Issue[] = [
      { message: 'Pertama.', path: ['target'] },
      { message: 'Kedua.', path: ['target'] },
    ];
    expect(issuesToFormErrors(issues, { target: 5 }, { required })).toEqual({ target: 'Pertama.' });
  });
});

describe('the backend\'s VALIDATION refusal under the form fields', () => {
  it('maps fields through fieldOf, applies the empty rule, and keeps the rest form-level', () => {
    const err = new AppError('VALIDATION', 'Periksa kembali isian Anda: Waktu tidak valid.', {
      fields: { scheduledAt: 'Waktu tidak valid.', agenda: 'Isi agenda dialog.', 'skp.year': 'Tahun tidak cocok.' },
    });
    const errors = appErrorToFormErrors(err, { when: '2026-02-30T09:00', agenda: '' }, { required, fieldOf: (p) => (p === 'scheduledAt' ? 'when' : p) });
    expect(errors).toEqual({ when: 'Waktu tidak valid.', agenda: required, [formKey]: 'Tahun tidak cocok.' });
  });

  it('a VALIDATION without fields is a form-level message; other errors are not about fields', () => {
    expect(appErrorToFormErrors(new AppError('VALIDATION', 'Isian tidak valid.'), { a: 'x' }, { required })).toEqual({ [formKey]: 'Isian tidak valid.' });
    expect(appErrorToFormErrors(new AppError('CONFLICT', 'Diubah orang lain.'), { a: 'x' }, { required })).toEqual({});
    expect(appErrorToFormErrors(null, { a: 'x' }, { required })).toEqual({});
  });
});

describe('helpers', () => {
  it('emptiness: nothing, spaces, null and NaN are empty; 0 and false are answers', () => {
    expect([undefined, null, '', '  ', Number.NaN].map(isEmptyValue)).toEqual([true, true, true, true, true]);
    expect([0, false, 'a', []].map(isEmptyValue)).toEqual([false, false, false, false]);
  });

  it('field paths include rows of lists', () => {
    expect([...fieldPaths({ a: '', rows: [{ text: '' }] })]).toEqual(['a', 'rows', 'rows.0', 'rows.0.text']);
  });
});
