"""Keeps the space tables in step with the ordered log.

An event that sorts after everything applied so far is applied at once. One that sorts
before (a late arrival) marks the space dirty; once the transaction commits, the space's
projection is recomputed from the whole ordered log, so every device ends in the same state
whatever order events arrived in. Reads recompute first if a space is still dirty.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from haven.core.envelope import Event
from haven.core.eventlog import EventLog
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import keys
from haven.core.spaces.model import Role, Status
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store import spaces_tables as st
from haven.store.spaces_tables import GroupRow, MemberRow, PostRow
from haven.store.vault import Connection, Vault

log = logging.getLogger(__name__)

Handler = Callable[[Connection, GroupRow, Event, "MemberRow | None"], bool]


class SpaceProjector:
    type_prefix = ev.PREFIX

    def __init__(self, vault: Vault, on_changed: Callable[[bytes], None] | None = None) -> None:
        self._vault = vault
        self._on_changed = on_changed
        self._stale: set[bytes] = set()
        self._touched: set[bytes] = set()
        self._log: EventLog | None = None
        self._flush_scheduled = False

    # ----------------------------------------------------------------- Projector protocol

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        group = st.get_group(conn, event.space_id)
        if group is None:
            return
        st.ensure_state(conn, group.space_id)
        take_sealed_key(conn, group, event)
        state = st.get_state(conn, group.space_id)
        assert state is not None
        if not state.dirty and (event.lamport, event.id) > (state.applied_lamport,
                                                            state.applied_id):
            step(conn, group, event)
        else:
            st.set_dirty(conn, group.space_id, True)
            self._stale.add(group.space_id)
        self._touched.add(group.space_id)
        self._schedule(log)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        if st.get_group(conn, space_id) is not None:
            st.clear_projection(conn, space_id)

    # ----------------------------------------------------------------- recomputing

    def recompute(self, conn: Connection, space_id: bytes, log: EventLog) -> int:
        """Rebuild the space's projection from its ordered log; returns events replayed."""
        group = st.get_group(conn, space_id)
        if group is None:
            return 0
        st.clear_projection(conn, space_id)
        n = 0
        for stored in list(lt.events_in_order(conn, space_id, ev.PREFIX)):
            step(conn, group, log.open_stored(conn, stored))
            n += 1
        st.set_dirty(conn, space_id, False)
        return n

    def ensure_fresh(self, space_id: bytes, log: EventLog) -> None:
        with self._vault.read() as conn:
            state = st.get_state(conn, space_id)
            if state is None or not state.dirty:
                return
        with self._vault.transaction() as conn:
            state = st.get_state(conn, space_id)
            if state is not None and state.dirty:
                self.recompute(conn, space_id, log)

    def _schedule(self, log: EventLog) -> None:
        self._log = log
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._vault.after_commit(self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        stale, self._stale = self._stale, set()
        touched, self._touched = self._touched, set()
        try:
            if self._log is not None:
                for space_id in sorted(stale):
                    self.ensure_fresh(space_id, self._log)
            if self._on_changed is not None:
                for space_id in sorted(touched):
                    self._on_changed(space_id)
        except Exception:  # the commit already happened; reads recompute if still dirty
            log.exception("updating a space after a commit failed")


# ----------------------------------------------------------------- the rules, one event

def step(conn: Connection, group: GroupRow, event: Event) -> bool:
    """Apply one event in log order if it is valid; returns whether it was."""
    author = st.get_member(conn, group.space_id, event.author)
    take_sealed_key(conn, group, event)
    handler = _HANDLERS.get(event.type)
    valid = False
    if handler is not None:
        try:
            valid = handler(conn, group, event, author)
        except InvalidInput:
            valid = False
    st.set_applied(conn, group.space_id, event.lamport, event.id)
    return valid


def _member(event: Event, author: MemberRow | None, profile: Any, role: Role,
            lamport: int | None = None) -> MemberRow:
    p = ev.clean_profile(profile)
    return MemberRow(event.author if author is None else author.member_pk, role.value,
                     Status.ACTIVE.value, p.display_name, p.pronouns, p.colour,
                     event.lamport if lamport is None else lamport)


def _refresh_epoch(conn: Connection, space_id: bytes) -> None:
    """Write with the epoch in force, once this device holds its key."""
    state = st.get_state(conn, space_id)
    if state is not None and ids.get_epoch_key(conn, space_id, state.inforce_epoch):
        ids.set_current_epoch(conn, space_id, state.inforce_epoch)


def _modlog(conn: Connection, event: Event, action: str, subject: bytes | None,
            detail: str = "") -> None:
    st.insert_modlog(conn, event.id, event.space_id, event.lamport, event.author, action,
                     subject, detail, event.created_ms)


def _genesis(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    state = st.get_state(conn, g.space_id)
    if state is None or state.genesis_id is not None or e.author != g.owner_pk:
        return False
    c = e.content
    st.set_info(conn, g.space_id, ev.clean_text(c.get("name"), ev.MAX_SPACE_NAME, "a name",
                                                required=True),
                ev.clean_text(c.get("description", ""), ev.MAX_DESCRIPTION, "a description",
                              multiline=True),
                ev.clean_topics(c.get("topics") or ()),
                ev.clean_text(c.get("guidelines", ""), ev.MAX_GUIDELINES, "guidelines",
                              multiline=True))
    devices = ev.clean_devices(c.get("devices"))
    st.put_member(conn, g.space_id, _member(e, None, c.get("profile"), Role.OWNER))
    st.put_devices(conn, g.space_id, e.author, devices)
    st.set_genesis(conn, g.space_id, e.id, e.header.epoch)
    st.add_recipients(conn, g.space_id, e.header.epoch, [b for _, b in devices])
    _refresh_epoch(conn, g.space_id)
    return True


def _info(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if not au.may(author, ev.INFO):
        return False
    c = e.content
    st.set_info(conn, g.space_id, ev.clean_text(c.get("name"), ev.MAX_SPACE_NAME, "a name",
                                                required=True),
                ev.clean_text(c.get("description", ""), ev.MAX_DESCRIPTION, "a description",
                              multiline=True),
                ev.clean_topics(c.get("topics") or ()),
                ev.clean_text(c.get("guidelines", ""), ev.MAX_GUIDELINES, "guidelines",
                              multiline=True))
    _modlog(conn, e, "edit-info", None)
    return True


def _add(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    c = e.content
    pk = ev.clean_pk(c.get("member"))
    target = st.get_member(conn, g.space_id, pk)
    if not au.may_add(author, target):
        return False
    devices = ev.clean_devices(c.get("devices"))
    key_epoch = ev.clean_epoch(c.get("key_epoch")) if c.get("key_epoch") else 0
    p = ev.clean_profile(c.get("profile"))
    st.put_member(conn, g.space_id, MemberRow(pk, Role.MEMBER.value, Status.ACTIVE.value,
                                              p.display_name, p.pronouns, p.colour, e.lamport))
    st.put_devices(conn, g.space_id, pk, devices)
    st.add_recipients(conn, g.space_id, key_epoch, [b for _, b in devices])
    _modlog(conn, e, "add", pk, p.display_name)
    return True


def _role(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk, new = ev.clean_pk(e.content.get("member")), ev.clean_role(e.content.get("role"))
    target = st.get_member(conn, g.space_id, pk)
    if target is None or not au.may_change_role(author, target, new):
        return False
    st.put_member(conn, g.space_id, MemberRow(pk, new.value, *_rest(target)))
    _modlog(conn, e, "role", pk, new.value)
    return True


def _rest(m: MemberRow) -> tuple[str, str, str, str, int]:
    return m.status, m.display_name, m.pronouns, m.colour, m.since_lamport


def _remove(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    ban = e.content.get("ban") is True
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    target = st.get_member(conn, g.space_id, pk)
    if target is None or not au.may_remove(author, target):
        return False
    status = Status.BANNED if ban else Status.REMOVED
    st.put_member(conn, g.space_id, MemberRow(pk, Role.MEMBER.value, status.value,
                                              *_rest(target)[1:]))
    _modlog(conn, e, "ban" if ban else "remove", pk, reason)
    return True


def _leave(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if author is None or not au.may(author, ev.LEAVE):
        return False
    if author.role == Role.OWNER.value:
        heir = au.successor(conn, g.space_id, author.member_pk)
        if heir is not None:
            st.put_member(conn, g.space_id, MemberRow(heir.member_pk, Role.OWNER.value,
                                                      *_rest(heir)))
            _modlog(conn, e, "owner", heir.member_pk, "succession")
    st.put_member(conn, g.space_id, MemberRow(author.member_pk, Role.MEMBER.value,
                                              Status.LEFT.value, *_rest(author)[1:]))
    return True


def _profile(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if author is None or not au.may(author, ev.PROFILE):
        return False
    p = ev.clean_profile(e.content.get("profile"))
    st.put_member(conn, g.space_id, MemberRow(author.member_pk, author.role, author.status,
                                              p.display_name, p.pronouns, p.colour,
                                              author.since_lamport))
    return True


def _transfer(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    target = st.get_member(conn, g.space_id, pk)
    if (author is None or target is None or not au.may(author, ev.TRANSFER)
            or not au.is_active(target) or pk == author.member_pk):
        return False
    st.put_member(conn, g.space_id, MemberRow(pk, Role.OWNER.value, *_rest(target)))
    st.put_member(conn, g.space_id, MemberRow(author.member_pk, Role.ADMIN.value,
                                              *_rest(author)))
    _modlog(conn, e, "owner", pk, "transfer")
    return True


def _rotate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """A new epoch: valid from an admin, for an epoch never used before in this space."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.ROTATE) or not sealed or st.recipients(conn, g.space_id, epoch):
        return False
    st.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    st.set_inforce_epoch(conn, g.space_id, epoch)
    _refresh_epoch(conn, g.space_id)
    _modlog(conn, e, "rotate", None, str(len(sealed)))
    return True


def _share(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """An existing epoch's key for devices that missed it (a concurrent add and rotation)."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.SHARE) or not st.recipients(conn, g.space_id, epoch):
        return False
    st.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    _refresh_epoch(conn, g.space_id)
    return True


def take_sealed_key(conn: Connection, g: GroupRow, e: Event) -> None:
    """Keep any epoch key sealed to this device, whatever the event's validity turns out to
    be, so that which events this device can *read* never depends on arrival order. Only a
    valid rotation makes an epoch the one this device *writes* with (`_refresh_epoch`), and
    events under any epoch still face every rule (docs/PROTOCOL.md, "Epoch keys")."""
    if e.type not in (ev.ROTATE, ev.SHARE):
        return
    try:
        epoch = ev.clean_epoch(e.content.get("epoch"))
        sealed = ev.clean_sealed(e.content.get("keys"))
    except InvalidInput:
        return
    box = BoxKeyPair(g.box_secret, g.box_public)
    key = keys.find_and_open(box, sealed, g.space_id, epoch)
    if key is not None:
        ids.put_epoch_key(conn, g.space_id, epoch, key)


def _post(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = ev.parse_post(e.content)
    if post is None or not au.may(author, ev.POST):
        return False
    parent_id = None
    if post.parent is not None:
        parent = st.get_post(conn, post.parent)
        if parent is None or parent.space_id != g.space_id:
            return False
        parent_id = parent.parent_id or parent.post_id  # threads are one level deep
    st.insert_post(conn, PostRow(e.id, g.space_id, e.author, parent_id, post.title, post.body,
                                 post.cw, e.created_ms, None, e.lamport, 0, "visible", ""))
    return True


def _target_post(conn: Connection, g: GroupRow, e: Event) -> PostRow | None:
    target = ev.target_of(e.content)
    post = st.get_post(conn, target) if target else None
    if post is None or post.space_id != g.space_id or post.state != "visible":
        return None
    return post


def _edit(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post, new = _target_post(conn, g, e), ev.parse_post(e.content)
    if post is None or new is None or post.author != e.author or not au.may(author, ev.EDIT):
        return False
    st.edit_post(conn, post.post_id, new.title, new.body, new.cw, e.created_ms)
    return True


def _delete(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = _target_post(conn, g, e)
    if post is None or post.author != e.author or not au.may(author, ev.DELETE):
        return False
    st.tombstone_post(conn, post.post_id, "deleted", "")
    return True


def _pin(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = _target_post(conn, g, e)
    if post is None or not au.may(author, ev.PIN):
        return False
    pinned = e.content.get("pinned") is not False
    st.set_pinned(conn, post.post_id, pinned)
    _modlog(conn, e, "pin" if pinned else "unpin", post.post_id)
    return True


def _moderate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = _target_post(conn, g, e)
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    if post is None or not au.may(author, ev.MODERATE):
        return False
    st.tombstone_post(conn, post.post_id, "removed", reason)
    _modlog(conn, e, "remove-post", post.post_id, reason)
    return True


def _react(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = _target_post(conn, g, e)
    kind = ev.clean_reaction(e.content.get("kind"))
    if post is None or not au.may(author, ev.REACT):
        return False
    st.set_reaction(conn, post.post_id, e.author, kind, e.content.get("on") is not False)
    return True


def _report(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    sealed = ev.clean_sealed(e.content.get("reports"))
    if not au.may(author, ev.REPORT):
        return False
    box = BoxKeyPair(g.box_secret, g.box_public)
    for recipient, blob in sealed:
        if recipient == box.public:
            opened = keys.open_report(box, blob, g.space_id)
            if opened is not None:
                st.insert_report(conn, e.id, g.space_id, e.author, opened[0], opened[1],
                                 e.created_ms)
    return True


_HANDLERS: dict[str, Handler] = {
    ev.GENESIS: _genesis, ev.INFO: _info, ev.ADD: _add, ev.ROLE: _role, ev.REMOVE: _remove,
    ev.LEAVE: _leave, ev.PROFILE: _profile, ev.TRANSFER: _transfer, ev.ROTATE: _rotate,
    ev.SHARE: _share, ev.POST: _post, ev.EDIT: _edit, ev.DELETE: _delete, ev.PIN: _pin,
    ev.MODERATE: _moderate, ev.REACT: _react, ev.REPORT: _report,
}
