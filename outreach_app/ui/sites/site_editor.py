"""The editor of one site: name, region, address, contacts, connection notes, tags, history."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Contact, Site
from outreach_app.core.site_import import ContactError, parse_contacts
from outreach_app.ui.formatting import format_date
from outreach_app.ui.labels import status_label, translate_message
from outreach_app.ui.sites.presenter import SiteDetails
from outreach_app.ui.widgets.heading import heading

_TAG_SPLIT = re.compile(r"[;；,，、]")


_PROBLEM_STYLE = "color: #8a1c12;"


_BAD_CELL = QColor("#fdecea")


DraftKey = tuple[str, str, str, tuple[tuple[str, str, str], ...], str, tuple[str, ...]]


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in _TAG_SPLIT.split(text) if t.strip()]


def check_contact(name: str, phone: str) -> ContactError | None:
    """The directory follows the CSV import's rules for one contact; None when it is fine."""
    if phone:
        try:
            parsed = parse_contacts(f"?:{phone}")
        except ContactError:
            parsed = []
        # A separator inside the number would make the parser split it: that is not a number.
        if len(parsed) != 1 or parsed[0].phone != phone:
            return ContactError(
                "phone number “{phone}” of {name} is not valid", phone=phone, name=name or "?"
            )
    if not name:
        return ContactError("a contact with phone {phone} has no name", phone=phone)
    return None


