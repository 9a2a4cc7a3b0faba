"""The projection is a function of the set of events, also when removal finality needs
several replays (core/spaces/finality.py): an event applied last, as the newest, must leave
the state a recompute from the whole log would give — found by the convergence property
test once it ran with random examples."""

from __future__ import annotations

from pathlib import Path

from haven.core.session import Session
from tests.space_helpers import deliver, join, make_session, sync


def _members(s: Session, sid: bytes) -> list[tuple[bytes, str, str]]:
    return sorted(
        (m.member_pk, m.role.value, m.status.value)
        for m in s.spaces.members(sid, include_former=True)
    )


def _recomputed(s: Session, sid: bytes) -> list[tuple[bytes, str, str]]:
    with s.vault.transaction() as conn:
        s.spaces.projector.recompute(conn, sid, s.log)
    return _members(s, sid)


def test_a_removal_racing_a_leave_ends_the_same_whatever_arrives_last(tmp_path: Path) -> None:
    """Cai removes Bea while Bea leaves (Cai's removal sorts first), and Ari, who has seen
    neither, removes Cai and then Bea. In the first replay Cai's removal takes Bea out, so
    Ari's removal of Bea is invalid; in the next, Cai's removal is void (Cai removed outside
    Ari's cut) and Bea is active when Ari's removal comes: it is valid, and it cuts off Bea's
    leave. Dee, who has everything but Ari's removal of Bea, settles on "Bea left"; when that
    removal arrives as the newest event, Dee must reach what a replay of the whole log
    gives, as Ari does."""
    names = ("ari", "bea", "cai", "dee")
    ari, bea, cai, dee = (make_session(tmp_path, n) for n in names)
    sid = ari.spaces.create_space("Circle", display_name="Ari")
    pk = {"ari": ari.spaces.space_info(sid).my_persona}
    for name, s in (("bea", bea), ("cai", cai), ("dee", dee)):
        pk[name] = join(ari, s, sid, name.capitalize())
    ari.spaces.set_role(sid, pk["bea"], "admin")
    ari.spaces.set_role(sid, pk["cai"], "admin")
    sync(sid, ari, bea, cai, dee)
    cai.spaces.remove_member(sid, pk["bea"])  # clock L+1
    bea.spaces.post(sid, "one last thing")  # L+1
    bea.spaces.leave(sid)  # L+2: after Cai's removal of her
    ari.spaces.post(sid, "news")
    ari.spaces.remove_member(sid, pk["cai"])  # Ari has seen nothing of this
    for src in (ari, bea, cai):
        deliver(src, dee, sid)
    assert _members(dee, sid) == _recomputed(dee, sid)
    ari.spaces.remove_member(sid, pk["bea"])  # Bea still active in Ari's view
    deliver(ari, dee, sid)  # the newest event on Dee's device
    assert _members(dee, sid) == _recomputed(dee, sid)
    sync(sid, ari, dee)
    assert _members(dee, sid) == _members(ari, sid) == _recomputed(ari, sid)
    for s in (ari, bea, cai, dee):
        s.lock()
