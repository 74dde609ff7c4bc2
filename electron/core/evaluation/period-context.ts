import { notFound, ruleViolation } from '../../../shared/errors';
import { findPeriod, type Period } from '../../../shared/evaluation/periods';
import type { Core } from '../core';
import type { PerformanceYearsTable, SkpsTable } from '../db/schema';
import { yearById } from '../skp/queries';
import { loadSkp } from '../skp/service';

export interface SkpPeriod {
  skp: SkpsTable;
  year: PerformanceYearsTable;
  period: Period;
}

/**
 * An SKP and one of its year's periods, checked: the period exists for the year's cadence and
 * overlaps the SKP's own period (after a transfer, the old SKP ends mid-year).
 */
export function skpPeriod(core: Core, skpId: string, code: string): SkpPeriod {
  const skp = loadSkp(core, skpId);
  const year = yearById(core, skp.year_id);
  if (!year) throw notFound('Tahun Penilaian');
  const period = findPeriod(year.year, year.cadence, code);
  if (!period) {
    throw ruleViolation(
      year.cadence === 'bulanan'
        ? `Tahun Penilaian ${year.year} memakai periode bulanan: pilih 1-12 atau "tahunan".`
        : `Tahun Penilaian ${year.year} memakai periode triwulanan: pilih Q1-Q4 atau "tahunan".`,
    );
  }
  if (period.end < skp.period_start || period.start > skp.period_end) {
    throw ruleViolation(`Periode ${period.label} berada di luar masa SKP ini (${skp.period_start} sampai ${skp.period_end}).`);
  }
  return { skp, year, period };
}

export function requireApprovedPlan(skp: SkpsTable): void {
  if (skp.approved_version === 0) {
    throw ruleViolation('SKP ini belum pernah disetujui. Realisasi, umpan balik dan penilaian dimulai setelah SKP disetujui Pejabat Penilai.');
  }
}
