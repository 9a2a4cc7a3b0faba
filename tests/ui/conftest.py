"""Fixtures for the Qt app tests (tests/ui/window_fixtures.py)."""

from tests.ui.window_fixtures import (  # noqa: F401  (fixtures)
    app_settings,
    arabic,
    language,
    make_window,
)
