/** Age bands used for vaccination targets (12–17 and 18+ split by the 50 and 65 thresholds). */
export const AGE_BANDS = ['0-11', '12-17', '18-49', '50-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type PopulationByAge = Record<AgeBand, number>;

export interface Population {
  total: number;
  byAge: PopulationByAge;
}

export function emptyByAge(): PopulationByAge {
  return { '0-11': 0, '12-17': 0, '18-49': 0, '50-64': 0, '65+': 0 };
}

export function sumByAge(byAge: PopulationByAge): number {
  return AGE_BANDS.reduce((s, b) => s + byAge[b], 0);
}

export function addPopulations(items: Population[]): Population {
  const byAge = emptyByAge();
  let total = 0;
  for (const p of items) {
    total += p.total;
    for (const b of AGE_BANDS) byAge[b] += p.byAge[b];
  }
  return { total, byAge };
}

/** The band a person of a given age falls in. */
export function ageBandOf(age: number): AgeBand {
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 50) return '18-49';
  if (age < 65) return '50-64';
  return '65+';
}

/** Adults (18+), the denominator of first-dose coverage. */
export function adults(byAge: PopulationByAge): number {
  return byAge['18-49'] + byAge['50-64'] + byAge['65+'];
}
