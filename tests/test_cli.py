import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from veille.cli import app
from veille.model import article_json_schema

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "veille" / "samples" / "articles.jsonl"


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_schema_command_prints_json_schema():
    result = run("schema")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "veille article record"


def test_extract_writes_one_valid_record_per_article_in_order(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(SAMPLES), "-o", str(out), "--no-progress")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected_ids = [json.loads(line)["id"] for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == expected_ids
    schema = article_json_schema()
    for record in records:
        jsonschema.validate(record, schema)


def test_bad_lines_are_reported_not_dropped(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "ok", "published": "2024-01-02", "text": "Des manifestants ont défilé hier à Lyon."}\n'
        "not json\n"
        '{"id": "notext", "published": "2024-01-02"}\n'
        '{"id": "baddate", "published": "2024-13-45", "text": "Bonjour."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("extract", str(source), "-o", str(out), "--no-progress")
    assert result.exit_code == 1, result.output  # some inputs failed
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["error"] is None for r in records] == [True, False, False, False]
    assert "not JSON" in records[1]["error"]
    assert "text" in records[2]["error"]
    assert "published" in records[3]["error"]


def test_text_file_needs_published(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("Des manifestants ont défilé hier à Lyon.", encoding="utf-8")
    result = run("extract", str(source), "--no-progress", "--published", "2024-01-02")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "article.txt" and record["text"].startswith("Des manifestants")


def test_evaluate_with_prediction_file_prints_scores(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "events": [{"acled": None, "plover": "ACCUSE", "date": "2020-01-01",
                                                        "date_precision": "unknown", "location": None,
                                                        "borderline": False, "evidence": "x"}]}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a", "events": []}) + "\n")
    result = run("evaluate", "--gold", str(gold), "--pred", str(pred), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"]["misses"] == 1


ARTICLE = '{"id": "ok", "published": "2024-01-02", "text": "Des manifestants ont défilé hier à Lyon."}\n'


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("veille ")


def test_extract_exit_status_says_what_happened(tmp_path):
    good, bad = tmp_path / "bon.jsonl", tmp_path / "mauvais.jsonl"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_text("pas du json\n", encoding="utf-8")
    assert run("extract", str(good), "--no-progress").exit_code == 0
    assert run("extract", str(good), str(bad), "--no-progress").exit_code == 1
    assert run("extract", str(bad), "--no-progress").exit_code == 2
    assert run("extract", str(tmp_path / "absent.jsonl"), "--no-progress").exit_code == 2


def test_extract_never_replaces_a_good_output_when_nothing_could_be_processed(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("earlier good output\n", encoding="utf-8")
    bad = tmp_path / "mauvais.jsonl"
    bad.write_text("pas du json\n", encoding="utf-8")
    result = run("extract", str(bad), "-o", str(out), "--no-progress")
    assert result.exit_code == 2 and "left unchanged" in result.stderr
    assert out.read_text(encoding="utf-8") == "earlier good output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_extract_layer_exception_becomes_an_error_record(tmp_path, monkeypatch):
    import veille.extract.dates as dates_layer

    real = dates_layer.find_matches
    monkeypatch.setattr(dates_layer, "find_matches",
                        lambda text, lex: (_ for _ in ()).throw(IndexError("E035")) if "Lyon" in text
                        else real(text, lex))
    source = tmp_path / "in.jsonl"
    source.write_text(ARTICLE + ARTICLE.replace('"ok"', '"deux"').replace("Lyon", "Gao"), encoding="utf-8")
    result = run("extract", str(source), "--no-progress")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["error"] == "extraction failed in dates: IndexError: E035"
    assert records[1]["id"] == "deux" and records[1]["error"] is None


def test_output_that_is_a_directory_is_a_clear_error(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(source), "-o", str(tmp_path), "--no-progress")
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_read_only_commands_never_create_a_store(tmp_path):
    typo = tmp_path / "veile.db"
    for command in (["failures"], ["runs"], ["export"], ["search", "Mali"]):
        result = run(*command, "--db", str(typo))
        assert result.exit_code == 2 and "no store at" in result.stderr, command
    assert not typo.exists()


def test_export_filters_refuse_what_matches_nothing_by_construction(tmp_path):
    db = tmp_path / "veille.db"
    from veille.store import Store

    Store.open(db).close()
    assert run("export", "--db", str(db), "--country", "ML").exit_code == 0
    assert run("export", "--db", str(db), "--country", "Mali", "--type", "armed clash").exit_code == 0
    for option, value in (("--country", "XX"), ("--country", "Malie"), ("--type", "bataille")):
        result = run("export", "--db", str(db), option, value)
        assert result.exit_code == 2 and "unknown" in result.stderr, (option, value)


def test_run_exit_status(tmp_path):
    good = tmp_path / "bon.jsonl"
    good.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "veille.db")
    assert run("run", str(good), "--db", db, "--no-progress").exit_code == 0
    assert run("run", str(good), "--db", db, "--no-progress").exit_code == 0  # already stored: fine
    assert run("run", str(tmp_path / "absent"), "--db", db, "--no-progress").exit_code == 2
    assert run("run", str(good), str(tmp_path / "absent"), "--db", db, "--no-progress").exit_code == 1
