"""Journal entries as a paged list model: the view asks for more rows as it scrolls
(canFetchMore/fetchMore), so 100,000 entries open as fast as 100."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from haven.core.journal import EntryFilter, JournalEntry
from haven.ui import messages
from haven.ui.dates import moment_text

PAGE_SIZE = 100

#: fetch(filter, limit, offset, after) -> entries, newest first; a later page starts after
#: the id of the last row shown (a seek, where an offset reads every row it skips; the
#: offset is used only if that entry was deleted). Runs in the UI thread for later pages;
#: the first page of a search is loaded in a worker (see JournalPage).
Fetch = Callable[[EntryFilter, int, int, bytes | None], list[JournalEntry]]

EntryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
DateRole = Qt.ItemDataRole.UserRole + 3
MoodRole = Qt.ItemDataRole.UserRole + 4
TagsRole = Qt.ItemDataRole.UserRole + 5
HeadlineRole = Qt.ItemDataRole.UserRole + 6

_Index = QModelIndex | QPersistentModelIndex


def headline(entry: JournalEntry) -> str:
    """The title, else the body's first non-empty line (shortened)."""
    if entry.title:
        return entry.title
    for line in entry.body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119] + "…"
    return ""


def date_text(ms: int) -> str:
    return moment_text(ms)


class EntryListModel(QAbstractListModel):
    def __init__(self, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._rows: list[JournalEntry] = []
        self._filter = EntryFilter()
        self._fetch: Fetch | None = None
        self._more = False

    # ---------------------------------------------------------------- loading

    @property
    def filter(self) -> EntryFilter:
        return self._filter

    def set_source(self, fetch: Fetch | None) -> None:
        """Attach to an open journal (or detach on lock: every row is dropped)."""
        self._fetch = fetch
        self.replace(EntryFilter(), [] if fetch is None else None)

    def replace(
        self,
        flt: EntryFilter,
        first_rows: list[JournalEntry] | None = None,
        more: bool | None = None,
    ) -> None:
        """Show `flt`'s results. `first_rows` were loaded elsewhere (a worker); None loads
        one page here."""
        if first_rows is None and self._fetch is not None:
            first_rows = self._fetch(flt, self.page_size, 0, None)
        rows = first_rows or []
        self.beginResetModel()
        self._filter = flt
        self._rows = list(rows)
        self._more = self._fetch is not None and (
            more if more is not None else len(rows) >= self.page_size
        )
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None or not self._more:
            return
        last = self._rows[-1].entry_id if self._rows else None
        page = self._fetch(self._filter, self.page_size, len(self._rows), last)
        self._more = len(page) >= self.page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ---------------------------------------------------------------- reading

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def entry(self, row: int) -> JournalEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: bytes) -> int:
        for row, entry in enumerate(self._rows):
            if entry.entry_id == entry_id:
                return row
        return -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == HeadlineRole:
            return headline(entry)
        if role == Qt.ItemDataRole.DisplayRole:
            return headline(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [
                date_text(entry.created_ms),
                headline(entry),
                messages.mood_text(entry.mood),
                " ".join("#" + t for t in entry.tags),
            ]
            return ", ".join(p for p in parts if p)
        if role == EntryRole:
            return entry
        if role == IdRole:
            return entry.entry_id
        if role == DateRole:
            return date_text(entry.created_ms)
        if role == MoodRole:
            return entry.mood
        if role == TagsRole:
            return entry.tags
        return None
