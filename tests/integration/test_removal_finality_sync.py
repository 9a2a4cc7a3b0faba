"""Attacks 2 and 3 of issue 10 through real sync over direct TCP (127.0.0.1): a removed
admin's vault serves a backdated add of a puppet, backdated posts and a backdated rename,
all with clocks below its removal; the other members' devices count none of it and seal no
key to the puppet (core/spaces/finality.py; docs/PROTOCOL.md, "Removal finality")."""

from __future__ import annotations

import os

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import keys as keys_db
from tests.hostile import Hostile
from tests.integration.test_key_commitments_sync import tcp_sync, trio  # noqa: F401


def sealed_to(session: Session, space: bytes) -> set[bytes]:
    with session.vault.read() as conn:
        return {
            pk for e in ids.epoch_keys(conn, space) for pk in keys_db.recipients(conn, space, e)
        }


def test_attacks_2_and_3_through_tcp_sync(
    trio: tuple[Session, Session, Session, bytes],  # noqa: F811
) -> None:
    ari, bea, cai, space = trio
    bea_pk = bea.spaces.space_info(space).my_persona
    bea.spaces.post(space, "Bea before her removal")
    tcp_sync(bea, ari)
    for i in range(6):  # the group talks on; Bea's clock stays behind
        ari.spaces.post(space, f"news {i}")
    ari.spaces.remove_member(space, bea_pk)
    tcp_sync(ari, bea)  # Bea reads that she was removed
    with ari.vault.read() as conn:
        removal = [e.lamport for e in lt.events_in_order(conn, space) if e.type == ev.REMOVE][-1]
    hostile = Hostile.of(bea, space)  # her chain ends at her post, far below the removal
    puppet_box = os.urandom(32)
    crafted = [
        hostile.backdate(
            ev.ADD,
            {
                "member": os.urandom(32),
                "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
                "devices": [[os.urandom(16), puppet_box]],
                "key_epoch": hostile.epoch,
            },
        ),
        hostile.backdate(ev.POST, {"title": "", "body": "backdated post", "cw": ""}),
        hostile.backdate(
            ev.PROFILE, {"profile": {"name": "Ari (owner)", "pronouns": "", "colour": ""}}
        ),
    ]
    assert hostile.tip_lamport < removal  # every one of them sorts before the removal
    assert len(bea.log.ingest(crafted).accepted) == 3  # her vault serves them
    tcp_sync(bea, cai)  # they reach Cai first, before anything else of Ari's
    tcp_sync(ari, cai)
    tcp_sync(cai, ari)
    for s in (ari, cai):
        members = {m.display_name for m in s.spaces.members(space, include_former=True)}
        assert "Puppet" not in members and "Ari (owner)" not in members
        feed = s.spaces.read_feed(space)
        assert "backdated post" not in {p.body for p in feed}
        assert "Bea before her removal" in {p.body for p in feed}
        assert "Ari (owner)" not in {p.author_name for p in feed}
        assert puppet_box not in sealed_to(s, space)
