import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB } from './schema.generated';

/**
 * The typed schema. Every table type is generated from the migrated schema into
 * `schema.generated.ts` (`npm run db:types`); nothing here lists a column by hand, so a migration
 * that renames or drops a column breaks the build wherever the old name is still used.
 */
export type { DB } from './schema.generated';
export type TableName = keyof DB;

/** A row as a SELECT returns it. */
export type Row<T extends TableName> = Selectable<DB[T]>;
/** What an INSERT accepts (columns SQLite fills or that may be NULL are optional). */
export type Insert<T extends TableName> = Insertable<DB[T]>;
/** What an UPDATE may set. */
export type Update<T extends TableName> = Updateable<DB[T]>;

/** Columns shared by every replicated table (migration 0001's `replicatedColumns`). */
export type Replicated = Pick<Row<'offices'>, 'id' | 'office_id' | 'created_at' | 'updated_at' | 'hlc' | 'version' | 'deleted_at'>;

// Row names the capabilities have always used, derived from the generated tables.
export type OfficesTable = Row<'offices'>;
export type EmployeesTable = Row<'employees'>;
export type UnitsTable = Row<'units'>;
export type PositionsTable = Row<'positions'>;
export type AssignmentsTable = Row<'assignments'>;
export type AppraisalOverridesTable = Row<'appraisal_overrides'>;
export type UsersTable = Row<'users'>;
export type SessionsTable = Row<'sessions'>;
export type ChangeLogTable = Row<'change_log'>;
export type AuditLogTable = Row<'audit_log'>;
export type MetaTable = Row<'meta'>;
export type SchemaMigrationsTable = Row<'schema_migrations'>;
export type PerformanceYearsTable = Row<'performance_years'>;
export type SkpsTable = Row<'skps'>;
export type SkpRhkTable = Row<'skp_rhk'>;
export type SkpIndicatorsTable = Row<'skp_indicators'>;
export type SkpExpectationsTable = Row<'skp_expectations'>;
export type SkpAnnexTable = Row<'skp_annex'>;
export type SkpVersionsTable = Row<'skp_versions'>;
export type SkpEventsTable = Row<'skp_events'>;
export type DialoguesTable = Row<'dialogues'>;
export type DialogueActionsTable = Row<'dialogue_actions'>;
export type PeriodReportsTable = Row<'period_reports'>;
export type RealisasiTable = Row<'realisasi'>;
export type EvidenceTable = Row<'evidence'>;
export type FeedbackTable = Row<'feedback'>;
export type FeedbackReadsTable = Row<'feedback_reads'>;
export type EvaluationsTable = Row<'evaluations'>;
export type EvaluationRhkTable = Row<'evaluation_rhk'>;
export type OrgRatingsTable = Row<'org_ratings'>;
export type AppealsTable = Row<'appeals'>;
