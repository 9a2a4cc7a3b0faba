"""Fixtures for the Qt app tests (tests/ui/window_fixtures.py)."""

from tests.ui.window_fixtures import app_settings, arabic, make_window  # noqa: F401  (fixtures)
