"""The Devices section: linked devices, linking a new one, and linking on first run."""
