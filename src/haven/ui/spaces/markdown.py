"""A small, safe Markdown renderer for post bodies.

Post text comes from other people, so nothing in it may reach Qt's rich-text engine as
markup: every character is HTML-escaped first, and only then is a tiny subset applied by
this module's own code — paragraphs, line breaks, **bold**, *italic*, `code`, fenced code
blocks, bulleted and numbered lists, and headings (shown bold). There is no HTML
passthrough, no images (an image is shown as its description), and links are shown as
their text followed by the address in plain text: never an anchor, so nothing is loaded
or opened. The patterns are linear (no nested quantifiers), so hostile input cannot make
rendering slow.
"""

from __future__ import annotations

import html
import re

#: Longest text rendered; the rest is cut (a post is at most 40,000 characters anyway).
MAX_RENDER_CHARS = 50_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}&gt;\s?(.*)$")

# Applied to already-escaped text, so "<", ">" and quotes cannot appear in a match.
_CODE_SPAN = re.compile(r"`([^`\n]{1,2000}+)`")
# Possessive quantifiers (Python 3.11+): a failed match never backtracks into them.
_IMAGE = re.compile(r"!\[([^\]\n]{0,500}+)\]\(([^)\s]{0,2000}+)(?:\s[^)\n]{0,500}+)?\)")
_LINK = re.compile(r"\[([^\]\n]{1,500}+)\]\(([^)\s]{0,2000}+)(?:\s[^)\n]{0,500}+)?\)")
_BOLD_STAR = re.compile(r"\*\*(?=[^\s*])([^*\n]{0,2000}?[^\s*])\*\*")
_BOLD_UNDER = re.compile(r"__(?=[^\s_])([^_\n]{0,2000}?[^\s_])__")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,2000}?\S)\*(?![\w*])")
_ITALIC_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{0,2000}?\S)_(?![\w_])")
_PLACEHOLDER = "\ue000{}\ue001"
_SLOT = re.compile("\ue000(\\d+)\ue001")


def clean(text: str) -> str:
    """Drop control characters and bidirectional overrides (which can make text read
    differently from what it is), normalise line ends, cap the length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_RENDER_CHARS]
    return _CONTROL.sub("", text.replace("\t", "    "))


def inline(escaped: str) -> str:
    """Emphasis and code inside one escaped line or paragraph."""
    slots: list[str] = []

    def keep(markup: str) -> str:
        slots.append(markup)
        return _PLACEHOLDER.format(len(slots) - 1)

    text = _CODE_SPAN.sub(lambda m: keep(f"<code>{m.group(1)}</code>"), escaped)
    text = _IMAGE.sub(lambda m: keep(_image_text(m.group(1))), text)
    text = _LINK.sub(lambda m: keep(_link_text(m.group(1), m.group(2))), text)
    text = _BOLD_STAR.sub(r"<b>\1</b>", text)
    text = _BOLD_UNDER.sub(r"<b>\1</b>", text)
    text = _ITALIC_STAR.sub(r"<i>\1</i>", text)
    text = _ITALIC_UNDER.sub(r"<i>\1</i>", text)
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _image_text(alt: str) -> str:
    return f"[{alt}]" if alt.strip() else "[image]"


def _link_text(label: str, address: str) -> str:
    if not address or address == label:
        return label
    return f"{label} ({address})"


def render(body: str) -> str:
    """Body text → HTML made only of <p>, <br>, <b>, <i>, <code>, <pre>, <ul>, <ol>,
    <li>, <blockquote> and <hr>: no attributes, no anchors, no images."""
    lines = html.escape(clean(body), quote=True).split("\n")
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def end_paragraph() -> None:
        if paragraph:
            out.append("<p>" + "<br>".join(inline(p) for p in paragraph) + "</p>")
            paragraph.clear()

    def end_list() -> None:
        nonlocal list_tag
        if items:
            body_html = "".join(f"<li>{inline(i)}</li>" for i in items)
            out.append(f"<{list_tag}>{body_html}</{list_tag}>")
            items.clear()
        list_tag = ""

    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _FENCE.match(line):
            end_paragraph()
            end_list()
            code: list[str] = []
            while index < len(lines) and not _FENCE.match(lines[index]):
                code.append(lines[index])
                index += 1
            index += 1  # the closing fence (or the end)
            out.append("<pre>" + "\n".join(code) + "</pre>")
            continue
        if not line.strip():
            end_paragraph()
            end_list()
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            end_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and tag != list_tag:
                end_list()
            list_tag = tag
            items.append((bullet or number).group(1))  # type: ignore[union-attr]
            continue
        if items and line.startswith("  "):  # a list item's continuation line
            items[-1] += " " + line.strip()
            continue
        end_list()
        if _RULE.match(line):
            end_paragraph()
            out.append("<hr>")
        elif heading := _HEADING.match(line):
            end_paragraph()
            text = heading.group(1).rstrip().rstrip("#").rstrip()
            out.append(f"<p><b>{inline(text)}</b></p>")
        elif quote := _QUOTE.match(line):
            end_paragraph()
            out.append(f"<blockquote>{inline(quote.group(1))}</blockquote>")
        else:
            paragraph.append(line.strip())
    end_paragraph()
    end_list()
    return "".join(out)


def preview(body: str, limit: int = 160) -> str:
    """The first non-empty line as plain text, without Markdown marks (for list rows)."""
    for raw in clean(body).split("\n"):
        line = raw.strip().lstrip("#>-*+ ").strip()
        if line and not line.startswith(("```", "~~~")):
            line = _IMAGE.sub(lambda m: _image_text(m.group(1)), line)
            line = _LINK.sub(lambda m: m.group(1), line)
            line = line.replace("**", "").replace("__", "").replace("`", "")
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""
