import { AppError } from '../../../shared/errors';
import { isManagerial, parsePositionLevel, parsePositionType, positionTypeLabel, type PositionLevel, type PositionType } from '../../../shared/org/jabatan';
import type { ImportRow } from '../../../shared/people/commands';
import { isRealIsoDate, parseFlexibleDate } from '../../../shared/people/dates';
import { employeeStatuses, isGone, type EmployeeStatus } from '../../../shared/people/fields';
import { normalizeGolongan } from '../../../shared/people/golongan';
import { columnByKey, type ImportKey, type ImportProblem } from '../../../shared/people/import';
import { splitTitles } from '../../../shared/people/names';
import { parseNip, type Sex } from '../../../shared/people/nip';
import type { AuthedContext } from '../context';
import type { Core } from '../core';
import type { AssignmentsTable, PositionsTable, UnitsTable } from '../db/schema';
import {
  checkAssignment,
  createEmployee,
  insertAssignment,
  nipOwner,
  nipTakenMessage,
  today,
  updateEmployee,
  type EmployeeRow,
  type EmployeeValues,
} from './service';

/**
 * Employee import. Every row is parsed cell by cell (what people type in spreadsheets: spaces in a
 * NIP, "3a" for III/a, day-first dates), then applied in file order through the same service
 * functions as the forms, each row in its own savepoint so one bad row does not hide the next
 * one's problems. Any problem at all and the whole import is rolled back: the preview is the very
 * same run, always rolled back, so what it reports is exactly what the import would do.
 */
export interface ImportSummary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  assign: number;
  newPositions: string[];
}

export interface ImportOutcome {
  problems: ImportProblem[];
  summary: ImportSummary;
}

const header = (key: ImportKey) => columnByKey[key].header;

/** Error fields from the services, named by the spreadsheet column they come from. */
const columnOfField: Record<string, ImportKey> = {
  nip: 'nip',
  name: 'name',
  sex: 'sex',
  birthDate: 'birthDate',
  golongan: 'golongan',
  tmtGolongan: 'tmtGolongan',
  kind: 'position',
  endDate: 'positionStart',
  positionId: 'position',
};