class ContactsTable(QTableWidget):
    """Name, position and phone of the people to call at a site, checked as they are typed."""

    NAME, POSITION, PHONE = range(3)
    problemChanged = Signal(str)  # translated message, empty when every contact is fine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Position"), self.tr("Phone")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setAccessibleName(self.tr("Contact people"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.problem = ""
        self.itemChanged.connect(self._check)
        self.model().rowsRemoved.connect(self._check)

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.setRowCount(0)
        for contact in contacts:
            self.add_contact(contact)
        self._check()

    def add_contact(self, contact: Contact | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        values = (contact.name, contact.position, contact.phone) if contact else ("", "", "")
        for column, value in enumerate(values):
            self.setItem(row, column, QTableWidgetItem(value))

    def add_and_edit(self) -> None:
        self.add_contact()
        row = self.rowCount() - 1
        self.setFocus()
        self.setCurrentCell(row, self.NAME)
        self.edit(self.currentIndex())

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def rows(self) -> list[tuple[str, str, str]]:
        """Name, position, phone of every row that is not blank."""
        rows = []
        for row in range(self.rowCount()):
            values = (self._cell(row, 0), self._cell(row, 1), self._cell(row, 2))
            if any(values):
                rows.append(values)
        return rows

    def contacts(self) -> list[Contact]:
        """The contacts as typed; raises ContactError for one that is not valid."""
        contacts = []
        for name, position, phone in self.rows():
            error = check_contact(name, phone)
            if error is not None:
                raise error
            contacts.append(Contact(name, phone, position))
        return contacts

    def first_problem_row(self) -> int | None:
        for row in range(self.rowCount()):
            name, phone = self._cell(row, self.NAME), self._cell(row, self.PHONE)
            if (name or phone or self._cell(row, self.POSITION)) and check_contact(name, phone):
                return row
        return None

    def _check(self) -> None:
        """Mark the bad cells and say what is wrong with the first bad contact."""
        problem = ""
        # Colouring cells must not count as the user editing them.
        with QSignalBlocker(self):
            for row in range(self.rowCount()):
                name, phone = self._cell(row, self.NAME), self._cell(row, self.PHONE)
                blank = not (name or phone or self._cell(row, self.POSITION))
                error = None if blank else check_contact(name, phone)
                bad_name = not blank and not name
                bad_phone = bool(phone) and check_contact(name or "?", phone) is not None
                for column, bad in ((self.NAME, bad_name), (self.PHONE, bad_phone)):
                    item = self.item(row, column)
                    if item is not None:
                        item.setBackground(QBrush(_BAD_CELL) if bad else QBrush())
                if error is not None and not problem:
                    problem = translate_message(error.template, error.params)
        if problem != self.problem:
            self.problem = problem
            self.problemChanged.emit(problem)


class SiteEditor(QWidget):
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site: Site | None = None
        self.referenced = False
        self.title = heading(self.tr("New site"))
        self.title.setWordWrap(True)
        self.modified_label = QLabel(self.tr("Unsaved changes"))
        self.modified_label.setStyleSheet("color: #8a5a00; font-style: italic;")
        self.archived_label = QLabel(
            self.tr("Archived: kept for the record, not offered for new sessions.")
        )
        self.archived_label.setWordWrap(True)
        self.archived_label.setStyleSheet(
            "background: #fff4e0; color: #8a5a00; padding: 4px 8px; border-radius: 3px;"
        )

        form = self._build_form()
        buttons = self._build_buttons()
        self._build_history()

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.modified_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.archived_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.history_box, 1)
        # Takes the space of the history while a new site, which has none, is edited.
        layout.addStretch(0)

        for edit in (self.name_edit, self.region_edit, self.address_edit, self.tags_edit):
            edit.textChanged.connect(self._edited)
        self.notes_edit.textChanged.connect(self._edited)
        self.contacts.itemChanged.connect(self._edited)
        self.contacts.model().rowsInserted.connect(self._edited)
        self.contacts.model().rowsRemoved.connect(self._edited)

        self._clean: DraftKey = self._draft_key()
        self._modified = False
        self.show_site(None)

    def _build_form(self) -> QFormLayout:
        """The site's fields."""
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Site name"))
        self.name_edit.setPlaceholderText(self.tr("For example 红旗村村委会"))
        self.region_edit = QLineEdit()
        self.region_edit.setAccessibleName(self.tr("Region"))
        self.region_edit.setPlaceholderText(self.tr("Province, city, county"))
        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName(self.tr("Address"))
        contacts_box = self._build_contacts()

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Connection notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("Link, equipment, best time to test, who to call when it fails")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(72)
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas or 、"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Region:"), self.region_edit)
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(self.tr("Contacts:"), contacts_box)
        form.addRow(self.tr("Connection notes:"), self.notes_edit)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        return form

    def _build_contacts(self) -> QVBoxLayout:
        """The contacts table with its buttons and the problem it finds."""
        self.contacts = ContactsTable()
        self.contacts.setMinimumHeight(96)
        self.contacts.setMaximumHeight(140)
        self.add_contact_button = QPushButton(self.tr("Add contact"))
        self.add_contact_button.clicked.connect(self.contacts.add_and_edit)
        self.remove_contact_button = QPushButton(self.tr("Remove contact"))
        self.remove_contact_button.setEnabled(False)
        self.remove_contact_button.clicked.connect(self.contacts.remove_current)
        self.contacts.itemSelectionChanged.connect(
            lambda: self.remove_contact_button.setEnabled(bool(self.contacts.selectedItems()))
        )
        self.contacts_problem = QLabel()
        self.contacts_problem.setObjectName("contactsProblem")
        self.contacts_problem.setWordWrap(True)
        self.contacts_problem.setStyleSheet(_PROBLEM_STYLE)
        self.contacts_problem.hide()
        self.contacts.problemChanged.connect(self._show_contacts_problem)
        contact_buttons = QHBoxLayout()
        contact_buttons.setContentsMargins(0, 0, 0, 0)
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.remove_contact_button)
        contact_buttons.addStretch()
        contacts_box = QVBoxLayout()
        contacts_box.setContentsMargins(0, 0, 0, 0)
        contacts_box.addWidget(self.contacts)
        contacts_box.addWidget(self.contacts_problem)
        contacts_box.addLayout(contact_buttons)
        return contacts_box

    def _build_buttons(self) -> QHBoxLayout:
        style = self.style()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save this site (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes since the last save"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.delete_button)
        return buttons

    def _build_history(self) -> None:
        """The sessions the site took part in."""
        self.history_box = QGroupBox(self.tr("Sessions with this site"))
        self.history = QTreeWidget()
        self.history.setAccessibleName(self.tr("Sessions with this site"))
        self.history.setColumnCount(3)
        self.history.setHeaderLabels([self.tr("Date"), self.tr("Session"), self.tr("Status")])
        self.history.setRootIsDecorated(False)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setMinimumHeight(90)
        header = self.history.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.history_empty = QLabel(self.tr("Not in any session yet"))
        self.history_empty.setStyleSheet("color: palette(placeholder-text);")
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history_empty)
        history_layout.addWidget(self.history, 1)

    # ------------------------------------------------------------------------ showing
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
        self.archive_button.setToolTip(
            self.tr("Offer this site for new sessions again")
            if site.archived
            else self.tr("Keep the site for the record but stop offering it for new sessions")
        )
        self.archive_button.setEnabled(site.id is not None)
        self.delete_button.setEnabled(site.id is not None)
        self.history_box.setVisible(site.id is not None)
        if details is not None:
            self.show_history(details)
        self._clean = self._draft_key()
        self._edited()

    def show_history(self, details: SiteDetails) -> None:
        """The sessions the site took part in; its fields are left as the user has them."""
        self.referenced = details.referenced
        self.delete_button.setToolTip(
            self.tr("This site appears in sessions or notes: archive it instead")
            if details.referenced
            else self.tr("Delete this site for good")
        )
        self.history.clear()
        for session in details.history:
            item = QTreeWidgetItem(
                [format_date(session.start.date()), session.title, status_label(session.status)]
            )
            item.setToolTip(1, session.title)
            self.history.addTopLevelItem(item)
        self.history_empty.setVisible(not details.history)
        self.history.setVisible(bool(details.history))

    def _show_contacts_problem(self, message: str) -> None:
        self.contacts_problem.setText(message)
        self.contacts_problem.setVisible(bool(message))

    def focus_contact_problem(self) -> None:
        row = self.contacts.first_problem_row()
        if row is not None:
            self.contacts.setFocus()
            self.contacts.setCurrentCell(row, ContactsTable.PHONE)

    # ------------------------------------------------------------------------ editing
    def _draft_key(self) -> DraftKey:
        """What the user has typed, normalised the way it will be stored."""
        return (
            self.name_edit.text().strip(),
            self.region_edit.text().strip(),
            self.address_edit.text().strip(),
            tuple(self.contacts.rows()),
            self.notes_edit.toPlainText().strip(),
            tuple(split_tags(self.tags_edit.text())),
        )

    def _edited(self) -> None:
        modified = self.is_modified()
        self.save_button.setEnabled(modified)
        self.revert_button.setEnabled(modified)
        self.modified_label.setVisible(modified)
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def is_modified(self) -> bool:
        return self._draft_key() != self._clean

    def current_site(self) -> Site:
        """The site as typed; raises ContactError for a contact that is not valid."""
        base = self.site or Site(name="")
        name, region, address, _, notes, tags = self._draft_key()
        return replace(
            base,
            name=name,
            region=region,
            address=address,
            contacts=self.contacts.contacts(),
            connection_notes=notes,
            tags=list(tags),
        )
