"""The demo organisation tree, from the figures of the two seed articles (DOMAIN.md)."""

# Huyện Pác Nặm, Bắc Kạn (mid-2023): 33 grassroots organisations = 10 commune party
# committees + 23 grassroots branches of agencies; 103 village branches, no
# residential-group branch; 19 villages share a branch (8 branches of 2, one of 3).
PAC_NAM_COMMUNES = [
    # (name, village branches, merged branches as numbers of villages)
    ("Công Bằng", 9, []),
    ("Bằng Thành", 12, [2, 2]),
    ("Bộc Bố", 12, [2, 2]),
    ("Cao Tân", 10, [2]),
    ("Cổ Linh", 11, [2]),
    ("Giáo Hiệu", 9, []),
    ("Nghiên Loan", 11, [2]),
    ("Nhạn Môn", 9, []),
    ("An Thắng", 10, [2]),
    ("Xuân La", 10, [3]),
]
# Xã Công Bằng: 240 members in 13 branches (9 village incl. Phya Mạ, 3 school, 1 police).
CONG_BANG_VILLAGES = [
    "Phya Mạ",
    "Nà Pài",
    "Khuổi Xỏm",
    "Cốc Phia",
    "Nà Lạn",
    "Lủng Vài",
    "Pác Cáp",
    "Khuổi Tuốn",
    "Bản Khúa",
]
CONG_BANG_VILLAGE_MEMBERS = [22, 20, 19, 18, 17, 16, 15, 14, 13]
CONG_BANG_SCHOOLS = [
    ("Trường Mầm non Công Bằng", 20),
    ("Trường Tiểu học Công Bằng", 18),
    ("Trường PTDTBT THCS Công Bằng", 22),
]
CONG_BANG_POLICE_MEMBERS = 26
PAC_NAM_MEMBERS = 2748  # "trên 2.700 đảng viên"

PAC_NAM_AGENCIES = [
    ("Văn phòng Huyện ủy", "AGENCY"),
    ("Cơ quan Ủy ban nhân dân huyện", "AGENCY"),
    ("Mặt trận Tổ quốc và các đoàn thể huyện", "AGENCY"),
    ("Quân sự huyện", "MILITARY"),
    ("Công an huyện", "POLICE"),
    ("Trường THPT Pác Nặm", "SCHOOL"),
    ("Trường PTDT Nội trú Pác Nặm", "SCHOOL"),
    ("Trung tâm Y tế huyện", "HEALTH"),
    ("Viện Kiểm sát nhân dân huyện", "AGENCY"),
    ("Tòa án nhân dân huyện", "AGENCY"),
    ("Chi cục Thi hành án dân sự", "AGENCY"),
    ("Kho bạc Nhà nước huyện", "AGENCY"),
    ("Chi cục Thuế khu vực", "AGENCY"),
    ("Ngân hàng Chính sách xã hội huyện", "ENTERPRISE"),
    ("Ngân hàng Nông nghiệp huyện", "ENTERPRISE"),
    ("Bảo hiểm xã hội huyện", "AGENCY"),
    ("Trung tâm Chính trị huyện", "AGENCY"),
    ("Trung tâm Văn hóa, Thể thao và Truyền thông", "AGENCY"),
    ("Hạt Kiểm lâm", "AGENCY"),
    ("Ban Quản lý dự án đầu tư xây dựng", "AGENCY"),
    ("Trung tâm Dịch vụ nông nghiệp", "AGENCY"),
    ("Phòng Giáo dục và Đào tạo", "AGENCY"),
    ("Trung tâm Giáo dục nghề nghiệp - GDTX", "SCHOOL"),
]

# Huyện Đăk Tô, Kon Tum (term 2015–2020): xã Tân Cảnh has every village its own branch.
DAK_TO_COMMUNES = [
    ("Tân Cảnh", 7),
    ("Diên Bình", 8),
    ("Pô Kô", 7),
    ("Kon Đào", 7),
    ("Ngọc Tụ", 6),
    ("Đăk Rơ Nga", 5),
    ("Văn Lem", 6),
    ("Đăk Trăm", 6),
]
DAK_TO_TOWN_GROUPS = 8  # thị trấn Đăk Tô: residential-group branches
DAK_TO_AGENCIES = [
    ("Văn phòng Huyện ủy Đăk Tô", "AGENCY"),
    ("Quân sự huyện Đăk Tô", "MILITARY"),
    ("Công an huyện Đăk Tô", "POLICE"),
    ("Trường THPT Nguyễn Văn Cừ", "SCHOOL"),
    ("Trung tâm Y tế huyện Đăk Tô", "HEALTH"),
]

# Syllables of Tày and Nùng place names, for generated village names.
VILLAGE_PREFIX = [
    "Nà",
    "Khuổi",
    "Pác",
    "Bản",
    "Cốc",
    "Lủng",
    "Phja",
    "Slam",
    "Khau",
    "Nặm",
    "Thôm",
    "Bó",
    "Pò",
    "Tổng",
    "Nà Cà",
]
VILLAGE_SUFFIX = [
    "Ma",
    "Pài",
    "Sliến",
    "Đăng",
    "Mạ",
    "Quang",
    "Vài",
    "Tậu",
    "Khe",
    "Lẹng",
    "Bây",
    "Nghè",
    "Chang",
    "Sáng",
    "Thoong",
    "Cáy",
    "Mò",
    "Giảo",
    "Nưa",
    "Lùng",
]
