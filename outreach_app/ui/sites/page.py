"""The directory of sites: a filterable table beside an editor."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Contact, Site
from outreach_app.core.site_import import ContactError, parse_contacts
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_date
from outreach_app.ui.labels import status_label, translate_message
from outreach_app.ui.main_window import PageSpec, page_action
from outreach_app.ui.sites.import_dialog import SiteImportDialog
from outreach_app.ui.sites.presenter import SiteDetails, SitesPresenter
from outreach_app.ui.widgets import MessageBar, ask_to_save_changes, heading

ID_ROLE = Qt.ItemDataRole.UserRole
_TAG_SPLIT = re.compile(r"[;；,，、]")


class ContactsTable(QTableWidget):
    """Name, position and phone of the people to call at a site."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Position"), self.tr("Phone")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setAccessibleName(self.tr("Contact people"))

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.setRowCount(0)
        for contact in contacts:
            self.add_contact(contact)

    def add_contact(self, contact: Contact | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        values = (contact.name, contact.position, contact.phone) if contact else ("", "", "")
        for column, value in enumerate(values):
            self.setItem(row, column, QTableWidgetItem(value))

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def contacts(self) -> list[Contact]:
        """The contacts as typed; raises ContactError for a phone number that is not one."""
        contacts = []
        for row in range(self.rowCount()):
            name, position, phone = (self._cell(row, column) for column in range(3))
            if not (name or position or phone):
                continue
            # The CSV rules are the directory's rules: reuse them for one contact.
            checked = parse_contacts(f"{name or '?'}:{phone}") if phone else []
            if not name:
                raise ContactError("a contact with phone {phone} has no name", phone=phone)
            contacts.append(Contact(name, checked[0].phone if checked else "", position))
        return contacts


class SiteEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site: Site | None = None
        self.title = heading(self.tr("New site"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Site name"))
        self.region_edit = QLineEdit()
        self.region_edit.setAccessibleName(self.tr("Region"))
        self.region_edit.setPlaceholderText(self.tr("Province, city, county"))
        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName(self.tr("Address"))
        self.contacts = ContactsTable()
        self.contacts.setMinimumHeight(110)
        add_contact = QPushButton(self.tr("Add contact"))
        add_contact.clicked.connect(lambda: self.contacts.add_contact())
        remove_contact = QPushButton(self.tr("Remove contact"))
        remove_contact.clicked.connect(self._remove_contact)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(add_contact)
        contact_buttons.addWidget(remove_contact)
        contact_buttons.addStretch()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Connection notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("Link, equipment, best time to test, who to call when it fails")
        )
        self.notes_edit.setMaximumHeight(80)
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas or 、"))
        self.archived_label = QLabel(
            self.tr("Archived: kept for the record, not offered for new sessions.")
        )
        self.archived_label.setStyleSheet("color: #8a5a00;")
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Sessions with this site"))
        self.history.setMaximumHeight(120)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Region:"), self.region_edit)
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(self.tr("Contacts:"), self.contacts)
        form.addRow("", contact_buttons)
        form.addRow(self.tr("Connection notes:"), self.notes_edit)
        form.addRow(self.tr("Tags:"), self.tags_edit)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save this site (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.archived_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Sessions with this site")))
        layout.addWidget(self.history)
        layout.addStretch()
        self._clean_state: Site | None = None
        self.show_site(None)

    def _remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0:
            self.contacts.removeRow(row)

    def show_site(self, details: SiteDetails | None) -> None:
        site = details.site if details else Site(name="")
        self.site = site
        self.title.setText(site.name if site.id is not None else self.tr("New site"))
        self.name_edit.setText(site.name)
        self.region_edit.setText(site.region)
        self.address_edit.setText(site.address)
        self.contacts.set_contacts(site.contacts)
        self.notes_edit.setPlainText(site.connection_notes)
        self.tags_edit.setText("、".join(site.tags))
        self.archived_label.setVisible(site.archived)
        self.archive_button.setText(self.tr("Restore") if site.archived else self.tr("Archive"))
        self.archive_button.setEnabled(site.id is not None)
        self.delete_button.setEnabled(site.id is not None)
        self.delete_button.setToolTip(
            self.tr("This site appears in sessions or notes: archive it instead")
            if details and details.referenced
            else ""
        )
        self.history.clear()
        for session in details.history if details else []:
            when = format_date(session.start.date())
            self.history.addItem(f"{when}  {session.title}  ({status_label(session.status)})")
        if details and not details.history:
            self.history.addItem(self.tr("Not in any session yet"))
        self._clean_state = self._current_or_none()

    def _current_or_none(self) -> Site | None:
        try:
            return self.current_site()
        except ContactError:
            return None

    def current_site(self) -> Site:
        base = self.site or Site(name="")
        tags = [t.strip() for t in _TAG_SPLIT.split(self.tags_edit.text()) if t.strip()]
        return replace(
            base,
            name=self.name_edit.text().strip(),
            region=self.region_edit.text().strip(),
            address=self.address_edit.text().strip(),
            contacts=self.contacts.contacts(),
            connection_notes=self.notes_edit.toPlainText().strip(),
            tags=tags,
        )

    def is_modified(self) -> bool:
        return self._current_or_none() != self._clean_state


class SitesView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = SitesPresenter(context.store, context.bus, parent=self)
        self.messages = MessageBar()
        self.messages.follow(self.presenter)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, region, contact or tag"))
        self.filter_edit.setAccessibleName(self.tr("Filter sites"))
        self.filter_edit.setClearButtonEnabled(True)
        self.archived_box = QCheckBox(self.tr("Show archived"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("sitesTable")
        self.table.setAccessibleName(self.tr("Sites"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Region"), self.tr("Main contact"), self.tr("Tags")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty_label = QLabel(
            self.tr("No sites yet — add one with New site or import a CSV file.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New site"))
        self.new_button.setToolTip(self.tr("Add a site (Ctrl+Shift+N)"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(self.tr("Import sites from a CSV file (Ctrl+I)"))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.archived_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.import_button)
        bottom.addStretch()
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_label)
        left.addLayout(bottom)
        left_panel = QWidget()
        left_panel.setLayout(left)

        self.editor = SiteEditor()
        editor_box = QGroupBox(self.tr("Site"))
        QVBoxLayout(editor_box).addWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.setObjectName("sitesSplitter")
        self.splitter.addWidget(left_panel)
        self.splitter.addWidget(editor_box)
        self.splitter.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.splitter, 1)

        self.filter_edit.textChanged.connect(self._apply_filter)
        self.archived_box.toggled.connect(self.presenter.set_include_archived)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_site)
        self.import_button.clicked.connect(self.open_import)
        self.editor.save_button.clicked.connect(self.save)
        self.editor.revert_button.clicked.connect(self._revert)
        self.editor.archive_button.clicked.connect(self._toggle_archived)
        self.editor.delete_button.clicked.connect(self._delete)
        self.presenter.sitesLoaded.connect(self._show_sites)
        self.presenter.detailsLoaded.connect(self.editor.show_site)
        self.presenter.saved.connect(self._saved)
        self.presenter.deleted.connect(lambda _: self.editor.show_site(None))
        self._current_id: int | None = None
        self.presenter.load()

    # ------------------------------------------------------------------------ table
    def _show_sites(self, sites: list[Site]) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(sites))
            for row, site in enumerate(sites):
                contact = site.contacts[0] if site.contacts else None
                main_contact = f"{contact.name} {contact.phone}".strip() if contact else ""
                name = site.name + (self.tr(" (archived)") if site.archived else "")
                for column, value in enumerate(
                    (name, site.region, main_contact, "、".join(site.tags))
                ):
                    item = QTableWidgetItem(value)
                    item.setData(ID_ROLE, site.id)
                    item.setToolTip(site.address or site.name)
                    if site.archived:
                        item.setForeground(self.palette().placeholderText())
                    self.table.setItem(row, column, item)
        self.empty_label.setVisible(not sites)
        self.table.setVisible(bool(sites))
        self._apply_filter(self.filter_edit.text())
        self._select(self._current_id)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        sites = {s.id: s for s in self.presenter.sites}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            site = sites.get(item.data(ID_ROLE)) if item else None
            haystack = (
                ""
                if site is None
                else " ".join(
                    [
                        site.name,
                        site.region,
                        site.address,
                        *site.tags,
                        *(f"{c.name} {c.phone}" for c in site.contacts),
                    ]
                ).casefold()
            )
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def _select(self, site_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == site_id:
                with QSignalBlocker(self.table):
                    self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        site_id = int(item.data(ID_ROLE))
        if site_id == self._current_id or not self._confirm_leaving():
            self._select(self._current_id)
            return
        self._current_id = site_id
        self.presenter.open(site_id)

    def _confirm_leaving(self) -> bool:
        """Unsaved edits are never dropped silently: save, discard or stay."""
        if not self.editor.is_modified():
            return True
        return ask_to_save_changes(self, self.tr("Save the changes to this site first?"), self.save)

    # ----------------------------------------------------------------------- editing
    def new_site(self) -> None:
        if not self._confirm_leaving():
            return
        self._current_id = None
        self.table.clearSelection()
        self.editor.show_site(None)
        self.editor.name_edit.setFocus()

    def save(self) -> bool:
        try:
            site = self.editor.current_site()
        except ContactError as exc:
            self.messages.show_error(translate_message(exc.template, exc.params))
            return False
        if not site.name:
            self.messages.show_error(self.tr("A site needs a name."))
            self.editor.name_edit.setFocus()
            return False
        self.presenter.save(site)
        return True

    def _saved(self, site_id: int) -> None:
        self.messages.show_info(self.tr("Site saved."))
        # Saved on the way to another site: that one is shown now, not the saved one.
        if self._current_id in (None, site_id):
            self._current_id = site_id
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
        self.presenter.set_archived(site.id, not site.archived)

    def _delete(self) -> None:
        site = self.editor.site
        if site is None or site.id is None:
            return
        if self.editor.delete_button.toolTip():
            choice = QMessageBox.question(
                self,
                self.tr("Site in use"),
                self.tr(
                    "“%1” appears in sessions or notes, so it cannot be deleted. Archive it "
                    "instead? Archived sites stay in the record but are not offered for new "
                    "sessions."
                ).replace("%1", site.name),
            )
            if choice == QMessageBox.StandardButton.Yes and not site.archived:
                self.presenter.set_archived(site.id, True)
            return
        choice = QMessageBox.question(
            self,
            self.tr("Delete site"),
            self.tr("Delete “%1”? This cannot be undone.").replace("%1", site.name),
        )
        if choice == QMessageBox.StandardButton.Yes:
            self._current_id = None
            self.presenter.delete(site.id)

    def open_import(self) -> SiteImportDialog:
        dialog = SiteImportDialog(self.presenter, self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.messages.show_info(dialog.summary.text()))
        dialog.show()
        return dialog


def build_page(context: UiContext) -> PageSpec:
    view = SitesView(context)
    new_site = page_action(
        view,
        "sites",
        QCoreApplication.translate("pages", "New &site"),
        QKeySequence("Ctrl+Shift+N"),
        view.new_site,
    )
    import_sites = page_action(
        view,
        "sites",
        QCoreApplication.translate("pages", "&Import sites from CSV…"),
        QKeySequence("Ctrl+I"),
        view.open_import,
    )
    return PageSpec(
        key="sites",
        title=QCoreApplication.translate("pages", "Sites"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_DirHomeIcon,
        actions=[new_site, import_sites],
    )