function text(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = (typeof v === 'number' ? String(v) : v).replace(/\u00a0/g, ' ').trim();
  return t === '' ? null : t;
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function parseSex(raw: string): Sex | null {
  const k = raw.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['l', 'lk', 'laki', 'lakilaki', 'pria', '1', 'm'].includes(k)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita', '2', 'f'].includes(k)) return 'P';
  return null;
}

function parseStatus(raw: string): EmployeeStatus | null {
  const k = norm(raw);
  return (employeeStatuses as readonly string[]).includes(k) ? (k as EmployeeStatus) : null;
}

interface ParsedRow {
  row: number;
  values: EmployeeValues;
  /** Which employee fields the row states (empty cells leave a stored value alone). */
  stated: Set<keyof EmployeeValues>;
  unit: string | null;
  position: string | null;
  positionType: PositionType | null;
  positionLevel: PositionLevel | null;
  positionStart: string | null;
}

/** Reads one row's cells; problems name the row and the column. */
function parseRow(raw: ImportRow, rowNumber: number, problems: ImportProblem[], day: string): ParsedRow | null {
  const before = problems.length;
  const bad = (key: ImportKey, reason: string) => problems.push({ row: rowNumber, column: header(key), reason });
  const stated = new Set<keyof EmployeeValues>();

  const kindText = text(raw.kind);
  let kind: 'PNS' | 'PPPK' = 'PNS';
  if (kindText) {
    const k = kindText.toUpperCase();
    if (k === 'PNS' || k === 'PPPK') {
      kind = k;
      stated.add('kind');
    } else bad('kind', `"${kindText}" bukan jenis pegawai; isi PNS atau PPPK.`);
  }

  let nip = '';
  if (typeof raw.nip === 'number' || /^\d(?:[.,]\d+)?e\+?\d+$/i.test(text(raw.nip) ?? '')) {
    bad('nip', 'NIP tersimpan sebagai angka di Excel, sehingga angka-angka terakhirnya berubah. Format kolom NIP sebagai Teks lalu ketik ulang NIP-nya.');
  } else {
    const nipText = text(raw.nip);
    if (!nipText) bad('nip', 'NIP wajib diisi.');
    else {
      const parsed = parseNip(nipText, kind, day);
      if (!parsed.ok) bad('nip', parsed.message);
      else nip = parsed.facts.nip;
    }
  }

  const nameText = text(raw.name);
  let front = text(raw.frontTitle);
  let back = text(raw.backTitle);
  let name = nameText ?? '';
  if (!nameText) bad('name', 'Nama wajib diisi.');
  else if (!front && !back) {
    // A full name with titles in one cell ("Dr. Ahmad, S.Pd.") is split the way a person would.
    const split = splitTitles(nameText);
    name = split.name;
    front = split.frontTitle;
    back = split.backTitle;
  }
  if (nameText && name.length < 3) bad('name', 'Nama minimal 3 karakter.');
  if (name.length > 200) bad('name', 'Nama maksimal 200 karakter.');
  if (front && front.length > 60) bad('frontTitle', 'Gelar maksimal 60 karakter.');
  if (back && back.length > 60) bad('backTitle', 'Gelar maksimal 60 karakter.');
  if (front || raw.frontTitle !== undefined) stated.add('front_title');
  if (back || raw.backTitle !== undefined) stated.add('back_title');

  let sex: Sex | null = null;
  const sexText = text(raw.sex);
  if (sexText) {
    sex = parseSex(sexText);
    if (!sex) bad('sex', `"${sexText}" bukan jenis kelamin; isi L atau P.`);
  }

  let birthDate: string | null = null;
  const birthText = text(raw.birthDate);
  if (birthText) {
    birthDate = parseFlexibleDate(birthText);
    if (!birthDate) bad('birthDate', `"${birthText}" bukan tanggal yang benar; tulis TTTT-BB-HH atau HH-BB-TTTT.`);
  }
  if (nip) {
    const facts = parseNip(nip, kind);
    if (facts.ok && sex && sex !== facts.facts.sex) {
      bad('sex', `Jenis kelamin tidak sesuai dengan NIP: angka ke-15 NIP adalah ${facts.facts.sex === 'L' ? '1 (laki-laki)' : '2 (perempuan)'}.`);
    }
    if (facts.ok && birthDate && birthDate !== facts.facts.birthDate) {
      bad('birthDate', `Tanggal lahir tidak sesuai dengan NIP (8 angka pertama NIP menunjukkan ${facts.facts.birthDate}).`);
    }
  }

  let golongan: string | null = null;
  const golText = text(raw.golongan);
  if (golText) {
    golongan = normalizeGolongan(golText, kind);
    if (!golongan) {
      bad('golongan', kind === 'PNS' ? `"${golText}" bukan golongan PNS; gunakan I/a sampai IV/e.` : `"${golText}" bukan golongan PPPK; gunakan I sampai XVII.`);
    } else stated.add('golongan');
  }

  let tmtGolongan: string | null = null;
  const tmtText = text(raw.tmtGolongan);
  if (tmtText) {
    tmtGolongan = parseFlexibleDate(tmtText);
    if (!tmtGolongan) bad('tmtGolongan', `"${tmtText}" bukan tanggal yang benar; tulis TTTT-BB-HH atau HH-BB-TTTT.`);
    else {
      stated.add('tmt_golongan');
      const facts = nip ? parseNip(nip, kind) : null;
      if (facts?.ok && Number(tmtGolongan.slice(0, 4)) < facts.facts.tmtYear) {
        bad('tmtGolongan', `TMT golongan tidak boleh sebelum tahun TMT pada NIP (${facts.facts.tmtYear}).`);
      }
    }
  }

  const phone = text(raw.phone);
  if (phone) {
    if (!/^\+?[0-9][0-9 ()-]{5,}$/.test(phone) || phone.length > 40) bad('phone', `"${phone}" bukan nomor telepon; gunakan angka (boleh spasi, strip, + di depan).`);
    else stated.add('phone');
  }
  const email = text(raw.email);
  if (email) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) bad('email', `"${email}" bukan alamat email yang valid.`);
    else stated.add('email');
  }

  let status: EmployeeStatus = 'aktif';
  const statusText = text(raw.status);
  if (statusText) {
    const s = parseStatus(statusText);
    if (!s) bad('status', `"${statusText}" bukan status; isi Aktif, Cuti, Pindah atau Pensiun.`);
    else {
      status = s;
      stated.add('status');
    }
  }

  const unit = text(raw.unit);
  const position = text(raw.position);
  const typeText = text(raw.positionType);
  const levelText = text(raw.positionLevel);
  let positionType: PositionType | null = null;
  let positionLevel: PositionLevel | null = null;
  if (typeText) {
    positionType = parsePositionType(typeText);
    if (!positionType) bad('positionType', `"${typeText}" bukan jenis jabatan; isi misalnya Pelaksana, Fungsional Keahlian, Pengawas.`);
  }
  if (levelText) {
    positionLevel = parsePositionLevel(levelText);
    if (!positionLevel) bad('positionLevel', `"${levelText}" bukan jenjang jabatan fungsional.`);
  }
  let positionStart: string | null = null;
  const startText = text(raw.positionStart);
  if (startText) {
    positionStart = parseFlexibleDate(startText);
    if (!positionStart || !isRealIsoDate(positionStart)) bad('positionStart', `"${startText}" bukan tanggal yang benar; tulis TTTT-BB-HH atau HH-BB-TTTT.`);
  }
  if (unit && !position) bad('position', 'Isi juga Jabatan: pegawai ditempatkan di unit kerja melalui jabatannya.');
  if (!position && (typeText || startText)) bad('position', 'Jenis Jabatan atau TMT Jabatan diisi tanpa nama Jabatan.');
  if (position && isGone(status)) bad('position', `Pegawai berstatus ${status} tidak dapat ditempatkan pada jabatan; kosongkan kolom Jabatan.`);

  if (problems.length > before) return null;
  stated.add('name');
  return {
    row: rowNumber,
    values: {
      kind,
      nip,
      front_title: front,
      name,
      back_title: back,
      sex,
      birth_date: birthDate,
      golongan,
      tmt_golongan: tmtGolongan,
      phone,
      email,
      status,
    },
    stated,
    unit,
    position,
    positionType,
    positionLevel,
    positionStart,
  };
}

