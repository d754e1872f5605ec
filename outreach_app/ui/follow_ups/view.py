"""The follow-up board: filters on top; the follow-ups grouped by status, owner unit or site on
the left; the chosen item with its full history and its next steps on the right."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.follow_ups import FollowUpAction, StepInput, next_actions
from outreach_app.core.model import (
    FollowUp,
    FollowUpFilters,
    FollowUpStatus,
    SessionKind,
)
from outreach_app.storage.repository import FollowUpEntry
from outreach_app.ui.context import UiContext
from outreach_app.ui.follow_ups.board import (
    MUTED,
    OVERDUE_COLOUR,
    ROLE_CARD,
    BoardTree,
    Card,
    status_badge,
)
from outreach_app.ui.follow_ups.dialogs import DueDatesDialog, StepDialog
from outreach_app.ui.follow_ups.labels import action_label, due_text, step_due_label, step_label
from outreach_app.ui.follow_ups.presenter import (
    BoardOptions,
    FollowUpBoardPresenter,
    FollowUpDetail,
    GroupBy,
)
from outreach_app.ui.formatting import count_text, format_date, format_datetime
from outreach_app.ui.labels import (
    follow_up_label,
    kind_label,
    late_text,
    overdue_text,
    owner_text,
    satisfaction_label,
)
from outreach_app.ui.widgets.filter_lists import (
    category_filter,
    kind_filter,
    show_categories,
    show_sites,
    site_filter,
    status_filter,
)
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.period_filter import PeriodFilter
from outreach_app.ui.widgets.search import SearchLineEdit
from outreach_app.ui.widgets.tables import read_only_table, show_rows

ID_ROLE = Qt.ItemDataRole.UserRole
FILTER_DELAY_MS = 250
SHORTCUTS: dict[FollowUpAction, str] = {
    FollowUpAction.CLAIM: "Ctrl+Shift+M",
    FollowUpAction.RESPOND: "Ctrl+Shift+R",
    FollowUpAction.SOLVE: "Ctrl+Shift+S",
    FollowUpAction.REOPEN: "Ctrl+Shift+O",
}
DUE_DATES_SHORTCUT = "Ctrl+Shift+D"


class FollowUpBoardView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = FollowUpBoardPresenter(
            context.store, context.bus, parent=self, clock=context.clock
        )
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.step_dialog: StepDialog | None = None
        self.due_dialog: DueDatesDialog | None = None
        # A follow-up asked for from elsewhere (the minutes): chosen once the list has it.
        self._wanted: int | None = None
        # Just after a step, the item stays open even if the filters no longer list it.
        self._keep_detail = False
        self._status_names = {status: follow_up_label(status) for status in FollowUpStatus}

        filters = self._build_filters()
        board_panel = self._build_board()
        detail_panel = self._build_detail()

        self.splitter = QSplitter()
        self.splitter.setObjectName("followUpSplitter")
        self.splitter.addWidget(board_panel)
        self.splitter.addWidget(detail_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The detail starts a little wider than the board, whenever the page is first shown.
        self.splitter.setSizes([540, 620])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._connect_signals()

        self._show_options(self.presenter.options)
        self._show_no_detail()
        self.clear_filters_button.setEnabled(False)
        self.presenter.load()

    def _build_filters(self) -> QGridLayout:
        """Words, grouping and the filters above the board."""
        self.search_edit = SearchLineEdit()
        self.search_edit.setObjectName("followUpSearch")
        self.search_edit.setAccessibleName(self.tr("Filter follow-ups by words"))
        self.search_edit.setPlaceholderText(
            self.tr("Words in the commitment, outcome, unit, person or site (Ctrl+Shift+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(FILTER_DELAY_MS)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("groupByCombo")
        self.group_combo.setAccessibleName(self.tr("Group by"))
        for label, group in (
            (self.tr("Status"), GroupBy.STATUS),
            (self.tr("Owner unit"), GroupBy.OWNER),
            (self.tr("Site"), GroupBy.SITE),
        ):
            self.group_combo.addItem(label, group.value)
        self.overdue_box = QCheckBox(self.tr("&Overdue only"))
        self.overdue_box.setObjectName("overdueOnly")
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setToolTip(self.tr("Show every follow-up"))

        self.site_combo = site_filter()
        self.kind_combo = kind_filter()
        self.category_combo = category_filter()
        self.status_combo = status_filter((follow_up_label(s), s.value) for s in FollowUpStatus)
        self.owner_combo = QComboBox()
        self.owner_combo.setAccessibleName(self.tr("Owner unit filter"))
        self.period = PeriodFilter(self.context.clock)
        self.period.setToolTip(self.tr("When the commitment was made"))
        self._combos = (
            self.site_combo,
            self.kind_combo,
            self.category_combo,
            self.status_combo,
            self.owner_combo,
        )
        for combo in self._combos:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)

        grid = self._lay_out_filters()
        return grid

    def _lay_out_filters(self) -> QGridLayout:
        """Three rows: words and grouping; site, kind, category, status; unit and period."""
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.search_edit, 0, 0, 1, 4)
        grid.addWidget(_buddy(self.tr("&Group by:"), self.group_combo), 0, 4)
        grid.addWidget(self.group_combo, 0, 5)
        corner = QHBoxLayout()
        corner.addWidget(self.overdue_box)
        corner.addStretch(1)
        corner.addWidget(self.clear_filters_button)
        grid.addLayout(corner, 0, 6, 1, 2)
        for column, (label, widget) in enumerate(
            (
                (self.tr("&Site:"), self.site_combo),
                (self.tr("&Kind:"), self.kind_combo),
                (self.tr("Ca&tegory:"), self.category_combo),
                (self.tr("St&atus:"), self.status_combo),
            )
        ):
            grid.addWidget(_buddy(label, widget), 1, column * 2)
            grid.addWidget(widget, 1, column * 2 + 1)
        grid.addWidget(_buddy(self.tr("&Unit:"), self.owner_combo), 2, 0)
        grid.addWidget(self.owner_combo, 2, 1)
        grid.addWidget(_buddy(self.tr("&Period:"), self.period.combo), 2, 2)
        grid.addWidget(self.period, 2, 3, 1, 5)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        return grid

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

    def _build_detail(self) -> QWidget:
        """The chosen follow-up: what it is, the steps it can take, its history."""
        self.title_label = heading(self.tr("Follow-up"))
        self.title_label.setObjectName("followUpTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel()
        self.state_label.setObjectName("followUpState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self._build_step_buttons()
        detail_splitter = self._build_facts_and_history()

        detail = QVBoxLayout()
        detail.setContentsMargins(4, 0, 0, 0)
        detail.addWidget(self.title_label)
        detail.addWidget(self.state_label)
        detail.addWidget(self.buttons_row)
        detail.addWidget(detail_splitter, 1)
        detail_panel = QWidget()
        detail_panel.setLayout(detail)
        return detail_panel

    def _build_step_buttons(self) -> None:
        self.action_buttons: dict[FollowUpAction, QPushButton] = {}
        self.buttons_row = QWidget()
        buttons = QHBoxLayout(self.buttons_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        icons = {
            FollowUpAction.CLAIM: QStyle.StandardPixmap.SP_ArrowRight,
            FollowUpAction.RESPOND: QStyle.StandardPixmap.SP_FileDialogDetailedView,
            FollowUpAction.SOLVE: QStyle.StandardPixmap.SP_DialogApplyButton,
            FollowUpAction.REOPEN: QStyle.StandardPixmap.SP_BrowserReload,
        }
        for action in FollowUpAction:
            button = QPushButton(self.style().standardIcon(icons[action]), "")
            button.setObjectName(f"{action.value}Button")
            button.setText(action_label(action) + "…")
            button.setShortcut(SHORTCUTS[action])
            button.clicked.connect(lambda _=False, a=action: self.ask_step(a))
            self.action_buttons[action] = button
            buttons.addWidget(button)
        self.due_button = QPushButton(self.tr("Due dates…"))
        self.due_button.setObjectName("dueDatesButton")
        self.due_button.setShortcut(DUE_DATES_SHORTCUT)
        self.due_button.clicked.connect(self.ask_due_dates)
        buttons.addWidget(self.due_button)
        buttons.addStretch(1)

    def _build_facts_and_history(self) -> QSplitter:
        self.facts = QTextBrowser()
        self.facts.setObjectName("followUpFacts")
        self.facts.setAccessibleName(self.tr("About this follow-up"))
        self.facts.setOpenLinks(False)
        self.history_label = QLabel(self.tr("History"))
        font = self.history_label.font()
        font.setBold(True)
        self.history_label.setFont(font)
        self.history = read_only_table(
            [self.tr("When"), self.tr("Step"), self.tr("Recorded by"), self.tr("Note")]
        )
        self.history.setObjectName("followUpHistory")
        self.history.setAccessibleName(self.tr("History of this follow-up"))
        self.history_label.setBuddy(self.history)

        detail_splitter = QSplitter(Qt.Orientation.Vertical)
        detail_splitter.setObjectName("followUpDetailSplitter")
        detail_splitter.addWidget(self.facts)
        history_panel = self.history_panel = QWidget()
        history_layout = QVBoxLayout(history_panel)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history, 1)
        detail_splitter.addWidget(history_panel)
        detail_splitter.setStretchFactor(0, 1)
        detail_splitter.setStretchFactor(1, 1)
        detail_splitter.setChildrenCollapsible(False)
        return detail_splitter

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._filters_changed)
        self._search_timer.timeout.connect(self._filters_changed)
        for combo in self._combos:
            combo.currentIndexChanged.connect(self._filters_changed)
        self.period.changed.connect(self._filters_changed)
        self.overdue_box.toggled.connect(self._filters_changed)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.tree.currentItemChanged.connect(self._item_chosen)

        self.presenter.optionsLoaded.connect(self._show_options)
        self.presenter.entriesLoaded.connect(self._show_entries)
        self.presenter.detailLoaded.connect(self._show_detail)
        self.presenter.detailCleared.connect(self._show_no_detail)
        self.presenter.stepSaved.connect(self._step_saved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.presenter.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.presenter.set_active(False)

    # ------------------------------------------------------------------- filters
    def _show_options(self, options: BoardOptions) -> None:
        show_sites(self.site_combo, options.sites)
        show_categories(self.category_combo, options.categories)
        owner = self.owner_combo.currentData()
        with QSignalBlocker(self.owner_combo):
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("All units"), None)
            self.owner_combo.addItem(self.tr("No unit yet"), "")
            for unit in options.owners:
                self.owner_combo.addItem(unit, unit)
            found = self.owner_combo.findData(owner) if owner is not None else 0
            self.owner_combo.setCurrentIndex(max(found, 0))
        self._filters_changed()

    def current_filters(self) -> FollowUpFilters | None:
        """The filters as chosen, or None (with a message) when the period makes no sense."""
        if not self.period.is_valid():
            self.messages.show_error(
                self.tr("The period starts after it ends: check the two dates.")
            )
            return None
        span = self.period.span()
        kind = self.kind_combo.currentData()
        status = self.status_combo.currentData()
        return FollowUpFilters(
            site_id=self.site_combo.currentData(),
            kind=SessionKind(kind) if kind else None,
            category=self.category_combo.currentData(),
            status=FollowUpStatus(status) if status else None,
            owner=self.owner_combo.currentData(),
            period_start=span[0] if span else None,
            period_end=span[1] if span else None,
            overdue_only=self.overdue_box.isChecked(),
            text=self.search_edit.text().strip(),
        )

    def _has_filters(self) -> bool:
        return (
            any(combo.currentIndex() > 0 for combo in self._combos)
            or self.period.is_set()
            or self.overdue_box.isChecked()
            or bool(self.search_edit.text().strip())
        )

    def _filters_changed(self) -> None:
        self._search_timer.stop()
        filters = self.current_filters()
        if filters is not None:
            self.presenter.set_filters(filters)
        self.clear_filters_button.setEnabled(self._has_filters())

    def clear_filters(self) -> None:
        widgets = [*self._combos, self.period.combo, self.overdue_box, self.search_edit]
        blockers = [QSignalBlocker(w) for w in widgets]
        for combo in self._combos:
            combo.setCurrentIndex(0)
        self.overdue_box.setChecked(False)
        self.search_edit.clear()
        del blockers
        self.period.reset()
        self._filters_changed()

    def _group_chosen(self) -> None:
        self.presenter.set_group_by(GroupBy(str(self.group_combo.currentData())))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

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
        if self._has_filters():
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
        elif self._has_filters():
            self.clear_filters()
        else:
            self.presenter.refresh_list()

    # -------------------------------------------------------------------- detail
    def _show_no_detail(self) -> None:
        self.title_label.setText(self.tr("Follow-up"))
        self.state_label.setText("")
        steps = "".join(
            f"<li>{status_badge(status)} {html.escape(text)}</li>"
            for status, text in (
                (FollowUpStatus.OPEN, self.tr("a commitment made to a site, or reopened")),
                (
                    FollowUpStatus.CLAIMED,
                    self.tr("a named person of the owner unit has taken it on"),
                ),
                (FollowUpStatus.RESPONDED, self.tr("what has been done so far is recorded")),
                (
                    FollowUpStatus.SOLVED,
                    self.tr("the outcome and, where given, the site's satisfaction"),
                ),
            )
        )
        choose = self.tr("Choose a follow-up on the left to see its history and next steps.")
        intro = self.tr("Each follow-up goes through these steps:")
        kept = self.tr(
            "Every step is kept with its time and who recorded it. An item is overdue from the"
            " day after the date for its next step."
        )
        self.facts.setHtml(
            f"<p>{_muted(choose)}</p><p>{_muted(intro)}</p><ul>{steps}</ul><p>{_muted(kept)}</p>"
        )
        self.history.setRowCount(0)
        self.buttons_row.hide()
        self.history_panel.hide()
        self._update_actions()

    def _show_detail(self, detail: FollowUpDetail) -> None:
        follow_up = detail.follow_up
        today = self.presenter.today()
        self.title_label.setText(follow_up.commitment)
        state = status_badge(follow_up.status)
        late = overdue_text(follow_up, today)
        if late:
            state += " &nbsp;" + _coloured(f"<b>⚠ {html.escape(late)}</b>", OVERDUE_COLOUR.name())
        elif follow_up.status is not FollowUpStatus.SOLVED:
            state += " &nbsp;" + _muted(due_text(follow_up, today))
        self.state_label.setText(state)
        self.facts.setHtml(self._facts_html(detail.entry, today))
        self._show_history(detail)
        self.buttons_row.show()
        self.history_panel.show()
        self._update_actions()

    def _facts_html(self, entry: FollowUpEntry, today: date) -> str:
        follow_up = entry.follow_up
        rows: list[tuple[str, str]] = [(self.tr("Site"), html.escape(entry.site_name))]
        if entry.session_title:
            made = [entry.session_title]
            if entry.session_start is not None:
                made.append(format_date(entry.session_start.date()))
            if entry.session_kind is not None:
                made.append(kind_label(entry.session_kind))
            rows.append((self.tr("Committed in"), html.escape(" · ".join(made))))
        elif entry.channel:
            rows.append((self.tr("Received through"), html.escape(entry.channel)))
        if follow_up.created_at is not None:
            rows.append((self.tr("Made on"), html.escape(format_datetime(follow_up.created_at))))
        if entry.question_text:
            rows.append((self.tr("Question"), _text(entry.question_text)))
        if entry.answer_text:
            rows.append((self.tr("Answer"), _text(entry.answer_text)))
        if entry.category:
            rows.append((self.tr("Category"), html.escape(entry.category)))
        rows.append(
            (self.tr("Owner unit"), html.escape(follow_up.owner) or _muted(self.tr("none yet")))
        )
        if follow_up.claimed_by:
            rows.append((self.tr("Claimed by"), html.escape(follow_up.claimed_by)))
        if follow_up.response:
            rows.append((self.tr("Response"), _text(follow_up.response)))
        if follow_up.resolution:
            rows.append((self.tr("Outcome"), _text(follow_up.resolution)))
        if follow_up.satisfaction is not None:
            rows.append(
                (
                    self.tr("Site's satisfaction"),
                    html.escape(satisfaction_label(follow_up.satisfaction)),
                )
            )
        rows.append((self.tr("Due dates"), self._dates_html(follow_up, today)))
        cells = "".join(
            f'<tr><td width="130">{_muted(label)}</td><td>{value}</td></tr>'
            for label, value in rows
        )
        return f'<table cellpadding="3" cellspacing="0">{cells}</table>'

    def _dates_html(self, follow_up: FollowUp, today: date) -> str:
        reached = {
            FollowUpStatus.CLAIMED: follow_up.claimed_at,
            FollowUpStatus.RESPONDED: follow_up.responded_at,
            FollowUpStatus.SOLVED: follow_up.solved_at,
        }
        lines = []
        for step, day in (
            (FollowUpStatus.CLAIMED, follow_up.claim_due),
            (FollowUpStatus.RESPONDED, follow_up.respond_due),
            (FollowUpStatus.SOLVED, follow_up.due),
        ):
            value = html.escape(format_date(day)) if day else _muted(self.tr("no date"))
            done = reached[step]
            if done is not None:
                value += " — " + html.escape(
                    self.tr("done %1").replace("%1", format_date(done.date()))
                )
                if day is not None and done.date() > day:
                    late = html.escape(self.tr("late"))
                    value += " " + _coloured(f"({late})", OVERDUE_COLOUR.name())
            lines.append(f"{html.escape(step_due_label(step))}: {value}")
        return "<br/>".join(lines)

    def _show_history(self, detail: FollowUpDetail) -> None:
        steps = detail.steps
        rows = []
        # In the order it happened: from the commitment to where it stands now.
        for row, step in enumerate(steps):
            note = step.note
            if step.status is FollowUpStatus.CLAIMED and note:
                note = self.tr("Taken by %1").replace("%1", note)
            rows.append(
                [
                    format_datetime(step.at),
                    step_label(step.status, first=row == 0),
                    step.actor or "—",
                    note,
                ]
            )
        show_rows(self.history, rows)
        self.history_label.setText(
            count_text(len(steps), self.tr("History (1 step)"), self.tr("History (%1 steps)"))
        )

    def _update_actions(self) -> None:
        detail = self.presenter.detail
        allowed = next_actions(detail.follow_up.status) if detail is not None else ()
        for action, button in self.action_buttons.items():
            button.setEnabled(action in allowed)
            shortcut = SHORTCUTS[action]
            if detail is None:
                tip = self.tr("Choose a follow-up first")
            elif action in allowed:
                tip = {
                    FollowUpAction.CLAIM: self.tr("A named person of the owner unit takes it (%1)"),
                    FollowUpAction.RESPOND: self.tr("Record what has been done so far (%1)"),
                    FollowUpAction.SOLVE: self.tr(
                        "Record the outcome and the site's satisfaction (%1)"
                    ),
                    FollowUpAction.REOPEN: self.tr("Take it up again, saying why (%1)"),
                }[action].replace("%1", shortcut)
            else:
                tip = {
                    FollowUpAction.CLAIM: self.tr("Only an open follow-up can be claimed"),
                    FollowUpAction.RESPOND: self.tr("Only a claimed follow-up can be responded to"),
                    FollowUpAction.SOLVE: self.tr(
                        "Claim it first: only a claimed or responded follow-up can be solved"
                    ),
                    FollowUpAction.REOPEN: self.tr("It is open already"),
                }[action]
            button.setToolTip(tip)
        self.due_button.setEnabled(detail is not None)
        self.due_button.setToolTip(
            self.tr("The dates to claim, respond and solve by (%1)").replace(
                "%1", DUE_DATES_SHORTCUT
            )
            if detail is not None
            else self.tr("Choose a follow-up first")
        )

    # --------------------------------------------------------------------- steps
    def ask_step(self, action: FollowUpAction) -> StepDialog | None:
        detail = self.presenter.detail
        button = self.action_buttons[action]
        if detail is None or not button.isEnabled():
            return None
        options = self.presenter.options
        dialog = StepDialog(
            action,
            detail.follow_up,
            self.presenter.check_step,
            units=options.owners,
            people=options.claimers,
            parent=self,
        )
        dialog.stepGiven.connect(self._step_given)
        dialog.finished.connect(dialog.deleteLater)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _step_given(self, action: FollowUpAction, given: StepInput) -> None:
        self.presenter.take_step(action, given)

    def ask_due_dates(self) -> DueDatesDialog | None:
        detail = self.presenter.detail
        if detail is None:
            return None
        dialog = DueDatesDialog(
            detail.follow_up, self.presenter.check_due_dates, self.presenter.today(), self
        )
        dialog.datesGiven.connect(self.presenter.set_due_dates)
        dialog.finished.connect(dialog.deleteLater)
        self.due_dialog = dialog
        dialog.open()
        return dialog

    def _step_saved(self, action: FollowUpAction | None, follow_up: FollowUp) -> None:
        self._keep_detail = True
        if action is None:
            message = self.tr("Due dates saved.")
        else:
            message = self.tr("Follow-up marked “%1”.").replace(
                "%1", follow_up_label(follow_up.status)
            )
        self.messages.show_info(message)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br/>")


def _muted(value: str) -> str:
    return _coloured(html.escape(value), MUTED)


def _coloured(markup: str, colour: str) -> str:
    return f'<span style="color:{colour};">{markup}</span>'
