"""Team mode's dialogs: the changes to resolve (two versions side by side, or why the office's
server refused), signing out, and the first copy of the record with its progress."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.topics import topics_for_tables
from outreach_app.sync.client import Link
from outreach_app.sync.team_session import ProblemView, RowVersions
from outreach_app.ui.formatting import format_datetime
from outreach_app.ui.team.labels import (
    HIDDEN_COLUMNS,
    field_label,
    operation_label,
    reason_text,
    table_label,
    value_text,
)
from outreach_app.ui.team.presenter import TeamPresenter

DIFFERENT = QColor("#fff1c2")
# Columns worth naming a change by, in the order they are tried.
SUBJECT_COLUMNS = ("name", "title", "commitment", "text")


def subject_of(problem: ProblemView) -> str:
    """What the change was about, in the person's words: a site's name, a session's title."""
    for row in problem.rows:
        for version in (row.mine, row.theirs):
            for column in SUBJECT_COLUMNS:
                value = version.get(column) if version else None
                if isinstance(value, str) and value.strip():
                    return value
    return ""


def describe(problem: ProblemView) -> str:
    return operation_label(problem.operation, subject_of(problem))


def compared_fields(row: RowVersions) -> list[tuple[str, str, str, bool]]:
    """(field, mine, the record's, differ) for each field a person would recognise."""
    columns: list[str] = []
    for version in (row.mine, row.theirs):
        for column in version or {}:
            shown = column not in HIDDEN_COLUMNS and not column.endswith("_id")
            if shown and column not in columns:
                columns.append(column)
    fields = []
    for column in columns:
        mine = value_text(row.table, column, (row.mine or {}).get(column))
        theirs = value_text(row.table, column, (row.theirs or {}).get(column))
        fields.append((field_label(column), mine, theirs, mine != theirs))
    return fields


