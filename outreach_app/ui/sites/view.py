"""The directory of sites: a filterable table beside an editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Site
from outreach_app.core.site_import import ContactError
from outreach_app.ui.context import UiContext
from outreach_app.ui.labels import translate_message
from outreach_app.ui.sites.dialogs import SiteImportDialog
from outreach_app.ui.sites.models import SITE_ID_ROLE, Column, SitesFilterModel, SitesTableModel
from outreach_app.ui.sites.presenter import SitesPresenter
from outreach_app.ui.sites.site_editor import SiteEditor
from outreach_app.ui.widgets.messages import MessageBar, ask_to_save_changes


class SitesView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = SitesPresenter(context.store, context.bus, parent=self)
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.messages.float_over(self)
        self._current_id: int | None = None
        self._syncing_selection = False
        # What to do once the save the user asked for on the way out has succeeded.
        self._after_save: Callable[[], None] | None = None

        self.editor = SiteEditor()
        scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(420)
        self.splitter = QSplitter()
        self.splitter.setObjectName("sitesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_directory())
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

        self._connect_signals()
        self.presenter.load()

    def _build_directory(self) -> QWidget:
        """The left side: filtering, adding and importing, and the table of sites."""
        style = self.style()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, region, contact or tag"))
        self.filter_edit.setAccessibleName(self.tr("Filter sites"))
        self.filter_edit.setClearButtonEnabled(True)
        self.archived_box = QCheckBox(self.tr("Show archived"))
        self.archived_box.setToolTip(self.tr("List archived sites too, greyed out"))
        self.new_button = QPushButton(self.tr("New site"))
        self.new_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_button.setToolTip(self.tr("Add a site (Ctrl+Shift+N)"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.import_button.setToolTip(self.tr("Import sites from a CSV file (Ctrl+I)"))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.archived_box)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(top)
        left.addWidget(self._build_table(), 1)
        left.addWidget(self.empty_label, 1)
        left_panel = QWidget()
        left_panel.setLayout(left)
        return left_panel

    def _build_table(self) -> QTableView:
        """The sites, sorted and filtered; a hint in its place when it shows none."""
        self.model = SitesTableModel(self)
        self.proxy = SitesFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("sitesTable")
        self.table.setAccessibleName(self.tr("Sites"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        # Every column in view at once; the tooltip of a cell shows what does not fit.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("sitesEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.empty_label.hide()
        return self.table

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.archived_box.toggled.connect(self._show_archived)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_site)
        self.import_button.clicked.connect(self.open_import)
        self.editor.save_button.clicked.connect(self.save)
        self.editor.revert_button.clicked.connect(self._revert)
        self.editor.archive_button.clicked.connect(self._toggle_archived)
        self.editor.delete_button.clicked.connect(self._delete)
        self.presenter.sitesLoaded.connect(self._show_sites)
        self.presenter.detailsLoaded.connect(self.editor.show_site)
        self.presenter.historyLoaded.connect(self.editor.show_history)
        self.presenter.saved.connect(self._saved)
        self.presenter.deleted.connect(self._deleted)
        self.presenter.error.connect(self._forget_pending_step)

    # ------------------------------------------------------------------------ table
    def _show_sites(self, sites: list[Site]) -> None:
        self.model.set_sites(sites)
        self._update_empty_state()
        self._select(self._current_id)

    def _apply_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_empty_state()

    def _show_archived(self, show: bool) -> None:
        self.proxy.set_show_archived(show)
        self._update_empty_state()
        self._select(self._current_id)

    def _update_empty_state(self) -> None:
        if self.proxy.rowCount() > 0:
            text = ""
        elif self.model.rowCount() == 0:
            text = self.tr("No sites yet — add one with New site or import a CSV file.")
        elif self.proxy.filter_text:
            text = self.tr("No site matches “%1”.").replace("%1", self.filter_edit.text().strip())
        else:
            text = self.tr("Every site is archived. Tick Show archived to see them.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.table.setVisible(not text)

    def visible_site_names(self) -> list[str]:
        """The names in the table from top to bottom, as the user sees them."""
        return [
            self.model.site_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).name
            for row in range(self.proxy.rowCount())
        ]

    def _select(self, site_id: int | None) -> None:
        """Show `site_id` as selected without opening it again."""
        selection = self.table.selectionModel()
        self._syncing_selection = True
        try:
            source_row = None if site_id is None else self.model.row_of(site_id)
            if source_row is None:
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                selection.clearSelection()
                return
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing_selection = False

    def select_site(self, site_id: int) -> None:
        """Select a site as a click on its row does (asking first when edits are unsaved)."""
        source_row = self.model.row_of(site_id)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self) -> None:
        if self._syncing_selection:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        site_id = rows[0].data(SITE_ID_ROLE)
        if site_id == self._current_id:
            return
        # Until the user has answered, the table keeps showing the site being edited.
        self._select(self._current_id)
        self._leave_then(lambda: self._open(int(site_id)))

    def _open(self, site_id: int) -> None:
        self._current_id = site_id
        self._select(site_id)
        self.presenter.open(site_id)

    def _leave_then(self, step: Callable[[], None]) -> None:
        """Unsaved edits are never dropped silently: save first, discard, or stay."""
        if not self.editor.is_modified():
            step()
            return

        def save_first() -> bool:
            if self.save():
                self._after_save = step
            # The step runs once the store has saved, not now: a refused save keeps the edits.
            return False

        if ask_to_save_changes(self, self.tr("Save the changes to this site first?"), save_first):
            step()

    def _forget_pending_step(self) -> None:
        self._after_save = None

    # ----------------------------------------------------------------------- editing
    def new_site(self) -> None:
        self._leave_then(self._start_new_site)

    def _start_new_site(self) -> None:
        self._current_id = None
        self.presenter.close_site()
        self._select(None)
        self.editor.show_site(None)
        self.editor.name_edit.setFocus()

    def save(self) -> bool:
        """Check the form and send it to the store; False when the form needs fixing first."""
        try:
            site = self.editor.current_site()
        except ContactError as exc:
            self.messages.show_error(translate_message(exc.template, exc.params))
            self.editor.focus_contact_problem()
            return False
        if not site.name:
            self.messages.show_error(self.tr("A site needs a name."))
            self.editor.name_edit.setFocus()
            return False
        self.presenter.save(site)
        return True

    def _saved(self, site_id: int) -> None:
        self.messages.show_info(self.tr("Site saved."))
        self._current_id = site_id
        step, self._after_save = self._after_save, None
        if step is not None:
            step()
        else:
            self.presenter.open(site_id)

    def _revert(self) -> None:
        if self._current_id is None:
            self.editor.show_site(None)
        else:
            self.presenter.open(self._current_id)

    def _toggle_archived(self) -> None:
        site = self.editor.site
        if site is None or site.id is None:
            return
        site_id, archived = site.id, not site.archived
        self._leave_then(lambda: self.presenter.set_archived(site_id, archived))

    def _delete(self) -> None:
        site = self.editor.site
        if site is None or site.id is None:
            return
        site_id = site.id
        if self.editor.referenced:
            self._explain_site_in_use(site)
            return
        choice = QMessageBox.question(
            self,
            self.tr("Delete site"),
            self.tr("Delete “%1”? This cannot be undone.").replace("%1", site.name),
        )
        if choice == QMessageBox.StandardButton.Yes:
            self.presenter.delete(site_id)

    def _explain_site_in_use(self, site: Site) -> None:
        assert site.id is not None
        if site.archived:
            QMessageBox.information(
                self,
                self.tr("Site in use"),
                self.tr(
                    "“%1” appears in sessions or notes, so it cannot be deleted. It is archived "
                    "already: kept for the record and not offered for new sessions."
                ).replace("%1", site.name),
            )
            return
        choice = QMessageBox.question(
            self,
            self.tr("Site in use"),
            self.tr(
                "“%1” appears in sessions or notes, so it cannot be deleted. Archive it "
                "instead? Archived sites stay in the record but are not offered for new "
                "sessions."
            ).replace("%1", site.name),
        )
        if choice == QMessageBox.StandardButton.Yes:
            site_id = site.id
            self._leave_then(lambda: self.presenter.set_archived(site_id, True))

    def _deleted(self, site_id: int) -> None:
        self.messages.show_info(self.tr("Site deleted."))
        if self._current_id == site_id:
            self._start_new_site()

    def flush(self) -> None:
        """On close: valid unsaved edits are saved rather than lost."""
        if not self.editor.is_modified():
            return
        try:
            site = self.editor.current_site()
        except ContactError:
            return
        if site.name:
            self.presenter.save_before_close(site)

    def open_import(self) -> SiteImportDialog:
        dialog = SiteImportDialog(self.context.store, self.context.bus, self.context.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.imported.connect(lambda text: self.messages.show_info(text, timeout_ms=8000))
        dialog.show()
        return dialog
