"""Believable, reproducible demo customers for a hall in a Dongguan-like city (东莞)."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import Generic, TypeVar

from app.domain.accounts import (
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterKind,
    MeterStatus,
    UserType,
)
from app.domain.identity import id_check_digit

# Weighted (per mille, roughly) as in a Guangdong city where many came from other provinces:
# the national top ten (王 李 张 刘 陈 杨 黄 赵 吴 周) plus the Cantonese 梁 林 叶 何 罗 钟.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 95), ("李", 90), ("王", 70), ("张", 65), ("黄", 65), ("刘", 55), ("杨", 35),
    ("梁", 35), ("林", 35), ("吴", 30), ("周", 25), ("赵", 25), ("何", 28), ("叶", 25),
    ("罗", 25), ("郑", 22), ("钟", 20), ("邓", 20), ("谢", 18), ("徐", 15), ("孙", 14),
    ("朱", 14), ("胡", 14), ("郭", 14), ("马", 12), ("高", 12), ("卢", 14), ("曾", 14),
    ("蔡", 12), ("袁", 10), ("冯", 10), ("彭", 10), ("苏", 10), ("莫", 8), ("潘", 8),
    ("麦", 6), ("古", 4), ("温", 6), ("江", 6), ("欧阳", 3), ("司徒", 2),
)
_MALE_CHARS = "伟强军明建国志勇杰俊浩斌辉锋华文海东波宇鹏超龙涛永健荣德新平家振坤毅晓峰"
_FEMALE_CHARS = "丽芳娟敏静燕霞红玲婷洁慧颖琳雪梅秀英兰凤萍佳欣怡倩嘉诗雅晓美月丹琴"
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180",
    "181", "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199",
)
# Dongguan (441900) first; then the home towns many of the city's residents came from.
_REGIONS: tuple[tuple[str, int], ...] = (
    ("441900", 55), ("445281", 5), ("440582", 4), ("441581", 4), ("441481", 4), ("440881", 3),
    ("430524", 4), ("431022", 3), ("452123", 3), ("360732", 3), ("510722", 3), ("411522", 3),
    ("421127", 3), ("350583", 2), ("500235", 2),
)
# District (with route book code) -> streets -> residential estates.
DISTRICTS: tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    ("东城区", "DC", (
        ("东纵路", ("星河传说", "东城国际", "金月湾花园", "御景华庭")),
        ("东城中路", ("金地格林小城", "新世纪豪园", "翰林华府")),
        ("主山大道", ("主山花园", "光明新村", "柏景花园")),
        ("花园新村路", ("花园新村", "东泰花园", "阳光花园")),
    )),
    ("南城区", "NC", (
        ("鸿福路", ("鸿福花园", "中信东泰花园", "海雅缤纷城公寓")),
        ("宏图路", ("宏图苑", "景湖春晓", "愉景水岸豪庭")),
        ("元美路", ("元美东路小区", "天骄峰景", "金域松湖")),
        ("莞太路", ("水濂山庄", "雅园新村", "宏远新村")),
    )),
    ("莞城区", "GC", (
        ("八达路", ("八达花园", "莞城新村", "兴塘小区")),
        ("运河东路", ("运河花园", "西城楼小区", "光明花园")),
        ("西正路", ("西正小区", "市桥新村", "旗峰花园")),
    )),
    ("万江区", "WJ", (
        ("万江路", ("万江新城", "华南摩尔公寓", "金泰花园")),
        ("金泰路", ("金泰豪庭", "滨江华府", "龙湾名苑")),
    )),
    ("寮步镇", "LB", (
        ("寮城路", ("寮步新村", "香市花园", "松湖华府")),
        ("香市路", ("香市新城", "佳兆业广场", "凯旋花园")),
    )),
)
_SHOP_BRANDS = ("粤香", "金城", "鸿运", "喜来", "好味", "东江", "客家", "顺德", "潮汕", "湘味",
                "川渝", "老街", "富临", "华辉", "永盛", "兴隆", "嘉信", "宏达", "德丰", "聚福")
# Name patterns: {brand} is a shop brand, {place} the district or street of the premises.
_BUSINESS_KINDS: tuple[tuple[GasUse, int, tuple[str, ...]], ...] = (
    (GasUse.COMMERCIAL, 60, ("{brand}酒家（{place}店）", "{brand}茶餐厅（{place}店）",
                             "{brand}烧腊店（{place}店）", "{brand}大排档（{place}店）")),
    (GasUse.INDUSTRY, 15, ("东莞市{brand}五金制品有限公司", "东莞市{brand}食品有限公司",
                           "{brand}电子厂")),
    (GasUse.PUBLIC, 15, ("{place}中心小学", "{place}社区卫生服务中心", "{place}中学食堂")),
    (GasUse.BOILER, 10, ("{brand}大酒店", "东莞市{brand}洗涤有限公司", "{brand}酒店锅炉房")),
)
_STATUSES: tuple[tuple[AccountStatus, int], ...] = (
    (AccountStatus.NORMAL, 930), (AccountStatus.NOT_STARTED, 20), (AccountStatus.SUSPENDED, 20),
    (AccountStatus.LONG_UNUSED, 20), (AccountStatus.REMOVED, 5), (AccountStatus.CLOSED, 5),
)
_METER_KINDS: tuple[tuple[MeterKind, int], ...] = (
    (MeterKind.MECHANICAL, 78), (MeterKind.IC_VOLUME, 14), (MeterKind.IC_MONEY, 5),
    (MeterKind.REMOTE, 3),
)
_METER_STATES: tuple[tuple[MeterStatus, int], ...] = (
    (MeterStatus.NORMAL, 970), (MeterStatus.SLOW, 10), (MeterStatus.FAST, 5),
    (MeterStatus.STOPPED, 15),
)
_HOUSEHOLD: tuple[tuple[int, int], ...] = ((1, 10), (2, 22), (3, 30), (4, 20), (5, 10), (6, 5),
                                           (7, 3))
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
NON_RESIDENTIAL_SHARE = 0.05
METER_SERIAL_BASE = 100_000_000
METER_WINDOW = 37  # each meter serial owns 37 numbers; see meter_number
METER_DIGITS = 5
FIRST_BIRTH, LAST_BIRTH = date(1940, 1, 1), date(2004, 12, 31)
FIRST_OPENING = date(2003, 1, 1)
T = TypeVar("T")


@dataclass
class DemoBatch:
    """Generated accounts as columns: one list per field, all of the same length.

    Row ``i`` of every list belongs to the same customer, account (at ``address[i]``) and meter.
    """

    name: list[str]
    id_type: list[IdType]
    id_number: list[str]
    mobile: list[str]
    phone: list[str]
    address: list[Address]
    route_book: list[str]
    user_type: list[UserType]
    gas_use: list[GasUse]
    household_size: list[int]
    heating: list[bool]
    low_income: list[bool]
    status: list[AccountStatus]
    opened_on: list[date]
    meter_kind: list[MeterKind]
    meter_installed_on: list[date]
    meter_status: list[MeterStatus]
    meter_jitter: list[int]  # which number of its serial's window the meter gets (0..36)

    def __len__(self) -> int:
        return len(self.name)


class _Weighted(Generic[T]):
    """Pick from weighted values with one random number (bisect on cumulative weights)."""

    def __init__(self, pairs: tuple[tuple[T, int], ...]) -> None:
        self.values = [value for value, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = float(self.cumulative[-1])

    def index(self, rng: random.Random) -> int:
        """The index of a weighted random value."""
        return bisect(self.cumulative, rng.random() * self.total)

    def pick(self, rng: random.Random) -> T:
        """A weighted random value."""
        return self.values[bisect(self.cumulative, rng.random() * self.total)]

    def sample(self, rng: random.Random, count: int) -> list[T]:
        """``count`` weighted random values."""
        values, cumulative, total, roll = self.values, self.cumulative, self.total, rng.random
        return [values[bisect(cumulative, roll() * total)] for _ in range(count)]


def meter_number(serial: int, jitter: int) -> str:
    """Meter number ``JK`` + 9 digits; distinct serials never share a number (windows of 37)."""
    if not 0 <= jitter < METER_WINDOW:
        raise ValueError("jitter must be in 0..36")
    value = METER_SERIAL_BASE + serial * METER_WINDOW + jitter
    if value >= 10**9:
        raise ValueError("meter serial out of range")
    return f"JK{value:09d}"


def uscc_check_char(first17: str) -> str:
    """Check character of a unified social credit code (统一社会信用代码, GB 32100)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def _org_check_char(first8: str) -> str:
    """Check character of an organisation code (组织机构代码, GB 11714)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


@cache
def _birth_days() -> tuple[str, ...]:
    """Every possible date of birth as ``YYYYMMDD``, computed once (strftime is slow)."""
    first = FIRST_BIRTH.toordinal()
    return tuple(
        f"{date.fromordinal(day):%Y%m%d}" for day in range(first, LAST_BIRTH.toordinal() + 1)
    )


class _CheckDigits:
    """GB 11643 check digits of ``region + birth date + order``, composed from their parts.

    The check digit depends only on the weighted digit sum modulo 11, and that sum adds up over
    disjoint digit positions. So the check digit of the whole follows from the check digits of the
    zero-padded parts through an addition table, which is learnt from ``id_check_digit`` itself on
    two-digit probes. Each part's check digit is computed once; an ID number then costs two
    look-ups instead of a 17-term sum (the seeding of a million accounts notices).
    """

    def __init__(self) -> None:
        head = {id_check_digit(f"{i:02d}" + "0" * 15): f"{i:02d}" for i in range(100)}
        tail = {id_check_digit("0" * 15 + f"{i:02d}"): f"{i:02d}" for i in range(100)}
        self._sum = {
            (a, b): id_check_digit(head[a] + "0" * 13 + tail[b]) for a in head for b in tail
        }
        self._regions: dict[str, str] = {}
        self._births = [self._part(6, born) for born in _birth_days()]
        self._orders = [self._part(14, f"{order:03d}") for order in range(1000)]

    @staticmethod
    def _part(offset: int, digits: str) -> str:
        return id_check_digit(("0" * offset + digits).ljust(17, "0"))

    def of(self, region: str, birth_index: int, order: int) -> str:
        """Check digit of ``region + _birth_days()[birth_index] + f"{order:03d}"``."""
        region_check = self._regions.get(region)
        if region_check is None:
            region_check = self._regions[region] = self._part(0, region)
        both = self._sum[region_check, self._births[birth_index]]
        return self._sum[both, self._orders[order]]


@cache
def _check_digits() -> _CheckDigits:
    return _CheckDigits()


class DemoPeople:
    """A seeded source of demo accounts: the same seed always gives the same people."""

    def __init__(self, seed: int, today: date) -> None:
        self._rng = random.Random(seed)
        self._random = self._rng.random
        self._today = today
        self._surnames = _Weighted(SURNAMES)
        self._regions = _Weighted(_REGIONS)
        self._statuses = _Weighted(_STATUSES)
        self._kinds = _Weighted(_METER_KINDS)
        self._meter_states = _Weighted(_METER_STATES)
        self._household = _Weighted(_HOUSEHOLD)
        self._business = _Weighted(tuple((k, w) for k, w, _ in _BUSINESS_KINDS))
        self._births = _birth_days()
        self._checks = _check_digits()
        first = FIRST_OPENING.toordinal()
        last = max(today.toordinal(), first + 1)
        self._openings = [date.fromordinal(day) for day in range(first, last)]
        self._estates = [
            (district, code, street, estate, f"{code}-{number:03d}")
            for district, code, streets in DISTRICTS
            for number, (street, estate) in enumerate(
                ((s, e) for s, estates in streets for e in estates), start=1
            )
        ]

    def batch(self, count: int) -> DemoBatch:
        """The next ``count`` demo accounts: households, about one in twenty a business."""
        male = [self._random() < 0.5 for _ in range(count)]
        mobile, phone = self._phones(count)
        address, route_book = self._premises(count)
        opened_on = [self._opening_date() for _ in range(count)]
        status = self._statuses.sample(self._rng, count)
        batch = DemoBatch(
            [self.person_name(m) for m in male], [IdType.RESIDENT_ID] * count,
            [self.id_number(m) for m in male], mobile, phone, address, route_book,
            [UserType.RESIDENTIAL] * count, [GasUse.COOKING] * count,
            self._household.sample(self._rng, count),
            [self._random() < 0.03 for _ in range(count)],
            [self._random() < 0.02 for _ in range(count)], status, opened_on,
            self._kinds.sample(self._rng, count), [self._installed(d) for d in opened_on],
            [self._meter_status(s) for s in status],
            [self._below(METER_WINDOW) for _ in range(count)],
        )
        for row in range(count):
            if self._random() < NON_RESIDENTIAL_SHARE:
                self._make_business(batch, row)
        return batch

    def _below(self, n: int) -> int:
        """A random integer in ``0..n-1`` (faster than ``randrange`` and just as reproducible)."""
        return int(self._random() * n)

    def _premises(self, count: int) -> tuple[list[Address], list[str]]:
        below, estates = self._below, self._estates
        picked = [estates[below(len(estates))] for _ in range(count)]
        addresses = [
            Address(district, street, estate, str(below(30) + 1), str(below(4) + 1),
                    f"{below(33) + 1}{below(4) + 1:02d}")
            for district, _, street, estate, _ in picked
        ]
        return addresses, [route for *_, route in picked]

    def _make_business(self, batch: DemoBatch, row: int) -> None:
        """Turn one row into a shop, factory, school or boiler house on a street."""
        rng = self._rng
        kind_index = self._business.index(rng)
        gas_use, _, patterns = _BUSINESS_KINDS[kind_index]
        district, code, street, _estate, _route = rng.choice(self._estates)
        place = street if rng.random() < 0.5 else district[:2]
        batch.name[row] = rng.choice(patterns).format(brand=rng.choice(_SHOP_BRANDS), place=place)
        batch.id_type[row], batch.id_number[row] = IdType.BUSINESS_LICENCE, self.credit_code()
        batch.mobile[row] = self.mobile() if rng.random() < 0.7 else ""
        batch.phone[row] = self.landline()
        batch.address[row] = Address(district, street, f"{rng.randint(1, 388)}号")
        batch.route_book[row] = f"{code}-9{kind_index + 1:02d}"
        batch.user_type[row], batch.gas_use[row] = UserType.NON_RESIDENTIAL, gas_use
        batch.household_size[row], batch.heating[row], batch.low_income[row] = 1, False, False

    def person_name(self, male: bool) -> str:
        """A Chinese personal name: weighted surname and a one- or two-character given name."""
        below = self._below
        chars = _MALE_CHARS if male else _FEMALE_CHARS
        given = chars[below(len(chars))]
        if self._random() < 0.75:
            second = chars[below(len(chars))]
            given += second if second != given else chars[below(len(chars))]
        return self._surnames.pick(self._rng) + given

    def id_number(self, male: bool) -> str:
        """An 18-digit resident ID number with a correct GB 11643 check digit."""
        born = self._below(len(self._births))
        order = self._below(500) * 2 + (1 if male else 0)  # odd for men, even for women
        region = self._regions.pick(self._rng)
        check = self._checks.of(region, born, order)
        return f"{region}{self._births[born]}{order:03d}{check}"

    def credit_code(self) -> str:
        """A unified social credit code of a company registered in Dongguan, check chars right."""
        rng = self._rng
        org8 = "".join(rng.choice(_USCC_CHARS[:18]) for _ in range(8))
        first17 = "91441900" + org8 + _org_check_char(org8)
        return first17 + uscc_check_char(first17)

    def mobile(self) -> str:
        """An 11-digit mobile number (13x-19x)."""
        prefix = _MOBILE_PREFIXES[self._below(len(_MOBILE_PREFIXES))]
        return f"{prefix}{self._below(10**8):08d}"

    def landline(self) -> str:
        """A Dongguan landline, 0769-2xxxxxxx."""
        return f"0769-2{self._below(10**7):07d}"

    def _phones(self, count: int) -> tuple[list[str], list[str]]:
        """Most have a mobile only, some a mobile and a landline, a few only a landline."""
        rolls = [self._random() for _ in range(count)]
        mobiles = [self.mobile() if roll < 0.95 else "" for roll in rolls]
        return mobiles, [self.landline() if roll >= 0.80 else "" for roll in rolls]

    def _opening_date(self) -> date:
        # More accounts were opened in recent years as the city grew: skew towards today.
        return self._openings[int(len(self._openings) * self._random() ** 0.6)]

    def _installed(self, opened: date) -> date:
        if self._random() >= 0.2:
            return opened
        days = (self._today - opened).days  # the meter was replaced since the account opened
        return opened + timedelta(days=self._below(max(days, 1)))

    def _meter_status(self, status: AccountStatus) -> MeterStatus:
        if status is AccountStatus.REMOVED or status is AccountStatus.CLOSED:
            return MeterStatus.REMOVED
        return self._meter_states.pick(self._rng)
