"""Foundation: halls, users, audit log, counters, customers, accounts, meters, address search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _code(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    _system_tables()
    _account_tables()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search_and_guards()
    else:
        _postgresql_search_and_guards()


def _system_tables() -> None:
    op.create_table(
        "halls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("hotline", sa.String(32), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("opening_hours", sa.String(120), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_halls"),
        sa.UniqueConstraint("code", name="uq_halls_code"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("full_name", sa.String(60), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_users_hall_id_halls"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_index("ix_users_hall_id", "users", ["hall_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(32), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_audit_log_hall_id_halls"),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_actor", "audit_log", ["actor"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_table(
        "chain_heads",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_chain_heads"),
    )
    op.create_table(
        "counters",
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_counters_hall_id_halls"),
        sa.PrimaryKeyConstraint("hall_id", "name", "period", name="pk_counters"),
    )


def _account_tables() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", _code(60), nullable=False),
        sa.Column("id_type", sa.String(20), nullable=False),
        sa.Column("id_number", sa.String(32), nullable=False),
        sa.Column("mobile", sa.String(20), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("mobile_rev", _code(20), nullable=False),
        sa.Column("phone_rev", _code(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_customers"),
    )
    for column in ("name", "id_number", "mobile_rev", "phone_rev"):
        op.create_index(f"ix_customers_{column}", "customers", [column])
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("account_no", _code(20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("user_type", sa.String(20), nullable=False),
        sa.Column("gas_use", sa.String(20), nullable=False),
        sa.Column("household_size", sa.Integer(), nullable=False),
        sa.Column("heating", sa.Boolean(), nullable=False),
        sa.Column("low_income", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("route_book", sa.String(20), nullable=False),
        sa.Column("district", sa.String(40), nullable=False),
        sa.Column("street", sa.String(60), nullable=False),
        sa.Column("community", sa.String(60), nullable=False),
        sa.Column("building", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("room", sa.String(20), nullable=False),
        sa.Column("address_text", _code(240), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_accounts_customer_id_customers"),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_accounts_hall_id_halls"),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("account_no", name="uq_accounts_account_no"),
    )
    for column in ("hall_id", "customer_id", "route_book"):
        op.create_index(f"ix_accounts_{column}", "accounts", [column])
    op.create_table(
        "meters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("meter_no", _code(32), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("digits", sa.Integer(), nullable=False),
        sa.Column("installed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"],
                                name="fk_meters_account_id_accounts"),
        sa.PrimaryKeyConstraint("id", name="pk_meters"),
        sa.UniqueConstraint("meter_no", name="uq_meters_meter_no"),
    )
    op.create_index("ix_meters_account_id", "meters", ["account_id"])


def _sqlite_search_and_guards() -> None:
    # Address fragments of 3+ characters: an FTS5 trigram index kept in step by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE account_address_fts USING fts5("
        "address_text, content='accounts', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER account_address_fts_ai AFTER INSERT ON accounts BEGIN "
        "INSERT INTO account_address_fts(rowid, address_text) VALUES (new.id, new.address_text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER account_address_fts_ad AFTER DELETE ON accounts BEGIN "
        "INSERT INTO account_address_fts(account_address_fts, rowid, address_text) "
        "VALUES ('delete', old.id, old.address_text); END"
    )
    op.execute(
        "CREATE TRIGGER account_address_fts_au AFTER UPDATE OF address_text ON accounts BEGIN "
        "INSERT INTO account_address_fts(account_address_fts, rowid, address_text) "
        "VALUES ('delete', old.id, old.address_text); "
        "INSERT INTO account_address_fts(rowid, address_text) VALUES (new.id, new.address_text); "
        "END"
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log BEGIN "
            "SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def _postgresql_search_and_guards() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        "CREATE INDEX ix_accounts_address_trgm ON accounts USING gin (address_text gin_trgm_ops)"
    )
    op.execute(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE account_address_fts")
    else:
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    for table in ("meters", "accounts", "customers", "counters", "chain_heads", "audit_log",
                  "users", "halls"):
        op.drop_table(table)
