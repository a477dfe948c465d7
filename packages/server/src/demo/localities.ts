/**
 * The five localities of the 2021 directives this system was shaped by, managed in the demo with
 * villages and populations. Village names in Điện Biên (Hát Tao, Pu Lau) come from the directive;
 * the others are typical names of the region, and every population figure is illustrative.
 */
export interface DemoLocality {
  /** District code (or commune code when only one commune is managed). */
  code: string;
  label: string;
  villageKind: 'ban' | 'thon' | 'khu_pho' | 'to_dan_pho' | 'ap' | 'tieu_khu';
  /** Names drawn for villages; fixed ones per commune come first. */
  pool: string[];
  fixed?: Record<string, string[]>;
  numbered?: boolean;
}

const NORTHWEST_BAN = [
  'Nà Khum', 'Phiêng Lúc', 'Huổi Lếch', 'Co Muông', 'Pá Sáng', 'Nậm Ún', 'Tà Lèng', 'Hua Ná', 'Noong Luống', 'Nà Ít',
  'Na Hai', 'Pá Khôm', 'Huổi Hạ', 'Phiêng Ban', 'Nà Pen', 'Co Sản', 'Hồng Ngài', 'Tạ Khoa', 'Suối Tọ', 'Háng Đồng',
  'Nà Hẩu', 'Nong Hẹt', 'Pa Thơm', 'Ten Luông', 'Na Sang', 'Hin Phon', 'Pom Lót', 'Hua Thanh', 'Tà Cơn', 'Mường Tỉnh',
];

export const DEMO_LOCALITIES: DemoLocality[] = [
  { code: '111', label: 'Huyện Tân Uyên (Lai Châu)', villageKind: 'ban', pool: NORTHWEST_BAN },
  { code: '22969', label: 'Thị trấn Liên Hương, Huyện Tuy Phong (Bình Thuận)', villageKind: 'khu_pho', pool: [], numbered: true },
  { code: '121', label: 'Huyện Bắc Yên (Sơn La)', villageKind: 'ban', pool: NORTHWEST_BAN },
  { code: '723', label: 'Thị xã Tân Uyên (Bình Dương)', villageKind: 'khu_pho', pool: [], numbered: true },
  {
    code: '100', label: 'Huyện Điện Biên (Điện Biên)', villageKind: 'ban', pool: NORTHWEST_BAN,
    fixed: { '03365': ['Hát Tao'], '03364': ['Pu Lau'] },
  },
];
