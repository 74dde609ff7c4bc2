import { sql } from 'kysely';
import type { Core } from '../core';
import type { DialogueActionsTable, DialoguesTable } from '../db/schema';

/** A live dialogue (undefined when it does not exist or was removed). */
export function dialogueById(core: Core, id: string): DialoguesTable | undefined {
  return core.q.first(core.db.selectFrom('dialogues').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
}

/** The dialogues about one SKP, of one employee, or that one appraiser holds; newest first. */
export type DialogueScope = { skpId: string } | { employeeId: string } | { appraiserId: string };

export function dialoguesIn(core: Core, scope: DialogueScope): DialoguesTable[] {
  let q = core.db.selectFrom('dialogues').selectAll().where('deleted_at', 'is', null);
  if ('skpId' in scope) q = q.where('skp_id', '=', scope.skpId);
  else if ('employeeId' in scope) q = q.where('employee_id', '=', scope.employeeId);
  else q = q.where('appraiser_employee_id', '=', scope.appraiserId);
  return core.q.all(q.orderBy('created_at', 'desc'));
}

/** The follow-up actions agreed in a dialogue, in the order written. */
export function actionsOf(core: Core, dialogueId: string): DialogueActionsTable[] {
  return core.q.all(core.db.selectFrom('dialogue_actions').selectAll().where('dialogue_id', '=', dialogueId).where('deleted_at', 'is', null).orderBy('order_no'));
}

export function actionById(core: Core, id: string): DialogueActionsTable | undefined {
  return core.q.first(core.db.selectFrom('dialogue_actions').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
}

/** An employee's name with titles, as the minutes print it (null for no one). */
export function titledName(core: Core, employeeId: string | null): string | null {
  if (!employeeId) return null;
  const r = core.q.first(sql<{ n: string }>`SELECT TRIM(COALESCE(front_title || ' ', '') || name || COALESCE(', ' || back_title, '')) AS n FROM employees WHERE id = ${employeeId}`);
  return r?.n ?? null;
}

/** The performance year of an SKP (number and first and last day), undefined when there is none. */
export function skpYear(core: Core, skpId: string): { year: number; start_date: string; end_date: string } | undefined {
  return core.q.first(
    core.db
      .selectFrom('skps as s')
      .innerJoin('performance_years as y', 'y.id', 's.year_id')
      .select(['y.year', 'y.start_date', 'y.end_date'])
      .where('s.id', '=', skpId),
  );
}
