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
    workers: int = typer.Option(None, "--workers", show_default=False,
                                help="processes that clean and extract (0: all cores; default: all cores when "
                                     "the files add up to 256 KB or more, else 1)"),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask"),
    scheduler: str = typer.Option(None, "--scheduler", help="dask scheduler address (default: a LocalCluster)"),
) -> None:
    """Read, clean, extract and store documents.  Unchanged files are skipped."""
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine}: use local or dask")
    from dossier.pipeline import IngestOptions, auto_workers, plan
    from dossier.pipeline import ingest as run

    store = _open(db, create=True)
    files = plan(paths)
    if workers is None:
        workers = auto_workers(files)
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
    rounds: int = typer.Option(1, "--rounds", min=1, help="time every pass N times; report medians"),
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
        result = run(paths, workers=workers, dask="dask" in engine, rounds=rounds)
    medians = f" (medians of {rounds} rounds)" if rounds > 1 else ""
    table = Table("pass", "seconds", "words/s", "ratio to baseline", "peak RSS (MB)",
                  title=f"{result.documents} documents, {result.words:,} words{medians}")
    for p in [result.baseline, *result.passes]:
        table.add_row(p.label, f"{p.seconds:.2f}", f"{result.wps(p):,.0f}", f"{result.ratio(p):.2f}",
                      f"{p.peak_rss / 1e6:,.0f}")
    out.print(table)
    for p in result.passes:
        spread = ""
        if rounds > 1:
            spread = f" (rounds: {', '.join(f'{r:.2f}' for r in result.ratios(p))})"
        out.print(f"ratio {p.label} / baseline: {result.ratio(p):.2f}{spread}")


# --- the consolidated picture: timeline, entity, series, flags, brief ------------------------------------

def _sources_cell(sources) -> str:
    """Citations for a table cell: doc:start-end, one per line."""
    return "\n".join(f"{s.doc}:{s.start}-{s.end}" for s in sources[:3]) + (
        f"\n(+{len(sources) - 3} more)" if len(sources) > 3 else "")


def _table(*columns: str, **kwargs) -> Table:
    """A table whose last column (the citations) folds instead of being cut."""
    table = Table(**kwargs)
    for i, c in enumerate(columns):
        table.add_column(c, overflow="fold" if i == len(columns) - 1 else "ellipsis")
    return table


def _print_json(items) -> None:
    import dataclasses
    import json

    out.print_json(json.dumps([dataclasses.asdict(i) for i in items] if isinstance(items, list)
                              else dataclasses.asdict(items), ensure_ascii=False, default=str))


