/**
 * Names, titles and NIPs for demo and synthetic data: Acehnese and other Indonesian names as they
 * appear in a Langsa office (Teuku/Cut are Acehnese name parts, not titles). Deterministic: the
 * same seed gives the same office, so demos and benchmarks are repeatable.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export const maleFirst = [
  'Muhammad', 'Teuku', 'Ahmad', 'Zulkifli', 'Rahmat', 'Safrizal', 'Syahrul', 'Irwansyah', 'Hasanuddin', 'Mukhlis',
  'Darmawan', 'Yusrizal', 'Husaini', 'Zainal', 'Fadhil', 'Munawar', 'Khairul', 'Rizki', 'Iskandar', 'Fauzan',
  'Azhari', 'Nasruddin', 'Saiful', 'Bukhari', 'Mahdi', 'Ridwan', 'Taufik', 'Junaidi', 'Hendra', 'Marzuki',
  'Sulaiman', 'Ismail', 'Amiruddin', 'Jafar', 'Faisal', 'Razali', 'Abdullah', 'Anwar', 'Firdaus', 'Habibi',
] as const;

export const femaleFirst = [
  'Cut', 'Nurul', 'Fitriani', 'Nurhayati', 'Khairunnisa', 'Maisarah', 'Rosmawati', 'Nurlaila', 'Ainul', 'Mardhiah',
  'Yuliana', 'Rahmawati', 'Siti', 'Safrina', 'Intan', 'Rina', 'Dewi', 'Novita', 'Zahratul', 'Husna',
  'Raihan', 'Fatimah', 'Nadia', 'Suryani', 'Wardah', 'Hayatun', 'Maulidar', 'Zuraida', 'Mutia', 'Sri',
] as const;

export const familyNames = [
  'Abdullah', 'Hasan', 'Ibrahim', 'Yusuf', 'Ismail', 'Rasyid', 'Hamzah', 'Saleh', 'Usman', 'Daud',
  'Harahap', 'Nasution', 'Siregar', 'Lubis', 'Sembiring', 'Saputra', 'Putri', 'Lestari', 'Wahyuni', 'Hidayat',
  'Syahputra', 'Maulana', 'Rahman', 'Fitri', 'Ramadhan', 'Amalia', 'Zulfikar', 'Mahmud', 'Yunus', 'Sufi',
  'Gani', 'Basyah', 'Idris', 'Thaib', 'Muhammad', 'Azmi', 'Syam', 'Rizal', 'Safitri', 'Kesuma',
] as const;

/** Back titles by education; the demo gives them by golongan, as entry grades follow education. */
export const bachelorTitles = ['S.Pd.', 'S.E.', 'S.Kom.', 'S.Sos.', 'S.H.', 'S.Ag.', 'S.Pd.I.', 'S.T.', 'S.I.P.'] as const;
export const masterTitles = ['M.Pd.', 'M.Si.', 'M.M.', 'M.Kom.', 'M.A.P.'] as const;
export const diplomaTitles = ['A.Md.', 'A.Md.Kom.', 'A.Md.Ak.'] as const;

export function personName(random: () => number, sex: 'L' | 'P'): string {
  const first = sex === 'L' ? pick(random, maleFirst) : pick(random, femaleFirst);
  let second = pick(random, familyNames);
  if (second === first) second = pick(random, familyNames);
  // "Teuku"/"Cut" need a given name after them.
  if (first === 'Teuku' || first === 'Cut') return `${first} ${sex === 'L' ? pick(random, maleFirst.slice(2)) : pick(random, femaleFirst.slice(1))} ${second}`;
  return `${first} ${second}`;
}

export function titlesFor(random: () => number, golonganRank: number): { front: string | null; back: string | null } {
  if (golonganRank <= 6) return { front: null, back: null };
  if (golonganRank <= 8) return { front: null, back: pick(random, diplomaTitles) };
  if (golonganRank <= 12) return { front: null, back: random() < 0.25 ? `${pick(random, bachelorTitles)}, ${pick(random, masterTitles)}` : pick(random, bachelorTitles) };
  const front = random() < 0.15 ? 'Drs.' : random() < 0.1 ? 'Dr.' : null;
  return { front, back: front === 'Drs.' ? pick(random, masterTitles) : `${pick(random, bachelorTitles)}, ${pick(random, masterTitles)}` };
}

/**
 * A valid PNS NIP not in `used`: birth date, TMT CPNS 20-35 years later (not after `maxTmtYear`),
 * sex digit, sequence from 001.
 */
export function makeNip(random: () => number, sex: 'L' | 'P', used: Set<string>, birthYearRange: [number, number] = [1966, 1998], maxTmtYear = 2024): string {
  for (;;) {
    const by = birthYearRange[0] + Math.floor(random() * (birthYearRange[1] - birthYearRange[0] + 1));
    const bm = 1 + Math.floor(random() * 12);
    const bd = 1 + Math.floor(random() * 28);
    const ty = Math.min(maxTmtYear, by + 20 + Math.floor(random() * 15));
    const tm = 1 + Math.floor(random() * 12);
    const seq = 1 + Math.floor(random() * 40);
    const nip = `${by}${String(bm).padStart(2, '0')}${String(bd).padStart(2, '0')}${ty}${String(tm).padStart(2, '0')}${sex === 'L' ? 1 : 2}${String(seq).padStart(3, '0')}`;
    if (ty - by >= 18 && !used.has(nip)) {
      used.add(nip);
      return nip;
    }
  }
}
