"""Why a moderator's erase power outlasts the role (docs/PROTOCOL.md §1.7, "Why former
moderators can still erase"): erasure cannot be undone, so whether a removal erases must not
depend on the order events arrive in. A moderator removed concurrently with its removal of a
post (it had not seen its own removal): a replica that gets the moderation first erases at
once; one that gets the removal first must erase too, or the two would differ for good."""

from __future__ import annotations

from pathlib import Path

from haven.core.session import Session
from tests.canary_scan import vault_holding
from tests.space_helpers import deliver, join, make_session, sync
from tests.unit.spaces.test_redaction import CANARY


def _shown(s: Session, sid: bytes, post: bytes) -> tuple[str, str]:
    p = next(p for p in s.spaces.read_feed(sid, include_hidden=True) if p.post_id == post)
    return p.state, p.body


def test_a_moderation_racing_its_authors_removal_erases_on_every_replica(
    tmp_path: Path,
) -> None:
    ari, mo, bea, cai = (make_session(tmp_path, n) for n in ("ari", "mo", "bea", "cai"))
    sid = ari.spaces.create_space("Circle", display_name="Ari")
    mo_pk = join(ari, mo, sid, "Mo")
    join(ari, bea, sid, "Bea")
    join(ari, cai, sid, "Cai")
    ari.spaces.set_role(sid, mo_pk, "moderator")
    post = bea.spaces.post(sid, f"my real name is {CANARY}")
    sync(sid, ari, mo, bea, cai)
    ari.spaces.post(sid, "news")  # so that the removal sorts after Mo's moderation
    ari.spaces.remove_member(sid, mo_pk)  # its cut: Mo's events up to now
    mo.spaces.moderate(sid, post, "doxxing")  # concurrently, outside that cut
    deliver(mo, bea, sid)  # Bea: the moderation first — valid then, erased at once
    deliver(ari, bea, sid)
    deliver(ari, cai, sid)  # Cai: the removal first — the moderation never valid there
    deliver(mo, cai, sid)
    sync(sid, ari, bea, cai)
    views = {_shown(s, sid, post) for s in (ari, bea, cai)}
    assert views == {("visible", "")}  # the same everywhere: visible (Mo was removed), erased
    for s in (ari, bea, cai):
        assert vault_holding(s, sid, CANARY) == []
    for s in (ari, mo, bea, cai):
        s.lock()
