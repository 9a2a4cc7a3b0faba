"""Erasure cannot be undone, so whether a removal erases must not depend on the order events
arrive in (docs/PROTOCOL.md §1.7, "Settled before erased"). A moderator removed concurrently
with its removal of a post (it had not seen its own removal): a replica that gets the
moderation first hides the post and keeps its words for the grace period; one that gets the
removal first never counts the moderation. When the removal reaches the first, the post comes
back there too, and neither erases it, before or after the grace period."""

from __future__ import annotations

from pathlib import Path

from haven.core.session import Session
from haven.core.spaces.rules.moderation import GRACE_MS
from tests.canary_scan import vault_holding
from tests.space_helpers import clocked_circle, deliver, join, make_session, sync
from tests.unit.spaces.test_redaction import CANARY


def _shown(s: Session, sid: bytes, post: bytes) -> tuple[str, str]:
    p = next(p for p in s.spaces.read_feed(sid, include_hidden=True) if p.post_id == post)
    return p.state, p.body


def test_a_moderation_racing_its_authors_removal_erases_on_no_replica(tmp_path: Path) -> None:
    (ari, bea, cai), clocks, sid = clocked_circle(tmp_path, ["ari", "bea", "cai"])
    mo = make_session(tmp_path, "mo")
    mo_pk = join(ari, mo, sid, "Mo")
    ari.spaces.set_role(sid, mo_pk, "moderator")
    post = bea.spaces.post(sid, f"my real name is {CANARY}")
    sync(sid, ari, mo, bea, cai)
    ari.spaces.post(sid, "news")  # so that the removal sorts after Mo's moderation
    ari.spaces.remove_member(sid, mo_pk)  # its cut: Mo's events up to now
    mo.spaces.moderate(sid, post, "doxxing")  # concurrently, outside that cut
    deliver(mo, bea, sid)  # Bea: the moderation first — valid then, hidden, not erased
    assert _shown(bea, sid, post) == ("removed", "")
    assert "events (decrypted)" in vault_holding(bea, sid, CANARY)
    deliver(ari, bea, sid)
    deliver(ari, cai, sid)  # Cai: the removal first — the moderation never valid there
    deliver(mo, cai, sid)
    sync(sid, ari, bea, cai)
    for c in clocks:
        c.now += GRACE_MS + 60_000
    for s in (ari, bea, cai):  # long after the grace period, each device's sweep
        s.spaces.disappearing.sweep()
    views = {_shown(s, sid, post) for s in (ari, bea, cai)}
    # The same everywhere: visible (Mo was removed), with its words.
    assert views == {("visible", f"my real name is {CANARY}")}
    for s in (ari, mo, bea, cai):
        s.lock()
