"""The ``dossier`` command: a thin layer that parses, calls one library function, and prints.

Errors are turned into one-line messages and exit codes here and nowhere else:
0 success, 1 some input failed (the rest was ingested), 2 bad usage or an
unusable knowledge base.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dossier import settings
from dossier.errors import DossierError
from dossier.store import Store, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn articles about a relationship between countries into a cited knowledge base.")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DB = typer.Option(settings.get("db"), "--db", help=settings.SETTINGS["db"].help,
                  envvar=settings.SETTINGS["db"].env)


def _open(db: str, create: bool = False) -> Store:
    """Open the knowledge base or exit with a one-line message."""
    if not create and db != ":memory:" and not db.startswith(("postgres", "sqlite:")) and not Path(db).exists():
        _fail(f"{db}: no knowledge base here — build one with `dossier ingest --db {db} FOLDER`")
    try:
        return open_store(db, create=create)
    except DossierError as exc:
        _fail(str(exc))


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files or folders (.txt .md .html .htm .pdf), recursively"),
    db: str = DB,
    max_bytes: int = typer.Option(settings.get("max_bytes"), help=settings.SETTINGS["max_bytes"].help),
    no_extract: bool = typer.Option(False, "--no-extract", help="clean and store only, skip NLP extraction"),
    workers: int = typer.Option(1, "--workers", help="processes that read, clean and extract (0: all cores)"),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask"),
    scheduler: str = typer.Option(None, "--scheduler", help="dask scheduler address (default: a LocalCluster)"),
) -> None:
    """Read, clean, extract and store documents.  Unchanged files are skipped."""
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine}: use local or dask")
    from dossier.pipeline import IngestOptions, plan
    from dossier.pipeline import ingest as run

    store = _open(db, create=True)
    files = plan(paths)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=False,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("", total=len(files))

        def progress(path: str, outcome: str, detail: str) -> None:
            bar.update(task, advance=1, description=escape(Path(path).name))
            if outcome == "failed":
                bar.console.print(f"[red]failed:[/red] {escape(detail)}")

        try:
            summary = run(store, paths, IngestOptions(max_bytes=max_bytes, extract=not no_extract,
                                                     workers=workers, engine=engine, scheduler=scheduler),
                          progress=progress, files=files)
        finally:
            store.close()
    table = Table(title=f"ingest into {escape(db)}", show_header=False)
    for label, items in [("added", summary.added), ("replaced", summary.replaced),
                         ("skipped (unchanged)", summary.skipped), ("near-duplicates", summary.duplicates),
                         ("failed", summary.failed)]:
        table.add_row(label, str(len(items)))
    out.print(table)
    if summary.failed:
        err.print(f"[red]{len(summary.failed)} file(s) failed[/red]; the others were stored. "
                  "Fix or remove them and run the same command again.")
        raise typer.Exit(1)


@app.command()
def export(
    db: str = DB,
    format: str = typer.Option("facts", "--format", help="facts (JSON Lines on stdout) or csv (a folder)"),
    out_dir: Path = typer.Option(Path("export"), "--out", help="folder for --format csv"),
) -> None:
    """Write the knowledge base as JSON Lines (``facts``) or one CSV per kind (``csv``)."""
    from dossier.export import export_csv, export_facts

    store = _open(db)
    try:
        if format == "facts":
            export_facts(store, sys.stdout)
        elif format == "csv":
            for path in export_csv(store, out_dir):
                err.print(f"wrote {escape(str(path))}")
        else:
            _fail(f"unknown format {format!r} — use facts or csv")
    finally:
        store.close()


@app.command()
def docs(db: str = DB) -> None:
    """List the stored documents with their metadata and status."""
    store = _open(db)
    try:
        rows = store.documents()
    finally:
        store.close()
    table = Table("document", "title", "author", "published", "publisher", "lang", "chars", "facts", "status")
    for d in rows:
        status = f"copy of {d.duplicate_of}" if d.duplicate_of else "ok"
        table.add_row(*(escape(str(v or "")) for v in (d.name, d.title, d.author, d.published, d.publisher,
                                                        d.language, d.chars, d.facts, status)))
    out.print(table)


@app.command()
def show(name: str = typer.Argument(..., help="document name, as listed by `dossier docs`"),
         db: str = DB,
         original: bool = typer.Option(False, "--original", help="print the text as read, before cleaning")) -> None:
    """Print a document's clean text (or its original)."""
    store = _open(db)
    try:
        doc = store.get_document(name)
    except DossierError as exc:
        _fail(f"{exc} — list the documents with `dossier docs --db {db}`")
    finally:
        store.close()
    out.print(escape(doc.original if original else doc.text), soft_wrap=True)


@app.command()
def summary(db: str = DB) -> None:
    """A readable overview of the knowledge base: documents, entities, facts and flags."""
    from dossier.query import overview

    store = _open(db)
    try:
        view = overview(store)
    finally:
        store.close()
    out.print(f"[bold]{escape(db)}[/bold]: {view.counts_line()}")
    for title, rows in view.sections():
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        for row in rows:
            table.add_row(*(escape(str(c)) for c in row))
        out.print(table)


@app.command()
def bench(
    paths: list[str] = typer.Argument(..., help="corpus files or folders"),
    workers: list[int] = typer.Option([1], "--workers", help="worker counts to time, e.g. --workers 1 --workers 2"),
    engine: list[str] = typer.Option([], "--engine", help="also time `--engine dask` on a local 2-worker cluster"),
    generate: int = typer.Option(0, "--generate", help="first build N documents from PATHS in a temporary folder"),
) -> None:
    """Print words/s of the pipeline (per worker count, and on Dask) beside a bare en_core_web_md pass."""
    import tempfile

    from dossier.bench import generate as make_corpus
    from dossier.bench import run

    if any(e not in ("local", "dask") for e in engine):
        _fail("--engine: use local or dask")
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        if generate:
            try:
                make_corpus(paths, generate, Path(tmp) / "corpus")
            except DossierError as exc:
                _fail(str(exc))
            paths = [str(Path(tmp) / "corpus")]
        result = run(paths, workers=workers, dask="dask" in engine)
    table = Table("pass", "seconds", "words/s", "ratio to baseline", "peak RSS (MB)",
                  title=f"{result.documents} documents, {result.words:,} words")
    for p in [result.baseline, *result.passes]:
        table.add_row(p.label, f"{p.seconds:.2f}", f"{result.wps(p):,.0f}", f"{result.ratio(p):.2f}",
                      f"{p.peak_rss / 1e6:,.0f}")
    out.print(table)
    for p in result.passes:
        out.print(f"ratio {p.label} / baseline: {result.ratio(p):.2f}")


def main() -> None:
    """Entry point of the ``dossier`` command."""
    try:
        app()
    except DossierError as exc:  # anything not handled closer to its command
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(2)


if __name__ == "__main__":
    main()
