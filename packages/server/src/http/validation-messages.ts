import { z } from 'zod';

/** What zod's issue objects carry that these messages read. */
interface Issue {
  code?: string;
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  format?: string;
}

export const MISSING_VI = 'thiếu giá trị bắt buộc.';
const TYPE_VI: Record<string, string> = { string: 'văn bản', number: 'số', int: 'số nguyên', boolean: 'đúng/sai', array: 'danh sách', object: 'đối tượng', date: 'ngày' };
const TYPE_EN: Record<string, string> = { string: 'text', number: 'a number', int: 'an integer', boolean: 'true/false', array: 'a list', object: 'an object', date: 'a date' };

/**
 * Messages an official can act on ("thiếu giá trị bắt buộc", "tối đa 120 ký tự") instead of the
 * library's mix of Vietnamese and type names ("mong đợi string, nhận được undefined").
 */
export function validationMessage(issue: Issue, lang: 'vi' | 'en'): string | undefined {
  const vi = lang === 'vi';
  const n = (x: number | bigint | undefined) => String(x);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && vi) return MISSING_VI;
      return vi ? `phải là ${TYPE_VI[issue.expected ?? ''] ?? issue.expected}.` : `must be ${TYPE_EN[issue.expected ?? ''] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') {
        if (Number(issue.minimum) <= 1) return vi ? 'không được để trống.' : 'must not be empty.';
        return vi ? `cần ít nhất ${n(issue.minimum)} ký tự.` : `needs at least ${n(issue.minimum)} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return vi ? `cần ít nhất ${n(issue.minimum)} mục.` : `needs at least ${n(issue.minimum)} item(s).`;
      return vi ? `phải ${issue.inclusive ? '≥' : '>'} ${n(issue.minimum)}.` : `must be ${issue.inclusive ? '≥' : '>'} ${n(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return vi ? `tối đa ${n(issue.maximum)} ký tự.` : `at most ${n(issue.maximum)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return vi ? `tối đa ${n(issue.maximum)} mục.` : `at most ${n(issue.maximum)} item(s).`;
      return vi ? `phải ${issue.inclusive ? '≤' : '<'} ${n(issue.maximum)}.` : `must be ${issue.inclusive ? '≤' : '<'} ${n(issue.maximum)}.`;
    case 'invalid_value': {
      const list = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return vi ? `phải là một trong: ${list}.` : `must be one of: ${list}.`;
    }
    case 'invalid_format':
      return vi ? 'sai định dạng.' : 'has the wrong format.';
    case 'unrecognized_keys':
      return undefined;
    default:
      return undefined;
  }
}

const viLocale = z.locales.vi();

/** Installed once for the process: Vietnamese first, the library's own wording where none of ours fits. */
export function installValidationMessages(): void {
  z.config({
    localeError: (issue) => validationMessage(issue as Issue, 'vi') ?? (viLocale.localeError as (i: unknown) => string | { message: string } | undefined)(issue),
  });
}
