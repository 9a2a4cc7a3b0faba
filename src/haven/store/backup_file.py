"""Store-level checks a restore needs before it trusts a database copy.

Opening a vault only reads the first page (a wrong key or a garbage file fails there); a
backup that was damaged further in would open and fail later, in the middle of someone's
writing. So a restore reads every page once: SQLCipher checks each page's HMAC (keyed by the
master key, bound to the page number), then SQLite checks the b-tree structure.
"""

from __future__ import annotations

from haven.errors import VaultDamaged
from haven.store.vault import Vault


def check_integrity(vault: Vault) -> None:
    """Raise VaultDamaged unless every page authenticates and the structure is sound."""
    with vault.read() as conn:
        bad_pages = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if bad_pages:
            raise VaultDamaged(
                f"the database copy has {len(bad_pages)} page(s) that fail authentication"
            )
        result = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise VaultDamaged("the database copy is structurally damaged")
