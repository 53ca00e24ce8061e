"""Storage: engine setup, ORM, migrations, backups."""
