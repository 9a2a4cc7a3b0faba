"""The projection rules live one module per feature (core/spaces/rules/); the projector merges
their tables. Every known event type has exactly one rule, and no feature claims another's."""

from __future__ import annotations

from haven.core.spaces import events as ev
from haven.core.spaces import projector
from haven.core.spaces.dm import rules as dm_rules
from haven.core.spaces.fundraisers import rules as fundraisers
from haven.core.spaces.rules import (
    attachments,
    channels,
    details,
    device_keys,
    gatherings,
    invites,
    keys,
    membership,
    moderation,
    posts,
    relays,
    settings,
)

FEATURES = (
    details,
    membership,
    keys,
    posts,
    moderation,
    relays,
    invites,
    attachments,
    settings,
    gatherings,
    fundraisers,
    device_keys,
    dm_rules,
    channels,
)


def test_every_event_type_has_exactly_one_rule() -> None:
    claimed = [t for feature in FEATURES for t in feature.HANDLERS]
    assert len(claimed) == len(set(claimed)), "two features claim one event type"
    assert set(claimed) == set(ev.KNOWN_TYPES)
    assert set(projector._HANDLERS) == set(ev.KNOWN_TYPES)


def test_rules_are_named_for_their_feature() -> None:
    assert set(posts.HANDLERS) == {ev.POST, ev.EDIT, ev.DELETE, ev.REACT}
    assert set(moderation.HANDLERS) == {ev.PIN, ev.MODERATE, ev.REPORT}
    assert set(keys.HANDLERS) == {ev.ROTATE, ev.SHARE}
    assert set(relays.HANDLERS) == {ev.RELAYS}
    assert set(invites.HANDLERS) == {ev.INVITE, ev.INVITE_REVOKE, ev.INVITE_ANSWER}
    assert set(attachments.HANDLERS) == {ev.CHUNK}
    assert set(settings.HANDLERS) == {ev.SETTINGS}
    assert all(t.startswith(ev.GATHERING) for t in gatherings.HANDLERS)
    assert all(t.startswith(("space.fundraiser", "space.campaign")) for t in fundraisers.HANDLERS)
    assert set(device_keys.HANDLERS) == {ev.DEVICE_CERT, ev.DEVICE_REVOKE}
    assert set(channels.HANDLERS) == {ev.CHANNEL_CREATE, ev.CHANNEL_RENAME, ev.CHANNEL_ARCHIVE}
