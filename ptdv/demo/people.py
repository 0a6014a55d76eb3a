"""Generated people for the demo: plausible names, never those of real people in the articles."""

import random
from datetime import date, timedelta

from ptdv.people import citizen_ids, names
from ptdv.people.choices import Education, Occupation, Religion, Sex
from ptdv.people.models import Person

FAMILY = [
    "Hoàng",
    "Triệu",
    "Lý",
    "Hà",
    "Nông",
    "Đàm",
    "Bàn",
    "Ma",
    "Giàng",
    "Lục",
    "Hứa",
    "Đinh",
    "Lương",
    "Mông",
    "Sầm",
    "Vi",
    "Lộc",
    "Dương",
    "Nguyễn",
    "Trần",
    "Phùng",
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Hữu", "Tiến"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Ngọc", "Hồng", "Kim", "Thanh"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hải",
    "Hậu",
    "Hiếu",
    "Hùng",
    "Khánh",
    "Kiên",
    "Long",
    "Mạnh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Toàn",
    "Trung",
    "Tuấn",
    "Vinh",
    "Vượng",
    "Lâm",
    "Chiến",
    "Định",
    "Hưng",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Chi",
    "Dung",
    "Duyên",
    "Hà",
    "Hạnh",
    "Hoa",
    "Huệ",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Phương",
    "Quyên",
    "Thảo",
    "Thu",
    "Trang",
    "Uyên",
    "Vân",
    "Yến",
    "Xuân",
    "Lụa",
    "Mây",
    "Nguyệt",
]
# Names of people named in the seed articles: the demo must never produce them.
REAL_NAMES = {"chuc van dat", "luong van quan", "a hon"}


class PersonFactory:
    """Builds unsaved Person rows (bulk-created by the caller) from a seeded generator."""

    def __init__(self, rng: random.Random, province_code: str):
        self.rng = rng
        self.province_code = province_code
        self.serial = 0

    def name(self, sex: str) -> str:
        while True:
            male = sex == Sex.MALE
            full = " ".join(
                [
                    self.rng.choice(FAMILY),
                    self.rng.choice(MIDDLE_M if male else MIDDLE_F),
                    self.rng.choice(GIVEN_M if male else GIVEN_F),
                ]
            )
            if names.fold(full) not in REAL_NAMES:
                return full

    def citizen_id(self, sex: str, birth: date) -> str:
        """12 digits: province code, sex/century digit, year of birth, serial."""
        self.serial += 1
        return citizen_ids.compose(self.province_code, birth, sex == Sex.FEMALE, self.serial)

    def birth_for_age(self, on: date, low: int, high: int) -> date:
        years = self.rng.randint(low, high)
        return on - timedelta(days=365 * years + self.rng.randint(0, 364))

    def person(
        self,
        unit,
        *,
        on: date,
        village=None,
        occupation=None,
        ethnicities=("02",),
        religion_share=0.0,
        youth_share=0.4,
        age=(18, 45),
    ) -> Person:
        sex = Sex.MALE if self.rng.random() < 0.62 else Sex.FEMALE
        birth = self.birth_for_age(on, *age)
        full_name = self.name(sex)
        young = (on - birth).days < 31 * 365
        return Person(
            full_name=full_name,
            sex=sex,
            birth_date=birth,
            ethnicity=self.rng.choice(ethnicities),
            religion=Religion.CATHOLIC if self.rng.random() < religion_share else Religion.NONE,
            education=self.rng.choice([Education.THCS, Education.THCS, Education.THPT, Education.COLLEGE]),
            occupation=occupation or Occupation.FARMER,
            youth_union=young and self.rng.random() < youth_share * 2,
            village=village,
            citizen_id=self.citizen_id(sex, birth),
            unit=unit,
            search_name=names.fold(full_name),
            sort_key=names.sort_key(full_name),
        )
