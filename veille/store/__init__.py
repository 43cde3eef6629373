"""The event store: SQLAlchemy Core tables, Alembic migrations, SQLite by default, PostgreSQL by URL."""

from veille.store.database import default_db_path, resolve_db_url
from veille.store.store import Store

__all__ = ["Store", "default_db_path", "resolve_db_url"]
