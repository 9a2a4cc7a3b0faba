"""The catalogues hold what the UI shows: every string the UI passes to `tr`/`translate` is in
the Arabic and Persian catalogues and translated there, and every plural is a plural (with
the forms each language needs). Regenerate with `python -m tools.translations`."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET

import pytest

from tools.translations import CATALOGUES, FORMS, translate_plurals, ui_sources


def _ui_strings() -> set[str]:
    found: set[str] = set()
    for path in ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            index = {"tr": 0, "translate": 1}.get(node.func.attr)
            if index is None or len(node.args) <= index:
                continue
            text = node.args[index]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add(text.value)
    return found


def _catalogue(language: str) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(CATALOGUES / f"haven_{language}.ts")
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_every_ui_string_is_translated(language: str) -> None:
    messages = _catalogue(language)
    sources = {source for _, source in messages}
    missing = sorted(_ui_strings() - sources)
    assert not missing, f"not in haven_{language}.ts (run python -m tools.translations): {missing}"
    unfinished = sorted(
        source
        for (_, source), message in messages.items()
        if (message.find("translation").get("type") or "") in {"unfinished"}  # type: ignore[union-attr]
    )
    assert not unfinished, f"untranslated in haven_{language}.ts: {unfinished}"


@pytest.mark.parametrize("language", sorted(FORMS))
def test_every_plural_is_a_plural_with_its_forms(language: str) -> None:
    messages = _catalogue(language)
    for context, text in translate_plurals():
        message = messages.get((context, text))
        assert message is not None, (language, context, text)
        assert message.get("numerus") == "yes", (language, context, text)
    for (context, text), message in messages.items():
        if message.get("numerus") == "yes":
            forms = message.findall("translation/numerusform")
            assert len(forms) == FORMS[language], (language, context, text)
