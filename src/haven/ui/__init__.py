"""The Qt desktop app. Qt only: windows, widgets, item models and a bridge to `haven.core`.

Nothing here runs SQL or opens sockets (import-linter contracts in pyproject.toml)."""
