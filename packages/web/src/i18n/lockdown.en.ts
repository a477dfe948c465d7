import type { lockdownVi } from './lockdown.vi';

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** English of lockdown.vi.ts, same shape; spread into en.ts. */
export const lockdownEn: Dictionary<typeof lockdownVi> = {
  lockdown: {
    title: 'Lockdown zones',
    create: 'Declare a lockdown zone',
    empty: 'No lockdown zone.',
    filter: { active: 'In lockdown', all: 'All' },
    columns: { name: 'Zone, reason', unit: 'Unit', places: 'Covers', period: 'Period', status: 'Status', lastRound: 'Latest testing round' },
    statuses: { active: 'In lockdown', lifted: 'Lifted' },
    households: '{{count}} households',
    since: 'Since {{date}}',
    noRound: 'No testing round yet',
    lift: 'Lift the lockdown',
    liftConfirm: 'Lift this lockdown as of today?',
    lifted: 'Lockdown “{{name}}” lifted.',
    stale: 'Someone else has just changed this zone; it was reloaded, check it and try again.',
    form: {
      name: 'Zone name',
      namePlaceholder: 'e.g. Block 3, Liên Hương market',
      unit: 'Commune or village declaring the lockdown',
      unitHint: 'Villages and households are chosen inside this unit.',
      needsUnit: 'Choose the unit first',
      villages: 'Villages in lockdown',
      villagesPlaceholder: 'Choose one or more villages',
      households: 'Households in lockdown',
      householdsPlaceholder: 'Search by household code, head, address',
      addresses: 'Address list',
      addressesHint: 'Streets, rows of houses, a market… that villages or households do not cover; one address per line.',
      startDate: 'From',
      endDate: 'Until (blank if not set yet)',
      reason: 'Reason',
      created: 'Lockdown zone “{{name}}” declared.',
    },
    rounds: {
      title: 'Testing rounds (target {{pct}}% of residents)',
      add: 'Record a testing round',
      addTitle: 'Testing round {{no}} — {{name}}',
      no: 'Round',
      date: 'Date',
      residents: 'Residents in the zone',
      tested: 'Tested',
      positives: 'Positive',
      share: 'Share tested',
      note: 'Note',
      target: 'Target {{pct}}%',
      added: 'Round {{no}} recorded: {{pct}}% of residents tested.',
    },
  },
};
