import { z } from 'zod';
import { isIsoDate } from '@pcd/core';

/**
 * A calendar date as the API takes it. The shape alone would let 30/02 or month 13 in: stored as is,
 * compared as text and rolled into March by date arithmetic.
 */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine(isIsoDate, 'Ngày không có thật (ngày hoặc tháng sai)');
