"""The pages offer only what the person's role may do (core/permissions.py): the buttons of
what it may not are hidden, its editors become read-only, the File menu's actions for it are
disabled with the reason, and a line at the top of the page says who does this instead.

In team mode the role is the account's, and the office's server refuses such changes anyway;
this keeps people from trying. Working alone the role is the one the person chose (staff,
official or reviewer), and it decides alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from outreach_app.core.model import Role
from outreach_app.core.permissions import RUNNING_CALLS, STAFF, roles_for
from outreach_app.ui.labels import role_label
from outreach_app.ui.pages import Page

# What a page action or a part of a page needs, where it is not one store operation: starting
# a call (the office's server gives the host's credential to officials only) and handing out
# invitations (staff and officials).
CAPABILITIES: dict[str, frozenset[Role]] = {
    "call": RUNNING_CALLS,
    "invitations": STAFF | RUNNING_CALLS,
}


def roles_needed(needs: str) -> frozenset[Role]:
    return CAPABILITIES.get(needs) or roles_for(needs)


def allowed(role: Role, needs: str) -> bool:
    return role in roles_needed(needs)


@dataclass(frozen=True)
class Restriction:
    """Parts of one page that need `needs`: `hidden` buttons, `read_only` editors (paths of
    attributes on the page's view), and `disabled` whole parts whose own code turns their
    fields on and off."""

    page: str
    needs: str
    hidden: tuple[str, ...] = ()
    read_only: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    notice: bool = True


RESTRICTIONS: tuple[Restriction, ...] = (
    Restriction(
        "sites",
        "sites.save_site",
        hidden=(
            "new_button",
            "import_button",
            "editor.save_button",
            "editor.revert_button",
            "editor.archive_button",
            "editor.delete_button",
            "editor.add_contact_button",
            "editor.remove_contact_button",
        ),
        read_only=("editor",),
    ),
    Restriction(
        "schedule",
        "sessions.save_session",
        hidden=(
            "new_button",
            "editor.save_button",
            "editor.revert_button",
            "editor.cancel_session_button",
            "editor.site_combo",
            "editor.add_site_button",
            "editor.remove_site_button",
            "editor.up_button",
            "editor.down_button",
            "agenda.new_text",
            "agenda.add_question_button",
            "agenda.add_topic_button",
            "agenda.delete_button",
        ),
        read_only=("editor", "agenda"),
        # Its time boxes are spin boxes opened for each session shown: off as a whole.
        disabled=("editor.order",),
    ),
    Restriction("schedule", "call", hidden=("editor.call_button",), notice=False),
    Restriction(
        "schedule",
        "invitations",
        hidden=("editor.invitations_button", "invitation_bar"),
        notice=False,
    ),
    Restriction(
        "notes",
        "notes.add_question",
        hidden=("new_question_edit", "add_button", "ask_button"),
        disabled=("editor",),
    ),
    Restriction(
        "notes",
        "sessions.set_session_status",
        hidden=("start_button", "end_button"),
        notice=False,
    ),
    Restriction("notes", "call", hidden=("call_button",), notice=False),
    Restriction(
        "review", "review.set_review", hidden=("minutes.approve_button", "minutes.send_back_button")
    ),
    Restriction("follow_ups", "follow_ups.claim_follow_up", disabled=("detail.buttons_row",)),
    Restriction("statistics", "follow_ups.import_demands", hidden=("import_button",), notice=False),
)


def notice_text(page: str, role: Role) -> str:
    """Who does what this role may not, for the line at the top of `page`."""
    texts = {
        "sites": QCoreApplication.translate(
            "Roles", "Your role: %1. Staff keep the directory of sites; you see it here."
        ),
        "schedule": QCoreApplication.translate(
            "Roles", "Your role: %1. Staff prepare sessions and agendas; you see them here."
        ),
        "notes": QCoreApplication.translate(
            "Roles",
            "Your role: %1. The official and note-takers take the notes; you see them here as "
            "they are taken.",
        ),
        "review": QCoreApplication.translate(
            "Roles", "Your role: %1. Reviewers approve minutes or send them back."
        ),
        "follow_ups": QCoreApplication.translate(
            "Roles", "Your role: %1. Staff, officials and reviewers move follow-ups on."
        ),
    }
    return texts.get(page, "").replace("%1", role_label(role))


def action_refused_text(role: Role) -> str:
    return QCoreApplication.translate("Roles", "Not for your role: %1").replace(
        "%1", role_label(role)
    )


def part(view: QWidget, path: str) -> QWidget:
    """The widget at `path` ("editor.save_button") on `view`. AttributeError if missing."""
    found: object = view
    for name in path.split("."):
        found = getattr(found, name)
    if not isinstance(found, QWidget):
        raise AttributeError(f"{path} is not a widget")
    return found


def make_read_only(widget: QWidget) -> None:
    """Fields show their values and take no typing; lists neither move nor edit their rows."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            child.setReadOnly(True)
        elif isinstance(child, QComboBox):
            child.setEnabled(False)
        elif isinstance(child, QAbstractItemView):
            child.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            child.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def restrict_view(page: str, view: QWidget, role: Role) -> list[Restriction]:
    """Apply to `view` what `role` may not do on `page`; the restrictions applied."""
    applied = [r for r in RESTRICTIONS if r.page == page and not allowed(role, r.needs)]
    for restriction in applied:
        for path in restriction.hidden:
            part(view, path).hide()
        for path in restriction.read_only:
            make_read_only(part(view, path))
        for path in restriction.disabled:
            disabled = part(view, path)
            disabled.setEnabled(False)
            disabled.setToolTip(action_refused_text(role))
    if any(r.notice for r in applied):
        _add_notice(view, notice_text(page, role))
    return applied


def _add_notice(view: QWidget, text: str) -> None:
    notice = QLabel(text)
    notice.setObjectName("roleNotice")
    notice.setWordWrap(True)
    notice.setStyleSheet(
        "#roleNotice { background: #e8f0fb; color: #1f3d66; border-radius: 4px; padding: 4px 8px; }"
    )
    layout = view.layout()
    if layout is not None and hasattr(layout, "insertWidget"):
        layout.insertWidget(0, notice)


def restrict_actions(actions: Iterable[QAction], role: Role) -> None:
    """Disable the page actions (File menu) that need what `role` may not do."""
    for action in actions:
        needs = action.property("needs")
        if isinstance(needs, str) and needs and not allowed(role, needs):
            action.setEnabled(False)
            action.setToolTip(action_refused_text(role))


def restrict_pages(pages: Iterable[Page[QWidget]], role: Role) -> None:
    """What `role` may not do, taken off every page as its view is built."""
    for page in pages:
        restrict_actions(page.actions, role)
        page.when_built(partial(_restrict_built, page.key, role))


def _restrict_built(page: str, role: Role, view: QWidget) -> None:
    restrict_view(page, view, role)
