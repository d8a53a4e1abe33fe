"""Dossier's exceptions.  Every message says what to do next.

    DossierError
    ├── InputError            a file cannot be ingested (the batch goes on)
    │   ├── UnreadableFile    missing, a folder, no permission, vanished mid-run
    │   ├── EmptyFile         nothing in it, or nothing left after cleaning
    │   ├── BinaryFile        not text (and not a supported PDF)
    │   └── TooLarge          over the size limit
    ├── StoreError            the database cannot be opened or written
    └── NotFound              a document or entity asked for does not exist
"""

from __future__ import annotations


class DossierError(Exception):
    """Base of all Dossier errors; ``str(err)`` is a one-line message for the user."""

    http_status = 500


class InputError(DossierError):
    """A file cannot be ingested; the batch skips it and goes on."""

    http_status = 422

    def __init__(self, path: str, reason: str, hint: str = ""):
        self.path, self.reason, self.hint = path, reason, hint
        super().__init__(f"{path}: {reason}" + (f" — {hint}" if hint else ""))


class UnreadableFile(InputError):
    """Missing, a folder where a file was expected, no permission, or vanished mid-run."""


class EmptyFile(InputError):
    """Empty, or no article text left after cleaning."""


class BinaryFile(InputError):
    """Not a text, Markdown, HTML or PDF file."""


class TooLarge(InputError):
    """Over the configured size limit."""


class StoreError(DossierError):
    """The knowledge base cannot be opened or written."""


class NotFound(DossierError):
    """A document, entity or record that was asked for does not exist."""

    http_status = 404
