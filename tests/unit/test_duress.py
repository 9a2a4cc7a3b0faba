"""The duress passphrase and its decoy vault, on real SQLCipher files: which vault each
passphrase opens, files that look the same with and without a decoy, the wipe, removal,
passphrase changes that keep the duress slot, and old one-slot headers still opening."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from haven.core import session
from haven.core.duress import SAME_AS_OWN
from haven.core.session import Session
from haven.crypto import kdf, secretbox
from haven.errors import WeakPassphrase, WrongPassphrase
from haven.store import key_slots
from haven.store.header import read_header
from haven.store.key_material import wrap
from haven.store.vault import DB_FILES, HEADER_NAME
from tests.helpers import PASSPHRASE, new_session, vault_db

DURESS = "quiet meadow ferry window 77"
WRONG = "not either of them at all 123"
REAL_TEXT = "the real, private entry"


def vault_with_decoy(data_dir: Path, wipe: bool = False) -> None:
    s = new_session(data_dir)
    s.journal.add(REAL_TEXT, tags=["private"])
    s.duress.set(DURESS, wipe_vault_on_use=wipe)
    s.lock()
    decoy = session.unlock(data_dir, DURESS)
    decoy.journal.add("a dull day at work")
    decoy.lock()


def bodies(s: Session) -> list[str]:
    return [s.journal.get(e.entry_id).body for e in s.journal.list()]


def shape(data_dir: Path) -> dict[str, object]:
    """Everything an examiner sees without a passphrase, except random bytes: names, sizes,
    the header's structure and the length of every value in it."""

    def skeleton(value: object, key: str = "") -> object:
        if isinstance(value, dict):
            return {k: skeleton(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [skeleton(v) for v in value]
        if key in ("salt", "wrapped_key"):
            return len(base64.b64decode(str(value), validate=True))
        return value

    header = json.loads((data_dir / HEADER_NAME).read_text())
    return {
        "files": {p.name: p.stat().st_size for p in sorted(data_dir.iterdir())},
        "header": skeleton(header),
    }


def test_each_passphrase_opens_its_own_vault(tmp_path: Path) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data)
    real = session.unlock(data, PASSPHRASE)
    try:
        assert bodies(real) == [REAL_TEXT]
        assert real.duress.is_set()
        real_persona = real.identity.primary()
        real_device = real.identity.device_id
    finally:
        real.lock()
    decoy = session.unlock(data, DURESS)
    try:
        assert bodies(decoy) == ["a dull day at work"]  # the decoy never holds a real entry
        assert decoy.journal.search("private", limit=10) == []
        persona = decoy.identity.primary()
        # It looks like the same person's journal, under keys of its own.
        assert persona.display_name == real_persona.display_name
        assert persona.persona_id != real_persona.persona_id
        assert decoy.identity.device_id != real_device
        # Nothing to sync with: no spaces, no linked devices, no relays, LAN off.
        assert decoy.spaces.list_spaces() == []
        assert decoy.relays.spaces_using() == []
        assert [d.device_id for d in decoy.devices.list()] == [decoy.identity.device_id]
        assert not decoy.lan.enabled() and not decoy.lan.available()
        # Like a vault without one, the decoy says no duress passphrase is set.
        assert not decoy.duress.is_set()
    finally:
        decoy.lock()
    with pytest.raises(WrongPassphrase):
        session.unlock(data, WRONG)


def test_the_real_vault_bytes_never_reach_the_decoy_file(tmp_path: Path) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data)
    real_file, decoy_file = vault_db(data, PASSPHRASE), vault_db(data, DURESS)
    assert real_file != decoy_file
    # A key from one slot never opens the other file (they are separate databases).
    assert {real_file.name, decoy_file.name} == set(DB_FILES)


def test_files_look_the_same_with_and_without_a_decoy(tmp_path: Path) -> None:
    plain, with_decoy = tmp_path / "plain", tmp_path / "decoy"
    s = new_session(plain)
    s.journal.add(REAL_TEXT, tags=["private"])
    s.lock()
    vault_with_decoy(with_decoy)
    assert shape(plain) == shape(with_decoy)
    # No marker: the two slots' bytes are the same length, and neither header names a role.
    for data in (plain, with_decoy):
        text = (data / HEADER_NAME).read_text()
        assert "duress" not in text and "decoy" not in text
        slots = read_header(data / HEADER_NAME).slots
        assert len({len(slot) for slot in slots}) == 1
        for name in DB_FILES:
            head = (data / name).read_bytes()[:4096]
            assert not head.startswith(b"SQLite format 3")
            assert len(set(head)) > 200  # random-looking, not a fixed pattern
    # Removing the decoy leaves the same shape again.
    real = session.unlock(with_decoy, PASSPHRASE)
    real.duress.remove()
    real.lock()
    assert shape(with_decoy) == shape(plain)


