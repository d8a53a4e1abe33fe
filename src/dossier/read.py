"""Reading: find the input files and turn each one's bytes into text.

``discover`` walks the paths given on the command line; ``read_document``
reads one file into a ``Document`` (name, sha256, size, detected encoding and
the decoded ``original`` text).  Every refusal is an ``InputError`` whose
message names the file and says what to do, so a batch can skip it and go on.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer

from dossier.errors import BinaryFile, EmptyFile, InputError, TooLarge, UnreadableFile
from dossier.records import Document

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}

_BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_HINT_TYPES = "save it as .txt, .md, .html or .pdf"


def discover(paths: list[str]) -> Iterator[tuple[str, InputError | None]]:
    """Every supported file under ``paths`` (folders recursively, sorted), or the error for a bad path."""
    seen: set[str] = set()
    for path in paths:
        for found, error in _discover_one(path):
            key = os.path.realpath(found)
            if error is None and key in seen:
                continue  # the same file named twice (or through two folders) is read once
            seen.add(key)
            yield found, error


def _discover_one(path: str) -> Iterator[tuple[str, InputError | None]]:
    """Files under one command-line path."""
    if not os.path.exists(path):
        yield path, UnreadableFile(path, "no such file or folder", "check the path")
        return
    if not os.path.isdir(path):
        if _supported(path):
            yield path, None
        else:
            yield path, BinaryFile(path, f"unsupported file type {Path(path).suffix or '(no suffix)'!r}",
                                   _HINT_TYPES)
        return
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # hidden folders (.git, ...) are not input
        for name in sorted(files):
            if not name.startswith(".") and _supported(name):
                yield os.path.join(root, name), None
        while errors:  # a sub-folder that cannot be listed is reported, the walk goes on
            err = errors.pop()
            where = err.filename or path
            yield where, UnreadableFile(where, f"cannot list folder ({err.strerror or err})",
                                        "check its permissions")


def _supported(path: str) -> bool:
    return Path(path).suffix.lower() in SUPPORTED


def read_document(path: str, max_bytes: int = 50_000_000) -> Document:
    """Read one file into a ``Document`` with its decoded original text; raises an ``InputError`` if it cannot."""
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise EmptyFile(path, "the file is empty", "remove it or save the article's text into it")
    if Path(path).suffix.lower() == ".pdf":
        text, encoding = _pdf_text(path, data), "pdf"
    else:
        text, encoding = _decode(path, data)
    if not text.strip():
        raise EmptyFile(path, "the file holds only whitespace", "remove it or save the article's text into it")
    return Document(path=path, name=os.path.basename(path), sha256=hashlib.sha256(data).hexdigest(),
                    size=len(data), encoding=encoding, original=text)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes, after checking its size; OS errors become ``UnreadableFile``."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise UnreadableFile(path, "is a folder, not a file", "give the folder to ingest, not to read")
        if size > max_bytes:  # refused before anything is read into memory
            raise TooLarge(path, f"{size:,} bytes is over the limit of {max_bytes:,}",
                           "split the file or raise --max-bytes")
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableFile(path, "the file does not exist (moved or deleted?)",
                             "check the path and run again") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "is a folder, not a file", "give the folder to ingest, not to read") from None
    except PermissionError:
        raise UnreadableFile(path, "permission denied", "make the file readable (chmod) and run again") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})", "check the file and run again") from None


def _decode(path: str, data: bytes) -> tuple[str, str]:
    """Decode text bytes: a byte-order mark first, then strict UTF-8, then charset-normalizer's best guess."""
    decoded = _by_bom(data)
    if decoded is None and b"\x00" in data:
        decoded = _bomless_utf16(data)
        if decoded is None:
            raise BinaryFile(path, "holds NUL bytes, so it is not a text file", _HINT_TYPES)
    if decoded is None:
        try:
            decoded = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded = _guess(data)
    if decoded is None or not _is_text(decoded[0]):
        raise BinaryFile(path, "is not text in any known encoding", _HINT_TYPES + " (in UTF-8)")
    return decoded


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _is_text(text: str) -> bool:
    """Decoders turn almost any bytes into characters; real text has (almost) no control characters."""
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7f <= ord(c) < 0xa0)
    return controls <= len(text) * 0.01


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's reading; among equally clean readings, the one whose words a word list knows.

    Short single-byte texts often decode cleanly in several code pages ("après" in cp1252, "aprčs" in
    cp1250), and charset-normalizer then ranks by letter frequencies alone.
    """
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    tied = [r for r in results[:5] if r.chaos <= results[0].chaos + 0.01]
    if len(tied) > 1:
        from dossier.metadata import known_share  # the word lists load only for such ties

        tied.sort(key=lambda r: -known_share(str(r)))
    return str(tied[0]), tied[0].encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: NUL in every other byte (mostly-Latin text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return (text, encoding) if _is_text(text) else None
    return None


def _pdf_text(path: str, data: bytes) -> str:
    """The text layer of a PDF, page after page."""
    if not data.lstrip().startswith(b"%PDF"):
        raise BinaryFile(path, "is named .pdf but is not a PDF", "rename it to its real type")
    from pypdf import PdfReader  # imported here: only PDF input needs it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BinaryFile(path, "is an encrypted PDF", "save an unencrypted copy and ingest that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise BinaryFile(path, f"is a PDF that cannot be read ({exc})", "re-save it as PDF or text") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise EmptyFile(path, "the PDF has no text layer (a scan?)", "run OCR on it first")
    return text
