"""Settings: the language of the app. Chosen here, it is used instead of the system's
(`LANG`) and kept in QSettings. It takes effect after an explicit restart of the window
("Restart now"), which locks the vault first: every screen is built again in the new
language, rather than some of it changing under the person's eyes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from haven.ui.pages.settings.section import Section
from haven.ui.settings import AppSettings
from haven.ui.translations import LANGUAGE_NAMES, ui_language


class LanguageSection(Section):
    #: "Restart now" was pressed: the window locks and is built again in the new language.
    restartRequested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.settings = settings
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the app"))
        self.language.addItem(self.tr("Same as the system"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.restart_button = QPushButton(self.tr("&Restart now"))
        self.restart_button.setAccessibleName(self.tr("Restart Haven in the chosen language"))
        self.restart_button.setAccessibleDescription(
            self.tr("Locks your vault first; unlock it again after the restart.")
        )
        self.restart_button.hide()
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.language, 1)
        line.addWidget(self.restart_button)
        self.label = QLabel(self.tr("Lan&guage"))
        self.label.setBuddy(self.language)
        self.form.addRow(self.label, row)
        self.language.currentIndexChanged.connect(self._store)
        self.restart_button.clicked.connect(self.restartRequested)

    def _store(self) -> None:
        chosen = str(self.language.currentData())
        self.settings.language = chosen
        self.settings.sync()
        # The system's language ("") may differ from the one shown: a restart settles it.
        pending = chosen == "" or chosen != ui_language()
        self.restart_button.setVisible(pending)
        self.say(
            self.tr(
                "Haven will be in the chosen language after a restart. Restarting locks "
                "your vault; unlock it again afterwards."
            )
            if pending
            else ""
        )
