"""The editor of one note: a question with its answer, speaker, category and commitment."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Question
from outreach_app.ui.formatting import format_offset, format_time
from outreach_app.ui.notes.presenter import NotesPresenter
from outreach_app.ui.widgets.date_edit import DateEdit

DEFAULT_DUE_DAYS = 30


class NoteEditor(QWidget):
    """Edits one question with its answer and commitment; every change goes to the presenter."""

    edited = Signal(int)  # question id, after any change the list entry should show

    def __init__(self, presenter: NotesPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.question_id: int | None = None

        self.question_edit = QPlainTextEdit()
        self.question_edit.setObjectName("questionEdit")
        self.question_edit.setAccessibleName(self.tr("Question"))
        self.question_edit.setMaximumHeight(70)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.asked_by_edit = QLineEdit()
        self.asked_by_edit.setAccessibleName(self.tr("Asked by"))
        self.time_label = QLabel()
        self.time_label.setObjectName("timeLabel")
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setObjectName("answerEdit")
        self.answer_edit.setAccessibleName(self.tr("Answer"))
        self.answer_edit.setPlaceholderText(self.tr("Type the answer as it is given…"))
        self.speaker_combo = QComboBox()
        self.speaker_combo.setEditable(True)
        self.speaker_combo.setAccessibleName(self.tr("Speaker at the site"))
        line_edit = self.speaker_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Who answered"))

        self._build_commitment_fields()

        self.save_label = QLabel()
        self.save_label.setObjectName("saveLabel")
        self.delete_button = QPushButton(self.tr("Delete note"))
        self.delete_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))

        meta = QHBoxLayout()
        meta.addWidget(QLabel(self.tr("Category:")))
        meta.addWidget(self.category_combo, 1)
        meta.addWidget(QLabel(self.tr("Asked by:")))
        meta.addWidget(self.asked_by_edit, 1)
        meta.addWidget(self.time_label)
        answer_meta = QHBoxLayout()
        answer_meta.addWidget(QLabel(self.tr("Speaker:")))
        answer_meta.addWidget(self.speaker_combo, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.save_label, 1)
        footer.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Question")))
        layout.addWidget(self.question_edit)
        layout.addLayout(meta)
        layout.addWidget(QLabel(self.tr("Answer")))
        layout.addWidget(self.answer_edit, 1)
        layout.addLayout(answer_meta)
        layout.addWidget(self.commitment_box)
        layout.addWidget(self.commitment_fields)
        layout.addLayout(footer)

        self._connect_signals()
        self.show_question(None, [], [])

    def _build_commitment_fields(self) -> None:
        """A commitment made in the answer: what, who, by when."""
        self.commitment_box = QCheckBox(
            self.tr("This answer is a commitment (creates a follow-up)")
        )
        self.commitment_box.setObjectName("commitmentBox")
        self.commitment_edit = QLineEdit()
        self.commitment_edit.setAccessibleName(self.tr("Commitment"))
        self.commitment_edit.setPlaceholderText(self.tr("What was promised"))
        self.owner_edit = QLineEdit()
        self.owner_edit.setAccessibleName(self.tr("Owner"))
        self.owner_edit.setPlaceholderText(self.tr("Responsible unit or person"))
        self.due_edit = DateEdit()
        self.due_edit.setAccessibleName(self.tr("Due date"))
        commitment_form = QFormLayout()
        commitment_form.addRow(self.tr("Commitment:"), self.commitment_edit)
        commitment_form.addRow(self.tr("Owner:"), self.owner_edit)
        commitment_form.addRow(self.tr("Due:"), self.due_edit)
        self.commitment_fields = QWidget()
        self.commitment_fields.setLayout(commitment_form)

    def _connect_signals(self) -> None:
        self.question_edit.textChanged.connect(self._question_changed)
        self.category_combo.currentTextChanged.connect(self._category_changed)
        self.asked_by_edit.textEdited.connect(self._asked_by_changed)
        self.answer_edit.textChanged.connect(self._answer_changed)
        self.speaker_combo.currentTextChanged.connect(self._answer_changed)
        self.commitment_box.toggled.connect(self._commitment_toggled)
        self.commitment_edit.textEdited.connect(self._commitment_changed)
        self.owner_edit.textEdited.connect(self._commitment_changed)
        self.due_edit.dateChanged.connect(self._commitment_changed)
        self.delete_button.clicked.connect(self._delete)
        self.presenter.saveStateChanged.connect(self._show_save_state)

    def show_question(
        self, question: Question | None, categories: list[str], speakers: list[str]
    ) -> None:
        if question is not None and question.id == self.question_id:
            # Reloaded while being edited: what is in the editor is newer than what was loaded,
            # and resetting it would move the cursor and drop keystrokes not yet saved.
            return
        self.question_id = question.id if question else None
        editors: list[QWidget] = [
            self.question_edit,
            self.category_combo,
            self.asked_by_edit,
            self.answer_edit,
            self.speaker_combo,
            self.commitment_box,
            self.commitment_fields,
            self.delete_button,
        ]
        blockers = [
            QSignalBlocker(w)
            for w in [*editors, self.commitment_edit, self.owner_edit, self.due_edit]
        ]
        for widget in editors:
            widget.setEnabled(question is not None)
        self.category_combo.clear()
        self.category_combo.addItem("")
        self.category_combo.addItems(categories)
        self.speaker_combo.clear()
        self.speaker_combo.addItems(speakers)
        if question is None:
            self.question_edit.setPlainText("")
            self.answer_edit.setPlainText("")
            self.speaker_combo.setEditText("")
            self.asked_by_edit.setText("")
            self.time_label.setText("")
            self.commitment_box.setChecked(False)
            self.commitment_fields.setVisible(False)
            self.answer_edit.setPlaceholderText(
                self.tr("Take a planned question or add one to start taking notes.")
            )
            del blockers
            return
        self.answer_edit.setPlaceholderText(self.tr("Type the answer as it is given…"))
        self.question_edit.setPlainText(question.text)
        if question.category and self.category_combo.findText(question.category) < 0:
            self.category_combo.addItem(question.category)
        self.category_combo.setCurrentText(question.category)
        self.asked_by_edit.setText(question.asked_by)
        stamp = format_offset(question.offset_seconds)
        if stamp:
            self.time_label.setText(self.tr("at %1 in session").replace("%1", stamp))
        elif question.created_at is not None:
            self.time_label.setText(
                self.tr("asked at %1").replace("%1", format_time(question.created_at))
            )
        answer = question.answer
        self.answer_edit.setPlainText(answer.text if answer else "")
        self.speaker_combo.setEditText(answer.speaker if answer else "")
        follow_up = question.follow_up
        self.commitment_box.setChecked(follow_up is not None)
        self.commitment_fields.setVisible(follow_up is not None)
        self.commitment_edit.setText(follow_up.commitment if follow_up else "")
        self.owner_edit.setText(follow_up.owner if follow_up else "")
        due = (
            follow_up.due
            if follow_up and follow_up.due
            else (date.today() + timedelta(days=DEFAULT_DUE_DAYS))
        )
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        del blockers

    def _question_changed(self) -> None:
        if self.question_id is not None:
            self.presenter.edit_question_text(self.question_id, self.question_edit.toPlainText())
            self.edited.emit(self.question_id)

    def _category_changed(self, category: str) -> None:
        if self.question_id is not None:
            self.presenter.edit_category(self.question_id, category)

    def _asked_by_changed(self, asked_by: str) -> None:
        if self.question_id is not None:
            self.presenter.edit_asked_by(self.question_id, asked_by)

    def _answer_changed(self) -> None:
        if self.question_id is not None:
            self.presenter.edit_answer(
                self.question_id, self.answer_edit.toPlainText(), self.speaker_combo.currentText()
            )
            self.edited.emit(self.question_id)

    def _commitment_toggled(self, checked: bool) -> None:
        self.commitment_fields.setVisible(checked)
        if self.question_id is None:
            return
        if checked:
            if not self.commitment_edit.text().strip():
                # The answer usually states the promise; start from it.
                self.commitment_edit.setText(self.answer_edit.toPlainText().strip()[:200])
            self.commitment_edit.setFocus()
            self._commitment_changed()
        else:
            self.presenter.clear_commitment(self.question_id)

    def _commitment_changed(self) -> None:
        if self.question_id is None or not self.commitment_box.isChecked():
            return
        qdate = self.due_edit.date()
        self.presenter.edit_commitment(
            self.question_id,
            self.commitment_edit.text(),
            self.owner_edit.text().strip(),
            date(qdate.year(), qdate.month(), qdate.day()),
        )

    def _show_save_state(self, state: str) -> None:
        text = {
            "pending": self.tr("Editing…"),
            "saving": self.tr("Saving…"),
            "saved": self.tr("All changes saved"),
            "failed": self.tr("Not saved yet — will retry on the next change"),
        }.get(state, "")
        self.save_label.setText(text)

    def _delete(self) -> None:
        if self.question_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete note"),
            self.tr("Delete this question with its answer and commitment? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            question_id = self.question_id
            self.show_question(None, [], [])
            self.presenter.delete_question(question_id)
