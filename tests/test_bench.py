"""``dossier bench`` prints its figures; ``generate`` perturbs without copying."""

import pytest
from typer.testing import CliRunner

from dossier.bench import generate
from dossier.cli import app

SOURCE = ("Turkey sent 12 ships to the Aegean on 3 March 2021.\n\n"
          "Greece said 40 jets crossed its airspace. Athens protested. NATO called for talks.")


def test_generate_shuffles_and_changes_numbers(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SOURCE, encoding="utf-8")
    assert generate([str(src)], 5, tmp_path / "out") == 5
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").iterdir())]
    assert len(texts) == 5 and len(set(texts)) > 1
    assert all("Athens protested." in t for t in texts)


@pytest.mark.model
@pytest.mark.slow
def test_bench_prints_ratios_and_memory(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SOURCE, encoding="utf-8")
    res = CliRunner().invoke(app, ["bench", "--generate", "3", "--workers", "1", "--workers", "2", str(src)])
    assert res.exit_code == 0, res.output
    for field in ["bare nlp.pipe", "--workers 1", "--workers 2", "words/s", "ratio", "peak RSS"]:
        assert field in res.output
    assert "3 documents" in res.output


@pytest.mark.model
@pytest.mark.slow
def test_bench_query_prints_latencies_without_errors(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SOURCE, encoding="utf-8")
    res = CliRunner().invoke(app, ["bench-query", "--docs", "5", "--requests", "4", "--concurrency", "2", str(src)])
    assert res.exit_code == 0, res.output
    for field in ["5 documents", "/api/facts", "p50 ms", "p95 ms", "p99 ms", "requests/s"]:
        assert field in res.output
    assert "errors: 0" in res.output
