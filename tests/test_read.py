import hashlib
import os
from pathlib import Path

import pytest

from dossier import read
from dossier.errors import BinaryFile, EmptyFile, InputError, TooLarge, UnreadableFile

ARTICLE = "The pipeline takes oil from the Caspian Sea to the Mediterranean coast.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer says ``text`` (built by hand: no PDF writer is a dependency)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------- discover

def test_discover_walks_folders_sorted_skipping_hidden_and_unsupported(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.html", "sub/d.PDF", "e.docx", ".hidden.txt", ".git/f.txt", "g.htm",
                 "h.markdown"]:
        write(tmp_path / name, ARTICLE)
    found = list(read.discover([str(tmp_path)]))
    assert all(err is None for _, err in found)
    assert [os.path.relpath(p, tmp_path) for p, _ in found] == [
        "a.txt", "b.md", "g.htm", "h.markdown", "sub/c.html", "sub/d.PDF"]


def test_discover_reports_a_missing_path_and_goes_on(tmp_path):
    good = write(tmp_path / "a.txt", ARTICLE)
    found = list(read.discover([str(tmp_path / "nope"), str(good)]))
    assert found[1] == (str(good), None)
    path, err = found[0]
    assert path == str(tmp_path / "nope") and isinstance(err, UnreadableFile)


def test_discover_reports_an_unsupported_file_named_explicitly(tmp_path):
    doc = write(tmp_path / "report.docx", b"PK\x03\x04")
    [(path, err)] = list(read.discover([str(doc)]))
    assert path == str(doc) and isinstance(err, BinaryFile)
    assert "docx" in str(err) and ".txt" in str(err)


def test_discover_yields_a_file_named_twice_once(tmp_path):
    doc = write(tmp_path / "a.txt", ARTICLE)
    assert [p for p, _ in read.discover([str(doc), str(tmp_path)])] == [str(doc)]


# ---------------------------------------------------------------- decoding

RUSSIAN = "Президент Азербайджана провёл переговоры в Анкаре 9 июня 2022 года о поставках газа.\n"
FRENCH = "Le président a visité la capitale après une longue période de négociations économiques.\n"


@pytest.mark.parametrize("text,encoding,expected", [
    (ARTICLE + "Türkiye’s share is 19%.\n", "utf-8", "utf-8"),
    (ARTICLE, "utf-8-sig", "utf-8-sig"),
    (RUSSIAN, "utf-16", "utf-16"),
    (RUSSIAN * 3, "cp1251", "cp1251"),
    (FRENCH * 3, "latin-1", None),  # latin-1 and cp1252 decode French alike; either name is right
])
def test_read_decodes_common_encodings(tmp_path, text, encoding, expected):
    path = write(tmp_path / "doc.txt", text.encode(encoding))
    doc = read.read_document(str(path))
    assert doc.original == text
    if expected:
        assert doc.encoding == expected
    else:
        assert doc.encoding.replace("_", "-") in {"latin-1", "iso8859-1", "cp1252", "windows-1252"}


def test_read_decodes_utf16_without_a_byte_order_mark(tmp_path):
    path = write(tmp_path / "doc.txt", ARTICLE.encode("utf-16-le"))
    assert read.read_document(str(path)).original == ARTICLE


def test_read_fills_identity_fields(tmp_path):
    data = ARTICLE.encode()
    path = write(tmp_path / "folder" / "doc.md", data)
    doc = read.read_document(str(path))
    assert (doc.name, doc.path, doc.size) == ("doc.md", str(path), len(data))
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_read_pdf_text_layer(tmp_path):
    path = write(tmp_path / "doc.pdf", minimal_pdf("Baku and Ankara signed the declaration"))
    doc = read.read_document(str(path))
    assert "Baku and Ankara signed the declaration" in doc.original and doc.encoding == "pdf"


# ---------------------------------------------------------------- bad inputs

def assert_good_message(err: InputError, path: Path) -> None:
    message = str(err)
    assert str(path) in message and "\n" not in message and " — " in message  # names the file, says what to do


@pytest.mark.parametrize("name,data,error", [
    ("empty.txt", b"", EmptyFile),
    ("blank.txt", b" \n\t\r\n  \n", EmptyFile),
    ("blank16.txt", "   \n\n".encode("utf-16"), EmptyFile),
    ("nul.txt", b"text\x00with\x00nul bytes inside \x00\x01", BinaryFile),
    ("bytes.txt", bytes(range(256)) * 40, BinaryFile),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), BinaryFile),
    ("fake.pdf", b"this is plain text, named .pdf", BinaryFile),
    ("broken.pdf", b"%PDF-1.4\n garbage without objects", BinaryFile),
])
def test_bad_files_are_refused_with_a_one_line_message(tmp_path, name, data, error):
    path = write(tmp_path / name, data)
    with pytest.raises(error) as exc:
        read.read_document(str(path))
    assert_good_message(exc.value, path)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", ARTICLE * 10)

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened although it is over the limit")

    monkeypatch.setattr(read, "open", no_open, raising=False)
    with pytest.raises(TooLarge) as exc:
        read.read_document(str(path), max_bytes=100)
    assert_good_message(exc.value, path)
    assert "100" in str(exc.value)


def test_a_file_at_the_limit_is_read(tmp_path):
    path = write(tmp_path / "edge.txt", ARTICLE)
    assert read.read_document(str(path), max_bytes=len(ARTICLE)).original == ARTICLE


@pytest.mark.parametrize("make", [
    lambda tmp: tmp / "missing.txt",
    lambda tmp: (tmp / "folder.txt").mkdir() or tmp / "folder.txt",
])
def test_missing_path_or_folder_is_unreadable(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(UnreadableFile) as exc:
        read.read_document(str(path))
    assert_good_message(exc.value, path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_is_unreadable(tmp_path):
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        with pytest.raises(UnreadableFile) as exc:
            read.read_document(str(path))
        assert "permission" in str(exc.value)
    finally:
        path.chmod(0o644)


def test_file_deleted_between_discovery_and_reading(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE)
    found = list(read.discover([str(tmp_path)]))
    (tmp_path / "a.txt").unlink()
    outcomes = []
    for path, err in found:
        assert err is None
        try:
            outcomes.append(read.read_document(path).name)
        except UnreadableFile as exc:
            outcomes.append(type(exc).__name__)
            assert_good_message(exc, Path(path))
    assert outcomes == ["UnreadableFile", "b.txt"]
