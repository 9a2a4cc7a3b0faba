"""Where a relay join request stands, as the guest's join dialog says it (issue 11: "waiting
for an admin", "approved — fetching the space", "declined", "expired"). The approved and
waiting states are walked with a real relay in tests/integration/ui/test_relay_invites_app.py;
the final refusals are set here on the real dialog, offscreen, from the result its worker
returns. A refusal never joins and leaves nothing to check again."""

from __future__ import annotations

import os
from typing import cast

from pytestqt.qtbot import QtBot

from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.ui.bridge import SessionBridge
from haven.ui.spaces.join_dialog import JoinDialog, Joined
from tests.ui.test_invite_void_notice import _Bridge


def test_a_final_decline_and_an_expiry_say_so_and_join_nothing(qtbot: QtBot) -> None:
    dialog = JoinDialog(cast(SessionBridge, _Bridge()))
    qtbot.addWidget(dialog)
    dialog.code = RelayInviteCode("ws://127.0.0.1:9/", os.urandom(32))
    joined: list[bytes] = []
    dialog.joined.connect(joined.append)
    dialog._answered(Joined("pending"))
    assert dialog.message.text().startswith("Waiting for an admin.")
    assert dialog.check_button.isEnabled()
    for kind, words in (
        ("denied", "Declined: an admin turned your request down."),
        ("expired", "Expired: nobody answered before the code ran out."),
    ):
        dialog._answered(Joined("pending"))
        dialog._answered(Joined(kind))
        assert dialog.message.text().startswith(words), kind
        assert not dialog.check_button.isEnabled() and not dialog.ask_button.isEnabled()
    assert joined == []
