"""What the 12 digits of a citizen ID (số CCCD) say, so a mistyped one is caught at entry.

The digits are laid out by Thông tư 07/2016/TT-BCA (Điều 7): the first three are the code of
the province where the citizen was registered at birth, the fourth tells the century of birth
and the sex, the fifth and sixth are the last two digits of the year of birth, the last six
a serial. Codes were given to the 63 provinces before the 2025 mergers and stay valid on every
card already issued, so the list below is data, not a rule that changed.

Pure Python: Django models, forms and the demo generator all read it.
"""

from __future__ import annotations

import re
from datetime import date

#: Province codes (mã tỉnh) of Thông tư 07/2016/TT-BCA, Phụ lục I.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Thành phố Hồ Chí Minh", "080": "Long An",
    "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

#: First year of the century told by the fourth digit: the male digit; the female one is +1.
_CENTURY_DIGITS = {1900: 0, 2000: 2, 2100: 4, 2200: 6, 1800: 8}

# What people type between groups of digits when they copy a card: spaces, dots, hyphens.
_SEPARATORS = re.compile(r"[\s.\-]+")


def without_separators(text: str) -> str:
    """'006 090 000 123' and '006.090.000.123' are the ID 006090000123."""
    return _SEPARATORS.sub("", text)


def century_sex_digit(birth_year: int, female: bool) -> str:
    """The fourth digit for someone born in `birth_year`: 0/1 for 1900–1999 (male/female),
    2/3 for 2000–2099, and so on."""
    return str(_CENTURY_DIGITS[birth_year // 100 * 100] + int(female))


def compose(province_code: str, birth: date, female: bool, serial: int) -> str:
    """A well-formed ID: province, century and sex, year of birth, six-digit serial."""
    return f"{province_code}{century_sex_digit(birth.year, female)}{birth.year % 100:02d}{serial:06d}"


def has_known_province(citizen_id: str) -> bool:
    return citizen_id[:3] in PROVINCE_CODES


def agrees_with(citizen_id: str, birth_year: int, female: bool) -> bool:
    """Whether the fourth digit tells the century and sex given by the birth date and sex."""
    if birth_year // 100 * 100 not in _CENTURY_DIGITS:
        return False
    return citizen_id[3:4] == century_sex_digit(birth_year, female)
