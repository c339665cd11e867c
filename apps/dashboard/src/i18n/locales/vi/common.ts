import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Vietnamese: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'Bản đồ chiến dịch',
  'age.seconds': '{n} giây',
  'age.minutes': '{n} phút',
  'age.hours': '{n} giờ',
  'age.days': '{n} ngày',

  'enum.operationStatus.planned': 'Đã lên kế hoạch',
  'enum.operationStatus.active': 'Đang triển khai',
  'enum.operationStatus.suspended': 'Tạm dừng',
  'enum.operationStatus.closed': 'Đã kết thúc',
  'enum.operationRole.lead': 'Chủ trì',
  'enum.operationRole.participant': 'Phối hợp',
  'enum.operationRole.observer': 'Quan sát',
  'enum.userRole.admin': 'Quản trị viên',
  'enum.userRole.commander': 'Chỉ huy',
  'enum.userRole.field': 'Cán bộ hiện trường',
  'enum.userRole.liaison': 'Sĩ quan liên lạc',
  'enum.reportKind.interception': 'Ngăn chặn',
  'enum.reportKind.sitrep': 'Báo cáo tình hình',
  'enum.reportKind.alert': 'Cảnh báo',
  'enum.reportStatus.reported': 'Đã báo cáo',
  'enum.reportStatus.verified': 'Đã xác minh',
  'enum.reportStatus.rejected': 'Đã bác bỏ',
  'enum.teamStatus.on_station': 'Tại vị trí',
  'enum.teamStatus.en_route': 'Đang di chuyển',
  'enum.teamStatus.engaged': 'Đang xử lý',
  'enum.teamStatus.returning': 'Đang trở về',
  'enum.teamStatus.off_duty': 'Ngoài ca trực',
  'enum.siteKind.land': 'Cửa khẩu đường bộ',
  'enum.siteKind.river': 'Cửa khẩu đường sông',
  'enum.siteKind.sea': 'Cảng biển',
  'enum.siteKind.air': 'Sân bay',
  'enum.interceptionKind.smuggling': 'Đưa người trái phép qua biên giới',
  'enum.interceptionKind.trafficking': 'Mua bán người',
  'enum.interceptionKind.fraudulent_documents': 'Giấy tờ giả',
  'enum.interceptionKind.seizure': 'Thu giữ',
  'enum.interceptionKind.other': 'Khác',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
