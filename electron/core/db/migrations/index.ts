import { foundation } from './0001_foundation';
import { people } from './0002_people';
import { skp } from './0003_skp';
import { evaluation } from './0004_evaluation';
import { performanceIndexes } from './0005_performance_indexes';
import { evaluationPlanVersion } from './0006_evaluation_plan_version';
import { accounts } from './0007_accounts';
import { sync } from './0008_sync';
import { auditRows } from './0009_audit_rows';
import type { Migration } from './types';

/** In order. Never edit a released migration: add the next one. */
export const migrations: Migration[] = [foundation, people, skp, evaluation, performanceIndexes, evaluationPlanVersion, accounts, sync, auditRows];

export const latestSchemaVersion = (): number => migrations.reduce((max, m) => Math.max(max, m.version), 0);
