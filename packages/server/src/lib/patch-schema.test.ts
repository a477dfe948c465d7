import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchOf } from './patch-schema.js';
import { zonePatch } from '../lockdown/model.js';
import { casePatch } from '../cases/model.js';
import { checkpointPatch } from '../checkpoints/model.js';
import { teamPatch as mobileTeamPatch, sessionPatch } from '../vaccination/field-model.js';
import { productPatch, dosePatch } from '../vaccination/model.js';
import { teamPatch as careTeamPatch } from '../care/teams.js';
import { clusterPatch } from '../chains/model.js';
import { facilityPatch } from '../quarantine/model.js';
import { personPatch } from '../people/model.js';
import { householdPatch } from '../people/households.js';

describe('patchOf', () => {
  const input = z.object({ name: z.string(), kind: z.enum(['a', 'b']).default('a'), tags: z.array(z.string()).default([]) });

  it('leaves out what the patch leaves out, defaults included', () => {
    expect(patchOf(input).parse({})).toEqual({});
    expect(patchOf(input).parse({ kind: 'b' })).toEqual({ kind: 'b' });
  });

  it('still checks what the patch sends', () => {
    expect(patchOf(input).safeParse({ kind: 'c' }).success).toBe(false);
    expect(patchOf(input).safeParse({ name: 3 }).success).toBe(false);
  });
});

// A patch carrying only its version must change nothing: any other key here would overwrite a field.
const PATCHES = {
  zonePatch, casePatch, checkpointPatch, mobileTeamPatch, sessionPatch, productPatch, dosePatch, careTeamPatch, clusterPatch, facilityPatch, personPatch, householdPatch,
};

describe.each(Object.entries(PATCHES))('%s', (_name, schema) => {
  it('adds no field the patch did not send', () => {
    expect(schema.parse({ version: 3 })).toEqual({ version: 3 });
  });
});
