import { sql } from 'kysely';
import type { Core } from '../core';
import type { FeedbackTable } from '../db/schema';

/** When the reader last opened the SKP's thread ('' when never). */
export function lastReadAt(core: Core, skpId: string, readerEmployeeId: string): string {
  return readMark(core, skpId, readerEmployeeId)?.read_at ?? '';
}

export function readMark(core: Core, skpId: string, readerEmployeeId: string): { id: string; read_at: string } | undefined {
  return core.q.first(
    core.db
      .selectFrom('feedback_reads')
      .select(['id', 'read_at'])
      .where('skp_id', '=', skpId)
      .where('reader_employee_id', '=', readerEmployeeId)
      .where('deleted_at', 'is', null),
  );
}

/** The thread of an SKP, oldest first; one period's messages when a period is given. */
export function threadOf(core: Core, skpId: string, period: string | undefined): FeedbackTable[] {
  let q = core.db.selectFrom('feedback').selectAll().where('skp_id', '=', skpId).where('deleted_at', 'is', null);
  if (period !== undefined) q = q.where('period', '=', period);
  return core.q.all(q.orderBy('created_at').orderBy('id'));
}

export function rhkOnSkp(core: Core, rhkId: string, skpId: string): boolean {
  return core.q.first(core.db.selectFrom('skp_rhk').select('id').where('id', '=', rhkId).where('skp_id', '=', skpId).where('deleted_at', 'is', null)) !== undefined;
}

/** Unread = written by someone else on an SKP I own or appraise, after I last read that SKP's thread. */
export function unreadBySkp(core: Core, me: string): { skp_id: string; employee_name: string; n: number }[] {
  return core.q.all(
    sql<{ skp_id: string; employee_name: string; n: number }>`
      SELECT s.id AS skp_id, s.employee_name, COUNT(f.id) AS n
      FROM skps s
      JOIN feedback f ON f.skp_id = s.id AND f.deleted_at IS NULL AND f.author_employee_id <> ${me}
      LEFT JOIN feedback_reads r ON r.skp_id = s.id AND r.reader_employee_id = ${me} AND r.deleted_at IS NULL
      WHERE (s.employee_id = ${me} OR s.appraiser_employee_id = ${me}) AND s.deleted_at IS NULL
        AND f.created_at > COALESCE(r.read_at, '')
      GROUP BY s.id ORDER BY MAX(f.created_at) DESC`,
  );
}
