"""The control channel: while `haven serve` or the app holds the unlocked vault, `haven`
commands on the same data folder ask it to run them (see docs/ARCHITECTURE.md, "The control
channel"). A user-only Unix socket; nothing here listens on a network address.

`client` is imported by every `haven` command before anything heavy, so this package keeps
its imports to the standard library (and `haven.core.paths`, `haven.errors`)."""
