"""Pure functions over PyNaCl (libsodium). No I/O, no storage, no Qt."""
