"""Writing an IC card after a gas purchase (IC卡写卡): card image, writer port, null writer.

Where a vendor driver plugs in
------------------------------
A card-writer driver (GOLDCARD 金卡, 先锋, 秦川 … usually a vendor DLL or a serial/USB reader
wrapped in Python) is one class with one method::

    class GoldcardWriter:                       # e.g. app/services/card_drivers/goldcard.py
        def write(self, image: CardImage) -> None:
            ...  # open the reader, check the card in it is image.card_no, write the fields,
                 # read them back; on any failure raise CardWriteFailed("reason for the clerk")

It satisfies the ``CardWriter`` protocol below (no base class needed) and is handed to
``IcService(db, clock, writer=GoldcardWriter(...))`` where the services are built
(``Services`` in the main window). Nothing else changes: ``IcService.purchase`` commits the
purchase first and only then calls ``writer.write(image)``, so a reader that is unplugged, a
wrong card or a crash mid-write never loses or doubles a purchase; the clerk retries with
``IcService.rewrite``. Until a driver is configured, ``NullCardWriter`` accepts every image and
writes nothing (the hall records and prints the purchase; the card is loaded elsewhere).

``CardImage`` carries what a GOLDCARD card holds (DOMAIN.md §8.6): card number, buy count, gas
(litres on a volume meter, fen on a money meter), price1..5, ladderVolume1..4, the price
version and its effective date, the tier cycle's start and length, and the deferred price set
(延时价格) when a later tariff version is already known. Units are the hall's: litres, fen and
1/10000 yuan per m³; a driver converts to the card's units (m³, 0.01 yuan …) itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

CYCLE_MONTHS = 12  # the tier cycle is annual (DOMAIN.md §8.1)


@dataclass(frozen=True)
class CardPriceSet:
    """One tariff version as a card holds it: prices per tier and the tier volumes between them."""

    version: int  # tariff version id (priceVersion)
    effective_from: date  # priceEffectiveDate
    prices: tuple[int, ...]  # price1..; 1/10000 yuan per m³
    ladder_litres: tuple[int, ...]  # ladderVolume1..; annual thresholds for this household


@dataclass(frozen=True)
class CardImage:
    """Everything to write onto the card of one purchase (GOLDCARD fields, DOMAIN.md §8.6)."""

    purchase_id: int
    receipt_no: str
    card_no: str  # the hall issues one card per meter, numbered like the meter
    meter_no: str
    meter_kind: str  # ic_volume | ic_money
    buy_count: int  # 购气次数: the meter accepts only its own count + 1
    gas: int  # litres on an ic_volume meter, fen on an ic_money meter
    gas_unit: str  # "litres" | "fen"
    prices: CardPriceSet
    cycle_start: date  # priceCycleDate
    cycle_length_months: int  # cycleLength
    deferred: CardPriceSet | None = None  # 延时价格: the next version, once it is known


class CardWriteFailed(Exception):
    """The card was not written; ``reason`` is shown to the clerk (no card, wrong card …)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CardWriter(Protocol):
    """What a card-writer driver does: write one image or raise ``CardWriteFailed``."""

    def write(self, image: CardImage) -> None:
        """Write ``image`` onto the card in the reader; raise ``CardWriteFailed`` on failure."""
        ...


class NullCardWriter:
    """No card writer configured: every write 'succeeds' and nothing is written or kept."""

    def write(self, image: CardImage) -> None:
        """Accept the image and do nothing."""