/** Units and positions of the office, found by name or code the way a spreadsheet names them. */
class OrgIndex {
  private readonly units: UnitsTable[];
  private positions: PositionsTable[];

  constructor(private readonly core: Core, private readonly officeId: string) {
    this.units = core.q.prepare('SELECT * FROM units WHERE office_id = ? AND deleted_at IS NULL').all(officeId) as UnitsTable[];
    this.positions = this.loadPositions();
  }

  private loadPositions(): PositionsTable[] {
    return this.core.q.prepare('SELECT * FROM positions WHERE office_id = ? AND deleted_at IS NULL').all(this.officeId) as PositionsTable[];
  }

  refresh(): void {
    this.positions = this.loadPositions();
  }

  findUnit(nameOrCode: string): { unit: UnitsTable | null; reason: string | null } {
    const key = norm(nameOrCode);
    const byCode = this.units.filter((u) => u.code && norm(u.code) === key);
    if (byCode.length === 1) return { unit: byCode[0]!, reason: null };
    const byName = this.units.filter((u) => norm(u.name) === key);
    if (byName.length === 1) return { unit: byName[0]!, reason: null };
    if (byName.length > 1) return { unit: null, reason: `Ada ${byName.length} unit kerja bernama "${nameOrCode}"; tulis kodenya agar jelas.` };
    return { unit: null, reason: `Unit kerja "${nameOrCode}" tidak ditemukan. Buat dulu di menu Unit Kerja, atau periksa ejaannya.` };
  }

  findPositions(name: string, unitId: string | null | undefined): PositionsTable[] {
    const key = norm(name);
    return this.positions.filter((p) => norm(p.name) === key && (unitId === undefined || p.unit_id === unitId));
  }

