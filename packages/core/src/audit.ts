/** Vietnamese names of audit actions and entities, for exports an official reads in Excel. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới', update: 'Cập nhật', delete: 'Xóa', import: 'Nhập dữ liệu', export: 'Xuất dữ liệu',
  login: 'Đăng nhập', login_failed: 'Đăng nhập thất bại', logout: 'Đăng xuất', password_change: 'Đổi mật khẩu',
  revoke: 'Thu hồi', read: 'Xem dữ liệu cá nhân', seed: 'Tạo dữ liệu minh họa', merge: 'Gộp hồ sơ',
  dismiss_duplicate: 'Bỏ đánh dấu nghi trùng', cancel: 'Hủy', complete: 'Hoàn thành', test_done: 'Ghi nhận xét nghiệm',
  assign: 'Phân công', upgrade: 'Nâng cấp', transfer: 'Chuyển nơi điều trị', promote: 'Chuyển F1 thành F0', hand_over: 'Bàn giao địa phương khác',
  approve: 'Duyệt', reject: 'Không duyệt', deliver: 'Xác nhận đã nhận',
  test_result: 'Nhập kết quả xét nghiệm',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: 'Người dùng', unit: 'Đơn vị hành chính', api_token: 'Mã truy cập API', demo: 'Dữ liệu minh họa',
  person: 'Người dân', household: 'Hộ gia đình', declaration: 'Khai báo y tế', obligation: 'Theo dõi sau khi đến',
  obligation_rule: 'Quy định theo dõi', epidemic_zone: 'Vùng dịch', checkpoint: 'Chốt kiểm soát', checkpoint_passage: 'Lượt qua chốt',
  sweep: 'Đợt rà soát', sweep_household: 'Hộ trong đợt rà soát', sweep_visit: 'Lượt đến hộ', sweep_cross_check: 'Đối chiếu với công an',
  case: 'Ca bệnh F0', contact: 'Người tiếp xúc', cluster: 'Ổ dịch', chain: 'Chuỗi lây nhiễm',
  vaccination_dose: 'Mũi tiêm vắc xin', vaccination_target: 'Mục tiêu tiêm chủng', vaccine_product: 'Loại vắc xin', vaccination_coverage: 'Độ bao phủ tiêm chủng',
  vaccination_followup: 'Theo dõi người chưa tiêm', unvaccinated_list: 'Danh sách người chưa tiêm', mobile_team: 'Đội tiêm lưu động',
  vaccination_session: 'Buổi tiêm lưu động', stock_movement: 'Xuất, nhập kho vắc xin', allocation_request: 'Đề nghị cấp vắc xin',
  rule_setting: 'Quy định chuyên môn của tỉnh, huyện',
  testing_campaign: 'Đợt xét nghiệm', test_sample: 'Mẫu xét nghiệm', firm_test_report: 'Doanh nghiệp tự xét nghiệm',
};

export const auditActionLabel = (code: string): string => AUDIT_ACTION_LABELS[code] ?? code;
export const auditEntityLabel = (code: string): string => AUDIT_ENTITY_LABELS[code] ?? code;
