"""Alembic environment of the store: run on the connection `veille.store.database.migrate` hands over."""

from __future__ import annotations

from alembic import context

from veille.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("veille migrations run through veille.store.database.migrate(engine), not the alembic CLI")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