  /** The position a new staff position of the unit reports to: the unit's leader, else its parent's. */
  leaderOf(unitId: string): PositionsTable | null {
    let cur: string | null = unitId;
    for (let i = 0; cur && i < 50; i++) {
      const inUnit = this.positions.filter((p) => p.unit_id === cur && isManagerial(p.type as PositionType));
      const lead = inUnit.find((p) => !p.reports_to_position_id || this.positions.find((x) => x.id === p.reports_to_position_id)?.unit_id !== cur);
      if (lead) return lead;
      cur = this.units.find((u) => u.id === cur)?.parent_id ?? null;
    }
    return null;
  }

  unitName(id: string | null): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }
}

class RowFailed extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('row failed');
  }
}

function problemsFrom(err: unknown, row: number, fallback: ImportKey): ImportProblem[] {
  if (err instanceof RowFailed) return err.problems;
  if (err instanceof AppError) {
    if (err.fields && Object.keys(err.fields).length > 0) {
      return Object.entries(err.fields).map(([field, reason]) => ({ row, column: header(columnOfField[field] ?? fallback), reason }));
    }
    return [{ row, column: header(fallback), reason: err.message }];
  }
  if (typeof (err as { code?: string })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_CONSTRAINT')) {
    return [{ row, column: header(fallback), reason: 'Data bentrok dengan data yang sudah ada.' }];
  }
  throw err;
}

