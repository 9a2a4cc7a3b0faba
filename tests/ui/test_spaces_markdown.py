"""The post renderer against hostile input: no markup from a post reaches Qt's rich text, no
anchors, no images, nothing loaded, and pathological input stays fast."""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from haven.ui.spaces.markdown import MAX_RENDER_CHARS, preview, render

ALLOWED_TAGS = {
    *("p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "hr"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
}

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://198.51.100.7/track.png">',
    "<img src=x onerror=alert(1)>",
    '<a href="http://198.51.100.7/">click</a>',
    '<style>body { background: url("http://198.51.100.7/") }</style>',
    '<p style="background-image:url(http://198.51.100.7/)">x</p>',
    "![tracker](http://198.51.100.7/pixel.gif)",
    "[free](javascript:alert(1))",
    "[x](file:///etc/passwd)",
    "<http://198.51.100.7/>",
    "&lt;img src=x&gt; &#60;img&#62; &amp;",
    '"><img src=x>',
    "`<img src=x>`",
    "```\n<img src=x>\n```",
    "**<b>bold</b>**",
    "- <a href=x>item</a>\n1. <img src=y>",
    "> <iframe src=http://198.51.100.7/>",
    "<!-- comment --><svg onload=alert(1)>",
    "\u202egnp.exe\u202c and \x00 nul",
]


class RecordingDocument(QTextDocument):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        self.loads.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def tags_in(html: str) -> set[str]:
    return {m.lower() for m in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)}


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_input_yields_only_the_safe_subset(body: str) -> None:
    html = render(body)
    assert tags_in(html) <= ALLOWED_TAGS, html
    tags = re.sub(r">[^<]*<", "><", f">{html}<")
    assert "=" not in re.sub(r'<ol start="\d+">', "<ol>", tags), "no attributes on any tag"
    document = RecordingDocument()
    document.setHtml(html)
    assert document.loads == []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            assert not fmt.isAnchor() and not fmt.isImageFormat()
            iterator += 1
        block = block.next()


def test_the_text_survives_as_text() -> None:
    document = QTextDocument()
    document.setHtml(render('<img src="http://198.51.100.7/t.png"> & "quotes"'))
    assert document.toPlainText() == '<img src="http://198.51.100.7/t.png"> & "quotes"'
    # Images and links are off in the parser: shown as typed, never loaded nor followed.
    document.setHtml(render("![a cat](http://198.51.100.7/cat.png) [docs](https://x.test/d)"))
    assert (
        document.toPlainText() == "![a cat](http://198.51.100.7/cat.png) [docs](https://x.test/d)"
    )
    document.setHtml(render("bidi \u202eevil\u202c trick"))
    assert "\u202e" not in document.toPlainText()


def test_the_supported_subset() -> None:
    html = render(
        "# Hello\n\nSome **bold**, *italic*, `code`.\n\n- one\n- two\n  - nested\n\n"
        "1. first\n2. second\n\n> quoted\n\n```python\nx = 1\n```"
    )
    assert html.replace("\n", "") == (
        "<h1>Hello</h1><p>Some <strong>bold</strong>, <em>italic</em>, "
        "<code>code</code>.</p><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
        "<ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote>"
        "<pre><code>x = 1</code></pre>"
    )
    assert render("snake_case_name and 2 * 3 * 4") == "<p>snake_case_name and 2 * 3 * 4</p>"
    # What the hand-written renderer got wrong: escapes, and a line break inside a paragraph.
    assert render(r"\*not italic\* and a\\b") == "<p>*not italic* and a\\b</p>"
    assert render("one\ntwo") == "<p>one<br />\ntwo</p>"
    assert preview("\n\n## **Hi** there\nmore") == "Hi there"
    assert preview("**a** " * 100, limit=20) == "a a a a a a a a a a…"


@pytest.mark.parametrize(
    "unit",
    [
        "**a",
        "*a",
        "[",
        "`",
        "![[",
        "_a_ ",
        "- ",
        "[a](",
        "> ",
        "![a](",
        "[a](b ",
        "# ",
        " ",
        "*",
        "_",
        "1. ",
    ],
)
def test_pathological_input_renders_quickly(unit: str) -> None:
    body = unit * (MAX_RENDER_CHARS // len(unit) + 10)
    started = time.perf_counter()
    render(body)
    preview(body)
    # Generous: this catches catastrophic backtracking (minutes), not a slow machine.
    assert time.perf_counter() - started < 20.0
