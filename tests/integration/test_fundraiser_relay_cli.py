"""Fundraisers and campaigns through the real `haven` CLI over a real relay (issue 16): an
organiser starts a fundraiser and a campaign, two members pledge and say "I did this",
each syncing alone in turn. Members see the total and progress; only the organiser sees who
pledged what (a member asking is refused); bad amounts get one clear line; the relay's files
hold none of the titles, texts or amounts (as text, or as the 8 bytes a pledge seals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.core.spaces.fundraisers.content import amount_bytes
from haven.errors import InvalidInput
from tests.helpers import new_session
from tests.integration.cli_support import fails, haven
from tests.integration.relay_sync_support import (
    NO_LAN,
    Relay,
    assert_relay_learned_nothing,
    cli,
    identifiers,
    sync,
)
from tests.space_helpers import join

# about 20 CLI runs: each starts Python anew, slow on a loaded machine
pytestmark = pytest.mark.timeout(300)

TITLE = "Qzrent for Sam's new flat"
FOR = "Qzfirst month and deposit after leaving home"
GIVE = "https://pay.example/Qzsam-flat"
UPDATE = "Qzthe landlord accepted, thank you"
CAMPAIGN = "Qzwrite to the housing office"
# distinctive amounts, searched for as text and as the sealed 8 bytes
BEA, CAI = ("4817.29", 481729), ("3906.53", 390653)
TOTAL = 481729 + 390653


def _fundraiser(d: Path, space: str) -> dict[str, object]:
    (f,) = json.loads(cli(d, "fundraiser", "list", space, "--json"))
    return f  # type: ignore[no-any-return]


def test_pledges_are_totals_to_members_and_detail_to_organisers_only(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    names = ["Ari", "Bea", "Cai"]
    ari, bea, cai = dirs = [tmp_path / n.lower() for n in names]
    members = [new_session(d, n) for d, n in zip(dirs, names, strict=True)]
    space_id = members[0].spaces.create_space("Housing help", display_name="Ari")
    for s, name in zip(members[1:], names[1:], strict=True):
        join(members[0], s, space_id, name)
    members[0].relays.set_relays(space_id, [relay.url])
    every_id = identifiers(members)
    for s in members:
        s.lock()
    space = space_id.hex()
    try:
        bad = haven(ari, "fundraiser", "create", space, "--title", "x", "--goal", "5",
                    "--currency", "EUX", "--for", "x", "--give", "x", extra_env=NO_LAN)  # fmt: skip
        fails(bad, InvalidInput.exit_code, "ISO 4217")
        fid = cli(ari, "fundraiser", "create", space, "--title", TITLE, "--goal", "10000",
                  "--currency", "EUR", "--deadline", "2099-12-31", "--for", FOR,
                  "--give", GIVE).strip()  # fmt: skip
        cid = cli(ari, "campaign", "create", space, "--title", CAMPAIGN, "--kind", "letter",
                  "--action", "send the letter in the pinned post").strip()  # fmt: skip
        sync(ari)
        for d, (text, _) in ((bea, BEA), (cai, CAI)):
            sync(d, relay.url)  # first contact: learns the space's relay list
            assert "only the organisers see" in cli(d, "fundraiser", "pledge", space, fid, text)
            cli(d, "campaign", "done", space, cid[:8])
            sync(d)
        fails(haven(cai, "campaign", "done", space, cid, extra_env=NO_LAN),
              InvalidInput.exit_code, "already")  # fmt: skip
        fails(haven(cai, "fundraiser", "pledge", space, fid[:8], "12.345", extra_env=NO_LAN),
              InvalidInput.exit_code, "at most 2 decimals")  # fmt: skip
        sync(ari)  # Ari's device opens the pledges and tallies them as they arrive
        seen = json.loads(cli(ari, "fundraiser", "pledges", space, fid, "--json"))
        assert {p["name"]: p["amount"] for p in seen} == {"Bea": BEA[1], "Cai": CAI[1]}
        cli(ari, "fundraiser", "received", space, fid, "Bea")
        cli(ari, "fundraiser", "update", space, fid, UPDATE)
        sync(ari)
        sync(cai)
        f = _fundraiser(cai, space)
        assert (f["total"], f["received"], f["supporters"]) == (TOTAL, BEA[1], 2)
        assert f["percent"] == TOTAL * 100 // 1_000_000 and f["not_yet_counted"] == 0
        assert f["total_text"] == "8723.82 EUR" and f["give"] == GIVE
        assert [u["text"] for u in f["updates"]] == [UPDATE]  # type: ignore[union-attr]
        assert f["your_pledge"] == CAI[1]
        refused = haven(cai, "fundraiser", "pledges", space, fid, extra_env=NO_LAN)
        fails(refused, InvalidInput.exit_code, "only the fundraiser's organisers")
        (campaign,) = json.loads(cli(cai, "campaign", "list", space, "--json"))
        assert (campaign["done"], campaign["you_did"]) == (2, True)
        sync(bea)
        text = cli(bea, "fundraiser", "list", space)
        assert "8723.82 EUR of 10000.00 EUR (87%), 2 supporters" in text
        assert "your pledge: 4817.29 EUR" in text and UPDATE in text
        assert_relay_learned_nothing(
            relay,
            [TITLE, FOR, GIVE, UPDATE, CAMPAIGN, "Housing help", *names,
             BEA[0], CAI[0], str(BEA[1]), str(CAI[1]), str(TOTAL), "8723.82"],
            [*every_id, amount_bytes(BEA[1]), amount_bytes(CAI[1]), amount_bytes(TOTAL)],
        )  # fmt: skip
    finally:
        relay.stop()
