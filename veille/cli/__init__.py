"""The `veille` command line: thin Typer shells over library functions, registered in this one place."""

from __future__ import annotations

import typer

from veille.cli import core

app = typer.Typer(
    name="veille",
    help="French news to event data (ACLED / PLOVER), with evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("extract")(core.extract)
app.command("evaluate")(core.evaluate)
app.command("schema")(core.schema)

__all__ = ["app"]