@app.command()
def timeline(db: str = DB,
             entity: str = typer.Option(None, "--entity", help="only items naming this entity (name or alias)"),
             types: list[str] = typer.Option(None, "--type", help="event type or indicator (repeatable)"),
             start: str = typer.Option(None, "--from", help="first date (ISO prefix: 2020, 2021-05)"),
             end: str = typer.Option(None, "--to", help="last date (ISO prefix, inclusive)"),
             as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table")) -> None:
    """Dated events and figures in chronological order, with their sources."""
    from dossier.query import timeline as build

    store = _open(db)
    try:
        items = build(store, entity=entity, types=types or None, start=start, end=end)
    finally:
        store.close()
    if as_json:
        _print_json(items)
        return
    table = _table("date", "kind", "type", "what", "sources", title=f"timeline ({len(items)} items)")
    for i in items:
        table.add_row(escape(i.date), i.kind, escape(i.type), escape(i.text), escape(_sources_cell(i.sources)))
    out.print(table)


@app.command()
def entity(name: str = typer.Argument(..., help="entity name or alias"), db: str = DB,
           as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables")) -> None:
    """Everything known about one entity: aliases, posts, memberships, infrastructure, events, figures."""
    from dossier.query import entity_view

    store = _open(db)
    try:
        view = entity_view(store, name)
    finally:
        store.close()
    if view is None:
        _fail(f"no entity named {name!r} — try another spelling, or `dossier summary --db {db}`", code=1)
    if as_json:
        _print_json(view)
        return
    out.print(f"[bold]{escape(view.name)}[/bold] ({escape(view.type)}), {view.mentions} mentions in "
              f"{len(view.docs)} documents")
    if view.aliases:
        out.print("also: " + escape(", ".join(view.aliases)))
    for title, rows in (("Posts", view.posts), ("Memberships", view.memberships),
                        ("Infrastructure", view.infrastructure), ("Events", view.events),
                        ("Figures", view.figures), ("Other relations", view.relations)):
        if not rows:
            continue
        table = _table("date", "type", "what", "sources", title=title, title_justify="left")
        for r in rows:
            table.add_row(escape(r.date or ""), escape(r.type), escape(r.text), escape(_sources_cell(r.sources)))
        out.print(table)


@app.command()
def series(indicator: str = typer.Argument(None, help="indicator, e.g. trade_turnover (none: list them)"),
           more: list[str] = typer.Argument(None, help="more subjects (so `--subjects A B` works)"),
           db: str = DB,
           subjects: list[str] = typer.Option(None, "--subjects", help="entities the figures are about"),
           csv_out: str = typer.Option(None, "--csv", help="write the series as CSV to FILE (- for stdout)"),
           plot: Path = typer.Option(None, "--plot", help="draw the series into this image (PNG)")) -> None:
    """Values of an indicator by period, actual vs target, with sources; CSV and a plot on request."""
    from dossier.query import indicators
    from dossier.query import series as build

    store = _open(db)
    try:
        if not indicator:
            table = Table("indicator", "subjects", "figures", title="indicators")
            for ind, subj, n in indicators(store):
                table.add_row(escape(ind), escape(" / ".join(subj)), str(n))
            out.print(table)
            return
        points = build(store, indicator, [*(subjects or []), *(more or [])] or None)
    finally:
        store.close()
    if csv_out:
        from dossier.brief import series_csv

        text = series_csv(points)
        if csv_out == "-":
            sys.stdout.write(text)
            return
        Path(csv_out).write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(csv_out)}")
    if plot:
        from dossier.brief import plot_series

        plot_series(points, plot, title=indicator)
        err.print(f"wrote {escape(str(plot))}")
    table = _table("period", "modality", "subjects", "value", "reported", "sources",
                  title=f"{indicator}: {len(points)} figures")
    for p in points:
        table.add_row(escape(p.period or "?"), p.modality, escape(" / ".join(p.subjects)),
                      escape(p.text.split(": ", 1)[-1]), escape(p.reported or ""), escape(_sources_cell(p.sources)))
    out.print(table)


@app.command()
def flags(db: str = DB, as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table")) -> None:
    """Data-quality flags found in documents and contradictions between documents, with their evidence."""
    from dossier.query import flag_list

    store = _open(db)
    try:
        items = flag_list(store)
    finally:
        store.close()
    if as_json:
        _print_json(items)
        return
    table = _table("type", "about", "message", "evidence", title=f"{len(items)} flags")
    for f in items:
        evidence = "\n".join(f"{s.doc}: {s.quote[:80]!r}" for s in f.sources[:4])
        table.add_row(escape(f.type), escape(f.about), escape(f.message), escape(evidence))
    out.print(table)


@app.command()
def brief(db: str = DB, out_path: Path = typer.Option(Path("brief.md"), "--out",
                                                      help="report file: .md (Markdown) or .html")) -> None:
    """Write a report on the relationship, every statement footnoted to its sources."""
    from dossier.brief import write_brief

    store = _open(db)
    try:
        written = write_brief(store, out_path)
    finally:
        store.close()
    for path in written:
        err.print(f"wrote {escape(str(path))}")
@app.command()
def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", help="address to bind (the default is reachable from this machine only)"),
    port: int = typer.Option(8000, help="TCP port"),
    token: str | None = typer.Option(None, "--token", envvar="DOSSIER_TOKEN",
                                     help="write token; without it the server is read-only"),
) -> None:
    """Open the knowledge base in the browser: pages and a JSON API (read-only unless given a token)."""
    import uvicorn

    from dossier.web.app import create_app

    _open(db).close()  # fail early, with a message, on a missing or unusable knowledge base
    shown = f"[{host}]" if ":" in host else host
    out.print(f"Dossier is serving {escape(db)} at http://{shown}:{port}/ (Ctrl+C stops it)"
              + ("" if token else " — read-only"))
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
@app.command()
def ask(question: str = typer.Argument(..., help="a question in plain English"),
        db: str = DB,
        as_json: bool = typer.Option(False, "--json", help="print the contract JSON object")) -> None:
    """Answer a question from the knowledge base, with the quotes that support it."""
    import json

    from dossier.ask import ask as answer

    store = _open(db)
    try:
        reply = answer(store, question)
    finally:
        store.close()
    if as_json:
        print(json.dumps(reply.to_json(), ensure_ascii=False))
        return
    out.print(f"[bold]{escape(reply.answer or 'unknown')}[/bold] — {escape(reply.text)}")
    for s in reply.sources:
        out.print(f"  [dim]{escape(s.doc)} {s.start}-{s.end}[/dim] «{escape(s.quote)}»")


@app.command("bench-ask")
def bench_ask(questions: Path = typer.Argument(..., help="JSON Lines of {question, answer}"), db: str = DB) -> None:
    """Exact-answer accuracy of `dossier ask` on a question file."""
    import json

    from dossier.ask import bench as run

    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    store = _open(db)
    try:
        result = run(store, items)
    finally:
        store.close()
    for q, exp, got in result.misses:
        out.print(f"[red]miss[/red] {escape(q)}  expected {escape(str(exp))!s}  got {escape(str(got))}")
    out.print(f"exact-answer accuracy: {result.correct}/{result.total} = {result.accuracy:.1%} "
              "(right = the normalised expected answer is inside the answer; null expects 'does not say')")


@app.command("bench-query")
def bench_query(
    paths: list[str] = typer.Argument(..., help="corpus extracted once and copied to fill the knowledge base"),
    docs: int = typer.Option(20_000, "--docs", help="documents in the knowledge base"),
    requests: int = typer.Option(200, "--requests", help="requests per API route"),
    concurrency: int = typer.Option(8, "--concurrency", help="client threads (127.0.0.1 only)"),
    reuse: str | None = typer.Option(None, "--reuse", help="an existing knowledge base to load-test as it is "
                                                           "(nothing is built; PATHS are ignored)"),
) -> None:
    """Print p50/p95/p99 latency, requests/s and errors of the main API routes on a large knowledge base."""
    import tempfile

    from dossier.bench import build_kb, load_test

    if reuse:
        store = _open(reuse)
        n = len(store.documents())
        store.close()
        figures, rps = load_test(reuse, requests, concurrency)
    else:
        with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
            db = str(Path(tmp) / "kb.db")
            n = build_kb(db, paths, docs)
            figures, rps = load_test(db, requests, concurrency)
    table = Table("route", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", title=f"{n:,} documents")
    for f in figures:
        table.add_row(escape(f.route), str(f.requests), str(f.errors), f"{f.p50 * 1000:.1f}",
                      f"{f.p95 * 1000:.1f}", f"{f.p99 * 1000:.1f}")
    out.print(table)
    out.print(f"requests/s: {rps:,.1f}  errors: {sum(f.errors for f in figures)}")


def main() -> None:
    """Entry point of the ``dossier`` command."""
    try:
        app()
    except DossierError as exc:  # anything not handled closer to its command
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(2)


if __name__ == "__main__":
    main()
