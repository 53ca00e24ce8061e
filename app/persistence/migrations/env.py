"""Alembic environment: runs on the connection that GasHall hands over in the config."""

from __future__ import annotations

from alembic import context

from app.persistence.migrate import include_object
from app.persistence.orm import Base

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
