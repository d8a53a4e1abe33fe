import json

from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()

TEXT = "\n\n".join(
    f"Paragraph {i}: the delegation from region {i * 5} discussed the railway budget line {i * 7}."
    for i in range(10))


def ingest(tmp_path, *paths, extra=("--no-extract",)):
    db = str(tmp_path / "kb.db")
    return db, runner.invoke(app, ["ingest", "--db", db, *extra, *map(str, paths)])


def test_ingest_prints_a_summary_and_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, result = ingest(tmp_path, tmp_path / "a.txt")
    assert result.exit_code == 0, result.output
    assert "added" in result.output and "1" in result.output


def test_ingest_exits_non_zero_when_a_file_fails_but_stores_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db, result = ingest(tmp_path, tmp_path / "a.txt", tmp_path / "empty.txt", tmp_path / "nope.md")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "nope.md" in result.output
    docs = runner.invoke(app, ["docs", "--db", db])
    assert "a.txt" in docs.output


def test_export_facts_is_json_lines_with_a_document_record(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, _ = ingest(tmp_path, tmp_path / "a.txt")
    result = runner.invoke(app, ["export", "--db", db, "--format", "facts"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    docs = [r for r in records if r["kind"] == "document"]
    assert [d["doc"] for d in docs] == ["a.txt"] and "railway budget" in docs[0]["text"]


def test_export_csv_writes_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, _ = ingest(tmp_path, tmp_path / "a.txt")
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "a.txt" in rows[1]


def test_show_prints_clean_text_and_unknown_document_says_what_to_do(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, _ = ingest(tmp_path, tmp_path / "a.txt")
    assert "railway budget line 14" in runner.invoke(app, ["show", "a.txt", "--db", db]).output
    missing = runner.invoke(app, ["show", "zzz.txt", "--db", db])
    assert missing.exit_code == 2 and "dossier docs" in missing.output


def test_commands_on_a_missing_database_say_how_to_build_one(tmp_path):
    result = runner.invoke(app, ["docs", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "dossier ingest" in result.output


def test_unknown_export_format_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, _ = ingest(tmp_path, tmp_path / "a.txt")
    result = runner.invoke(app, ["export", "--db", db, "--format", "xml"])
    assert result.exit_code == 2 and "facts or csv" in result.output


def test_article_text_is_not_interpreted_as_console_markup(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT + "\n\n[bold red]not markup[/bold red] and [link=x]y[/link]",
                                    encoding="utf-8")
    db, _ = ingest(tmp_path, tmp_path / "a.txt")
    out = runner.invoke(app, ["show", "a.txt", "--db", db]).output
    assert "[bold red]not markup[/bold red]" in out
