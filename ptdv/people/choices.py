"""The code lists used for people in reports (DOMAIN.md "Person attributes")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The 54 ethnic groups with the General Statistics Office's codes (danh mục các dân tộc
# Việt Nam); Kinh is 01, every other code is an ethnic minority.
ETHNICITIES = [
    ("01", "Kinh"),
    ("02", "Tày"),
    ("03", "Thái"),
    ("04", "Hoa"),
    ("05", "Khơ-me"),
    ("06", "Mường"),
    ("07", "Nùng"),
    ("08", "HMông"),
    ("09", "Dao"),
    ("10", "Gia-rai"),
    ("11", "Ngái"),
    ("12", "Ê-đê"),
    ("13", "Ba na"),
    ("14", "Xơ-Đăng"),
    ("15", "Sán Chay"),
    ("16", "Cơ-ho"),
    ("17", "Chăm"),
    ("18", "Sán Dìu"),
    ("19", "Hrê"),
    ("20", "Mnông"),
    ("21", "Ra-glai"),
    ("22", "Xtiêng"),
    ("23", "Bru-Vân Kiều"),
    ("24", "Thổ"),
    ("25", "Giáy"),
    ("26", "Cơ-tu"),
    ("27", "Gié Triêng"),
    ("28", "Mạ"),
    ("29", "Khơ-mú"),
    ("30", "Co"),
    ("31", "Tà-ôi"),
    ("32", "Chơ-ro"),
    ("33", "Kháng"),
    ("34", "Xinh-mun"),
    ("35", "Hà Nhì"),
    ("36", "Chu ru"),
    ("37", "Lào"),
    ("38", "La Chí"),
    ("39", "La Ha"),
    ("40", "Phù Lá"),
    ("41", "La Hủ"),
    ("42", "Lự"),
    ("43", "Lô Lô"),
    ("44", "Chứt"),
    ("45", "Mảng"),
    ("46", "Pà Thẻn"),
    ("47", "Co Lao"),
    ("48", "Cống"),
    ("49", "Bố Y"),
    ("50", "Si La"),
    ("51", "Pu Péo"),
    ("52", "Brâu"),
    ("53", "Ơ Đu"),
    ("54", "Rơ-măm"),
]
KINH = "01"


class Sex(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Religion(models.TextChoices):
    NONE = "NONE", _("Không")
    BUDDHISM = "BUDDHISM", _("Phật giáo")
    CATHOLIC = "CATHOLIC", _("Công giáo")
    PROTESTANT = "PROTESTANT", _("Tin lành")
    CAO_DAI = "CAO_DAI", _("Cao Đài")
    HOA_HAO = "HOA_HAO", _("Phật giáo Hòa Hảo")
    ISLAM = "ISLAM", _("Hồi giáo")
    OTHER = "OTHER", _("Tôn giáo khác")


class Education(models.TextChoices):
    NONE = "NONE", _("Chưa tốt nghiệp tiểu học")
    PRIMARY = "PRIMARY", _("Tiểu học")
    THCS = "THCS", _("Trung học cơ sở")
    THPT = "THPT", _("Trung học phổ thông")
    COLLEGE = "COLLEGE", _("Cao đẳng trở lên")


class Occupation(models.TextChoices):
    FARMER = "FARMER", _("Nông dân")
    WORKER = "WORKER", _("Công nhân")
    CIVIL_SERVANT = "CIVIL_SERVANT", _("Công chức")
    PUBLIC_EMPLOYEE = "PUBLIC_EMPLOYEE", _("Viên chức")
    ARMED_FORCES = "ARMED_FORCES", _("Lực lượng vũ trang")
    PRIVATE_ENTERPRISE = "PRIVATE_ENTERPRISE", _("Doanh nghiệp tư nhân")
    STUDENT = "STUDENT", _("Học sinh, sinh viên")
    OTHER = "OTHER", _("Khác")


class MemberStatus(models.TextChoices):
    PROBATIONARY = "PROBATIONARY", _("Dự bị")
    OFFICIAL = "OFFICIAL", _("Chính thức")
    LEFT = "LEFT", _("Đã ra khỏi Đảng bộ")


class MemberEventKind(models.TextChoices):
    ADMITTED = "ADMITTED", _("Kết nạp (dự bị)")
    RECOGNISED = "RECOGNISED", _("Công nhận chính thức")
    TRANSFERRED_IN = "TRANSFERRED_IN", _("Chuyển sinh hoạt đến")
    TRANSFERRED = "TRANSFERRED", _("Chuyển chi bộ trong Đảng bộ")
    TRANSFERRED_OUT = "TRANSFERRED_OUT", _("Chuyển sinh hoạt đi")
    DIED = "DIED", _("Từ trần")
    REMOVED = "REMOVED", _("Xóa tên")
    EXPELLED = "EXPELLED", _("Khai trừ")
    RESIGNED = "RESIGNED", _("Xin ra khỏi Đảng")
    REVERSED = "REVERSED", _("Hủy sự kiện ghi nhầm")


LEAVING_EVENTS = frozenset(
    {
        MemberEventKind.TRANSFERRED_OUT,
        MemberEventKind.DIED,
        MemberEventKind.REMOVED,
        MemberEventKind.EXPELLED,
        MemberEventKind.RESIGNED,
    }
)
