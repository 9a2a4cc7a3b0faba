"""A space as a whole: creating one (with this device's persona as owner), listing them,
their details (name, description, topics, guidelines), and fork warnings. The rules for the
genesis and details events are in `rules/details.py`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from haven.core.envelope import SPACE_ID_BYTES
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.model import Role, SpaceInfo, SpaceSummary, SpaceWarning, Status
from haven.core.spaces.personas import checked_profile, new_box, new_persona, reuse_persona
from haven.core.spaces.posts import Posts
from haven.errors import NotFound
from haven.store import identity_tables as ids
from haven.store import invites_table as it
from haven.store.spaces import dms as dms_db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow


def details_content(
    name: str, description: str, topics: Iterable[str], guidelines: str
) -> dict[str, Any]:
    """A space's details as an event carries them, checked (InvalidInput says what is wrong)."""
    return {
        "name": ev.clean_text(name, ev.MAX_SPACE_NAME, "a space name", required=True),
        "description": ev.clean_text(
            description, ev.MAX_DESCRIPTION, "a description", multiline=True
        ),
        "topics": list(ev.clean_topics(topics)),
        "guidelines": ev.clean_text(guidelines, ev.MAX_GUIDELINES, "guidelines", multiline=True),
    }


class SpaceDetails:
    def __init__(self, ctx: SpaceContext, posts: Posts) -> None:
        self._ctx = ctx
        self._posts = posts

    def create_space(
        self,
        name: str,
        description: str = "",
        topics: Iterable[str] = (),
        guidelines: str = "",
        *,
        display_name: str | None = None,
        pronouns: str | None = None,
        colour: str = "",
        persona_id: bytes | None = None,
    ) -> bytes:
        """A new space with this device's persona as owner. By default the persona is new
        (fresh keys); `persona_id` reuses one, which links the spaces that share it."""
        content: dict[str, Any] = details_content(name, description, topics, guidelines)
        primary = self._ctx.identity.primary()
        profile = checked_profile(
            display_name or primary.display_name,
            primary.pronouns if pronouns is None else pronouns,
            colour,
        )
        space_id, box, now = os.urandom(SPACE_ID_BYTES), new_box(), self._ctx.clock()
        epoch, key, commitment = sealed.new_epoch(space_id)
        with self._ctx.vault.transaction() as conn:
            pk = reuse_persona(conn, persona_id) if persona_id else new_persona(conn, profile, now)
            device = self._ctx.identity.device_id_for(pk)
            ids.insert_space(conn, ids.SpaceRow(space_id, "group", pk, content["name"], epoch, now))
            ids.put_epoch_key(conn, space_id, epoch, key)
            groups_db.insert_group(
                conn, GroupRow(space_id, pk, box.secret, box.public, profile.colour, 0, "", now)
            )
            content |= {
                "profile": ev.profile_content(profile),
                "devices": [[device, box.public]],
                "commit": commitment,
            }
            self._ctx.append(space_id, ev.GENESIS, content)
        self._ctx.prepare_write(space_id)  # this device's key, certified after the genesis
        return space_id

    def list_spaces(self) -> list[SpaceSummary]:
        with self._ctx.vault.read() as conn:
            conversations = dms_db.dm_ids(conn)  # listed by `dms.list`
            space_ids = [s for s in groups_db.group_ids(conn) if s not in conversations]
        out = []
        for space_id in space_ids:
            info = self.space_info(space_id)
            out.append(
                SpaceSummary(
                    space_id,
                    info.name,
                    info.topics,
                    self._posts.unread(space_id),
                    info.my_role,
                    info.member_count,
                )
            )
        return out

    def space_info(self, space_id: bytes) -> SpaceInfo:
        with self._ctx.fresh(space_id) as conn:
            group = self._ctx.group(conn, space_id)
            state, space = groups_db.get_state(conn, space_id), ids.get_space(conn, space_id)
            if state is None or space is None:
                raise NotFound("this space has no history yet")
            active = membership_db.list_members(conn, space_id, Status.ACTIVE.value)
            owner = next(
                (m.member_pk for m in active if m.role == Role.OWNER.value), group.owner_pk
            )
            return SpaceInfo(
                space_id,
                state.name,
                state.description,
                tuple(t for t in state.topics.split("\n") if t),
                state.guidelines,
                owner,
                space.persona_id,
                au.role_of(self._ctx.me(conn, space_id)),
                space.current_epoch,
                len(active),
            )

    def warnings(self, space_id: bytes) -> list[SpaceWarning]:
        """Forks: one device signed two different events with the same number. Either a
        bug, a restored backup, or someone holding that member's key is lying to some of
        the group. Key conflicts: a valid rotation or share sealed this device a key that
        does not match the one the rotation committed to (or the one already held), so it
        was not installed: someone holding an admin's key is showing different keys to
        different people. Void invites (on an admin's device): codes that stopped because
        an admin who held them left (rules/invites.py), until they would have expired."""
        forks = self._ctx.log.equivocations(space_id)
        with self._ctx.fresh(space_id) as conn:
            names = {
                m.member_pk: m.display_name for m in membership_db.list_members(conn, space_id)
            }
            conflicts = keys_db.conflicts(conn, space_id)
            void = it.void_invites(conn, space_id, self._ctx.clock())
        out = [
            SpaceWarning(
                "fork",
                author,
                names.get(author, "?"),
                f"two different events numbered {seq} from one device",
            )
            for author, _device, seq in forks
        ] + [
            SpaceWarning(
                "key",
                author,
                names.get(author, "?"),
                "sent this device a space key that does not match the key announced to "
                "the group; it was not used",
            )
            for author, _epoch in conflicts
        ]
        if void:
            detail = (
                f"{void} invite(s) stopped because an admin who held them was removed or "
                "stepped down: their codes no longer work; share new ones"
            )
            out.append(SpaceWarning("invites", b"", "", detail))
        return out

    def update_info(
        self,
        space_id: bytes,
        name: str,
        description: str = "",
        topics: Iterable[str] = (),
        guidelines: str = "",
    ) -> None:
        content = details_content(name, description, topics, guidelines)
        self._ctx.require(space_id, ev.INFO, "only admins can edit the space's details")
        self._ctx.append(space_id, ev.INFO, content)
