"""The database: models, engine and unit of work, the reminder outbox, migrations."""
