"""Believable, reproducible demo customers for a hall in a Dongguan-like city (东莞).

A batch is drawn a column at a time with numpy: random indices into small tables of parts
(surnames, given names, birth dates, estates, digit groups) whose texts are joined by vectorised
string addition. The tables hold parts, not whole people or addresses, so every column follows
the distribution it would have if each account were drawn on its own, and names, ID numbers,
phones and addresses vary as much. Seeding a million accounts takes seconds this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache, reduce
from typing import Any

import numpy as np
import numpy.typing as npt

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
_ID_CHECK = "10X98765432"  # GB 11643: the check character of each weighted digit sum modulo 11
_ORG_CHECK = "0123456789X0"  # GB 11714: the check character of each 11 - (sum modulo 11)
_DONGGUAN_COMPANY = "91441900"  # credit code head: enterprise, company, registered in Dongguan
Ints = npt.NDArray[np.int64]
Texts = npt.NDArray[np.str_]
Column = npt.NDArray[Any]


@dataclass
class DemoBatch:
    """Generated accounts as columns: one list per field, all of the same length.

    Row ``i`` of every list belongs to the same customer, account and meter. Codes are the texts
    the database stores (``"resident_id"``, not ``IdType.RESIDENT_ID``); ``address_text`` is the
    ``text()`` of the row's :meth:`address`.
    """

    name: list[str]
    id_type: list[str]
    id_number: list[str]
    mobile: list[str]
    phone: list[str]
    district: list[str]
    street: list[str]
    community: list[str]
    building: list[str]
    unit: list[str]
    room: list[str]
    address_text: list[str]
    route_book: list[str]
    user_type: list[str]
    gas_use: list[str]
    household_size: list[int]
    heating: list[bool]
    low_income: list[bool]
    status: list[str]
    opened_on: list[date]
    meter_kind: list[str]
    meter_installed_on: list[date]
    meter_status: list[str]
    meter_jitter: list[int]  # which number of its serial's window the meter gets (0..36)

    def __len__(self) -> int:
        return len(self.name)

    def address(self, row: int) -> Address:
        """The premises address of one row."""
        return Address(self.district[row], self.street[row], self.community[row],
                       self.building[row], self.unit[row], self.room[row])


class _Weighted:
    """Values drawn with integer weights, a whole column at a time."""

    def __init__(self, values: Column, weights: Iterable[int]) -> None:
        self.values = values
        self._cumulative = np.cumsum(list(weights))

    @classmethod
    def of(cls, pairs: tuple[tuple[Any, int], ...]) -> _Weighted:
        """From ``(value, weight)`` pairs; enum members are drawn as their stored text."""
        return cls(_objects([_stored(value) for value, _ in pairs]), (w for _, w in pairs))

    def indices(self, gen: np.random.Generator, count: int) -> Ints:
        """``count`` random indices into ``values``, each as likely as its weight says."""
        rolls = gen.integers(0, self._cumulative[-1], count)
        return np.searchsorted(self._cumulative, rolls, side="right")

    def sample(self, gen: np.random.Generator, count: int) -> Column:
        """``count`` weighted random values."""
        return self.values[self.indices(gen, count)]


def _stored(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _objects(values: Iterable[object]) -> Column:
    """A numpy array of the very Python objects given (texts stay shared, not copied)."""
    items = list(values)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _join(*parts: Texts | str) -> Texts:
    """Row-wise concatenation of text columns (and constant texts)."""
    return reduce(np.strings.add, parts)  # type: ignore[arg-type]


def _texts(column: Texts) -> list[str]:
    """A text column as a list of Python strings."""
    texts: list[str] = column.tolist()
    return texts


@cache
def _digit_groups(width: int) -> Texts:
    """Every number of ``width`` digits, zero-padded: ``"000"``, ``"001"``, ... ``"999"``."""
    return np.array([f"{n:0{width}d}" for n in range(10**width)])


def zero_padded(numbers: Ints, width: int) -> Texts:
    """Each of ``numbers`` (0 up to ``10**width``) as text of ``width`` digits."""
    if numbers.size and not 0 <= numbers.min() <= numbers.max() < 10**width:
        raise ValueError(f"numbers must have {width} digits at most")
    low = min(width, 4)
    text: Texts = _digit_groups(low)[numbers % 10**low]
    if width == low:
        return text
    return _join(zero_padded(numbers // 10**low, width - low), text)


def meter_number(serial: int, jitter: int) -> str:
    """Meter number ``JK`` + 9 digits; distinct serials never share a number (windows of 37)."""
    if not 0 <= jitter < METER_WINDOW:
        raise ValueError("jitter must be in 0..36")
    value = METER_SERIAL_BASE + serial * METER_WINDOW + jitter
    if value >= 10**9:
        raise ValueError("meter serial out of range")
    return f"JK{value:09d}"


def meter_numbers(first_serial: int, jitters: list[int]) -> list[str]:
    """``meter_number(first_serial + k, jitters[k])`` for every ``k``, all at once."""
    if not jitters:
        return []
    offsets = np.asarray(jitters, dtype=np.int64)
    if offsets.min() < 0 or offsets.max() >= METER_WINDOW:
        raise ValueError("jitter must be in 0..36")
    serials = np.arange(first_serial, first_serial + len(jitters), dtype=np.int64)
    values = METER_SERIAL_BASE + serials * METER_WINDOW + offsets
    if values.max() >= 10**9:
        raise ValueError("meter serial out of range")
    return _texts(_join("JK", zero_padded(values, 9)))


def numbered(prefix: str, first: int, count: int, width: int) -> list[str]:
    """``prefix`` + each number from ``first`` on, zero-padded to ``width`` digits."""
    return _texts(_join(prefix, zero_padded(np.arange(first, first + count), width)))


def uscc_check_char(first17: str) -> str:
    """Check character of a unified social credit code (统一社会信用代码, GB 32100)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    """Check character of an organisation code (组织机构代码, GB 11714)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    return _ORG_CHECK[11 - total % 11]


@cache
def _birth_days() -> tuple[str, ...]:
    """Every possible date of birth as ``YYYYMMDD``, computed once (strftime is slow)."""
    first = FIRST_BIRTH.toordinal()
    return tuple(
        f"{date.fromordinal(day):%Y%m%d}" for day in range(first, LAST_BIRTH.toordinal() + 1)
    )


@cache
def _id_weights() -> Ints:
    """Each ID number position's GB 11643 weight (mod 11), read off ``id_check_digit`` itself."""
    probes = ("0" * position + "1" + "0" * (16 - position) for position in range(17))
    return np.array([_ID_CHECK.index(id_check_digit(probe)) for probe in probes])


