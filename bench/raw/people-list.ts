import type Database from 'better-sqlite3';
import { actingPrefix, type AssignmentKind } from '../../shared/org/jabatan';
import { findGolongan } from '../../shared/people/golongan';
import { formatFullName } from '../../shared/people/names';

/**
 * people.list (a name search inside a unit and its sub-units, sorted by name, one page) by hand:
 * one statement finds the matching people, counts them (a window count) and pages them, starting
 * from the unit's positions rather than from every employee; a second one reads the page's
 * positions and acting posts. The formatting helpers are the shared ones.
 */
export function rawPeopleList(db: Database.Database) {
  const page = db.prepare(
    `WITH RECURSIVE sub(id) AS (
       SELECT ? UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id WHERE u.office_id = ? AND u.deleted_at IS NULL),
     held(id) AS (
       SELECT DISTINCT a.employee_id FROM sub CROSS JOIN positions p ON p.unit_id = sub.id CROSS JOIN assignments a ON a.position_id = p.id
       WHERE a.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?))
     SELECT e.id, COUNT(*) OVER () AS total
     FROM held CROSS JOIN employees e ON e.id = held.id
     WHERE e.office_id = ? AND e.deleted_at IS NULL
       AND (e.name LIKE ? ESCAPE '\\' OR e.front_title LIKE ? ESCAPE '\\' OR e.back_title LIKE ? ESCAPE '\\')
     ORDER BY e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?`,
  );
  const details = db.prepare(
    `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.kind, e.sex, e.golongan, e.status, e.version,
            a.kind AS assignment_kind, p.id AS position_id, p.name AS position_name, p.type AS position_type, u.id AS unit_id, u.name AS unit_name,
            (SELECT json_group_array(x.kind || char(31) || x.name) FROM (
               SELECT a3.kind, p3.name FROM assignments a3 JOIN positions p3 ON p3.id = a3.position_id
               WHERE a3.employee_id = e.id AND a3.kind != 'definitif' AND a3.deleted_at IS NULL AND a3.start_date <= ? AND (a3.end_date IS NULL OR a3.end_date >= ?)) x) AS acting
     FROM json_each(?) j JOIN employees e ON e.id = j.value
     LEFT JOIN assignments a ON a.id = (
       SELECT a2.id FROM assignments a2 WHERE a2.employee_id = e.id AND a2.deleted_at IS NULL AND a2.start_date <= ? AND (a2.end_date IS NULL OR a2.end_date >= ?)
       ORDER BY a2.kind = 'definitif' DESC, a2.start_date DESC LIMIT 1)
     LEFT JOIN positions p ON p.id = a.position_id
     LEFT JOIN units u ON u.id = p.unit_id
     ORDER BY j.key`,
  );
  return (officeId: string, date: string, f: { q: string; unitId: string; offset: number; limit: number }) => {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const ids = page.all(f.unitId, officeId, date, date, officeId, like, like, like, f.limit, f.offset) as { id: string; total: number }[];
    const rows = details.all(date, date, JSON.stringify(ids.map((r) => r.id)), date, date) as {
      id: string;
      nip: string;
      name: string;
      front_title: string | null;
      back_title: string | null;
      kind: 'PNS' | 'PPPK';
      sex: 'L' | 'P' | null;
      golongan: string | null;
      status: string;
      version: number;
      assignment_kind: AssignmentKind | null;
      position_id: string | null;
      position_name: string | null;
      position_type: string | null;
      unit_id: string | null;
      unit_name: string | null;
      acting: string;
    }[];
    return {
      total: ids[0]?.total ?? 0,
      offset: f.offset,
      limit: f.limit,
      date,
      items: rows.map((r) => {
        const shown = r.assignment_kind && r.assignment_kind !== 'definitif' && r.position_name ? actingPrefix(r.assignment_kind) + r.position_name : null;
        const acting = (JSON.parse(r.acting) as string[]).map((x) => {
          const [kind, name] = x.split('\u001f') as [AssignmentKind, string];
          return actingPrefix(kind) + name;
        });
        return {
          id: r.id,
          nip: r.nip,
          name: r.name,
          fullName: formatFullName(r.front_title, r.name, r.back_title),
          kind: r.kind,
          sex: r.sex,
          golongan: r.golongan,
          pangkat: findGolongan(r.golongan)?.pangkat ?? null,
          status: r.status,
          positionId: r.position_id,
          positionName: r.position_name ? actingPrefix(r.assignment_kind ?? 'definitif') + r.position_name : null,
          positionType: r.position_type,
          unitId: r.unit_id,
          unitName: r.unit_name,
          acting: acting.filter((a) => a !== shown),
          version: r.version,
        };
      }),
    };
  };
}
