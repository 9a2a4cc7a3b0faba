"""Qt app tests that open real sockets on 127.0.0.1 (sync, invites, linking): the same
window fixtures as tests/ui (tests/ui/window_fixtures.py)."""

from tests.ui.window_fixtures import app_settings, make_window  # noqa: F401  (fixtures)
