"""`veille run`, `veille failures`, `veille export`, `veille search`: the store's commands."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from veille.cli.common import (
    ALLOW_PRIVATE_OPTION,
    ENCODING_OPTION,
    count_inputs,
    date_option,
    exit_status,
    fail,
    published_option,
    reading_options,
    user_errors,
)

DB_HELP = "Store: a SQLite file path or a URL (postgresql://user@host/db). Default: veille.db in the user data dir."


def _db_option():
    return typer.Option(None, "--db", help=DB_HELP, envvar="VEILLE_DB")


def run(
    sources: list[str] = typer.Argument(..., help="Files, directories, JSONL/CSV corpora, feeds, URLs, or - (stdin)."),
    db: str | None = _db_option(),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (each loads the model)."),
    published: str | None = typer.Option(None, help="Fallback date (YYYY-MM-DD) for .txt files and undated pages."),
    detect_language: bool = typer.Option(True, "--detect-language/--no-detect-language",
                                         help="Skip articles detected as not French."),
    encoding: str | None = ENCODING_OPTION,
    allow_private: bool = ALLOW_PRIVATE_OPTION,
    chunk_size: int = typer.Option(16, "--chunk-size", min=1, help="Articles sent to a worker at once."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
) -> None:
    """Ingest, extract and store: every article once (same URL or same text is not processed twice).

    Exit status: 0 every input stored, already stored or skipped; 1 some failed (`veille failures --run N`
    lists them); 2 none could be processed.

    Example: veille run veille/samples/articles.jsonl --workers 2
    """
    from tqdm import tqdm

    from veille.runner import RunOptions, run_batch
    from veille.store import Store

    options = RunOptions(
        workers=workers,
        chunk_size=chunk_size,
        read=reading_options(published_option(published), encoding, allow_private, detect_language),
    )
    with user_errors(), Store.open(db) as store:
        if progress:
            typer.echo("veille: loading the French model (and, on a first run, building the gazetteer: "
                       "20-60 s)...", err=True)
        bar = tqdm(total=count_inputs(sources), unit="article", file=sys.stderr, disable=not progress,
                   desc="veille run")
        try:
            summary = run_batch(sources, store, options, progress=bar.update)
        finally:
            bar.close()
        typer.echo(format_summary(summary, store.url))
    raise typer.Exit(exit_status(summary.processed, summary.failed))


def format_summary(summary, url: str) -> str:
    """The final message of `veille run`: counts, events by type and by country, the first failures."""
    lines = [
        f"run {summary.run_id} into {url}: {summary.read} read, {summary.stored} stored, "
        f"{summary.duplicates} already stored, {summary.skipped} skipped, {summary.failed} failed "
        f"in {summary.seconds:.1f} s",
    ]
    for title, counts in (("events by type", summary.events_by_type), ("events by country", summary.events_by_country)):
        if counts:
            lines.append(f"{title}: " + ", ".join(f"{key} {n}" for key, n in counts.items()))
    if not summary.events_by_type:
        lines.append("events: none")
    for failure in summary.failures:
        lines.append(f"  {failure.kind}: {failure.label()}: {failure.reason}")
    hidden = summary.failed + summary.skipped - len(summary.failures)
    if hidden > 0:
        lines.append(f"  ... and {hidden} more: veille failures --run {summary.run_id}")
    return "\n".join(lines)


def failures(
    db: str | None = _db_option(),
    run_id: int | None = typer.Option(None, "--run", help="Only this run (default: every run)."),
    kind: str | None = typer.Option(None, "--kind", help="failed or skipped."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
) -> None:
    """List the inputs that could not be stored, with their source, line and reason.

    Example: veille failures --kind failed
    """
    from veille.store import Store

    if kind not in (None, "failed", "skipped"):
        fail(f"--kind must be failed or skipped, got {kind!r}")
    with user_errors(), Store.open(db, create=False) as store:
        rows = store.failures(run_id=run_id, kind=kind, limit=limit)
    for row in rows:
        where = f"{row['source']}:{row['line']}" if row["line"] is not None else row["source"]
        typer.echo(f"{row['kind']}\t{where}\t{row['reason']}")
    typer.echo(f"veille: {len(rows)} failure(s)", err=True)


def runs(
    db: str | None = _db_option(),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many, newest first."),
) -> None:
    """List the batch runs: id, start, end, status (running, done, interrupted), workers and counts.

    Example: veille runs --limit 5
    """
    from veille.store import Store

    with user_errors(), Store.open(db, create=False) as store:
        rows = store.runs(limit=limit)
    for row in rows:
        finished = row["finished_at"].isoformat(timespec="seconds") if row["finished_at"] else "-"
        counts = " ".join(f"{k}={v}" for k, v in (row["counts"] or {}).items())
        typer.echo(f"{row['id']}\t{row['started_at'].isoformat(timespec='seconds')}\t{finished}\t{row['status']}"
                   f"\tworkers={row['workers']}\t{counts}")
    typer.echo(f"veille: {len(rows)} run(s)", err=True)


def export(
    fmt: str = typer.Option("acled-csv", "--format", "-f", help="acled-csv, geojson, jsonl or parquet."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Output file (default: stdout)."),
    since: str | None = typer.Option(None, help="Events on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Events on or before this date (YYYY-MM-DD)."),
    country: str | None = typer.Option(None, help="ISO code (ML) or name (Mali)."),
    event_type: str | None = typer.Option(None, "--type", help="ACLED event or sub-event type, or PLOVER code."),
    db: str | None = _db_option(),
) -> None:
    """Export the stored events for researchers' tools (one row or feature per event).

    Example: veille export --format acled-csv --country ML --since 2024-01-01 -o mali.csv
    """
    from veille.export import BINARY_FORMATS, FORMATS, EventFilter, export_events
    from veille.export.query import check_filters
    from veille.store import Store

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    with user_errors():
        filters = check_filters(EventFilter(date_option(since, "--since"), date_option(until, "--until"),
                                            country, event_type))
    binary = fmt in BINARY_FORMATS
    with user_errors(), Store.open(db, create=False) as store:
        if output is None or str(output) == "-":
            if binary and sys.stdout.isatty():
                fail("parquet is binary: pass -o FILE or redirect stdout")
            count = export_events(store, fmt, sys.stdout.buffer if binary else sys.stdout, filters)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            text_mode = {} if binary else {"encoding": "utf-8", "newline": ""}
            with output.open("wb" if binary else "w", **text_mode) as out:
                count = export_events(store, fmt, out, filters)
    typer.echo(f"veille: exported {count} event(s) as {fmt}", err=True)


def search(
    query: str = typer.Argument(..., help="Words to find in article titles and texts."),
    limit: int = typer.Option(20, "--limit", min=1),
    db: str | None = _db_option(),
) -> None:
    """Full-text search over the stored articles (FTS5 on SQLite, tsvector on PostgreSQL).

    Example: veille search "attaque Mopti"
    """
    from veille.store import Store

    with user_errors(), Store.open(db, create=False) as store:
        for row in store.search(query, limit=limit):
            typer.echo(f"{row['published']}\t{row['record_id']}\t{row['title'] or ''}\t{row['snippet']}")
