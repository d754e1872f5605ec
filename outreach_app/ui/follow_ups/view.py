"""The follow-up board: the filter bar on top; the follow-ups grouped by status, owner unit or
site on the left, as cards; the chosen one in the detail pane on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont, QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.follow_ups import FollowUpAction
from outreach_app.core.model import FollowUp, FollowUpStatus
from outreach_app.storage.repository import FollowUpEntry
from outreach_app.ui.context import UiContext
from outreach_app.ui.follow_ups.board import ROLE_CARD, BoardTree, Card
from outreach_app.ui.follow_ups.detail_pane import DetailPane
from outreach_app.ui.follow_ups.filter_bar import FilterBar
from outreach_app.ui.follow_ups.labels import due_text
from outreach_app.ui.follow_ups.presenter import FollowUpBoardPresenter, GroupBy
from outreach_app.ui.formatting import count_text
from outreach_app.ui.labels import follow_up_label, late_text, owner_text
from outreach_app.ui.widgets.messages import MessageBar

ID_ROLE = Qt.ItemDataRole.UserRole


class FollowUpBoardView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = FollowUpBoardPresenter(
            context.store, context.bus, parent=self, clock=context.clock
        )
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.messages.float_over(self)
        # A follow-up asked for from elsewhere (the minutes): chosen once the list has it.
        self._wanted: int | None = None
        # Just after a step, the item stays open even if the filters no longer list it.
        self._keep_detail = False
        self._status_names = {status: follow_up_label(status) for status in FollowUpStatus}

        self.filters = FilterBar(context, self.presenter, self.messages)
        board_panel = self._build_board()
        self.detail = DetailPane(self.presenter)

        self.splitter = QSplitter()
        self.splitter.setObjectName("followUpSplitter")
        self.splitter.addWidget(board_panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The detail starts a little wider than the board, whenever the page is first shown.
        self.splitter.setSizes([540, 620])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self._connect_signals()

        self.filters.show_options(self.presenter.options)
        self.detail.show_no_detail()
        self.filters.clear_filters_button.setEnabled(False)
        self.presenter.load()

    def _build_board(self) -> QWidget:
        self.result_label = QLabel(self.tr("Loading…"))
        self.result_label.setObjectName("followUpCount")
        self.result_label.setWordWrap(True)
        self.tree = BoardTree()
        self.tree.setObjectName("followUpBoard")
        self.tree.setAccessibleName(self.tr("Follow-ups"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        board = QVBoxLayout()
        board.setContentsMargins(0, 0, 4, 0)
        board.addWidget(self.tree, 1)
        board.addWidget(self.result_label)
        board_panel = QWidget()
        board_panel.setLayout(board)
        return board_panel

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(self._item_chosen)

        self.presenter.optionsLoaded.connect(self.filters.show_options)
        self.presenter.entriesLoaded.connect(self._show_entries)
        self.presenter.detailLoaded.connect(self.detail.show_detail)
        self.presenter.detailCleared.connect(self.detail.show_no_detail)
        self.presenter.stepSaved.connect(self._step_saved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.presenter.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.presenter.set_active(False)

    def focus_search(self) -> None:
        self.filters.focus_search()

    # --------------------------------------------------------------------- board
    def _group_title(self, key: str | int, entries: list[FollowUpEntry]) -> str:
        presenter = self.presenter
        if presenter.group_by is GroupBy.STATUS:
            name = self._status_names[FollowUpStatus(str(key))]
        elif presenter.group_by is GroupBy.OWNER:
            name = str(key) or self.tr("No unit yet")
        else:
            name = next((e.site_name for e in entries), str(key))
        late = sum(1 for e in entries if presenter.lateness.get(e.follow_up.id) is not None)
        title = f"{name} ({len(entries)})"
        if late:
            title += " — " + count_text(late, self.tr("1 overdue"), self.tr("%1 overdue"))
        return title

    def _card(self, entry: FollowUpEntry, today: date) -> Card:
        follow_up = entry.follow_up
        group_by = self.presenter.group_by
        # The group's own name is not repeated on its cards.
        if group_by is GroupBy.OWNER:
            claimed = follow_up.status is not FollowUpStatus.OPEN
            where = [entry.site_name, follow_up.claimed_by if claimed else ""]
        elif group_by is GroupBy.SITE:
            where = [owner_text(follow_up)]
        else:
            where = [entry.site_name, owner_text(follow_up)]
        late = self.presenter.lateness.get(follow_up.id)
        if late is not None:
            due, tone = f"⚠ {late_text(late)}", "late"
        elif follow_up.status is FollowUpStatus.SOLVED:
            due, tone = f"✓ {due_text(follow_up, today)}", "done"
        else:
            due, tone = due_text(follow_up, today), ""
        return Card(
            title=follow_up.commitment,
            details=" · ".join(w for w in where if w),
            due=due,
            tone=tone,
            badge=None if group_by is GroupBy.STATUS else follow_up.status,
        )

    def _item_for(self, entry: FollowUpEntry, today: date) -> QTreeWidgetItem:
        follow_up = entry.follow_up
        card = self._card(entry, today)
        parts = [
            follow_up.commitment,
            entry.site_name,
            owner_text(follow_up),
            self._status_names[follow_up.status],
            card.due,
        ]
        # The plain text is what screen readers say and what the tooltip shows.
        item = QTreeWidgetItem([" — ".join(parts)])
        item.setData(0, ID_ROLE, follow_up.id)
        item.setData(0, ROLE_CARD, card)
        origin = entry.session_title or entry.channel
        item.setToolTip(0, "\n".join([*parts, origin] if origin else parts))
        return item

    def _show_entries(self, entries: list[FollowUpEntry]) -> None:
        presenter = self.presenter
        today = presenter.today()
        # Worked out once, not once for every card.
        self._status_names = {status: follow_up_label(status) for status in FollowUpStatus}
        detail = presenter.detail
        wanted = (
            self._wanted if self._wanted is not None else (detail.follow_up_id if detail else None)
        )
        collapsed = set()
        for index in range(self.tree.topLevelItemCount()):
            group_item = self.tree.topLevelItem(index)
            if group_item is not None and not group_item.isExpanded():
                collapsed.add(group_item.data(0, ID_ROLE))
        chosen: QTreeWidgetItem | None = None
        first: QTreeWidgetItem | None = None
        bold = QFont(self.tree.font())
        bold.setBold(True)
        with QSignalBlocker(self.tree):
            self.tree.clear()
            if entries:
                for group in presenter.groups():
                    group_item = QTreeWidgetItem([self._group_title(group.key, group.entries)])
                    group_item.setData(0, ID_ROLE, f"group:{group.key}")
                    group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    group_item.setFont(0, bold)
                    group_item.setBackground(
                        0,
                        self.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Button),
                    )
                    self.tree.addTopLevelItem(group_item)
                    for entry in group.entries:
                        item = self._item_for(entry, today)
                        group_item.addChild(item)
                        if first is None:
                            first = item
                        if entry.follow_up.id == wanted:
                            chosen = item
                    group_item.setExpanded(f"group:{group.key}" not in collapsed)
            if chosen is not None:
                self.tree.setCurrentItem(chosen)
        self.tree.empty_hint = "" if entries else self._empty_text()
        self.tree.viewport().update()
        self._show_count(entries)
        if chosen is not None:
            self._wanted = None
            if detail is None or detail.follow_up_id != chosen.data(0, ID_ROLE):
                presenter.open_follow_up(int(chosen.data(0, ID_ROLE)))
            self.tree.scrollToItem(chosen)
        elif self._wanted is None and not self._keep_detail:
            # Nothing chosen, or the chosen item is filtered away: start at the first one.
            if first is not None:
                self.tree.setCurrentItem(first)  # opens it through _item_chosen
            elif detail is not None:
                presenter.open_follow_up(None)
        self._keep_detail = False

    def _empty_text(self) -> str:
        if self.filters.has_filters():
            return self.tr("No follow-ups match these filters — clear the filters to see all.")
        return self.tr(
            "No follow-ups yet. A commitment recorded with an answer under Notes becomes a"
            " follow-up here, to be claimed, responded to and solved."
        )

    def _show_count(self, entries: list[FollowUpEntry]) -> None:
        lateness = self.presenter.lateness
        late = sum(1 for e in entries if lateness.get(e.follow_up.id) is not None)
        text = count_text(len(entries), self.tr("1 follow-up"), self.tr("%1 follow-ups"))
        if late:
            text += " · " + count_text(late, self.tr("1 overdue"), self.tr("%1 overdue"))
        if self.presenter.truncated:
            text += " — " + self.tr(
                "more match: only the newest %1 are shown; narrow them with the filters"
            ).replace("%1", str(self.presenter.limit))
        self.result_label.setText(text)

    def _item_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        value = current.data(0, ID_ROLE)
        if not isinstance(value, int):
            return
        detail = self.presenter.detail
        if detail is None or detail.follow_up_id != value:
            self.presenter.open_follow_up(value)

    def reveal(self, follow_up_id: int) -> None:
        """Show one follow-up (asked for from the minutes), clearing filters that hide it."""
        self._wanted = follow_up_id
        self.presenter.open_follow_up(follow_up_id)
        listed = {e.follow_up.id for e in self.presenter.entries}
        if follow_up_id in listed:
            self._show_entries(self.presenter.entries)
        elif self.filters.has_filters():
            self.filters.clear_filters()
        else:
            self.presenter.refresh_list()

    def _step_saved(self, action: FollowUpAction | None, follow_up: FollowUp) -> None:
        self._keep_detail = True
        if action is None:
            message = self.tr("Due dates saved.")
        else:
            message = self.tr("Follow-up marked “%1”.").replace(
                "%1", follow_up_label(follow_up.status)
            )
        self.messages.show_info(message)
