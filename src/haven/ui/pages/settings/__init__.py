"""The sections of the Settings page, one module each (composed by pages/settings_page.py)."""
