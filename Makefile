# One task runner: the README and CI call these recipes as they are.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup demo test lint eval bench bench-ask clean

$(BIN)/dossier: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/dossier

setup: $(BIN)/dossier  ## create the virtual environment and install everything

demo: setup  ## build the demo knowledge base from the bundled seed corpus, print a summary, then serve it
	$(BIN)/dossier ingest --db $(DB) demo/corpus
	$(BIN)/dossier summary --db $(DB)
	$(BIN)/dossier serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup  ## the whole test suite (pytest exits non-zero when no test ran)
	scripts/install-test-deps.sh
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q

eval: setup  ## score the pipeline on the seeds with the shared evaluation
	DOSSIER=$(BIN)/dossier ../shared/eval/run.sh ../shared/corpus/seeds ../shared/eval/gold -v

bench: setup  ## throughput (1, 2 workers, local Dask) against a bare nlp.pipe pass on 2,000 generated documents
	$(BIN)/dossier bench --generate $${N:-2000} --workers 1 --workers 2 --engine dask ../shared/corpus/real

bench-ask: setup  ## build the demo knowledge base and print `dossier ask`'s exact-answer accuracy on tests/ask_questions.jsonl
	$(BIN)/dossier ingest --db $(DB) demo/corpus
	$(BIN)/dossier bench-ask --db $(DB) tests/ask_questions.jsonl

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
