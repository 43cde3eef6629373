"""Where the store lives and how it is opened: SQLite in the user data dir by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from veille.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_FILENAME = "veille.db"
DATA_DIR_ENV = "VEILLE_DATA_DIR"
# Seconds a writer waits for a lock held by another process before giving up (SQLite).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> Path:
    """$VEILLE_DATA_DIR/veille.db, else veille.db in the platform's user data directory."""
    folder = os.environ.get(DATA_DIR_ENV)
    if not folder:
        import platformdirs

        folder = platformdirs.user_data_dir("veille", appauthor=False)
    return Path(folder).expanduser() / DB_FILENAME


def resolve_db_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from `--db`: a URL is used as is (postgresql:// means psycopg 3), else a file path."""
    if db is None:
        path = default_db_path()
    else:
        text = str(db)
        if "://" in text:
            if text.startswith(("postgresql://", "postgres://")):
                return "postgresql+psycopg://" + text.split("://", 1)[1]
            return text
        path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def sqlite_path(db: str | os.PathLike | None) -> Path | None:
    """The file of a SQLite store (None for a server URL)."""
    if db is None:
        return default_db_path()
    text = str(db)
    if "://" in text:
        return Path(text.split(":///", 1)[1]) if text.startswith("sqlite:///") else None
    return Path(text).expanduser()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers work during a batch; NORMAL sync is safe against a killed process (not power loss)."""
    cursor = dbapi_connection.cursor()
    pragmas = ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    for pragma in pragmas:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(db: str | os.PathLike | None = None) -> Engine:
    """An engine for the store; raises StoreError with the URL when the database cannot be reached."""
    url = resolve_db_url(db)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open store {safe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it on a new database); cheap when up to date."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open store {safe_url(str(engine.url))}: {exc.orig}") from exc


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url
