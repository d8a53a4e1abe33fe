"""The evaluation scores on the seed corpus, pinned as floors (tests/eval_floors.json)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))


def dig(summary: dict, dotted: str):
    value = summary
    for part in dotted.split("."):
        value = value[part]
    return value


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    if not (SHARED / "eval" / "score.py").exists():
        pytest.fail(f"the shared evaluation is missing at {SHARED}/eval — clone the project beside shared/")
    work = tmp_path_factory.mktemp("eval")
    db, facts = work / "kb.db", work / "facts.jsonl"
    cli = [sys.executable, "-m", "dossier.cli"]
    subprocess.run([*cli, "ingest", "--db", str(db), str(SHARED / "corpus" / "seeds")], check=True,
                   capture_output=True)
    with facts.open("w", encoding="utf-8") as fh:
        subprocess.run([*cli, "export", "--db", str(db), "--format", "facts"], check=True, stdout=fh)
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold",
                             str(SHARED / "eval" / "gold"), "--facts", str(facts), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(scored.stdout)["summary"]


@pytest.mark.model
@pytest.mark.parametrize("metric", [k for k in FLOORS if not k.startswith("_")])
def test_seed_score_does_not_fall_below_its_floor(summary, metric):
    got = summary["checks"]["checks_passed"] if metric == "checks_passed" else dig(summary, metric)
    assert got is not None and got >= FLOORS[metric], f"{metric} = {got}, floor {FLOORS[metric]}"
