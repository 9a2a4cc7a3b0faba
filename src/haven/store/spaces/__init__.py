"""SQL for group spaces, one module per feature (the names of haven.core.spaces):
groups (a space on this device and its projection's bookkeeping), details, membership,
keys, posts, moderation, joining (schema/0002_spaces.sql and later)."""
