"""The cleaning every widget applies to other people's text: bidi controls and invisible
characters removed, one-line values isolated, everything cut to a size a widget can show."""

from __future__ import annotations

from haven.core import peer_text as pt


def test_bidi_controls_and_invisibles_are_removed() -> None:
    hostile = "a\u202eb\u202dc\u2066d\u2069e\u200ef\u200fg\u061ch\u200bi\ufeffj\x1b[31mk\x85l"
    assert pt.one_line(hostile) == "abcdefghij[31mk l"
    # ZWJ and ZWNJ stay: emoji sequences and Persian spelling need them.
    assert pt.one_line("👩\u200d👩\u200c") == "👩\u200d👩\u200c"


def test_one_line_values_are_isolated_and_single_line() -> None:
    assert pt.name("Ari\nBo\u2028Cy\tDi  ") == "\u2068Ari Bo Cy Di\u2069"
    assert pt.line("") == "" and pt.name("\u202e") == ""
    assert pt.space_name("Circle") == "\u2068Circle\u2069"


def test_blocks_keep_their_lines() -> None:
    assert pt.block("one\r\ntwo\u2029three\u202e") == "one\ntwo\nthree"


def test_long_values_are_cut_with_an_ellipsis() -> None:
    assert pt.one_line("x" * 65, pt.NAME_CHARS) == "x" * 63 + "…"
    assert pt.one_line("x" * 64, pt.NAME_CHARS) == "x" * 64
    megabyte = "\u202e<b>" * (1 << 18)
    shown = pt.name(megabyte)
    assert len(shown) == pt.NAME_CHARS + 2 and shown.endswith("…\u2069")
    assert "\u202e" not in shown
    # Padding made of dropped characters cannot hide that the value was cut.
    assert pt.one_line("\u200b" * 10_000 + "tail") == "…"
    assert len(pt.block("y" * (1 << 20))) == pt.BLOCK_CHARS
