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



def _version(value: bool) -> None:
    if value:
        from veille import __version__

        typer.echo(f"veille {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """French news to event data (ACLED / PLOVER), with evidence for every field."""


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
