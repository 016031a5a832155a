"""Bad input gets a named one-line error, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flashpoint import Settings, extract
from flashpoint.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    NotEnglish,
    UndecodableInput,
)
from flashpoint.ingest.text import decode, load_bytes


def test_empty_text_is_refused() -> None:
    with pytest.raises(EmptyInput, match="FP001"):
        extract("   \n\t ")


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(BinaryInput, match="FP002"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_latin1_bytes_are_refused_with_position() -> None:
    with pytest.raises(UndecodableInput, match="byte 5"):
        decode("Caf\u00e9 Bogot\u00e1".encode("latin-1")[:3] + b"  \xe9")


def test_over_size_input_is_refused() -> None:
    with pytest.raises(InputTooLarge, match="limit of 50"):
        extract("The army moved north. " * 10, settings=Settings(max_chars=50))


def test_other_language_is_refused() -> None:
    spanish = (
        "El gobierno de Venezuela anunció el lunes que cerrará la frontera con Colombia "
        "durante tres días, mientras las tropas se desplazan hacia el norte del país."
    )
    with pytest.raises(NotEnglish, match="'es'"):
        extract(spanish)


def test_html_page_gives_title_date_and_body() -> None:
    page = (
        b"<html><head><title>Border clash</title>"
        b'<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
        b"</head><body><nav>Home | World | Sport</nav><article><h1>Border clash</h1>"
        b"<p>Troops from the two countries exchanged fire near the river crossing on "
        b"Wednesday, officials said, in the worst fighting since the ceasefire.</p>"
        b"<p>The defence ministry said three soldiers were wounded in the clash.</p>"
        b"</article><footer>Copyright</footer></body></html>"
    )
    raw = load_bytes(page, source="page.html")
    assert raw.title == "Border clash"
    assert raw.published is not None and raw.published.isoformat() == "2024-05-02"
    assert "exchanged fire" in raw.text
    assert "Copyright" not in raw.text


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "FP001"), (b"\x00\x01\x02binary", "FP002"), (b"caf\xe9 au lait " * 5, "FP003")],
)
def test_cli_prints_one_line_error_and_exits_non_zero(data: bytes, code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from flashpoint.cli import main; main()", "extract", "-"],
        input=data,
        capture_output=True,
    )
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and code in lines[0]
