import { describe, expect, it } from 'vitest';
import { checkArea, loadLevel, occupancyByDay, planQuarantine, type StayRecord } from './quarantine.js';

describe('planQuarantine', () => {
  it.each([
    ['f1', 2, '2021-11-02', '2021-11-08', ['2021-11-02', '2021-11-08']],
    ['f1', 1, '2021-11-02', '2021-11-15', ['2021-11-02', '2021-11-08', '2021-11-15']],
    ['f1', null, '2021-11-02', '2021-11-15', ['2021-11-02', '2021-11-08', '2021-11-15']],
    ['f2', 2, '2021-11-02', '2021-11-08', ['2021-11-02', '2021-11-08']],
    ['arrival', 0, '2021-11-02', '2021-11-08', ['2021-11-02', '2021-11-08']],
    ['f0_released', 2, '2021-11-02', '2021-11-08', []],
    ['other', 2, '2021-11-02', '2021-11-15', ['2021-11-02', '2021-11-08', '2021-11-15']],
  ] as const)('%s with %s doses from %s ends %s', (reason, doses, start, end, tests) => {
    const p = planQuarantine(reason, start, doses);
    expect(p.plannedEnd).toBe(end);
    expect(p.testDates).toEqual(tests);
  });
});

describe('checkArea', () => {
  it.each([
    ['f1', 'f1', []], ['f1', 'f2', ['areaId']], ['f2', 'f1', ['areaId']], ['f2', 'f2', []],
    ['arrival', 'arrival', []], ['arrival', 'f1', ['areaId']], ['other', 'arrival', []], ['f0_released', 'f2', ['areaId']],
  ] as const)('%s in %s area', (reason, area, fields) => {
    expect(checkArea(reason, area).map((p) => p.field)).toEqual(fields);
  });
});

describe('occupancy', () => {
  const stays: StayRecord[] = [
    { areaKind: 'f1', startDate: '2021-11-01', endDate: '2021-11-03' },
    { areaKind: 'f1', startDate: '2021-11-02', endDate: '2021-11-05' },
    { areaKind: 'f2', startDate: '2021-11-02', endDate: '2021-11-02' },
    { areaKind: 'arrival', startDate: '2021-11-03', endDate: '2021-11-10' },
  ];
  it('counts people present each day, by area', () => {
    expect(occupancyByDay(stays, '2021-11-01', '2021-11-04').map((d) => [d.date, d.total, d.byArea.f1, d.byArea.f2, d.byArea.arrival])).toEqual([
      ['2021-11-01', 1, 1, 0, 0], ['2021-11-02', 2, 2, 0, 0], ['2021-11-03', 2, 1, 0, 1], ['2021-11-04', 2, 1, 0, 1],
    ]);
  });
  it.each([
    [7, 10, 80, 70, false, false], [8, 10, 80, 80, true, false], [10, 10, 80, 100, true, true], [0, 0, 80, 0, false, true], [3, 0, 80, 100, true, true],
  ])('%i of %i beds, threshold %i%%', (occupied, beds, threshold, ratio, overloaded, full) => {
    expect(loadLevel(occupied, beds, threshold)).toEqual({ ratioPct: ratio, overloaded, full });
  });
});
