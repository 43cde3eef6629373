"""Pieces shared by the CLI commands: error reporting and output handling."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer

from veille.errors import VeilleError

ENCODING_OPTION = typer.Option(
    None, "--encoding", help="Encoding of .txt, .csv and .jsonl inputs that are not UTF-8 (e.g. cp1252)."
)
ALLOW_PRIVATE_OPTION = typer.Option(
    False, "--allow-private", help="Let feeds and URLs reach loopback and private network addresses."
)


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error on stderr and exit (never a traceback for a user error)."""
    typer.echo(f"veille: error: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn veille's own errors into one-line messages."""
    try:
        yield
    except VeilleError as exc:
        fail(str(exc))


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """stdout when no path is given, else the file (its folder created)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yield handle


def date_option(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD option as a date (None when not given); a bad date is a clear error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{name} must be YYYY-MM-DD, got {value!r}")
    return None


def published_option(value: str | None) -> dt.date | None:
    """--published: a date that can be a publication date (not 0001-01-01, not next year)."""
    from veille.model import check_published

    day = date_option(value, "--published")
    if day is not None:
        try:
            check_published(day)
        except ValueError as exc:
            fail(f"--published: {exc}")
    return day


def reading_options(published, encoding: str | None, allow_private: bool, detect_language: bool = True):
    """The readers' options from the shared command-line options (an unknown encoding is a clear error)."""
    import codecs

    from veille.ingest.fetch import FetchOptions
    from veille.ingest.readers import ReadOptions

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            fail(f"--encoding: unknown encoding {encoding!r}")
    return ReadOptions(published=published, encoding=encoding, detect_language=detect_language,
                       fetch=FetchOptions(allow_private=allow_private))


def count_inputs(sources: list[str]) -> int | None:
    """How many articles the sources hold, for the progress bar's total (None when unknown: feeds, stdin)."""
    from veille.ingest.readers import count_items

    return count_items(sources)


def exit_status(processed: int, failed: int) -> int:
    """The exit status of a batch command: 0 every input processed (or deliberately skipped, such as a
    non-French article), 1 some inputs failed, 2 none could be processed."""
    if failed == 0:
        return 0
    return 1 if processed else 2


def check_output_path(path: Path | None) -> None:
    """A clear error before any work when `-o` cannot be a file."""
    if path is None or str(path) == "-":
        return
    if path.is_dir():
        fail(f"-o {path} is a directory: give a file name")
    if path.parent.exists() and not path.parent.is_dir():
        fail(f"-o {path}: {path.parent} is not a directory")


class AtomicOutput:
    """A file written to a temporary name beside it and moved into place by `commit`: a failed or empty
    batch never replaces a good earlier output, and a killed one never leaves half a file."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
        self.handle: IO[str] = self.temporary.open("w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.handle.write(text)

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        self.handle.close()
        self.temporary.unlink(missing_ok=True)
