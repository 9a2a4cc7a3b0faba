"""Helpers for tests of group spaces: several members, each with their own vault in
tmp_path, and events carried between them the way sync will carry them:
envelopes_after(their tips) -> ingest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from haven.core import session as core_session
from haven.core.session import Session
from tests.helpers import PASSPHRASE, new_session

#: A moment for tests that move each member's clock by hand (ms; in 2027).
T0 = 1_800_000_000_000
HOUR_MS = 3_600_000


class Clock:
    """One member's clock, injected into its session; the test moves `now` (ms)."""

    def __init__(self, now: int = T0) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def clocked_circle(root: Path, names: Sequence[str]) -> tuple[list[Session], list[Clock], bytes]:
    """Members with clocks of their own (disappearing posts, timers): the first owns the
    space "Circle" and added the others, who are not synced yet."""
    clocks = [Clock() for _ in names]
    people = [
        core_session.create(root / n, PASSPHRASE, n.capitalize(), clock=c)
        for n, c in zip(names, clocks, strict=True)
    ]
    space = people[0].spaces.create_space("Circle", display_name=names[0].capitalize())
    for person, name in zip(people[1:], names[1:], strict=True):
        join(people[0], person, space, name.capitalize())
    certify(space, *people[1:])
    return people, clocks, space


def deliver(src: Session, dst: Session, space_id: bytes) -> int:
    envelopes = src.log.envelopes_after(space_id, dst.log.chain_tips(space_id), 100_000)
    return len(dst.log.ingest(envelopes).accepted) if envelopes else 0


def sync(space_id: bytes, *sessions: Session, rounds: int = 20) -> None:
    """Every pair, until a whole round moves nothing (events that needed a key or an
    earlier event from another chain are sent again next round, as sync will)."""
    for _ in range(rounds):
        moved = 0
        for src in sessions:
            for dst in sessions:
                if src is not dst:
                    moved += deliver(src, dst, space_id)
        if not moved:
            return
    raise AssertionError("sync did not settle")


def join(admin: Session, joiner: Session, space_id: bytes, name: str) -> bytes:
    req = joiner.spaces.prepare_join(name, "she/her")
    welcome = admin.spaces.make_add_member(
        space_id,
        req.persona_pk,
        req.box_pk,
        name,
        req.profile.pronouns,
        req.profile.colour,
        device_id=req.device_id,
    )
    assert joiner.spaces.accept_welcome(welcome) == space_id
    return req.persona_pk


def certify(space_id: bytes, *sessions: Session) -> None:
    """Each member's device certifies its key in the space now, as it does before its first
    event of its own (a joiner's is not written at the welcome: PROTOCOL §5.11): for tests
    of members who have written there before, whose first post is not their first event."""
    for session in sessions:
        session.spaces.device_keys.ensure_certified(space_id)


@dataclass
class Group:
    space_id: bytes
    owner: Session
    bea: Session
    cai: Session
    pk: dict[str, bytes]

    def all(self) -> tuple[Session, Session, Session]:
        return self.owner, self.bea, self.cai

    def sync(self, *sessions: Session) -> None:
        sync(self.space_id, *(sessions or self.all()))


def make_session(tmp_path: Path, name: str) -> Session:
    return new_session(tmp_path / name, name.capitalize())


def three_members(tmp_path: Path) -> tuple[Session, Session, Session, bytes]:
    """Ari owns a space "Circle"; Bea and Cai are plain members; all in step."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    certify(space, bea, cai)
    sync(space, ari, bea, cai)
    return ari, bea, cai, space