def test_unlock_does_the_same_work_whatever_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Time taken does not say which slot opened: every unlock runs Argon2id once (the
    header's salt) and tries the result on both slots, also after one has opened."""
    data = tmp_path / "v"
    vault_with_decoy(data)
    derived: list[bytes] = []
    tried: list[bytes] = []
    real_derive, real_unwrap = kdf.derive_key_into, secretbox.unwrap_key_into

    def derive(passphrase: str, salt: bytes, params: kdf.KdfParams) -> bytearray:
        derived.append(salt)
        return real_derive(passphrase, salt, params)

    def unwrap(kek: bytearray, wrapped: bytes) -> bytearray:
        tried.append(wrapped)
        return real_unwrap(kek, wrapped)

    monkeypatch.setattr(kdf, "derive_key_into", derive)
    monkeypatch.setattr(secretbox, "unwrap_key_into", unwrap)
    header = read_header(data / HEADER_NAME)
    for passphrase in (PASSPHRASE, DURESS, WRONG):
        derived.clear()
        tried.clear()
        try:
            session.unlock(data, passphrase).lock()
        except WrongPassphrase:
            assert passphrase == WRONG
        assert derived == [header.salt], passphrase
        assert tried == list(header.slots), passphrase


def test_the_wipe_destroys_the_real_vault_for_good(tmp_path: Path) -> None:
    data = tmp_path / "v"
    s = new_session(data)
    s.journal.add(REAL_TEXT)
    s.duress.set(DURESS, wipe_vault_on_use=True)
    assert s.duress.wipes_vault()
    s.lock()
    before = shape(data)
    decoy = session.unlock(data, DURESS)
    assert bodies(decoy) == []
    decoy.lock()
    with pytest.raises(WrongPassphrase):
        session.unlock(data, PASSPHRASE)
    # Afterwards the files look like any vault's, and the slot that did it carries no flag
    # for someone who holds the duress passphrase to find.
    assert shape(data) == before
    (opened,) = key_slots.unseal_all(read_header(data / HEADER_NAME), DURESS)
    assert opened.flags == 0
    opened.wipe()
    again = session.unlock(data, DURESS)  # the decoy goes on working
    again.lock()


def test_without_the_wipe_the_real_vault_survives_the_decoy(tmp_path: Path) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data, wipe=False)
    real = session.unlock(data, PASSPHRASE)
    assert bodies(real) == [REAL_TEXT]
    real.lock()


def test_remove_forgets_the_duress_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data)
    real = session.unlock(data, PASSPHRASE)
    real.duress.remove()
    assert not real.duress.is_set()
    real.lock()
    with pytest.raises(WrongPassphrase):
        session.unlock(data, DURESS)
    real = session.unlock(data, PASSPHRASE)
    assert bodies(real) == [REAL_TEXT]
    real.lock()


@pytest.mark.parametrize("rekey", [False, True])
def test_changing_the_passphrase_keeps_the_duress_slot(tmp_path: Path, rekey: bool) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data)
    real = session.unlock(data, PASSPHRASE)
    new = "a fresh orchard lantern 8812 tide"
    real.change_passphrase(new, rekey=rekey)
    real.lock()
    decoy = session.unlock(data, DURESS)
    assert bodies(decoy) == ["a dull day at work"]
    decoy.lock()
    real = session.unlock(data, new)
    assert bodies(real) == [REAL_TEXT]
    real.lock()


def test_a_passphrase_never_opens_both_slots(tmp_path: Path) -> None:
    data = tmp_path / "v"
    vault_with_decoy(data)
    real = session.unlock(data, PASSPHRASE)
    try:
        with pytest.raises(WeakPassphrase, match=SAME_AS_OWN):
            real.duress.set(PASSPHRASE)
        with pytest.raises(WeakPassphrase, match=SAME_AS_OWN):
            real.change_passphrase(DURESS)
        with pytest.raises(WrongPassphrase):
            real.duress.set_checked(WRONG, "another decoy passphrase 5531", False)
    finally:
        real.lock()


def test_a_version_1_vault_opens_and_gets_a_second_slot(tmp_path: Path) -> None:
    """A vault written before the duress passphrase: one salt, one wrapped 32-byte key, one
    database file named vault.db."""
    data = tmp_path / "v"
    s = new_session(data)
    s.journal.add(REAL_TEXT)
    key = bytearray(s.vault._require_key())
    own = s.vault.db_path
    s.lock()
    for name in DB_FILES:
        if data / name != own:
            (data / name).unlink()
    own.rename(data / "vault.db")
    header = read_header(data / HEADER_NAME)
    salt = kdf.new_salt()
    v1 = {
        "format": "haven-vault",
        "version": 1,
        "kdf": header.kdf.to_dict(),
        "salt": base64.b64encode(salt).decode(),
        "wrapped_key": base64.b64encode(
            wrap(kdf.derive_key_into(PASSPHRASE, salt, header.kdf), key)
        ).decode(),
    }
    (data / HEADER_NAME).write_text(json.dumps(v1, indent=2) + "\n")
    size_before = (data / "vault.db").stat().st_size

    with pytest.raises(WrongPassphrase):
        session.unlock(data, WRONG)
    reopened = session.unlock(data, PASSPHRASE)
    assert bodies(reopened) == [REAL_TEXT]
    reopened.duress.set(DURESS)
    reopened.lock()
    assert read_header(data / HEADER_NAME).version == 2
    assert sorted(p.name for p in data.iterdir()) == sorted([*DB_FILES, HEADER_NAME, "vault.lock"])
    assert (data / "vault.db").stat().st_size >= size_before
    decoy = session.unlock(data, DURESS)
    assert bodies(decoy) == []
    decoy.lock()


def test_duress_from_inside_the_decoy_acts_like_a_vault_without_one(tmp_path: Path) -> None:
    """In the decoy the other slot is the real vault: setting a duress passphrase there
    replaces it, exactly as in any vault (documented; the decoy cannot refuse without
    giving itself away)."""
    data = tmp_path / "v"
    vault_with_decoy(data)
    decoy = session.unlock(data, DURESS)
    other = "somebody else's passphrase 4410"
    decoy.duress.set(other)
    decoy.lock()
    with pytest.raises(WrongPassphrase):
        session.unlock(data, PASSPHRASE)
    session.unlock(data, other).lock()
    assert os.path.exists(data / HEADER_NAME)
