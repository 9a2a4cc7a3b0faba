"""Device linking by a short spoken code, for the app (docs/PROTOCOL.md §4, "A short code"):
the same steps as `haven device link --short` and `haven init --link CODE --relay URL`.

The existing device makes its pairing code as usual and, through a relay the person already
uses, hands it to whoever types the short code it shows (short_invites.py, SPAKE2, purpose
"link"); the new device types the short code and the relay, receives the pairing code, and
pairs exactly as with the long code — the four words on both screens still decide. The relay
sees only a mailbox named by the code's number and the day, and SPAKE2 messages.

Nothing here touches Qt: link_runner.py runs these on the pairing thread's loop.
"""

from __future__ import annotations

from collections.abc import Callable

from haven.core.relay_urls import check_relay_url
from haven.core.session import Session
from haven.core.spaces.invites.relay_code import expand_relay
from haven.core.spaces.invites.short_code import ShortCode, ShortCodeError, looks_short
from haven.errors import InvalidInput, SyncError
from haven.sync import short_invites as si
from haven.sync.pairing import PairingCode

PURPOSE = "link"


class ShortLinkProblem(Exception):
    """What went wrong with a short code, by kind (link_runner maps it to a LinkProblem)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # not_short | mistyped | no_relay | bad_relay


def looks_like_short_code(untrusted: str) -> bool:
    return looks_short(untrusted.strip())


def parse_short(untrusted_code: str, untrusted_relay: str) -> tuple[ShortCode, str]:
    """The typed short code and relay (a host name like `relay.example.org`, or a whole URL)."""
    if not looks_short(untrusted_code.strip()):
        raise ShortLinkProblem("not_short")
    try:
        short = ShortCode.parse(untrusted_code.strip())
    except ShortCodeError:
        raise ShortLinkProblem("mistyped") from None
    if not untrusted_relay.strip():
        raise ShortLinkProblem("no_relay")
    try:
        return short, expand_relay(untrusted_relay.strip().lower())
    except InvalidInput:
        raise ShortLinkProblem("bad_relay") from None


def relay_for_linking(session: Session) -> str | None:
    """The relay a short code goes through: the journal's first, else a space's first (the
    CLI's `--short` default); None when this person uses no relay."""
    journal = session.relays.urls(session.journal.space_id)
    if journal:
        return journal[0]
    for space_id in session.relays.spaces_using():
        urls = session.relays.urls(space_id)
        if urls:
            return urls[0]
    return None


async def async_hand_over(
    relay_url: str,
    code: PairingCode,
    show: Callable[[str], None],
    *,
    wait_s: float,
    proxy: str | None,
) -> str:
    """Offer the pairing code under a fresh short code (`show(text)` once it waits on the
    relay) until someone answers or `wait_s` passes. → "delivered", "wrong code" or
    "nobody came"; SyncError or ShortCodeError if the relay could not be used."""

    def said(short: ShortCode) -> None:
        show(short.text)

    return await si.async_host_text(
        check_relay_url(relay_url),
        code.encode(),
        said,
        wait_s=wait_s,
        proxy=proxy,
        purpose=PURPOSE,
    )


async def async_fetch_pairing_code(
    short: ShortCode, relay_url: str, *, proxy: str | None
) -> PairingCode:
    """The pairing code the other device hands over under `short`. ShortCodeError if nobody
    waits with it or it did not match; SyncError if the relay cannot be reached."""
    text = await si.async_guest_text(short, relay_url, proxy=proxy, purpose=PURPOSE)
    try:
        return PairingCode.decode(text)
    except (InvalidInput, ValueError):
        raise SyncError("the other device handed over a code that does not work") from None
