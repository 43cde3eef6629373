"""`veille extract`, `veille evaluate`, `veille schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from tqdm import tqdm

from veille.cli.common import (
    ALLOW_PRIVATE_OPTION,
    ENCODING_OPTION,
    AtomicOutput,
    check_output_path,
    count_inputs,
    exit_status,
    fail,
    published_option,
    reading_options,
    user_errors,
)


def extract(
    inputs: list[str] = typer.Argument(..., help="JSONL file(s), .txt/.html file(s), directories, or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Output JSONL file (default: stdout)."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt/.html inputs."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the article text to each record."),
    encoding: str | None = ENCODING_OPTION,
    allow_private: bool = ALLOW_PRIVATE_OPTION,
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
) -> None:
    """Extract events, dates, places, entities and quotes: one JSON record per input article, in order.

    Exit status: 0 all inputs processed, 1 some failed (their records carry an `error`), 2 none could be
    processed (then an existing -o file is left as it was).

    Example: veille extract articles.jsonl -o events.jsonl
    """
    from veille.ingest.readers import Reader
    from veille.pipeline import Extractor, Options, process

    check_output_path(output)
    read_options = reading_options(published_option(published), encoding, allow_private)
    html_or_text = any(not str(s).endswith((".jsonl", ".ndjson")) and s != "-" for s in inputs)
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    with user_errors():
        if progress:
            typer.echo("veille: loading the French model (and, on a first run, building the gazetteer: "
                       "20-60 s)...", err=True)
        extractor = Extractor(Options(include_text=include_text or html_or_text))
        total = count_inputs(inputs)
        bar = tqdm(total=total, unit="article", disable=not progress or total == 1, file=sys.stderr)
        out = AtomicOutput(output) if output is not None and str(output) != "-" else None
        try:
            for outcome in process(Reader(read_options).read(inputs), extractor):
                counts[outcome.status] += 1
                if outcome.status != "ok":
                    typer.echo(f"veille: {outcome.status} {outcome.record.error}", err=True)
                (out or sys.stdout).write(outcome.record.model_dump_json(exclude_none=False) + "\n")
                bar.update(1)
        except BaseException:
            if out is not None:
                out.discard()
            raise
        finally:
            bar.close()
    processed = counts["ok"] + counts["skipped"]
    if out is not None:
        if processed or not output.exists():
            out.commit()
        else:
            out.discard()
            typer.echo(f"veille: nothing could be processed: {output} left unchanged", err=True)
    if counts["failed"]:
        total_read = sum(counts.values())
        typer.echo(f"veille: {counts['failed']} of {total_read} input(s) could not be processed (see above)",
                   err=True)
    raise typer.Exit(exit_status(processed, counts["failed"]))


def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL (events-dev.jsonl format)."),
    pred: Path | None = typer.Option(None, "--pred", help="Predictions JSONL; extraction runs when omitted."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    articles: bool = typer.Option(True, "--articles/--no-articles", help="Per-article misses and false alarms."),
) -> None:
    """Score events against gold data (precision, recall, F1, field accuracies, per-article errors).

    Example: veille evaluate --gold ../shared/eval/events-dev.jsonl
    """
    from veille.evaluate import format_report, score

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    gold_articles = _read_records(gold, "gold")
    failed = 0
    if pred is not None:
        if not pred.exists():
            fail(f"no such prediction file: {pred}")
        predictions = _read_records(pred, "prediction")
    else:
        from veille.ingest.readers import Reader
        from veille.pipeline import Extractor, process

        with user_errors():
            extractor = Extractor()
            bar = tqdm(total=len(gold_articles), unit="article", file=sys.stderr, disable=not sys.stderr.isatty())
            predictions = []
            for outcome in process(Reader().read([str(gold)]), extractor):
                if outcome.status == "failed":
                    failed += 1
                    typer.echo(f"veille: failed {outcome.record.error}", err=True)
                predictions.append(outcome.record.model_dump(mode="json"))
                bar.update(1)
            bar.close()
    scores = score(gold_articles, predictions)
    if as_json:
        typer.echo(json.dumps(scores.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(format_report(scores, show_articles=articles))
    if failed:
        typer.echo(f"veille: {failed} article(s) could not be extracted: scored as predicting nothing", err=True)
    raise typer.Exit(exit_status(len(predictions) - failed, failed))


def _read_records(path: Path, what: str) -> list[dict]:
    """The records of a gold or prediction JSONL file; a file that is not one is a clear error."""
    from veille.evaluate import read_jsonl

    try:
        records = read_jsonl(str(path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"cannot read {what} file {path}: {exc}")
    if not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in records):
        fail(f"{what} file {path}: every line must be a JSON object with a string 'id'")
    return records


def schema() -> None:
    """Print the JSON Schema of one output record of `veille extract`.

    Example: veille schema > article.schema.json
    """
    from veille.model import article_json_schema

    typer.echo(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
