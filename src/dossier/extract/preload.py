"""Imported by the worker pool's fork server: it loads the English pipeline once, before any worker
is forked from it, so each worker starts with the model in memory instead of loading its own.

Importing this module has that side effect on purpose; nothing else should import it.
"""

import sys

# en_core_web_md runs on numpy; thinc imports torch whenever it is installed (it is, for
# `dossier ask`), which costs a worker that only extracts about 1 s and 200 MB
if "thinc" not in sys.modules:
    sys.modules.setdefault("torch", None)  # type: ignore[assignment]  # ``import torch`` -> ImportError

try:
    from dossier.pipeline import warm_up

    warm_up(extract=True)   # the model and everything cleaning and extraction build on first use
except Exception:  # noqa: BLE001 - the workers' own initializer loads it again and reports the error
    pass
