"""Write the knowledge base out: the ``facts`` JSON Lines of the evaluation contract, or CSV files.

``export_facts`` emits, in a fixed order, one ``document`` record per
document, one ``entity`` record per entity, then every quantity, event,
relation (merged across documents, ``consolidate.py``) and flag with its sources,
then the contradictions between documents as ``contradiction`` flags (``shared/eval/CONTRACT.md``).
``export_csv`` writes the same content as one spreadsheet-friendly CSV per kind.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, TextIO

from dossier.consolidate import from_store
from dossier.records import Event, Flag, Quantity, Relation, Source, to_record
from dossier.store import Store

FACT_KINDS = ("quantity", "event", "relation")
CSV_NAMES = {"quantity": "quantities", "event": "events", "relation": "relations", "flag": "flags"}
_CLASSES = {"quantity": Quantity, "event": Event, "relation": Relation, "flag": Flag}


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the ``facts`` export, in export order."""
    for info in store.documents():
        yield store.get_document(info.name).to_record()
    for entity in sorted(store.entities(), key=lambda e: (e.name, e.type)):
        yield entity.to_record()
    picture = from_store(store)
    for kind in FACT_KINDS:
        for merged in picture.facts:
            if merged.fact.kind == kind:
                yield {**to_record(merged.fact), "witnesses": merged.witnesses}
    for flag in store.flags():
        yield to_record(flag)
    for contradiction in picture.contradictions:
        yield to_record(contradiction.to_flag())


def export_facts(store: Store, out: TextIO) -> int:
    """Write the knowledge base as contract JSON Lines to ``out``; returns the number of records."""
    n = 0
    for rec in records(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: Store, folder: Path) -> list[Path]:
    """Write one CSV per kind (documents, entities, quantities, events, relations, flags) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    picture = from_store(store)
    entities = [e.to_record() for e in sorted(store.entities(), key=lambda e: (e.name, e.type))]
    tables: list[tuple[str, list[str], list[list[str]]]] = [
        ("documents", ["doc", "title", "author", "published", "publisher", "language", "duplicate_of",
                       "chars", "facts", "sha256", "path", "ingested_at"],
         [_cells([d.name, d.title, d.author, d.published, d.publisher, d.language, d.duplicate_of, d.chars,
                  d.facts, d.sha256, d.path, d.ingested_at]) for d in store.documents()]),
        ("entities", ["name", "type", "aliases", "docs"],
         [_cells([e["name"], e["type"], e["aliases"], e["docs"]]) for e in entities]),
    ]
    for kind in (*FACT_KINDS, "flag"):
        columns = _columns(kind)
        if kind == "flag":
            items = [*store.flags(), *(c.to_flag() for c in picture.contradictions)]
        else:
            items = [m.fact for m in picture.facts if m.fact.kind == kind]
        tables.append((CSV_NAMES[kind], [*columns, "sources", "quotes"],
                       [_row(to_record(item), columns) for item in items]))
    paths = []
    for name, header, rows in tables:
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
        paths.append(path)
    return paths


def _columns(kind: str) -> list[str]:
    """The record's fields in declaration order, without kind and sources."""
    return [f.name for f in fields(_CLASSES[kind]) if f.name not in ("kind", "sources")]


def _row(rec: dict[str, Any], columns: list[str]) -> list[str]:
    sources = [Source(**s) for s in rec["sources"]]
    return [*_cells(rec.get(c) for c in columns),
            "; ".join(f"{s.doc}:{s.start}-{s.end}" for s in sources),
            " | ".join(s.quote for s in sources)]


def _cells(values: Iterable[Any]) -> list[str]:
    """Spreadsheet cells: lists joined by "; ", mappings as JSON, nothing as an empty cell."""
    out = []
    for v in values:
        if v is None:
            out.append("")
        elif isinstance(v, list | tuple):
            out.append("; ".join(str(x) for x in v))
        elif isinstance(v, dict):
            out.append(json.dumps(v, ensure_ascii=False, sort_keys=True) if v else "")
        else:
            out.append(str(v))
    return out
