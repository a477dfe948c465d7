import { checkIdNumber, checkPhone } from './identity.js';
import { foldVietnamese } from './text.js';

export const RESIDENCE_STATUSES = ['thuong_tru', 'tam_tru', 'tam_vang'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];
export const RESIDENCE_LABELS: Record<ResidenceStatus, string> = { thuong_tru: 'Thường trú', tam_tru: 'Tạm trú', tam_vang: 'Tạm vắng' };

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

export const RISK_FLAGS = ['comorbidity', 'pregnant', 'elderlyAlone'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
export const RISK_FLAG_LABELS: Record<RiskFlag, string> = { comorbidity: 'Có bệnh nền', pregnant: 'Đang mang thai', elderlyAlone: 'Người cao tuổi sống một mình' };

export interface PersonFields {
  fullName: string;
  dateOfBirth?: string | null;
  birthYear?: number | null;
  sex?: Sex | null;
  idNumber?: string | null;
  phone?: string | null;
  residenceStatus?: ResidenceStatus;
  residenceFrom?: string | null;
  residenceTo?: string | null;
  flags?: Partial<Record<RiskFlag, boolean>>;
}

export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

export interface NormalizedPerson {
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  idNumber: string | null;
  phone: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Collapses runs of spaces and capitalises each word, as names are written on papers ("lò thị  hoa" → "Lò Thị Hoa"). */
export function normalizeName(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
}

/**
 * Checks a person's fields against each other and the calendar (`today` is the Vietnam date).
 * Every problem is reported with its field, so a form or an import row can show them all at once.
 */
export function checkPerson(p: PersonFields, today: string): { problems: FieldProblem[]; value: NormalizedPerson } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, messageEn: string) => problems.push({ field, message, messageEn });
  const fullName = normalizeName(p.fullName ?? '');
  if (fullName.length < 2) add('fullName', 'Họ và tên không được để trống.', 'Full name is required.');
  if (fullName.length > 120) add('fullName', 'Họ và tên quá dài (tối đa 120 ký tự).', 'Full name is too long.');
  if (/\d/.test(fullName)) add('fullName', 'Họ và tên không được chứa chữ số.', 'Full name must not contain digits.');

  let dateOfBirth: string | null = p.dateOfBirth || null;
  let birthYear: number | null = p.birthYear ?? null;
  const thisYear = Number(today.slice(0, 4));
  if (dateOfBirth) {
    if (!realDate(dateOfBirth)) add('dateOfBirth', `Ngày sinh "${dateOfBirth}" không phải ngày có thật.`, 'Not a real date.');
    else if (dateOfBirth > today) add('dateOfBirth', 'Ngày sinh không thể ở tương lai.', 'Date of birth is in the future.');
    else if (dateOfBirth < '1890-01-01') add('dateOfBirth', 'Ngày sinh quá xa (trước năm 1890).', 'Date of birth before 1890.');
    else {
      if (birthYear !== null && birthYear !== Number(dateOfBirth.slice(0, 4))) add('birthYear', 'Năm sinh không khớp với ngày sinh.', 'Birth year differs from date of birth.');
      birthYear = Number(dateOfBirth.slice(0, 4));
    }
  } else if (birthYear !== null) {
    if (!Number.isInteger(birthYear) || birthYear < 1890 || birthYear > thisYear) add('birthYear', `Năm sinh phải từ 1890 đến ${thisYear}.`, `Birth year must be 1890–${thisYear}.`);
  }

  let idNumber: string | null = null;
  if (p.idNumber && p.idNumber.trim()) {
    const r = checkIdNumber(p.idNumber);
    if (!r.ok) add('idNumber', r.message, r.messageEn);
    else {
      idNumber = r.normalized;
      if (r.kind === 'cccd' && birthYear !== null && r.birthYear !== birthYear) {
        add('idNumber', `Số CCCD ghi năm sinh ${r.birthYear}, khác năm sinh ${birthYear}.`, `The CCCD encodes birth year ${r.birthYear}, not ${birthYear}.`);
      }
      if (r.kind === 'cccd' && p.sex && r.sex !== p.sex) {
        add('sex', 'Giới tính không khớp với số CCCD.', 'Sex differs from the one encoded in the CCCD.');
      }
    }
  }

  let phone: string | null = null;
  if (p.phone && p.phone.trim()) {
    const r = checkPhone(p.phone);
    if (!r.ok) add('phone', r.message, r.messageEn);
    else phone = r.normalized;
  }

  if (p.residenceFrom && !realDate(p.residenceFrom)) add('residenceFrom', 'Ngày bắt đầu cư trú không hợp lệ.', 'Invalid residence start date.');
  if (p.residenceTo && !realDate(p.residenceTo)) add('residenceTo', 'Ngày kết thúc cư trú không hợp lệ.', 'Invalid residence end date.');
  if (p.residenceFrom && p.residenceTo && p.residenceTo < p.residenceFrom) add('residenceTo', 'Ngày kết thúc cư trú trước ngày bắt đầu.', 'Residence ends before it starts.');
  if (p.residenceFrom && dateOfBirth && p.residenceFrom < dateOfBirth) add('residenceFrom', 'Ngày bắt đầu cư trú trước ngày sinh.', 'Residence starts before birth.');
  if (p.flags?.pregnant && p.sex === 'male') add('flags.pregnant', 'Chỉ đánh dấu mang thai cho người giới tính nữ.', 'Only a woman can be marked pregnant.');

  return { problems, value: { fullName, dateOfBirth, birthYear, idNumber, phone } };
}

/** Age in whole years on a date; with only a birth year, the age reached during that year. */
export function ageOn(on: string, dateOfBirth: string | null, birthYear: number | null): number | null {
  if (dateOfBirth) {
    const [y, m, d] = dateOfBirth.split('-').map(Number);
    const [oy, om, od] = on.split('-').map(Number);
    return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
  }
  return birthYear === null ? null : Number(on.slice(0, 4)) - birthYear;
}

/** What a household search matches: code, name and address, folded so "hoa binh" finds "Khu trọ Hòa Bình". */
export function householdSearchText(h: { code?: string | null; name?: string | null; address?: string | null }): string {
  return foldVietnamese([h.code, h.name, h.address].filter(Boolean).join(' ')).slice(0, 700);
}
