"""Imported by the worker pool's fork server: it loads the English pipeline once, before any worker
is forked from it, so each worker starts with the model in memory instead of loading its own.

Importing this module has that side effect on purpose; nothing else should import it.
"""

import sys

# en_core_web_md runs on numpy; thinc imports torch whenever it is installed (it is, for
# `dossier ask`), which costs a worker that only extracts about 1 s and 200 MB
if "thinc" not in sys.modules:
    sys.modules.setdefault("torch", None)  # type: ignore[assignment]  # ``import torch`` -> ImportError

_PAGE = ("<html><head><title>Warm up</title><meta name=\"date\" content=\"3 March 2021\"></head><body><article>"
         "<p>By Jane Doe. Published 3 March 2021, 10:00 GMT</p><p>Turkey and Azerbaijan signed an agreement in "
         "Baku on 15 June 2021. Trade reached $2 billion.</p></article></body></html>")

try:
    from dossier import clean, dedup
    from dossier.extract import run
    from dossier.records import Document

    # one small page, cleaned and extracted, loads the model and builds everything cleaning and
    # extraction build on first use (date parser locales, the gazetteer and its search pattern, word
    # lists: about half a second), so that no forked worker builds them again
    doc = clean.clean(Document(path="warm-up.html", name="warm-up.html", original=_PAGE))
    dedup.signature(doc.text)
    run.extract(doc)
except Exception:  # noqa: BLE001 - the workers' own initializer loads it again and reports the error
    pass
