import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_PURPOSE_LABELS, PLACE_TYPE_LABELS, POOLING_RULES, campaignCoverage, checkCampaign, checkPool, checkPoolSetting, checkResultTime,
  detectedInFor, hoursFromMs, median, positivityRate, turnaroundHours, type CampaignFacts,
} from './testing.js';

describe('campaign purposes and places', () => {
  it.each([['market', 'Chợ'], ['supermarket', 'Siêu thị'], ['school', 'Trường học'], ['firm', 'Doanh nghiệp'], ['boarding_house', 'Nhà trọ'], ['checkpoint', 'Chốt kiểm soát']] as const)('%s is %s', (k, label) => {
    expect(PLACE_TYPE_LABELS[k]).toBe(label);
  });
  it.each([['lockdown_round', 'lockdown'], ['contacts', 'quarantine'], ['screening', 'community'], ['symptomatic', 'community'], ['other', 'community']] as const)('an F0 found by %s is detected in %s', (purpose, setting) => {
    expect(detectedInFor(purpose)).toBe(setting);
    expect(CAMPAIGN_PURPOSE_LABELS[purpose]).toMatch(/\p{L}/u);
  });
});

describe('pooling', () => {
  it('defaults to pools of 5', () => expect(POOLING_RULES.defaultPoolSize).toBe(5));
  it.each([[1, ['poolSize']], [2, []], [5, []], [10, []], [11, ['poolSize']], [4.5, ['poolSize']]])('pool size setting %d', (size, fields) => {
    expect(checkPoolSetting(size).map((p) => p.field)).toEqual(fields);
  });
  it.each([
    ['rt_pcr', 5, 5, []], ['rt_pcr', 2, 5, []], ['rt_pcr', 1, 5, ['pooled']], ['rt_pcr', 6, 5, ['pooled']], ['rt_pcr', 10, 10, []],
    ['rapid_antigen', 5, 5, ['type']],
  ] as const)('%s pool of %d with pool size %d', (type, members, size, fields) => {
    expect(checkPool(type, members, size).map((p) => p.field)).toEqual(fields);
  });
});

describe('campaigns', () => {
  const base: CampaignFacts = { purpose: 'screening', placeType: 'market', fromDate: '2021-11-20', toDate: '2021-11-25', targetCount: 300, poolSize: 5 };
  it.each([
    ['a market screening', {}, []],
    ['screening without a place', { placeType: null }, ['placeType']],
    ['a lockdown round needs no place', { purpose: 'lockdown_round', placeType: null }, []],
    ['end before start', { toDate: '2021-11-19' }, ['toDate']],
    ['not a date', { fromDate: '2021-02-30' }, ['fromDate']],
    ['count and list', { targetPersonIds: [1, 2] }, ['targetCount']],
    ['pool of 12', { poolSize: 12 }, ['poolSize']],
  ] as const)('%s', (_l, change, fields) => {
    expect(checkCampaign({ ...base, ...change } as CampaignFacts).map((p) => p.field)).toEqual(fields);
  });
});

describe('results and figures', () => {
  const now = new Date('2021-11-21T12:00:00Z');
  it.each([
    ['2021-11-20T01:00:00Z', '2021-11-20T09:30:00Z', []],
    ['2021-11-20T01:00:00Z', '2021-11-19T23:00:00Z', ['resultAt']],
    ['2021-11-20T01:00:00Z', '2021-11-22T01:00:00Z', ['resultAt']],
    ['2021-11-20T01:00:00Z', 'not a time', ['resultAt']],
  ])('collected %s, result %s', (c, r, fields) => {
    expect(checkResultTime(c, r, now).map((p) => p.field)).toEqual(fields);
  });
  it.each([
    ['2021-11-20T01:00:00Z', '2021-11-20T09:30:00Z', 8.5],
    ['2021-11-20T01:00:00Z', '2021-11-21T01:00:00Z', 24],
    ['2021-11-20T08:00:00+07:00', '2021-11-20T02:20:00Z', 1.3],
    ['2021-11-20T01:00:00Z', null, null],
  ])('turnaround %s → %s', (c, r, h) => expect(turnaroundHours(c, r)).toBe(h));
  it.each([[4_500_000, 1.3], [30_600_000, 8.5], [0, 0], [-1, null], [null, null], [Number.NaN, null]])('%s ms → %s hours', (ms, h) => expect(hoursFromMs(ms)).toBe(h));
  it.each([[[], null], [[5], 5], [[8, 2, 4], 4], [[1, 2, 3, 10], 2.5], [[24, 6.5], 15.3]])('median of %o', (v, m) => expect(median(v)).toBe(m));
  it.each([[0, 0, null], [1, 10, 10], [2, 3, 66.7], [0, 50, 0]])('%d positives of %d tested', (p, t, rate) => expect(positivityRate(p, t)).toBe(rate));
  it.each([
    [300, 150, { target: 300, tested: 150, sharePct: 50, gap: 150 }],
    [100, 120, { target: 100, tested: 120, sharePct: 100, gap: 0 }],
    [3, 1, { target: 3, tested: 1, sharePct: 33.3, gap: 2 }],
    [null, 40, { target: null, tested: 40, sharePct: null, gap: null }],
  ])('target %s, tested %d', (target, tested, cov) => expect(campaignCoverage(target, tested)).toEqual(cov));
});
