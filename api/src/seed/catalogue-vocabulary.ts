/** Vocabulary of the generated catalogue: fields by agency, with the objects their procedures are about. */

/** A field (lĩnh vực) with its agency slug and the subjects of its procedures. */
export interface FieldVocabulary {
  field: string;
  agency: string;
  objects: string[];
}

/** Provincial departments' fields. */
export const PROVINCE_FIELDS: FieldVocabulary[] = [
  {
    field: 'Thành lập và hoạt động doanh nghiệp',
    agency: 'skhdt',
    objects: [
      'doanh nghiệp tư nhân',
      'công ty trách nhiệm hữu hạn một thành viên',
      'công ty trách nhiệm hữu hạn hai thành viên trở lên',
      'công ty cổ phần',
      'công ty hợp danh',
      'chi nhánh, văn phòng đại diện',
      'địa điểm kinh doanh',
    ],
  },
  {
    field: 'Đầu tư tại Việt Nam',
    agency: 'skhdt',
    objects: ['dự án đầu tư', 'văn phòng điều hành của nhà đầu tư nước ngoài', 'hợp đồng BCC'],
  },
  {
    field: 'Lưu thông hàng hóa trong nước',
    agency: 'sct',
    objects: [
      'giấy phép bán buôn sản phẩm rượu',
      'giấy phép bán lẻ sản phẩm thuốc lá',
      'giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu',
      'giấy phép sản xuất rượu thủ công',
    ],
  },
  {
    field: 'Hóa chất',
    agency: 'sct',
    objects: [
      'giấy chứng nhận đủ điều kiện sản xuất hóa chất',
      'giấy chứng nhận đủ điều kiện kinh doanh hóa chất',
    ],
  },
  {
    field: 'Điện',
    agency: 'sct',
    objects: ['giấy phép hoạt động điện lực', 'giấy phép tư vấn giám sát thi công công trình điện'],
  },
  {
    field: 'Đường bộ',
    agency: 'sgtvt',
    objects: [
      'giấy phép lái xe',
      'giấy phép kinh doanh vận tải bằng xe ô tô',
      'phù hiệu xe ô tô kinh doanh vận tải',
      'giấy phép liên vận',
      'giấy chứng nhận giáo viên dạy thực hành lái xe',
    ],
  },
  {
    field: 'Đường thủy nội địa',
    agency: 'sgtvt',
    objects: [
      'giấy chứng nhận đăng ký phương tiện thủy nội địa',
      'bến thủy nội địa',
      'chứng chỉ chuyên môn thuyền viên',
    ],
  },
  {
    field: 'Báo chí',
    agency: 'stttt',
    objects: [
      'giấy phép xuất bản bản tin',
      'văn phòng đại diện cơ quan báo chí',
      'giấy phép xuất bản đặc san',
    ],
  },
  {
    field: 'Xuất bản, In và Phát hành',
    agency: 'stttt',
    objects: [
      'giấy phép hoạt động in',
      'giấy phép nhập khẩu xuất bản phẩm',
      'giấy phép triển lãm, hội chợ xuất bản phẩm',
      'cơ sở in',
    ],
  },
  {
    field: 'Bưu chính',
    agency: 'stttt',
    objects: ['giấy phép bưu chính', 'văn bản xác nhận thông báo hoạt động bưu chính'],
  },
  {
    field: 'Đất đai',
    agency: 'stnmt',
    objects: [
      'quyền sử dụng đất',
      'giấy chứng nhận quyền sử dụng đất',
      'hợp đồng thuê đất',
      'mục đích sử dụng đất',
    ],
  },
  {
    field: 'Môi trường',
    agency: 'stnmt',
    objects: ['báo cáo đánh giá tác động môi trường', 'giấy phép môi trường', 'kế hoạch bảo vệ môi trường'],
  },
  {
    field: 'Tài nguyên nước',
    agency: 'stnmt',
    objects: [
      'giấy phép khai thác nước dưới đất',
      'giấy phép xả nước thải vào nguồn nước',
      'giấy phép thăm dò nước dưới đất',
    ],
  },
  {
    field: 'Hộ tịch',
    agency: 'stp',
    objects: [
      'việc thay đổi, cải chính hộ tịch có yếu tố nước ngoài',
      'việc nuôi con nuôi có yếu tố nước ngoài',
    ],
  },
  { field: 'Lý lịch tư pháp', agency: 'stp', objects: ['phiếu lý lịch tư pháp'] },
  { field: 'Công chứng', agency: 'stp', objects: ['văn phòng công chứng', 'công chứng viên'] },
  {
    field: 'Hoạt động xây dựng',
    agency: 'sxd',
    objects: [
      'giấy phép xây dựng',
      'chứng chỉ hành nghề hoạt động xây dựng',
      'chứng chỉ năng lực hoạt động xây dựng',
      'thiết kế xây dựng triển khai sau thiết kế cơ sở',
    ],
  },
  { field: 'Nhà ở', agency: 'sxd', objects: ['nhà ở xã hội', 'chứng chỉ hành nghề môi giới bất động sản'] },
  {
    field: 'Khám bệnh, chữa bệnh',
    agency: 'syt',
    objects: [
      'giấy phép hoạt động phòng khám',
      'chứng chỉ hành nghề khám bệnh, chữa bệnh',
      'giấy phép hoạt động dịch vụ y tế',
    ],
  },
  {
    field: 'Dược phẩm',
    agency: 'syt',
    objects: ['chứng chỉ hành nghề dược', 'giấy chứng nhận đủ điều kiện kinh doanh dược', 'nhà thuốc'],
  },
  {
    field: 'An toàn thực phẩm và dinh dưỡng',
    agency: 'syt',
    objects: ['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'bản công bố sản phẩm thực phẩm'],
  },
  {
    field: 'Giáo dục và đào tạo',
    agency: 'sgddt',
    objects: [
      'trường trung học phổ thông',
      'trung tâm ngoại ngữ, tin học',
      'hoạt động dạy thêm, học thêm',
      'trung tâm giáo dục thường xuyên',
    ],
  },
  {
    field: 'Văn bằng, chứng chỉ',
    agency: 'sgddt',
    objects: ['bản sao văn bằng, chứng chỉ từ sổ gốc', 'văn bằng tốt nghiệp trung học phổ thông'],
  },
  {
    field: 'Thú y',
    agency: 'snnptnt',
    objects: [
      'giấy chứng nhận cơ sở an toàn dịch bệnh động vật',
      'chứng chỉ hành nghề thú y',
      'giấy chứng nhận kiểm dịch động vật',
    ],
  },
  {
    field: 'Bảo vệ thực vật',
    agency: 'snnptnt',
    objects: [
      'giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
      'giấy phép vận chuyển thuốc bảo vệ thực vật',
    ],
  },
  {
    field: 'Thủy sản',
    agency: 'snnptnt',
    objects: [
      'giấy phép khai thác thủy sản',
      'giấy chứng nhận cơ sở đủ điều kiện nuôi trồng thủy sản',
      'tàu cá',
    ],
  },
  {
    field: 'Lao động',
    agency: 'sldtbxh',
    objects: [
      'giấy phép lao động cho người nước ngoài',
      'giấy phép hoạt động cho thuê lại lao động',
      'nội quy lao động',
    ],
  },
  {
    field: 'Người có công',
    agency: 'sldtbxh',
    objects: ['chế độ ưu đãi người có công với cách mạng', 'trợ cấp thờ cúng liệt sĩ', 'hồ sơ người có công'],
  },
  {
    field: 'Giáo dục nghề nghiệp',
    agency: 'sldtbxh',
    objects: ['trường trung cấp', 'trung tâm giáo dục nghề nghiệp', 'hoạt động giáo dục nghề nghiệp'],
  },
  {
    field: 'Văn hóa',
    agency: 'svhttdl',
    objects: [
      'giấy phép tổ chức biểu diễn nghệ thuật',
      'giấy phép tổ chức lễ hội',
      'di tích lịch sử - văn hóa',
    ],
  },
  {
    field: 'Du lịch',
    agency: 'svhttdl',
    objects: [
      'giấy phép kinh doanh dịch vụ lữ hành nội địa',
      'thẻ hướng dẫn viên du lịch',
      'cơ sở lưu trú du lịch',
    ],
  },
  {
    field: 'Thể dục thể thao',
    agency: 'svhttdl',
    objects: [
      'giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
      'câu lạc bộ thể thao chuyên nghiệp',
    ],
  },
  {
    field: 'Hoạt động khoa học và công nghệ',
    agency: 'skhcn',
    objects: [
      'tổ chức khoa học và công nghệ',
      'hợp đồng chuyển giao công nghệ',
      'giấy phép tiến hành công việc bức xạ',
    ],
  },
  {
    field: 'Tiêu chuẩn đo lường chất lượng',
    agency: 'skhcn',
    objects: ['chuẩn đo lường', 'phương tiện đo nhóm 2', 'dấu định lượng trên hàng đóng gói sẵn'],
  },
  {
    field: 'Tổ chức phi chính phủ',
    agency: 'snv',
    objects: ['điều lệ hội', 'quỹ xã hội, quỹ từ thiện', 'hội có phạm vi hoạt động trong tỉnh'],
  },
  {
    field: 'Tôn giáo',
    agency: 'snv',
    objects: ['hoạt động tôn giáo', 'tổ chức tôn giáo trực thuộc', 'người được phong phẩm, bổ nhiệm'],
  },
  {
    field: 'Thi đua, khen thưởng',
    agency: 'snv',
    objects: [
      'bằng khen của Chủ tịch UBND tỉnh',
      'danh hiệu Chiến sĩ thi đua cấp tỉnh',
      'cờ thi đua của UBND tỉnh',
    ],
  },
  { field: 'Quản lý giá', agency: 'stc', objects: ['phương án giá', 'giá hàng hóa, dịch vụ'] },
  { field: 'Quản lý công sản', agency: 'stc', objects: ['tài sản công', 'phương án xử lý tài sản công'] },
  { field: 'Giải quyết tố cáo', agency: 'thanhtra', objects: ['tố cáo'] },
  { field: 'Tiếp công dân', agency: 'thanhtra', objects: ['kiến nghị, phản ánh'] },
];

/** District-level fields; `agency` is a role: the district committee or its Phòng Tài chính - Kế hoạch. */
export const DISTRICT_FIELDS: FieldVocabulary[] = [
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    agency: 'tckh',
    objects: ['hộ kinh doanh', 'giấy chứng nhận đăng ký hộ kinh doanh', 'hợp tác xã'],
  },
  {
    field: 'Hộ tịch',
    agency: 'ubnd',
    objects: [
      'việc thay đổi, cải chính, bổ sung hộ tịch',
      'việc xác định lại dân tộc',
      'việc kết hôn có yếu tố nước ngoài',
    ],
  },
  {
    field: 'Đất đai',
    agency: 'ubnd',
    objects: ['mục đích sử dụng đất', 'quyền sử dụng đất cho hộ gia đình, cá nhân'],
  },
  {
    field: 'Hoạt động xây dựng',
    agency: 'ubnd',
    objects: ['giấy phép xây dựng nhà ở riêng lẻ', 'giấy phép xây dựng có thời hạn'],
  },
  {
    field: 'Giáo dục và đào tạo',
    agency: 'ubnd',
    objects: ['trường mầm non', 'trường tiểu học', 'trường trung học cơ sở'],
  },
  {
    field: 'Lưu thông hàng hóa trong nước',
    agency: 'ubnd',
    objects: ['giấy phép bán lẻ sản phẩm rượu', 'giấy phép bán lẻ sản phẩm thuốc lá'],
  },
];

