"""Declarative base and column types shared by all mappings."""

from __future__ import annotations

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeEngine

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every mapped class; constraint names are stable for migrations."""

    metadata = MetaData(naming_convention=NAMING)


def code_string(length: int) -> TypeEngine[str]:
    """A string compared byte by byte, so that prefix ranges use the index on PostgreSQL too."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")
