"""Domain services shared by the CLI and the UI. Never imports Qt."""
