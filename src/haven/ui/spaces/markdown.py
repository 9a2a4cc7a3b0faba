"""Post bodies as Markdown, through markdown-it-py (a maintained CommonMark parser).

Post text comes from other people, so nothing in it may reach Qt's rich-text engine as
markup. The parser is the CommonMark preset with every rule that could produce markup from
the author's hands switched off *in the parser*, not filtered afterwards:

- `html_block` / `html_inline` (and the `html` option): raw HTML is text, escaped;
- `image`: nothing is ever loaded — `![x](file:///…)` stays visible as typed;
- `link` / `autolink` / `linkify`: no anchors, nothing to click or follow; the address is
  shown as typed, so a reader sees where it points.

What remains produces only <p>, <br>, <strong>, <em>, <code>, <pre>, <ul>, <ol>, <li>,
<blockquote>, <hr> and <h1>–<h6>, with text escaped by the parser; a fenced block's info
string is dropped (it would become a class attribute). Bidi controls and other control
characters are removed first (`haven.core.peer_text`), and the length is capped, so hostile
input can neither reorder what a reader sees nor make rendering slow (CommonMark parsing is
linear in markdown-it; nesting is capped by the parser's `maxNesting`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from haven.core.peer_text import elide, strip_controls

#: Longest text rendered; the rest is cut (a post is at most 40,000 characters anyway).
MAX_RENDER_CHARS = 50_000
#: How much of a body a one-line preview parses (the first paragraph is near the start).
_PREVIEW_CHARS = 2_000
_DISABLED = ["html_block", "html_inline", "image", "link", "autolink"]


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.disable(_DISABLED)
    md.options["maxNesting"] = 20
    md.add_render_rule("fence", _render_code_block)
    md.add_render_rule("code_block", _render_code_block)
    return md


def _render_code_block(
    self: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: Any
) -> str:
    from markdown_it.common.utils import escapeHtml

    return f"<pre><code>{escapeHtml(tokens[idx].content)}</code></pre>\n"


_MD = _parser()


def clean(text: str) -> str:
    """Drop control characters and bidirectional overrides (which can make text read
    differently from what it is), normalise line ends, cap the length."""
    return strip_controls(text[:MAX_RENDER_CHARS], keep_newlines=True)


def render(body: str) -> str:
    """Body text → HTML made only of the safe subset above: no anchors, no images, no
    attributes."""
    return _MD.render(clean(body)).rstrip("\n")


def preview(body: str, limit: int = 160) -> str:
    """The first block's text without Markdown marks, as plain text (for list rows)."""
    for token in _MD.parse(clean(body[:_PREVIEW_CHARS])):
        if token.type == "inline" and token.children is not None:
            text = "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in token.children
            ).strip()
            if text:
                return elide(" ".join(text.split()), limit)
    return ""
