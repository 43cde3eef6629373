import json

from typer.testing import CliRunner

from veille.cli import app

runner = CliRunner()


def _run(args, env):
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    return result


def test_geocode_name_with_context(gazetteer):
    env = {"VEILLE_DATA_DIR": str(gazetteer.parent)}
    out = json.loads(_run(["geocode", "Homs", "--context", "la guerre en Syrie"], env).stdout)
    assert out["country"] == "SY" and out["precision"] == "exact" and out["lat"] is not None


def test_geocode_input_file_keeps_order_and_fields(gazetteer, tmp_path):
    env = {"VEILLE_DATA_DIR": str(gazetteer.parent)}
    source = tmp_path / "in.jsonl"
    lines = [{"name": "Alep", "id": 1}, {"name": "Xyzzyplughville"}, {"name": "Tripoli", "country": "LB"}]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    _run(["geocode", "--input", str(source), "-o", str(target)], env)
    rows = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert [r["name"] for r in rows] == ["Alep", "Xyzzyplughville", "Tripoli"]
    assert rows[0]["id"] == 1 and rows[0]["country"] == "SY"
    assert rows[1]["lat"] is None and rows[1]["lon"] is None
    assert rows[2]["country"] == "LB"


def test_geocode_needs_a_name_or_a_file(gazetteer):
    result = runner.invoke(app, ["geocode"], env={"VEILLE_DATA_DIR": str(gazetteer.parent)})
    assert result.exit_code != 0


def test_geocode_landmark_and_institution(gazetteer, tmp_path):
    env = {"VEILLE_DATA_DIR": str(gazetteer.parent)}
    source = tmp_path / "in.jsonl"
    lines = [{"name": "le Kremlin"}, {"name": "Assemblée nationale", "country": "NE"},
             {"name": "Assemblée nationale"}]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    rows = [json.loads(x) for x in _run(["geocode", "--input", str(source)], env).stdout.splitlines()]
    assert rows[0]["country"] == "RU" and rows[0]["precision"] == "near" and rows[0]["lat"] is not None
    assert rows[1]["gazetteer_name"] == "Niamey" and rows[1]["precision"] == "near"
    assert rows[2]["lat"] is None  # which country's assembly: not said
