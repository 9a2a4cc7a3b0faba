"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

from haven.core import session
from haven.core.session import Session

PASSPHRASE = "violet lantern orbit quietly 42"


def new_session(data_dir: Path, name: str = "Robin", pronouns: str = "they/them") -> Session:
    return session.create(data_dir, PASSPHRASE, name, pronouns)


def replica_of(source: Session, data_dir: Path, name: str = "Robin") -> Session:
    """A second vault holding the same persona and journal space as `source` — what linking
    a device produces — with its own device id. Test-only shortcut around pairing."""
    from haven.store import identity_tables as ids

    target = session.create(data_dir, PASSPHRASE, name)
    with source.vault.read() as conn:
        persona = ids.get_persona(conn, source.identity.primary().persona_id)
        space = ids.get_space(conn, source.journal.space_id)
        keys = ids.epoch_keys(conn, source.journal.space_id)
    assert persona is not None and space is not None
    with target.vault.transaction() as conn:
        old_space = target.journal.space_id
        conn.execute("DELETE FROM epoch_keys WHERE space_id = ?", (old_space,))
        conn.execute("DELETE FROM spaces WHERE space_id = ?", (old_space,))
        conn.execute("DELETE FROM personas")
        ids.insert_persona(conn, persona)
        ids.set_meta(conn, "primary_persona", persona.persona_id)
        ids.insert_space(conn, space)
        for epoch, key in keys.items():
            ids.put_epoch_key(conn, space.space_id, epoch, key)
        ids.set_meta(conn, "journal_space", space.space_id)
    target.lock()
    replica = session.unlock(data_dir, PASSPHRASE)
    replica.devices.announce_this_device("")
    return replica