class ProblemsDialog(QDialog):
    """Each change the office's server did not take: a conflict shows both versions field by
    field with the differences marked, and the person keeps theirs or the record's; a refusal
    says why, and the change is discarded."""

    resolved = Signal(str)  # op id, once the choice is carried out

    def __init__(self, presenter: TeamPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(self.tr("Conflicts to resolve"))
        self.presenter = presenter
        self.problems: list[ProblemView] = []
        self.list = QListWidget()
        self.list.setObjectName("problemList")
        self.list.setAccessibleName(self.tr("Changes to resolve"))
        self.list.setWordWrap(True)
        self.title_label = QLabel()
        self.title_label.setObjectName("problemTitle")
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("problemReason")
        self.reason_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("problemVersions")
        self.table.setAccessibleName(self.tr("The two versions, field by field"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This computer (mine)"), self.tr("The office's record")]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_mine_button = QPushButton(self.tr("Keep &mine"))
        self.keep_mine_button.setObjectName("keepMineButton")
        self.keep_mine_button.setToolTip(
            self.tr("Send this computer's version to the office's record, replacing theirs")
        )
        self.keep_theirs_button = QPushButton(self.tr("Keep the &record's"))
        self.keep_theirs_button.setObjectName("keepTheirsButton")
        self.keep_theirs_button.setToolTip(
            self.tr("Drop this computer's change and take the office's record as it is")
        )
        self.discard_button = QPushButton(self.tr("&Discard my change"))
        self.discard_button.setObjectName("discardButton")
        self.discard_button.setToolTip(
            self.tr("The office's server will not take it: drop it and take the record as it is")
        )
        self.offline_label = QLabel(
            self.tr("Choices need the office's server: they are offered once it is reachable.")
        )
        self.offline_label.setWordWrap(True)
        self.keep_mine_button.clicked.connect(lambda: self._choose(keep_mine=True))
        self.keep_theirs_button.clicked.connect(lambda: self._choose(keep_mine=False))
        self.discard_button.clicked.connect(lambda: self._choose(keep_mine=False))
        self.list.currentRowChanged.connect(self._show)
        presenter.statusChanged.connect(self._status_changed)

        choices = QHBoxLayout()
        choices.addWidget(self.keep_mine_button)
        choices.addWidget(self.keep_theirs_button)
        choices.addWidget(self.discard_button)
        choices.addStretch(1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(6, 0, 0, 0)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.reason_label)
        detail_layout.addWidget(self.table, 1)
        detail_layout.addWidget(self.offline_label)
        detail_layout.addLayout(choices)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 640])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(960, 540)
        self._busy = False
        self._show(-1)

    def load(self) -> None:
        self.presenter.spawn_latest("problems", self.presenter.problems(), self.show_problems)

    def show_problems(self, problems: Sequence[ProblemView]) -> None:
        current = self.current_problem()
        self.problems = list(problems)
        self.list.clear()
        for problem in self.problems:
            kind = self.tr("conflict") if problem.conflict else self.tr("refused")
            when = format_datetime(problem.at.replace(microsecond=0))
            item = QListWidgetItem(f"{describe(problem)}\n{when} · {kind}")
            item.setData(Qt.ItemDataRole.UserRole, problem.op_id)
            self.list.addItem(item)
        ids = [p.op_id for p in self.problems]
        if not ids:
            self._show(-1)
            return
        self.list.setCurrentRow(ids.index(current.op_id) if current and current.op_id in ids else 0)

    def current_problem(self) -> ProblemView | None:
        row = self.list.currentRow()
        return self.problems[row] if 0 <= row < len(self.problems) else None

    def _show(self, row: int) -> None:
        problem = self.problems[row] if 0 <= row < len(self.problems) else None
        self.table.setRowCount(0)
        if problem is None:
            self.title_label.setText(
                self.tr("Nothing to resolve: every change reached the record.")
            )
            self.reason_label.setText("")
            self.table.hide()
            self._update_buttons()
            return
        self.title_label.setText(describe(problem))
        when = format_datetime(problem.at.replace(microsecond=0))
        if problem.conflict:
            reason = self.tr(
                "You changed this on %1, and someone else changed it in the office's record "
                "meanwhile. Choose the version to keep; the differences are marked."
            ).replace("%1", when)
        else:
            reason = (
                self.tr("Made on %1. The office's server did not take this change.").replace(
                    "%1", when
                )
                + " "
                + reason_text(problem.message, problem.params)
            )
        self.reason_label.setText(reason)
        self.table.setVisible(bool(problem.rows))
        self._fill_table(problem)
        self._update_buttons()

    def _fill_table(self, problem: ProblemView) -> None:
        for row in problem.rows:
            self._add_heading(row)
            for name, mine, theirs, differ in compared_fields(row):
                index = self.table.rowCount()
                self.table.insertRow(index)
                cells = [QTableWidgetItem(name), QTableWidgetItem(mine), QTableWidgetItem(theirs)]
                for column, cell in enumerate(cells):
                    if differ:
                        cell.setBackground(QBrush(DIFFERENT))
                        if column:
                            font = cell.font()
                            font.setBold(True)
                            cell.setFont(font)
                    self.table.setItem(index, column, cell)
        self.table.resizeRowsToContents()

    def _add_heading(self, row: RowVersions) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        mine = "" if row.mine is not None else self.tr("(not on this computer)")
        theirs = "" if row.theirs is not None else self.tr("(not in the office's record)")
        cells = [QTableWidgetItem(table_label(row.table)), QTableWidgetItem(mine)]
        cells.append(QTableWidgetItem(theirs))
        for column, cell in enumerate(cells):
            font = cell.font()
            font.setItalic(True)
            cell.setFont(font)
            cell.setForeground(self.palette().placeholderText())
            self.table.setItem(index, column, cell)

    def _status_changed(self, _status: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        problem = self.current_problem()
        online = self.presenter.status.link is Link.ONLINE
        conflict = problem is not None and problem.conflict
        refused = problem is not None and not problem.conflict
        self.keep_mine_button.setVisible(conflict)
        self.keep_theirs_button.setVisible(conflict)
        self.discard_button.setVisible(refused)
        for button in (self.keep_mine_button, self.keep_theirs_button, self.discard_button):
            button.setEnabled(online and not self._busy)
        self.offline_label.setVisible(problem is not None and not online)

    def _choose(self, *, keep_mine: bool) -> None:
        problem = self.current_problem()
        if problem is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        op_id = problem.op_id
        tables = {row.table for row in problem.rows}
        task = self.presenter.keep_mine(op_id) if keep_mine else self.presenter.keep_theirs(op_id)

        def done(_task: object) -> None:
            self._busy = False
            # What the pages show may have changed either way: refreshed now.
            for topic in sorted(topics_for_tables(tables)):
                self.presenter.announce(topic)
            self.resolved.emit(op_id)
            self.load()

        task.add_done_callback(done)


class SignOutDialog(QDialog):
    """Signing out, and whether this computer's copy of the record goes with it."""

    def __init__(
        self, office: str, server: str, unsent: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signOutDialog")
        self.setWindowTitle(self.tr("Sign out"))
        intro = QLabel(
            self.tr("Sign out of %1 (%2)? Outreach then asks again how you want to work.")
            .replace("%1", office or self.tr("the office's server"))
            .replace("%2", server)
        )
        intro.setWordWrap(True)
        self.remove_box = QCheckBox(self.tr("Remove this computer's copy of the office's record"))
        self.remove_box.setObjectName("removeCopyBox")
        self.remove_label = QLabel(
            self.tr(
                "Nothing of the record stays on this computer: the copy is overwritten and "
                "deleted, and the sign-in is forgotten. Choose this on a shared or borrowed "
                "computer."
            )
        )
        self.remove_label.setWordWrap(True)
        self.remove_label.setIndent(24)
        self.unsent = unsent
        self.warning_label = QLabel()
        self.warning_label.setObjectName("unsentWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "#unsentWarning { background: #fff4e0; color: #7a4500; border: 1px solid #e0b060;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign out"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remove_box.toggled.connect(lambda _checked: self._warn())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.remove_box)
        layout.addWidget(self.remove_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.buttons)
        self._warn()
        self.resize(520, self.sizeHint().height())

    def remove_copy(self) -> bool:
        return self.remove_box.isChecked()

    def _warn(self) -> None:
        if not self.unsent:
            self.warning_label.hide()
            return
        if self.remove_copy():
            text = self.tr(
                "%n change(s) made on this computer have not reached the office's record yet. "
                "Removing the copy loses them.",
                "",
                self.unsent,
            )
        else:
            text = self.tr(
                "%n change(s) made on this computer have not reached the office's record yet. "
                "They stay in the copy and are sent when you sign in again.",
                "",
                self.unsent,
            )
        self.warning_label.setText(text)
        self.warning_label.show()


class FirstCopyDialog(QDialog):
    """The first copy of the office's record coming to this computer, with Cancel."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstCopyDialog")
        self.setWindowTitle(self.tr("Copying the office's record"))
        intro = QLabel(
            self.tr(
                "The office's record is copied to this computer once; after that only changes "
                "travel. You can work on what has arrived when it is done."
            )
        )
        intro.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("firstCopyProgress")
        self.count_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop copying; nothing of the record is kept on this computer")
        )
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        self.resize(460, self.sizeHint().height())

    def show_progress(self, done: int, total: int) -> None:
        """`done` and `total`: bytes of the record's copy (shown in MB; the bar counts KiB so
        that a record larger than 2 GB still fits its range)."""
        self.bar.setRange(0, max(total // 1024, 1))
        self.bar.setValue(min(done // 1024, max(total // 1024, 1)))
        self.count_label.setText(
            self.tr("%1 MB of %2 MB")
            .replace("%1", f"{done / 2**20:,.1f}")
            .replace("%2", f"{total / 2**20:,.1f}")
        )

    def reject(self) -> None:
        """Cancel asks the desk to stop; the dialog closes when the copy has gone."""
        self.cancel_button.setEnabled(False)
        self.count_label.setText(self.tr("Stopping…"))
        self.cancelRequested.emit()
