/**
 * Names with academic and religious titles: "Dr. H. Teuku Ahmad, S.Pd., M.Pd." is stored as front
 * titles "Dr. H.", name "Teuku Ahmad", back titles "S.Pd., M.Pd." so lists can sort and search by
 * the name itself while documents print the full form.
 */
export function formatFullName(frontTitle: string | null | undefined, name: string, backTitle: string | null | undefined): string {
  const front = frontTitle?.trim();
  const back = backTitle?.trim();
  return `${front ? front + ' ' : ''}${name.trim()}${back ? ', ' + back : ''}`;
}

/**
 * Front titles used in Indonesia. "T." (Teuku) and "Tgk." (Teungku) are Acehnese parts of the name,
 * not titles, so they are deliberately absent.
 */
const frontTitles = ['prof.', 'dr.', 'drs.', 'dra.', 'ir.', 'h.', 'hj.', 'drg.', 'apt.', 'ns.'];

/** Splits a full name typed in one cell into front titles, name and back titles. */
export function splitTitles(full: string): { frontTitle: string | null; name: string; backTitle: string | null } {
  const s = full.trim().replace(/\s+/g, ' ');
  const comma = s.indexOf(',');
  const head = comma >= 0 ? s.slice(0, comma).trim() : s;
  const back = comma >= 0 ? s.slice(comma + 1).trim().replace(/^,+|,+$/g, '').trim() : '';
  const words = head.split(' ');
  const front: string[] = [];
  while (words.length > 1 && frontTitles.includes(words[0]!.toLowerCase())) front.push(words.shift()!);
  return { frontTitle: front.length ? front.join(' ') : null, name: words.join(' '), backTitle: back || null };
}