/** Commune-level fields (all handled by the commune People's Committee). */
export const COMMUNE_FIELDS: FieldVocabulary[] = [
  {
    field: 'Hộ tịch',
    agency: 'xa',
    objects: ['khai sinh', 'kết hôn', 'khai tử', 'nhận cha, mẹ, con', 'giám hộ', 'lại việc sinh'],
  },
  {
    field: 'Chứng thực',
    agency: 'xa',
    objects: [
      'bản sao từ bản chính',
      'chữ ký trong các giấy tờ, văn bản',
      'hợp đồng, giao dịch liên quan đến tài sản',
    ],
  },
  {
    field: 'Bảo trợ xã hội',
    agency: 'xa',
    objects: ['trợ cấp xã hội hằng tháng', 'hỗ trợ kinh phí chăm sóc, nuôi dưỡng', 'hộ nghèo, hộ cận nghèo'],
  },
  {
    field: 'Người có công',
    agency: 'xa',
    objects: ['trợ cấp mai táng phí', 'bảo hiểm y tế cho người có công'],
  },
  { field: 'Tôn giáo', agency: 'xa', objects: ['sinh hoạt tôn giáo tập trung', 'hoạt động tín ngưỡng'] },
];

/** Verbs that start procedure names, per tier (commune verbs fit civil-status acts). */
export const ACTIONS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Gia hạn',
  'Điều chỉnh',
  'Thu hồi',
  'Đăng ký',
  'Thẩm định',
  'Công nhận',
  'Xác nhận',
  'Phê duyệt',
  'Thông báo thay đổi',
];
export const COMMUNE_ACTIONS = [
  'Đăng ký',
  'Đăng ký lại',
  'Chứng thực',
  'Xác nhận',
  'Giải quyết',
  'Thực hiện',
  'Cấp bản sao trích lục',
];

/** Case qualifiers that real catalogues append to tell variants apart. */
export const QUALIFIERS = [
  '',
  ' đối với tổ chức',
  ' đối với cá nhân',
  ' do bị mất, hư hỏng',
  ' do hết hạn',
  ' có yếu tố nước ngoài',
  ' trên địa bàn tỉnh',
  ' (trường hợp thay đổi thông tin)',
];
