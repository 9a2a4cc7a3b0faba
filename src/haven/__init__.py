"""Haven: an offline-first, end-to-end encrypted journal and peer-support app."""

__version__ = "0.1.0"
