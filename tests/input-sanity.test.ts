/**
 * Bad input is a clear 4xx (docs/spec/operations.md §5): every date of every command is a real calendar date
 * in a sane range, and names, titles and file names refuse NUL, other control characters and bidi
 * overrides. The fields are found by walking the contract's input schemas (a date is a field named
 * *Date, *deadline, tmt*, or *At for a moment; a name a field named *name or *title), so a new field
 * that skips the shared schemas (shared/contract.ts: calendarDateSchema, plainTextSchema) fails
 * here by command and field name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commandNames, commands, type CommandName } from '../shared/commands';
import { importCellSchema } from '../shared/people/commands';
import { approvedEvalSkp, evalTeam, evidenceInput, makeOffice, maxSeq, nextTestNip, removeAllTempDirs, type Office } from './helpers';

type Path = (string | number)[];
interface Field {
  command: CommandName;
  path: Path;
}

/** Every string leaf of a schema with its path (array elements as index 0). */
function stringLeaves(schema: z.ZodType, at: Path = [], out: Path[] = []): Path[] {
  // Raw spreadsheet cells are parsed (and their dates checked) by the import itself: see below.
  if (schema === importCellSchema && !isName(at)) return out;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) stringLeaves(v, [...at, k], out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      stringLeaves(def.innerType as z.ZodType, at, out);
      break;
    case 'array':
      stringLeaves(def.element as z.ZodType, [...at, 0], out);
      break;
    case 'pipe':
      stringLeaves(def.in as z.ZodType, at, out);
      break;
    case 'union':
      for (const o of def.options as z.ZodType[]) stringLeaves(o, at, out);
      break;
    case 'string':
      if (!out.some((p) => p.join('.') === at.join('.'))) out.push(at);
      break;
  }
  return out;
}

const key = (p: Path) => String(p.at(-1));
const isDate = (p: Path) => /(date|Date|deadline|Deadline)$|^tmt/.test(key(p));
const isMoment = (p: Path) => /At$/.test(key(p));
const isName = (p: Path) => /(^|[a-z])(name|Name|title|Title)$/.test(key(p));

function fieldsOf(pick: (p: Path) => boolean): Field[] {
  return commandNames.flatMap((command) => stringLeaves(commands[command].input as z.ZodType).filter(pick).map((path) => ({ command, path })));
}

function inputWith(path: Path, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const child = typeof path[i + 1] === 'number' ? [] : {};
    node[segment] = child;
    node = child as Record<string | number, unknown>;
  });
  return root;
}

/** The message zod gives for this field when the input carries `value` there, or null if none. */
function problemAt(f: Field, value: unknown): string | null {
  const r = (commands[f.command].input as z.ZodType).safeParse(inputWith(f.path, value));
  if (r.success) return null;
  return r.error.issues.find((i) => i.path.join('.') === f.path.join('.'))?.message ?? null;
}

const label = (f: Field) => `${f.command} ${f.path.join('.')}`;

const dateFields = fieldsOf(isDate);
const momentFields = fieldsOf(isMoment);
const nameFields = fieldsOf(isName);

describe('every date of every command is a real calendar date in a sane range', () => {
  it('finds the contract date fields (the walk works)', () => {
    expect(dateFields.map(label)).toEqual(expect.arrayContaining(['year.open startDate', 'people.create birthDate', 'people.update tmtGolongan', 'dialogue.record actions.0.dueDate']));
    expect(momentFields.map(label)).toEqual(expect.arrayContaining(['dialogue.schedule scheduledAt']));
  });

  const impossible = ['2035-02-30', '2036-12-99', '2037-00-00', '2036-13-01', '2036-02-30', '1850-06-01', '2236-01-01', '2036-1-5', 'besok'];
  it.each(dateFields.map((f) => [label(f), f] as const))('%s refuses impossible dates in Indonesian', (_l, f) => {
    expect(problemAt(f, '2030-02-28'), `${label(f)} refuses a real date`).toBeNull();
    for (const bad of impossible) {
      const message = problemAt(f, bad);
      expect(message, `${label(f)} accepted ${bad}`).not.toBeNull();
      expect(message).toMatch(/Tanggal|Tahun/);
    }
  });

  it.each(momentFields.map((f) => [label(f), f] as const))('%s refuses a moment on an impossible date', (_l, f) => {
    expect(problemAt(f, '2030-02-28T09:00:00+07:00')).toBeNull();
    for (const bad of ['2035-02-30T09:00:00+07:00', '2036-12-99T09:00:00+07:00', '2037-00-00T09:00:00+07:00', '1850-06-01T09:00:00+07:00']) {
      expect(problemAt(f, bad), `${label(f)} accepted ${bad}`).not.toBeNull();
    }
  });
});

describe('names, titles and file names refuse control and bidi characters', () => {
  it('finds the contract name fields (the walk works)', () => {
    expect(nameFields.map(label)).toEqual(
      expect.arrayContaining(['people.create name', 'people.create frontTitle', 'org.createUnit name', 'realisasi.addEvidence file.name', 'realisasi.addEvidence title', 'people.import rows.0.name']),
    );
  });

  const unsafe = ['Budi\u0000Santoso', 'Budi\u0007Santoso', 'Budi\u001bSantoso', 'lap\u202Egnp.pdf', 'Budi\u202ASantoso', 'Budi\u2066Santoso\u2069', 'Budi\u0085Santoso'];
  it.each(nameFields.map((f) => [label(f), f] as const))('%s', (_l, f) => {
    const fine = key(f.path) === 'name' && f.path.includes('file') ? 'laporan.pdf' : key(f.path) === 'username' ? 'budi.santoso' : 'Budi Santoso';
    expect(problemAt(f, fine), `${label(f)} refuses "${fine}"`).toBeNull();
    for (const bad of unsafe) expect(problemAt(f, bad), `${label(f)} accepted ${JSON.stringify(bad)}`).not.toBeNull();
  });
});

describe('through the dispatcher, writing nothing', () => {
  let office: Office;
  beforeAll(() => {
    office = makeOffice();
  });
  afterAll(() => {
    office.close();
    removeAllTempDirs();
  });

  it.each(['2035-02-30', '2036-12-99', '2037-00-00'])('year.open with %s is VALIDATION naming the field', (date) => {
    const admin = office.adminSession();
    const audit = maxSeq(office.core, 'audit_log');
    const r = office.tryCall('year.open', { year: 2035, startDate: date }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.fields?.startDate).toMatch(/tidak ada di kalender/);
    expect(maxSeq(office.core, 'audit_log')).toBe(audit);
  });

  it('an evidence file named lap\\u202Egnp.pdf is refused and nothing is stored', () => {
    const s = approvedEvalSkp(office);
    const me = evalTeam(office).employee.session;
    const audit = maxSeq(office.core, 'audit_log');
    const r = office.tryCall('realisasi.addEvidence', { skpId: s.skpId, period: s.period, file: evidenceInput('lap\u202Egnp.pdf') }, me);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/karakter/);
    expect(maxSeq(office.core, 'audit_log')).toBe(audit);
    expect(fs.existsSync(path.join(office.dir, 'evidence'))).toBe(false);
  });

  it.each(['2037-00-00', '30-02-2035', '2150-01-01'])('people.import refuses the birth date %s', (birthDate) => {
    const admin = office.adminSession();
    const audit = maxSeq(office.core, 'audit_log');
    const r = office.tryCall('people.import', { rows: [{ row: 2, nip: nextTestNip(), name: 'Impor Tanggal', birthDate }] }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(maxSeq(office.core, 'audit_log')).toBe(audit);
  });
});