def _weighted_sums(parts: Texts, offset: int) -> Ints:
    """GB 11643 weighted digit sums (mod 11) of equally long ID number parts at ``offset``."""
    digits = parts.view("U1").reshape(len(parts), -1).astype(np.int64)
    return digits @ _id_weights()[offset:offset + digits.shape[1]] % 11


def _given_names(chars: str) -> _Weighted:
    """Given names of one or two ``chars``, as likely as drawing them char by char makes them.

    One name in four has one character; a second character equal to the first takes two draws
    alike. Weights are chances times ``4 n**3``.
    """
    n = len(chars)
    pairs = [(a + b, 3 if a == b else 3 * (n + 1)) for a in chars for b in chars]
    singles = [(a, n * n) for a in chars]
    return _Weighted(np.array([name for name, _ in singles + pairs]),
                     (weight for _, weight in singles + pairs))


class _Tables:
    """The parts that batches are made of, built once: a few thousand short texts."""

    def __init__(self) -> None:
        self.surnames = _Weighted(np.array([s for s, _ in SURNAMES]), (w for _, w in SURNAMES))
        self.given = {True: _given_names(_MALE_CHARS), False: _given_names(_FEMALE_CHARS)}
        self.regions = _Weighted(np.array([r for r, _ in _REGIONS]), (w for _, w in _REGIONS))
        self.region_sums = _weighted_sums(self.regions.values, 0)
        self.births = np.array(_birth_days())
        self.birth_sums = _weighted_sums(self.births, 6)
        self.orders = zero_padded(np.arange(1000), 3)
        self.order_sums = _weighted_sums(self.orders, 14)
        self.check_chars = np.array(list(_ID_CHECK))
        self.mobile_prefixes = np.array(_MOBILE_PREFIXES)
        estates = [
            (district, code, street, estate, f"{code}-{number:03d}")
            for district, code, streets in DISTRICTS
            for number, (street, estate) in enumerate(
                ((s, e) for s, estates in streets for e in estates), start=1
            )
        ]
        self.district, _, self.street, self.community, self.route_book = (
            _objects(column) for column in zip(*estates, strict=True)
        )
        self.district_code = np.array([code for _, code, *_ in estates])
        self.short_district = _objects(d[:2] for d, *_ in estates)
        self.street_text = np.array([d + s for d, _, s, _, _ in estates])
        self.estate_text = np.array([d + s + e for d, _, s, e, _ in estates])
        self.building = _objects(str(b) for b in range(1, 31))
        self.building_text = np.array([f"{b}栋" for b in range(1, 31)])
        self.unit = _objects(str(u) for u in range(1, 5))
        self.unit_text = np.array([f"{u}单元" for u in range(1, 5)])
        self.room = _objects(f"{floor}{door:02d}" for floor in range(1, 34) for door in range(1, 5))
        self.room_text = np.array([f"{room}室" for room in self.room])
        self.house = _objects(f"{n}号" for n in range(1, 389))
        self.house_text = np.array(list(self.house))
        self.org_checks = np.array([_USCC_CHARS.index(c) for c in _ORG_CHECK])
        self.company_head = np.array([_USCC_CHARS.index(c) for c in _DONGGUAN_COMPANY])
        self.uscc_chars = np.array(list(_USCC_CHARS))


