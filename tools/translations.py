"""Regenerate the translation catalogues from the UI's source, then build them.

    python -m tools.translations

`pyside6-lupdate` (6.11) finds `self.tr(text, "", n)` plurals, but a plural written as
`QCoreApplication.translate(context, text, "", n)` — the form used outside a QObject — is
either dropped (when `n` is not a plain name) or kept as a singular message, and a later
`-no-obsolete` run then loses its reviewed plural forms. This runs lupdate and puts those
messages back as plurals, with their earlier translations where the catalogue had them, so a
regeneration never silently turns a translated plural back into English. Then lrelease.
`tests/unit/test_translations.py` checks the result: every string the UI shows is in each
catalogue, translated, and every plural is a plural.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "haven" / "ui"
CATALOGUES = ROOT / "resources" / "translations"
#: Plural forms each language's catalogue carries (Qt's rules for ar, fa and en).
FORMS = {"ar": 6, "fa": 1, "en": 2}


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translate_plurals() -> set[tuple[str, str]]:
    """(context, text) of every `translate(context, text, disambiguation, n)` in the UI."""
    found: set[tuple[str, str]] = set()
    for path in ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 4:
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "translate":
                context, text = _constant(node.args[0]), _constant(node.args[1])
                if context is not None and text is not None:
                    found.add((context, text))
    return found


def _messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    out: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _plural(text: str, forms: int, earlier: ET.Element | None) -> ET.Element:
    if earlier is not None and earlier.get("numerus") == "yes":
        return ET.fromstring(ET.tostring(earlier))
    message = ET.Element("message", numerus="yes")
    ET.SubElement(message, "source").text = text
    translation = ET.SubElement(message, "translation", type="unfinished")
    for _ in range(forms):
        ET.SubElement(translation, "numerusform")
    return message


def restore_plurals(path: Path, earlier: ET.Element, language: str) -> int:
    """Make every translate() plural a plural message again; returns how many were fixed."""
    tree = ET.parse(path)
    now = _messages(tree.getroot())
    before = _messages(earlier)
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    fixed = 0
    for context, text in sorted(translate_plurals()):
        current = now.get((context, text))
        if current is not None and current.get("numerus") == "yes":
            continue
        replacement = _plural(text, FORMS[language], before.get((context, text)))
        holder = contexts.get(context)
        if holder is None:
            holder = ET.SubElement(tree.getroot(), "context")
            ET.SubElement(holder, "name").text = context
            contexts[context] = holder
        if current is not None:
            holder.remove(current)
        holder.append(replacement)
        fixed += 1
    if fixed:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode").split("\n")
        # lupdate's layout: <context> at the margin, one level of four spaces below it.
        body = [line.removeprefix("    ").replace(" />", "/>") for line in body]
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + "\n".join(body) + "\n",
            encoding="utf-8",
        )
    return fixed


def main() -> int:
    tools = Path(sys.executable).parent
    sources = [str(p) for p in ui_sources()]
    for language in FORMS:
        path = CATALOGUES / f"haven_{language}.ts"
        earlier = ET.parse(path).getroot()
        extra = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [str(tools / "pyside6-lupdate"), "-no-obsolete", *extra, *sources, "-ts", str(path)],
            check=True,
            capture_output=True,
        )
        fixed = restore_plurals(path, earlier, language)
        print(f"{path.name}: {fixed} plural(s) put back")
    subprocess.run(
        [str(tools / "pyside6-lrelease"), *(str(CATALOGUES / f"haven_{x}.ts") for x in FORMS)],
        check=True,
        capture_output=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
