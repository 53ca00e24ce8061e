"""Alembic environment: runs on the connection that GasHall hands over in the config."""

from __future__ import annotations

from alembic import context

from app.persistence.orm import Base

# Tables and indexes that the migrations make by hand and the models do not describe.
HAND_MADE = ("account_address_fts", "ix_accounts_address_trgm")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the full-text search tables and trigram index out of autogenerate comparisons."""
    return not (name or "").startswith(HAND_MADE)


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
