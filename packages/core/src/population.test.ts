import { describe, expect, it } from 'vitest';
import { addPopulations, adults, ageBandOf, AGE_BANDS, emptyByAge, sumByAge, type Population, type PopulationByAge } from './population.js';

const by = (a: number, b: number, c: number, d: number, e: number): PopulationByAge => ({ '0-11': a, '12-17': b, '18-49': c, '50-64': d, '65+': e });
const pop = (byAge: PopulationByAge): Population => ({ total: sumByAge(byAge), byAge });

describe('ageBandOf', () => {
  it.each([
    [0, '0-11'],
    [11, '0-11'],
    [12, '12-17'],
    [17, '12-17'],
    [18, '18-49'],
    [49, '18-49'],
    [50, '50-64'],
    [64, '50-64'],
    [65, '65+'],
    [104, '65+'],
  ] as const)('age %i → %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it('places every age from 0 to 120 in one of the five bands, in order', () => {
    const bands = Array.from({ length: 121 }, (_, age) => AGE_BANDS.indexOf(ageBandOf(age)));
    expect(bands.every((i) => i >= 0)).toBe(true);
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
  });
});

describe('population sums', () => {
  it('starts from an empty population', () => {
    expect(emptyByAge()).toEqual(by(0, 0, 0, 0, 0));
    expect(addPopulations([])).toEqual({ total: 0, byAge: by(0, 0, 0, 0, 0) });
  });

  it('sums the bands of one population', () => {
    expect(sumByAge(by(120, 60, 310, 90, 45))).toBe(625);
  });

  it('adds populations band by band and total by total', () => {
    const a = pop(by(120, 60, 310, 90, 45));
    const b = pop(by(1, 2, 3, 4, 5));
    expect(addPopulations([a, b])).toEqual({ total: 640, byAge: by(121, 62, 313, 94, 50) });
  });

  it('does not change the populations it adds', () => {
    const a = pop(by(1, 1, 1, 1, 1));
    addPopulations([a, a]);
    expect(a).toEqual({ total: 5, byAge: by(1, 1, 1, 1, 1) });
  });

  it('counts adults as 18 and over', () => {
    expect(adults(by(120, 60, 310, 90, 45))).toBe(445);
    expect(adults(by(7, 3, 0, 0, 0))).toBe(0);
  });
});
