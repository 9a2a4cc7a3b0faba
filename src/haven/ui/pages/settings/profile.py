"""Settings: who you are here — the name and pronouns of your main persona (shown on this
page's header and offered when you create or join a space; each space keeps the name you
gave it there; linked devices learn a change by sync, core/profile.py) and this device's
name (what your other linked devices call it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from haven.core.devices import MAX_LABEL_CHARS
from haven.core.identity import Persona
from haven.errors import InvalidInput
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.section import Section


class ProfileSection(Section):
    #: The main persona's name or pronouns changed (the window updates its header).
    personaChanged = Signal(object)

    def __init__(self, bridge: SessionBridge | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your name and this device"), parent)
        self.bridge = bridge
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setAccessibleDescription(
            self.tr("Any name you like; it need not be your real one.")
        )
        self.pronouns = QLineEdit()
        self.pronouns.setAccessibleName(self.tr("Your pronouns"))
        self.pronouns.setPlaceholderText(self.tr("optional, e.g. she/her, they/them"))
        self.save_profile = QPushButton(self.tr("&Save name"))
        self.save_profile.setAccessibleName(self.tr("Save your name and pronouns"))
        self.device = QLineEdit()
        self.device.setAccessibleName(self.tr("This device's name"))
        self.device.setMaxLength(MAX_LABEL_CHARS)
        self.device.setPlaceholderText(self.tr("e.g. Laptop"))
        self.save_device = QPushButton(self.tr("Save dev&ice name"))
        self.save_device.setAccessibleName(self.tr("Save this device's name"))
        # what the vault held when last read, per field (to tell a person's edit apart)
        self._loaded: dict[QLineEdit, str] = {}
        self.add_row(self.tr("Your na&me"), self.name)
        self.add_row(self.tr("Pro&nouns"), self.pronouns)
        self.form.addRow("", self.save_profile)
        self.add_row(self.tr("This de&vice"), self.device)
        self.form.addRow("", self.save_device)
        self.name.returnPressed.connect(self.store_profile)
        self.pronouns.returnPressed.connect(self.store_profile)
        self.save_profile.clicked.connect(self.store_profile)
        self.device.returnPressed.connect(self.store_device)
        self.save_device.clicked.connect(self.store_device)
        self.set_open(False)

    def set_open(self, is_open: bool) -> None:
        for widget in (self.name, self.pronouns, self.save_profile, self.device, self.save_device):
            widget.setEnabled(is_open)
        if not is_open:
            for field in (self.name, self.pronouns, self.device):
                field.clear()
                field.setModified(False)  # clear() counts as an edit
            self._loaded.clear()
            self.say("")

    def load(self) -> None:
        """Read the persona and this device's name (off the UI thread)."""
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return

        def work() -> tuple[Persona, str]:
            persona = session.identity.primary()
            label = next((d.label for d in session.devices.list() if d.this_device), "")
            return persona, label

        def done(result: object) -> None:
            if not isinstance(result, tuple):
                return
            persona, label = result
            assert isinstance(persona, Persona) and isinstance(label, str)
            fields = (
                (self.name, persona.display_name),
                (self.pronouns, persona.pronouns),
                (self.device, label),
            )
            kept = [self._show_loaded(field, value) for field, value in fields]
            if any(kept):
                self.say(
                    self.tr(
                        "This changed on another device meanwhile; what you typed is kept "
                        "until you save it."
                    )
                )
            self.personaChanged.emit(persona)

        self.bridge.run(work, done, lambda exc: self.say(messages.error_text(exc)))

    def _show_loaded(self, field: QLineEdit, value: str) -> bool:
        """Show a value read from the vault, unless the person is changing that field (typed
        something not saved yet, which a sync or rename arriving meanwhile must not wipe):
        True when such an edit was kept over a different value."""
        typed = field.isModified() and field.text() != self._loaded.get(field)
        self._loaded[field] = value
        if typed:
            return field.text() != value
        field.setText(value)  # also marks it unmodified
        return False

    def _saved(self, *saved: tuple[QLineEdit, str]) -> None:
        """A save went through: those values are the vault's now; a field still showing
        what was saved is no longer an edit (one typed on meanwhile still is)."""
        for field, value in saved:
            self._loaded[field] = value
            if field.text().strip() == value:
                field.setModified(False)

    def store_profile(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        name, pronouns = self.name.text().strip(), self.pronouns.text().strip()
        if not name:
            self.say(self.tr("Type a name first; it need not be your real one."))
            return

        def work() -> Persona:
            return session.profile.update(name, pronouns)  # linked devices learn it by sync

        def done(persona: object) -> None:
            self._saved((self.name, name), (self.pronouns, pronouns))
            self.say(
                self.tr(
                    "Saved. Your linked devices learn it when they sync; spaces keep the "
                    "name you gave each of them."
                )
            )
            self.personaChanged.emit(persona)

        self.bridge.run(work, done, self._failed)

    def store_device(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        label = self.device.text().strip()

        def done(_result: object) -> None:
            self._saved((self.device, label))
            self.say(self.tr("Saved. Your linked devices learn the new name."))

        self.bridge.run(lambda: session.devices.rename_this_device(label), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput):
            self.say(self.tr("That name is too long or has characters Haven does not allow."))
        else:
            self.say(messages.error_text(exc))
