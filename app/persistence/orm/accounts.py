"""Customers, their gas accounts (with the premises address) and meters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.persistence.orm.base import Base, code_string


class Customer(Base):
    """The person or company that holds one or more accounts."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(code_string(60), index=True)
    id_type: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    mobile: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    # Digits reversed, so that "last four digits" is an indexed prefix range.
    mobile_rev: Mapped[str] = mapped_column(code_string(20), default="", index=True)
    phone_rev: Mapped[str] = mapped_column(code_string(20), default="", index=True)


class Account(Base):
    """A gas account (户) at one premises, with its tariff-relevant settings."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    account_no: Mapped[str] = mapped_column(code_string(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    user_type: Mapped[str] = mapped_column(String(20))
    gas_use: Mapped[str] = mapped_column(String(20))
    household_size: Mapped[int] = mapped_column(Integer, default=3)
    heating: Mapped[bool] = mapped_column(Boolean, default=False)
    low_income: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))
    route_book: Mapped[str] = mapped_column(String(20), default="", index=True)
    district: Mapped[str] = mapped_column(String(40), default="")
    street: Mapped[str] = mapped_column(String(60), default="")
    community: Mapped[str] = mapped_column(String(60), default="")
    building: Mapped[str] = mapped_column(String(20), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    room: Mapped[str] = mapped_column(String(20), default="")
    address_text: Mapped[str] = mapped_column(code_string(240), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    customer: Mapped[Customer] = relationship(lazy="joined", innerjoin=True)
    meters: Mapped[list[Meter]] = relationship(back_populates="account", order_by="Meter.id")

    __mapper_args__ = {"version_id_col": version}


class Meter(Base):
    """A gas meter (表具) installed for an account."""

    __tablename__ = "meters"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    meter_no: Mapped[str] = mapped_column(code_string(32), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    digits: Mapped[int] = mapped_column(Integer, default=5)
    installed_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20))

    account: Mapped[Account] = relationship(back_populates="meters")
