"""The `veille` command line: thin Typer shells over library functions, registered in this one place."""

from __future__ import annotations

import typer

from veille.cli import core, geo, store

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
app.add_typer(geo.gazetteer_app, name="gazetteer")
app.command("geocode")(geo.geocode)
app.command("run")(store.run)
app.command("failures")(store.failures)
app.command("runs")(store.runs)
app.command("export")(store.export)
app.command("search")(store.search)

__all__ = ["app"]