@cache
def _tables() -> _Tables:
    return _Tables()


class DemoPeople:
    """A seeded source of demo accounts: the same seed always gives the same people."""

    def __init__(self, seed: int, today: date) -> None:
        self._gen = np.random.default_rng(seed)
        self._tables = _tables()
        self._statuses = _Weighted.of(_STATUSES)
        self._gone = [i for i, (s, _) in enumerate(_STATUSES)
                      if s in (AccountStatus.REMOVED, AccountStatus.CLOSED)]
        self._kinds = _Weighted.of(_METER_KINDS)
        self._meter_states = _Weighted.of(_METER_STATES)
        self._household = _Weighted.of(_HOUSEHOLD)
        self._business = _Weighted.of(tuple((k, w) for k, w, _ in _BUSINESS_KINDS))
        first = FIRST_OPENING.toordinal()
        last = max(today.toordinal(), first + 1)
        self._openings = _objects(date.fromordinal(day) for day in range(first, last))

    def batch(self, count: int) -> DemoBatch:
        """The next ``count`` demo accounts: households, about one in twenty a business."""
        male = self._chance(0.5, count)
        columns = {
            "name": self._names(male), "id_type": _same(IdType.RESIDENT_ID, count),
            "id_number": self._id_numbers(male), **self._phones(count), **self._premises(count),
            "user_type": _same(UserType.RESIDENTIAL, count),
            "gas_use": _same(GasUse.COOKING, count),
            "household_size": self._household.sample(self._gen, count),
            "heating": self._chance(0.03, count), "low_income": self._chance(0.02, count),
            **self._history(count),
        }
        rows = np.flatnonzero(self._chance(NON_RESIDENTIAL_SHARE, count))
        for name, values in self._businesses(len(rows)).items():
            columns[name][rows] = values
        return DemoBatch(**{name: column.tolist() for name, column in columns.items()})

    def _chance(self, probability: float, count: int) -> npt.NDArray[np.bool_]:
        return self._gen.random(count) < probability

    def _below(self, n: int, count: int) -> Ints:
        return self._gen.integers(0, n, count)

    def _names(self, male: npt.NDArray[np.bool_]) -> Column:
        """Chinese personal names: weighted surname and a one- or two-character given name."""
        count, gen, tables = len(male), self._gen, self._tables
        given = np.where(male, tables.given[True].sample(gen, count),
                         tables.given[False].sample(gen, count))
        return _join(tables.surnames.sample(gen, count), given).astype(object)

    def _id_numbers(self, male: npt.NDArray[np.bool_]) -> Column:
        """18-digit resident ID numbers with correct GB 11643 check digits."""
        count, tables = len(male), self._tables
        region = tables.regions.indices(self._gen, count)
        born = self._below(len(tables.births), count)
        order = self._below(500, count) * 2 + male  # odd for men, even for women
        check = (tables.region_sums[region] + tables.birth_sums[born]
                 + tables.order_sums[order]) % 11
        return _join(tables.regions.values[region], tables.births[born], tables.orders[order],
                     tables.check_chars[check]).astype(object)

    def _phones(self, count: int) -> dict[str, Column]:
        """Most have a mobile only, some a mobile and a landline, a few only a landline."""
        roll = self._gen.random(count)
        return {"mobile": np.where(roll < 0.95, self._mobiles(count), "").astype(object),
                "phone": np.where(roll >= 0.80, self._landlines(count), "").astype(object)}

    def _mobiles(self, count: int) -> Texts:
        """11-digit mobile numbers (13x-19x)."""
        prefixes = self._tables.mobile_prefixes[self._below(len(_MOBILE_PREFIXES), count)]
        return _join(prefixes, zero_padded(self._below(10**8, count), 8))

    def _landlines(self, count: int) -> Texts:
        """Dongguan landlines, 0769-2xxxxxxx."""
        return _join("0769-2", zero_padded(self._below(10**7, count), 7))

    def _premises(self, count: int) -> dict[str, Column]:
        """Flats in the city's estates: building 1-30, unit 1-4, room 101-3304."""
        tables = self._tables
        estate = self._below(len(tables.community), count)
        building = self._below(len(tables.building), count)
        unit = self._below(len(tables.unit), count)
        room = self._below(len(tables.room), count)
        text = _join(tables.estate_text[estate], tables.building_text[building],
                     tables.unit_text[unit], tables.room_text[room])
        return {
            "district": tables.district[estate], "street": tables.street[estate],
            "community": tables.community[estate], "building": tables.building[building],
            "unit": tables.unit[unit], "room": tables.room[room],
            "address_text": text.astype(object), "route_book": tables.route_book[estate],
        }

    def _history(self, count: int) -> dict[str, Column]:
        """Opening dates, statuses and meters; meters of removed or closed accounts are gone."""
        gen, openings = self._gen, self._openings
        # More accounts were opened in recent years as the city grew: skew towards today.
        opened = (len(openings) * gen.random(count) ** 0.6).astype(np.int64)
        since = (gen.random(count) * (len(openings) - opened)).astype(np.int64)
        installed = opened + np.where(self._chance(0.2, count), since, 0)  # meter replaced
        status = self._statuses.indices(gen, count)
        meter_status = np.where(np.isin(status, self._gone), MeterStatus.REMOVED.value,
                                self._meter_states.sample(gen, count))
        return {
            "status": self._statuses.values[status], "opened_on": openings[opened],
            "meter_kind": self._kinds.sample(gen, count),
            "meter_installed_on": openings[installed], "meter_status": meter_status,
            "meter_jitter": self._below(METER_WINDOW, count),
        }

    def _businesses(self, count: int) -> dict[str, Column | object]:
        """``count`` shops, factories, schools and boiler houses, each on a street."""
        gen, tables = self._gen, self._tables
        kind = self._business.indices(gen, count)
        estate = self._below(len(tables.community), count)
        house = self._below(len(tables.house), count)
        places = np.where(self._chance(0.5, count), tables.street[estate],
                          tables.short_district[estate])
        names = [
            _business_name(k, roll, _SHOP_BRANDS[brand], place) for k, roll, brand, place in zip(
                kind.tolist(), gen.random(count).tolist(),
                self._below(len(_SHOP_BRANDS), count).tolist(), places.tolist(), strict=True)
        ]
        mobiles = np.where(self._chance(0.7, count), self._mobiles(count), "")
        return {
            "name": _objects(names), "id_type": IdType.BUSINESS_LICENCE.value,
            "id_number": self._credit_codes(count).astype(object),
            "mobile": mobiles.astype(object), "phone": self._landlines(count).astype(object),
            "district": tables.district[estate], "street": tables.street[estate],
            "community": tables.house[house], "building": "", "unit": "", "room": "",
            "address_text": _join(tables.street_text[estate], tables.house_text[house]),
            "route_book": _join(tables.district_code[estate], "-9", zero_padded(kind + 1, 2)),
            "user_type": UserType.NON_RESIDENTIAL.value,
            "gas_use": self._business.values[kind], "household_size": 1, "heating": False,
            "low_income": False,
        }

    def _credit_codes(self, count: int) -> Texts:
        """Unified social credit codes of companies registered in Dongguan, check chars right."""
        tables = self._tables
        body = self._below(18, count * 8).reshape(count, 8)  # organisation code: 0-9 and A-H
        org_check = tables.org_checks[11 - body @ _ORG_WEIGHTS % 11]
        head = np.broadcast_to(tables.company_head, (count, len(_DONGGUAN_COMPANY)))
        first17 = np.column_stack([head, body, org_check])
        check = (31 - first17 @ _USCC_WEIGHTS % 31) % 31
        chars = tables.uscc_chars[np.column_stack([first17, check])]
        return chars.view(f"U{chars.shape[1]}").ravel()  # type: ignore[no-any-return]


def _same(code: Enum, count: int) -> Column:
    return np.full(count, code.value, dtype=object)


def _business_name(kind: int, roll: float, brand: str, place: str) -> str:
    patterns = _BUSINESS_KINDS[kind][2]
    return patterns[int(roll * len(patterns))].format(brand=brand, place=place)
