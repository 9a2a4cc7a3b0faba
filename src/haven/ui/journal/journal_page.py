"""The journal section: prompt and filters over the entry list on one side, the editor on the
other. Searches run in the bridge's worker; the newest result wins."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from haven.core.changes import JournalChanged
from haven.core.journal import COUNT_CAP, EntryFilter, JournalEntry, JournalService
from haven.errors import HavenError
from haven.ui import messages
from haven.ui.bridge import SessionBridge, changes_of
from haven.ui.empty_state import GLYPH_JOURNAL, GLYPH_SEARCH, EmptyState
from haven.ui.journal.delegate import EntryDelegate
from haven.ui.journal.editor import EditorContent, EntryEditor
from haven.ui.journal.filter_bar import FilterBar
from haven.ui.journal.list_model import EntryListModel
from haven.ui.journal.prompt_card import PromptCard
from haven.ui.journal.share_dialog import ShareDialog
from haven.ui.space_status import SpaceStatusLabel


class JournalPage(QWidget):
    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._search_ticket = 0
        self.share_dialog: ShareDialog | None = None
        self.prompt = PromptCard()
        self.filters = FilterBar()
        self.model = EntryListModel(parent=self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.setAccessibleDescription(self.tr("Newest first; press Enter to open one"))
        self.count_label = QLabel()
        self.empty = EmptyState(GLYPH_JOURNAL, "", "")
        self.empty_button = QPushButton()
        self.empty.add_button(self.empty_button)
        self.empty.finish_buttons()
        self.empty_button.clicked.connect(self._empty_action)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.empty)
        self.sync_line = SpaceStatusLabel(bridge)
        self.sync_line.setAccessibleName(self.tr("Journal sync status"))
        self.editor = EntryEditor()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        # 1 px each side: right-to-left, QSplitter places its first widget 1 px past its own
        # edge, which clipped the right border of the list, the search and the prompt.
        left_layout.setContentsMargins(1, 0, 1, 0)
        left_layout.addWidget(self.prompt)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.sync_line)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.setTabOrder(self.prompt.write_button, self.filters.search)
        self.setTabOrder(self.filters.search, self.filters.tag)
        self.setTabOrder(self.filters.tag, self.filters.mood)
        self.setTabOrder(self.filters.mood, self.list)
        self.setTabOrder(self.list, self.empty_button)
        self.setTabOrder(self.empty_button, self.editor.title)

        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_entry),
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Save, self.editor.request_save),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        self.filters.filterChanged.connect(self.apply_filter)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(lambda _i: self.editor.body.setFocus())
        self.editor.saveRequested.connect(self.save)
        self.editor.deleteRequested.connect(self.confirm_delete)
        self.editor.shareRequested.connect(self.open_share)
        self.editor.newRequested.connect(self.new_entry)
        self.prompt.writeRequested.connect(self.write_about)
        bridge.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- lifecycle

    def _journal(self) -> JournalService | None:
        session = self.bridge.session
        return session.journal if session is not None else None

    def attach(self) -> None:
        """Called once the vault is open."""
        journal = self._journal()
        if journal is None:
            return
        self.model.set_source(journal.list)
        self.filters.reset()
        self.filters.set_tags(journal.tags())
        self.prompt.refresh()
        self.editor.clear()
        self._update_count()
        self.sync_line.set_space(journal.space_id)

    def detach(self) -> None:
        """Called on lock: drop every entry the page holds."""
        self._search_ticket += 1
        self.model.set_source(None)
        self.filters.reset()
        self.editor.clear()
        self.count_label.clear()
        self.sync_line.set_space(None)
        # A share dialog shows the entry's words and posts with this session: it goes too.
        dialog, self.share_dialog = self.share_dialog, None
        if dialog is not None:
            dialog.reject()

    # ---------------------------------------------------------------- actions

    def flush_draft(self) -> bool:
        """Save what the editor holds if it changed (before switching entries, starting a
        new one or locking), so nothing typed is lost. Returns False if it could not."""
        if not self.editor.is_dirty() or not self.editor.can_save():
            return True
        return self.save(self.editor.content(), quiet=True)

    def new_entry(self) -> None:
        self.flush_draft()
        self.list.clearSelection()
        self.list.setCurrentIndex(QModelIndex())
        self.editor.clear()
        self.editor.body.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def write_about(self, prompt_text: str) -> None:
        self.new_entry()
        self.editor.title.setText(prompt_text)
        self.editor.body.setFocus()

    def save(self, content: EditorContent, quiet: bool = False) -> bool:
        journal = self._journal()
        if journal is None:
            return False
        try:
            if content.entry_id is None:
                entry_id = journal.add(content.body, content.title, content.mood, content.tags)
            else:
                entry_id = content.entry_id
                journal.edit(
                    entry_id,
                    body=content.body,
                    title=content.title,
                    mood=content.mood,
                    tags=content.tags,
                )
            saved = journal.get(entry_id)
        except HavenError as exc:
            self.editor.show_status(messages.error_text(exc))
            return False
        if not quiet:
            self.editor.show_entry(saved)
            self.editor.show_status(self.tr("Saved."))
        return True

    def confirm_delete(self, entry_id: bytes) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete entry"),
            self.tr("Delete this entry? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName(self.tr("Confirm deleting the entry"))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        journal = self._journal()
        if journal is None:
            return
        try:
            journal.delete(entry_id)
        except HavenError as exc:
            self.editor.show_status(messages.error_text(exc))
            return
        self.editor.clear()
        self.editor.show_status(self.tr("Deleted."))

    def open_share(self, entry_id: bytes) -> None:
        """Share to a space…: a copy, posted only from the dialog (share_dialog.py)."""
        session = self.bridge.session
        if session is None or not self.flush_draft():  # share what the editor shows
            return
        self.share_dialog = ShareDialog(self.bridge, session, entry_id, self)
        self.share_dialog.shared.connect(
            lambda _post: self.editor.show_status(self.tr("A copy was posted in the space."))
        )
        self.share_dialog.open()

    # ---------------------------------------------------------------- list and search

    def apply_filter(self, flt: EntryFilter, keep: int = 0) -> None:
        """Load the first rows for `flt` in a worker; results of older searches are dropped."""
        journal = self._journal()
        if journal is None:
            return
        self._search_ticket += 1
        ticket = self._search_ticket
        limit = max(self.model.page_size, keep)

        def work() -> tuple[list[JournalEntry], int]:
            return journal.list(flt, limit, 0), journal.count(flt, _count_cap(flt))

        def done(result: tuple[list[JournalEntry], int]) -> None:
            if ticket != self._search_ticket or self._journal() is None:
                return
            rows, total = result
            current = self.editor.entry_id
            if flt != self.model.filter:
                # Otherwise the view keeps the old scroll offset for a moment, thinks the
                # last of the new rows is on screen and fetches a page nobody asked for.
                self.list.scrollToTop()
            cap = _count_cap(flt)
            capped = cap is not None and total >= cap  # a floor: there may be more rows
            self.model.replace(flt, rows, more=capped or len(rows) < total)
            self._update_count(total)
            if current is not None:
                row = self.model.row_of(current)
                if row >= 0:
                    self.list.selectionModel().setCurrentIndex(
                        self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )

        self.bridge.run(work, done, lambda _exc: None)

    def _on_changes(self, changes: object) -> None:
        """Only journal entries change this page (not posts in a space, not devices)."""
        if changes_of(changes, JournalChanged):
            self.refresh()

    def refresh(self) -> None:
        journal = self._journal()
        if journal is None:
            return
        self.filters.set_tags(journal.tags())
        self.apply_filter(self.filters.current(), keep=self.model.rowCount())

    def _update_count(self, total: int | None = None) -> None:
        journal = self._journal()
        if journal is None:
            return
        if total is None:
            total = journal.count(self.model.filter, _count_cap(self.model.filter))
        cap = _count_cap(self.model.filter)
        if total == 0:
            self.count_label.clear()  # the empty state says it, kindly
        elif cap is not None and total >= cap:
            self.count_label.setText(self.tr("%Ln or more entries", "", total))
        else:
            self.count_label.setText(self.tr("%Ln entries", "", total))
        self._show_empty_state(total == 0)

    # ---------------------------------------------------------------- empty states

    def _show_empty_state(self, empty: bool) -> None:
        """An empty journal invites the first entry; a search that found nothing says so and
        offers to clear it."""
        searching = self.model.filter != EntryFilter()
        if not empty:
            self.list_stack.setCurrentWidget(self.list)
            return
        if searching:
            self.empty.set_texts(
                GLYPH_SEARCH,
                self.tr("Nothing found"),
                self.tr("No entry matches this search. Try other words, or clear it."),
            )
            self.empty_button.setText(self.tr("&Clear the search"))
        else:
            self.empty.set_texts(
                GLYPH_JOURNAL,
                self.tr("Your journal is waiting"),
                self.tr(
                    "This page is yours alone: write whatever is on your mind. "
                    "Only your passphrase opens it."
                ),
            )
            self.empty_button.setText(self.tr("&Write your first entry"))
        self.empty_button.setAccessibleName(self.empty_button.text().replace("&", ""))
        focus_was_in_list = self.list.hasFocus()
        self.list_stack.setCurrentWidget(self.empty)
        if focus_was_in_list:
            self.empty_button.setFocus()

    def _empty_action(self) -> None:
        if self.model.filter != EntryFilter():
            self.filters.reset()
            self.apply_filter(EntryFilter())
            self.filters.search.setFocus()
        else:
            self.new_entry()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is not None and entry.entry_id != self.editor.entry_id:
            self.flush_draft()
            journal = self._journal()
            try:  # the row may be older than a save that just happened
                fresh = journal.get(entry.entry_id) if journal is not None else entry
            except HavenError:
                fresh = entry
            self.editor.show_entry(fresh)


def _count_cap(flt: EntryFilter) -> int | None:
    """A search or filter counts its matches up to COUNT_CAP (counting every entry a common
    word is in costs as much as reading them); the whole journal is counted exactly, from
    the smallest index."""
    return None if flt == EntryFilter() else COUNT_CAP
