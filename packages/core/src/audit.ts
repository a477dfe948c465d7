/** Vietnamese names of audit actions and entities, for exports an official reads in Excel. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới', update: 'Cập nhật', delete: 'Xóa', import: 'Nhập dữ liệu', export: 'Xuất dữ liệu',
  login: 'Đăng nhập', login_failed: 'Đăng nhập thất bại', logout: 'Đăng xuất', password_change: 'Đổi mật khẩu',
  revoke: 'Thu hồi', read: 'Xem dữ liệu cá nhân', seed: 'Tạo dữ liệu minh họa', merge: 'Gộp hồ sơ',
  dismiss_duplicate: 'Bỏ đánh dấu nghi trùng', cancel: 'Hủy', complete: 'Hoàn thành', test_done: 'Ghi nhận xét nghiệm',
  assign: 'Phân công', upgrade: 'Nâng cấp', transfer: 'Chuyển nơi điều trị', promote: 'Chuyển F1 thành F0', hand_over: 'Bàn giao địa phương khác',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: 'Người dùng', unit: 'Đơn vị hành chính', api_token: 'Mã truy cập API', demo: 'Dữ liệu minh họa',
  person: 'Người dân', household: 'Hộ gia đình', declaration: 'Khai báo y tế', obligation: 'Theo dõi sau khi đến',
  obligation_rule: 'Quy định theo dõi', epidemic_zone: 'Vùng dịch', checkpoint: 'Chốt kiểm soát', checkpoint_passage: 'Lượt qua chốt',
  sweep: 'Đợt rà soát', sweep_household: 'Hộ trong đợt rà soát', sweep_visit: 'Lượt đến hộ', sweep_cross_check: 'Đối chiếu với công an',
  case: 'Ca bệnh F0', contact: 'Người tiếp xúc', cluster: 'Ổ dịch', chain: 'Chuỗi lây nhiễm',
};

export const auditActionLabel = (code: string): string => AUDIT_ACTION_LABELS[code] ?? code;
export const auditEntityLabel = (code: string): string => AUDIT_ENTITY_LABELS[code] ?? code;
