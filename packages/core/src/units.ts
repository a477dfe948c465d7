export const TIERS = ['province', 'district', 'commune', 'village'] as const;
export type Tier = (typeof TIERS)[number];

/** Kinds of administrative unit, ASCII snake case of the Vietnamese name. */
export const UNIT_KINDS = {
  tinh: { tier: 'province', label: 'Tỉnh' },
  thanh_pho_tw: { tier: 'province', label: 'Thành phố trực thuộc Trung ương' },
  huyen: { tier: 'district', label: 'Huyện' },
  quan: { tier: 'district', label: 'Quận' },
  thi_xa: { tier: 'district', label: 'Thị xã' },
  thanh_pho: { tier: 'district', label: 'Thành phố' },
  xa: { tier: 'commune', label: 'Xã' },
  phuong: { tier: 'commune', label: 'Phường' },
  thi_tran: { tier: 'commune', label: 'Thị trấn' },
  dac_khu: { tier: 'commune', label: 'Đặc khu' },
  thon: { tier: 'village', label: 'Thôn' },
  ban: { tier: 'village', label: 'Bản' },
  to_dan_pho: { tier: 'village', label: 'Tổ dân phố' },
  khu_pho: { tier: 'village', label: 'Khu phố' },
  ap: { tier: 'village', label: 'Ấp' },
  tieu_khu: { tier: 'village', label: 'Tiểu khu' },
  xom: { tier: 'village', label: 'Xóm' },
  khom: { tier: 'village', label: 'Khóm' },
} as const satisfies Record<string, { tier: Tier; label: string }>;

export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_NAMES = Object.keys(UNIT_KINDS) as UnitKind[];

export function isUnitKind(value: string): value is UnitKind {
  return Object.prototype.hasOwnProperty.call(UNIT_KINDS, value);
}

/** The tier a kind usually sits at (a kind alone cannot tell a 2-tier tree apart). */
export function tierOfKind(kind: UnitKind): Tier {
  return UNIT_KINDS[kind].tier;
}

export function kindLabel(kind: string): string {
  return isUnitKind(kind) ? UNIT_KINDS[kind].label : kind;
}

/**
 * Which tier may sit under which: 2021 tree is province → district → commune → village,
 * the 2025 tree is province → commune → village.
 */
export function isValidChildTier(parent: Tier | null, child: Tier): boolean {
  if (parent === null) return child === 'province';
  const allowed: Record<Tier, Tier[]> = {
    province: ['district', 'commune'],
    district: ['commune'],
    commune: ['village'],
    village: [],
  };
  return allowed[parent].includes(child);
}

/**
 * Reads a kind from free text as found in registries and GSO files ("Thị trấn", "thi-tran",
 * "Thành phố Trung ương"). The tier disambiguates "Thành phố" (province-level or district-level).
 */
export function parseKind(text: string, tier?: Tier): UnitKind | null {
  const t = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[-\s]+/g, '_')
    .trim();
  if (isUnitKind(t)) {
    if (t === 'thanh_pho' && tier === 'province') return 'thanh_pho_tw';
    return t;
  }
  if (t.startsWith('thanh_pho_tr') || t === 'tp_tw' || t === 'thanh_pho_truc_thuoc_trung_uong') return 'thanh_pho_tw';
  const aliases: Record<string, UnitKind> = { tp: tier === 'province' ? 'thanh_pho_tw' : 'thanh_pho', tx: 'thi_xa', tt: 'thi_tran' };
  return aliases[t] ?? null;
}

/** Splits "Huyện Tân Uyên" into kind and bare name when the prefix is a known kind label. */
export function splitKindPrefix(fullName: string, tier?: Tier): { kind: UnitKind | null; name: string } {
  const labels = Object.entries(UNIT_KINDS)
    .map(([k, v]) => [k as UnitKind, v.label] as const)
    .concat([['thanh_pho_tw', 'Thành phố'] as const])
    .sort((a, b) => b[1].length - a[1].length);
  for (const [kind, label] of labels) {
    if (fullName.toLowerCase().startsWith(label.toLowerCase() + ' ')) {
      const k = kind === 'thanh_pho_tw' || kind === 'thanh_pho' ? (tier === 'province' ? 'thanh_pho_tw' : 'thanh_pho') : kind;
      return { kind: k, name: fullName.slice(label.length + 1).trim() };
    }
  }
  return { kind: null, name: fullName.trim() };
}

/** Materialised path of a unit: "/12/111/03365/" — a subtree is every path that starts with it. */
export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}

export function isWithinPath(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}
