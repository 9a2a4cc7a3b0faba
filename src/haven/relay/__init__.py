"""haven-relay: a volunteer-run mailbox server that stores only ciphertext (docs/RELAY.md).

It may import only `haven.crypto` and `haven.errors` from Haven (an import-linter contract
keeps it so), so a volunteer can run it without the app's store, core or UI.
"""
