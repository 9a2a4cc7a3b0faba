"""Show a new invite: the code as words (to read aloud or write down; direct codes only), as
a compact text (to paste), and as a QR image made in memory (never written to disk), and say
which route it uses: through one of the space's relays (no address of anyone in it; the
inviter may go offline) or straight to this computer. Whoever uses it can only ask to join:
an admin approves each request before any key is shared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.invites import InviteCode
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.ui import peer_text
from haven.ui.clipboard_guard import clipboard_guard
from haven.ui.dates import moment_text
from haven.ui.devices.wording import qr_pixmap


class InviteDialog(QDialog):
    def __init__(
        self,
        code: InviteCode | RelayInviteCode,
        space_name: str,
        expires_s: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invite someone"))
        self.setMinimumWidth(520)
        intro = peer_text.plain_label(
            self.tr(
                "Give this code to one person you trust, in person or through a private channel. "
                "They will see the name and guidelines of %1 and can ask to join; you approve "
                "each request under Members before they can read anything."
            ).replace("%1", peer_text.space_name(space_name))
        )
        intro.setWordWrap(True)
        relay = isinstance(code, RelayInviteCode)
        self.words = QPlainTextEdit(code.encode_words() if isinstance(code, InviteCode) else "")
        self.words.setReadOnly(True)
        self.words.setTabChangesFocus(True)
        self.words.setMaximumHeight(100)
        self.words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words.setAccessibleName(self.tr("Invite code as words"))
        words_label = QLabel(self.tr("&Words"))
        words_label.setBuddy(self.words)
        self.compact = QLineEdit(code.encode_compact())
        self.compact.setReadOnly(True)
        self.compact.setAccessibleName(self.tr("Invite code to paste"))
        compact_label = QLabel(self.tr("Code to &paste"))
        compact_label.setBuddy(self.compact)
        for field in (self.words, self.compact):  # the code reads left to right in any UI
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the invite code"))
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("Invite code as a QR image"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_text = code.qr_text() if isinstance(code, RelayInviteCode) else code.encode_compact()
        self.qr.setPixmap(qr_pixmap(qr_text, scale=4))
        until = moment_text(expires_s * 1000)
        if isinstance(code, RelayInviteCode):
            self.route = QLabel(
                self.tr(
                    "Route: through the relay %1. The code holds no address of yours or "
                    "anyone's. You can close Haven: their request waits on the relay, and "
                    "the Haven of any admin of this space picks it up."
                ).replace("%1", code.relay_url)
            )
        else:
            self.route = QLabel(
                self.tr(
                    "Route: straight to this computer, for someone on your network. The "
                    "code holds this computer's address; Haven must stay open and unlocked "
                    "here so the person can reach you."
                )
            )
        self.route.setObjectName("inviteRoute")
        self.route.setWordWrap(True)
        self.expiry = QLabel(self.tr("The code works once, until %1.").replace("%1", until))
        self.expiry.setWordWrap(True)
        self.message = QLabel()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the invite"))

        row = QHBoxLayout()
        row.addWidget(self.compact, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.route)
        if not relay:
            layout.addWidget(words_label)
            layout.addWidget(self.words)
        layout.addWidget(compact_label)
        layout.addLayout(row)
        layout.addWidget(self.qr)
        layout.addWidget(self.expiry)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.copy_button.clicked.connect(self._copy)
        self.close_button.clicked.connect(self.accept)
        self.copy_button.setFocus()

    def _copy(self) -> None:
        if clipboard_guard().copy_secret(self.compact.text()):
            self.message.setText(
                self.tr("Code copied. It leaves the clipboard in a minute, or when Haven locks.")
            )
