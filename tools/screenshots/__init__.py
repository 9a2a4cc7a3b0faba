"""Screenshots of the app for the docs, made with the public UI only (see __main__.py)."""
