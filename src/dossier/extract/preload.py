"""Imported by the worker pool's fork server: it loads the English pipeline once, before any worker
is forked from it, so each worker starts with the model in memory instead of loading its own.

Importing this module has that side effect on purpose; nothing else should import it.
"""

try:
    from dossier.pipeline import skip_torch, warm_up

    skip_torch()
    warm_up(extract=True)   # the model and everything cleaning and extraction build on first use
except Exception:  # noqa: BLE001 - the workers' own initializer loads it again and reports the error
    pass
