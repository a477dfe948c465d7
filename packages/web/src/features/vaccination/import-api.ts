import { api, apiUrl } from '../../api/client';
import { useJob } from '../people/api';

export interface DoseRowError {
  row: number;
  field: string;
  message: string;
}

/** What the server's dose import answers once its job is done (first 1 000 errors, with their total). */
export interface DoseImportResult {
  rows: number;
  created: number;
  matched: number;
  dosesAdded: number;
  skipped: number;
  errorCount: number;
  errors: DoseRowError[];
}

export function startDoseImport(input: { file: File; unit?: string }): Promise<{ jobId: string }> {
  const form = new FormData();
  if (input.unit) form.append('unit', input.unit);
  form.append('file', input.file, input.file.name);
  return api.post<{ jobId: string }>('/vaccinations/import', form);
}

export function useDoseImportJob(jobId: string | null) {
  return useJob<DoseImportResult>(jobId);
}

export const doseImportLinks = {
  template: () => apiUrl('/vaccinations/import/template.xlsx'),
};
