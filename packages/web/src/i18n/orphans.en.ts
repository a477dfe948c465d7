import type { orphansVi } from './orphans.vi';

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** English of orphans.vi.ts, same shape; spread into en.ts. */
export const orphansEn: Dictionary<typeof orphansVi> = {
  orphans: {
    title: 'COVID-19 deaths and orphaned children',
    relations: { parent: 'Parent', caregiver: 'Caregiver' },
    supportStatuses: { none: 'Not supported', proposed: 'Support proposed', receiving: 'Receiving support' },
    stats: {
      title: 'Figures by unit — {{unit}}',
      titlePlain: 'Figures by unit',
      unit: 'Unit',
      from: 'Died from',
      to: 'Died until',
      unitColumn: 'Unit',
      deaths: 'Deaths',
      orphans: 'Orphaned children',
      supportNone: 'Not supported',
      supportProposed: 'Proposed',
      supportReceiving: 'Receiving support',
    },
    deaths: {
      title: 'Deaths (cases recorded as died)',
      empty: 'No death recorded.',
      case: 'Case',
      birthYear: 'Born',
      unit: 'Managed by',
      deathDate: 'Date of death',
      deathPlace: 'Place',
      deathCause: 'Cause',
      addOrphan: 'Add an orphaned child',
    },
    form: {
      title: 'Child orphaned by the death of {{name}} on {{date}}',
      child: 'Child (under 16 on the day of death)',
      childHint: 'The child must be in the resident registry; add them under Residents first.',
      childPlaceholder: 'Search by name, ID number or phone',
      relation: 'The deceased was the child’s',
      supportStatus: 'Support status',
      supportNotes: 'Support notes',
      created: 'Child {{name}} recorded.',
    },
    children: {
      title: 'Children orphaned by COVID-19',
      empty: 'No child recorded yet.',
      filter: 'Filter by support status',
      child: 'Child',
      birth: 'Born',
      age: 'Age at the death',
      unit: 'Unit',
      parent: 'Deceased',
      died: 'died {{date}}',
      support: 'Support status',
      notes: 'Support notes',
      editNotes: 'Edit notes',
      saved: 'Support of {{name}} updated.',
      stale: 'Someone else has just changed this record; it was reloaded, check it and try again.',
    },
  },
};
