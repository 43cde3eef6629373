"""Pieces shared by the CLI commands: error reporting and output handling."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer

from veille.errors import VeilleError


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
