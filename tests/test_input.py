"""Input handling: types, encodings, empty pages, size limits."""

from __future__ import annotations

import pytest
from helpers import assert_lossless

from dechaff import Cleaner, ConfigError, InputTooLargeError, clean
from dechaff.html import decode_html


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}])
def test_wrong_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t\n", b"", b"  \r\n "])
def test_empty_input_gives_an_empty_result(empty: str | bytes) -> None:
    result = clean(empty)
    assert result.text == "" and result.title is None and result.removals == ()


FRENCH = (
    "Le conseil a voté mardi pour étendre le réseau de tramway vers les quartiers du nord, "
    "un projet débattu depuis plus de dix ans."
)


def test_invalid_utf8_bytes_become_replacement_characters() -> None:
    raw = FRENCH.encode("utf-8").replace(b"mardi", b"mar\xffdi")
    result = clean(raw)
    assert "mar\ufffddi" in result.text and "étendre" in result.text


def test_latin1_is_detected() -> None:
    assert "étendre" in clean(FRENCH.encode("latin-1")).text


def test_windows_1252_and_shift_jis() -> None:
    text = "“Quoted” prices rose again — said the bank’s chief economist on Monday morning."
    assert "“Quoted”" in clean(text.encode("cp1252")).text
    jp = "東京都は月曜日、新しい交通計画を発表した。計画は来年から始まる予定だ。" * 2
    assert "東京都" in clean(jp.encode("shift_jis")).text


def test_size_limit() -> None:
    small = Cleaner.default().with_settings(max_chars=100)
    with pytest.raises(InputTooLargeError, match="over the limit"):
        small("x" * 101)
    assert small("A short line that fits well under the limit.").text


def test_crlf_and_control_characters() -> None:
    raw = "Skip to content\r\nThe river rose two metres overnight, officials said.\x00\r\n"
    result = clean(raw)
    assert result.text.startswith("The river rose")
    assert_lossless(raw, result)


def test_utf16_with_bom() -> None:
    text = "The bridge reopened on Friday after a year of repairs, the city said."
    assert clean(text.encode("utf-16")).text == text


def test_mode_setting() -> None:
    html = "<html><body><p>The ferry resumed service on Monday, officials said.</p></body></html>"
    assert "<p>" in Cleaner.default().with_settings(mode="text")(html).text
    assert Cleaner.default().with_settings(mode="html")(html).text.startswith("The ferry")
    with pytest.raises(ConfigError):
        Cleaner.default().with_settings(mode="pdf")


@pytest.mark.parametrize("damage", [b"", b"\xff", b"\xc3(", b"\xe2\x82"])
def test_html_bytes_read_as_their_decoded_text(damage: bytes) -> None:
    # The parser reads the bytes themselves only when they are the decoded text's UTF-8:
    # broken bytes are read as the U+FFFD that decoding made of them.
    style = "p { margin: 0 }" * 200  # a long page: one broken byte is damage, not a charset
    html = f"<html><head><style>{style}</style></head><body><h1>Tram</h1><p>{FRENCH}</p>"
    data = html.encode("utf-8").replace(b"mardi", b"mar" + damage + b"di")
    cleaner = Cleaner.default()
    from_bytes = cleaner.clean_html(data)
    from_text = cleaner.clean_html(decode_html(data))
    assert ("\ufffd" in from_bytes.text) == bool(damage) and "étendre" in from_bytes.text
    assert from_bytes.text == from_text.text
    assert from_bytes.removals == from_text.removals
