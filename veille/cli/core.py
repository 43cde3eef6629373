"""`veille extract`, `veille evaluate`, `veille schema`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import typer
from tqdm import tqdm

from veille.cli.common import fail, open_output, user_errors


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--published must be YYYY-MM-DD, got {value!r}")
    return None


def extract(
    inputs: list[str] = typer.Argument(..., help="JSONL file(s), .txt/.html file(s), directories, or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Output JSONL file (default: stdout)."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt/.html inputs."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the article text to each record."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
) -> None:
    """Extract events, dates, places, entities and quotes: one JSON record per input article, in order.

    Example: veille extract articles.jsonl -o events.jsonl
    """
    from veille.ingest.readers import Failure, iter_source
    from veille.model import ArticleRecord
    from veille.pipeline import Extractor, Options

    published_date = _parse_date(published)
    with user_errors():
        extractor = Extractor(Options(include_text=include_text))
        items = [item for source in inputs for item in iter_source(source, published_date)]
        articles = [item for item in items if not isinstance(item, Failure)]
        html_or_text = any(not str(s).endswith((".jsonl", ".ndjson")) and s != "-" for s in inputs)
        if html_or_text:
            extractor.options.include_text = True
        records = extractor.extract(articles)
        bar = tqdm(total=len(items), unit="article", disable=not progress or len(items) < 2, file=sys.stderr)
        failures = 0
        with open_output(output) as out:
            for item in items:
                if isinstance(item, Failure):
                    failures += 1
                    error = f"{item.label()}: {item.reason}"
                    record = ArticleRecord(id=item.id or item.label(), lang=None, error=error)
                    typer.echo(f"veille: skipped {item.label()}: {item.reason}", err=True)
                else:
                    record = next(records)
                out.write(record.model_dump_json(exclude_none=False) + "\n")
                bar.update(1)
        bar.close()
    if failures:
        typer.echo(f"veille: {failures} of {len(items)} input(s) could not be processed (see above)", err=True)


def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL (events-dev.jsonl format)."),
    pred: Path | None = typer.Option(None, "--pred", help="Predictions JSONL; extraction runs when omitted."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    articles: bool = typer.Option(True, "--articles/--no-articles", help="Per-article misses and false alarms."),
) -> None:
    """Score events against gold data (precision, recall, F1, field accuracies, per-article errors).

    Example: veille evaluate --gold ../shared/eval/events-dev.jsonl
    """
    from veille.evaluate import format_report, read_jsonl, score

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    gold_articles = read_jsonl(str(gold))
    if pred is not None:
        if not pred.exists():
            fail(f"no such prediction file: {pred}")
        predictions = read_jsonl(str(pred))
    else:
        from veille.ingest.readers import Failure, iter_source
        from veille.pipeline import Extractor

        with user_errors():
            items = [i for i in iter_source(str(gold)) if not isinstance(i, Failure)]
            bar = tqdm(total=len(items), unit="article", file=sys.stderr, disable=not sys.stderr.isatty())
            predictions = []
            for record in Extractor().extract(items):
                predictions.append(record.model_dump(mode="json"))
                bar.update(1)
            bar.close()
    scores = score(gold_articles, predictions)
    if as_json:
        typer.echo(json.dumps(scores.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(format_report(scores, show_articles=articles))


def schema() -> None:
    """Print the JSON Schema of one output record of `veille extract`.

    Example: veille schema > article.schema.json
    """
    from veille.model import article_json_schema

    typer.echo(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