/** Runs the whole import in the caller's transaction. Throws nothing for bad rows: it reports them. */
export function runImport(ctx: AuthedContext, rows: ImportRow[]): ImportOutcome {
  const core = ctx.core;
  const officeId = ctx.actor.officeId;
  const problems: ImportProblem[] = [];
  const summary: ImportSummary = { total: rows.length, create: 0, update: 0, unchanged: 0, assign: 0, newPositions: [] };
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const day = today(ctx);
  rows.forEach((raw, i) => {
    const rowNumber = raw.row ?? i + 2;
    const p = parseRow(raw, rowNumber, problems, day);
    if (!p) return;
    const first = seen.get(p.values.nip);
    if (first !== undefined) {
      problems.push({ row: rowNumber, column: header('nip'), reason: `NIP sama dengan baris ${first}; setiap pegawai cukup satu baris.` });
      return;
    }
    seen.set(p.values.nip, rowNumber);
    parsed.push(p);
  });

  const org = new OrgIndex(core, officeId);
  for (const p of parsed) {
    // Counted only when the row's savepoint commits, so a failed row leaves no trace in the summary.
    const rowSummary: ImportSummary = { total: 0, create: 0, update: 0, unchanged: 0, assign: 0, newPositions: [] };
    try {
      core.sqlite.transaction(() => applyRow(ctx, org, p, day, rowSummary))();
      summary.create += rowSummary.create;
      summary.update += rowSummary.update;
      summary.unchanged += rowSummary.unchanged;
      summary.assign += rowSummary.assign;
      summary.newPositions.push(...rowSummary.newPositions);
    } catch (err) {
      problems.push(...problemsFrom(err, p.row, 'nip'));
      org.refresh();
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { problems, summary };
}

function applyRow(ctx: AuthedContext, org: OrgIndex, p: ParsedRow, day: string, summary: ImportSummary): void {
  const core = ctx.core;
  const officeId = ctx.actor.officeId;
  const owner = nipOwner(core, p.values.nip);
  if (owner && owner.office_id !== officeId) throw new RowFailed([{ row: p.row, column: header('nip'), reason: nipTakenMessage(owner, officeId) }]);

  // Resolve the position before writing anything, so a wrong unit or position fails the row cleanly.
  let position: PositionsTable | null = null;
  let newPosition: { unitId: string; name: string; type: PositionType; level: PositionLevel | null } | null = null;
  if (p.position) {
    let unitId: string | null | undefined;
    if (p.unit) {
      const found = org.findUnit(p.unit);
      if (!found.unit) throw new RowFailed([{ row: p.row, column: header('unit'), reason: found.reason! }]);
      unitId = found.unit.id;
    }
    const matches = org.findPositions(p.position, unitId);
    if (matches.length === 1) position = matches[0]!;
    else if (matches.length > 1) {
      throw new RowFailed([{ row: p.row, column: header('unit'), reason: `Jabatan "${p.position}" ada di beberapa unit kerja; isi Unit Kerja.` }]);
    } else if (!unitId) {
      throw new RowFailed([{ row: p.row, column: header('position'), reason: `Jabatan "${p.position}" tidak ditemukan. Isi Unit Kerja dan Jenis Jabatan agar dibuat otomatis, atau buat dulu di menu Jabatan.` }]);
    } else if (!p.positionType) {
      throw new RowFailed([
        { row: p.row, column: header('position'), reason: `Jabatan "${p.position}" tidak ada di ${org.unitName(unitId)}. Isi Jenis Jabatan agar dibuat otomatis, atau buat dulu di menu Jabatan.` },
      ]);
    } else if (isManagerial(p.positionType)) {
      throw new RowFailed([
        { row: p.row, column: header('position'), reason: `Jabatan pimpinan "${p.position}" tidak ada di ${org.unitName(unitId)}. Jabatan pimpinan dibuat di menu Jabatan agar atasannya benar.` },
      ]);
    } else {
      const level = p.positionLevel;
      const allowed = p.positionType === 'fungsional_keahlian' || p.positionType === 'fungsional_keterampilan';
      if (allowed && !level) throw new RowFailed([{ row: p.row, column: header('positionLevel'), reason: 'Isi Jenjang Jabatan untuk jabatan fungsional.' }]);
      newPosition = { unitId, name: p.position, type: p.positionType, level: allowed ? level : null };
    }
  }

  let employee: EmployeeRow;
  let changed = false;
  if (!owner) {
    employee = createEmployee(ctx, p.values);
    summary.create++;
  } else {
    const row = core.q.prepare('SELECT * FROM employees WHERE id = ?').get(owner.id) as EmployeeRow;
    const patch: Partial<EmployeeValues> = {};
    for (const key of p.stated) {
      const v = p.values[key];
      if (row[key] !== v) (patch as Record<string, unknown>)[key] = v;
    }
    // Sex and birth date are stated only to be checked against the NIP; they are derived anyway.
    if (Object.keys(patch).length > 0) {
      employee = updateEmployee(ctx, row, patch, undefined).employee;
      changed = true;
      summary.update++;
    } else employee = row;
  }

  let assigned = false;
  if (newPosition) {
    const lead = org.leaderOf(newPosition.unitId);
    position = ctx.write.insert('positions', {
      unit_id: newPosition.unitId,
      name: newPosition.name,
      type: newPosition.type,
      level: newPosition.level,
      reports_to_position_id: lead?.id ?? null,
    });
    summary.newPositions.push(
      `${newPosition.name} (${positionTypeLabel(newPosition.type, newPosition.level)}) di ${org.unitName(newPosition.unitId)}${lead ? `, melapor ke ${lead.name}` : ', belum memiliki jabatan atasan'}`,
    );
    org.refresh();
  }
  if (position) {
    const start = p.positionStart ?? day;
    const current = core.q
      .prepare(
        `SELECT * FROM assignments WHERE employee_id = ? AND kind = 'definitif' AND deleted_at IS NULL
         AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date DESC LIMIT 1`,
      )
      .get(employee.id, start) as AssignmentsTable | undefined;
    if (current?.position_id !== position.id) {
      const req = {
        employeeId: owner ? employee.id : null,
        employeeName: employee.name,
        position,
        kind: 'definitif' as const,
        startDate: start,
        endDate: null,
        endPrevious: true,
      };
      try {
        const { endPrevious } = checkAssignment(core, req);
        insertAssignment(ctx, employee.id, req, null, endPrevious);
      } catch (err) {
        throw new RowFailed(problemsFrom(err, p.row, 'position'));
      }
      assigned = true;
      summary.assign++;
    }
  }
  if (owner && !changed && !assigned) summary.unchanged++;
}
