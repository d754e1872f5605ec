"""The words of the demand import: what each line does, and where the board and the work done
here disagree, in the user's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from outreach_app.core.demand_update import (
    DemandPlan,
    Disagreement,
    DisagreementKind,
    ImportAction,
)
from outreach_app.core.model import FollowUpStatus
from outreach_app.ui.formatting import format_datetime
from outreach_app.ui.labels import follow_up_label


def value_label(name: str) -> str:
    return {
        "owner": QCoreApplication.translate("DemandImport", "responsible unit"),
        "claimed_by": QCoreApplication.translate("DemandImport", "claimed by"),
        "response": QCoreApplication.translate("DemandImport", "response"),
    }[name]


def plan_state(plan: DemandPlan, duplicate_of: int | None) -> str:
    """What importing the line does: new, an update with what it brings, or skipped."""
    if plan.action is ImportAction.REPEATED:
        return QCoreApplication.translate("DemandImport", "skip: same as line %1").replace(
            "%1", str(duplicate_of)
        )
    if plan.action is ImportAction.OTHER_MESSAGE:
        return QCoreApplication.translate("DemandImport", "skip: another message has this id")
    if plan.action is ImportAction.UNCHANGED:
        return QCoreApplication.translate("DemandImport", "skip: imported before")
    if plan.action is ImportAction.NEW:
        if plan.status is FollowUpStatus.OPEN:
            return QCoreApplication.translate("DemandImport", "new")
        return QCoreApplication.translate("DemandImport", "new: %1").replace(
            "%1", follow_up_label(plan.status)
        )
    brings = [follow_up_label(status) for status, _, _ in plan.steps]
    brings += [value_label(name) for name in plan.values]
    return QCoreApplication.translate("DemandImport", "update: %1").replace(
        "%1", QCoreApplication.translate("DemandImport", ", ").join(brings)
    )


def _since(moment: datetime | None) -> str:
    return format_datetime(moment) if moment is not None else "—"


def disagreement_text(disagreement: Disagreement) -> str:
    kind = disagreement.kind
    if kind is DisagreementKind.OTHER_MESSAGE:
        return QCoreApplication.translate(
            "DemandImport", "another message is stored under this id or text (%1)"
        ).replace("%1", disagreement.here)
    if kind is DisagreementKind.STATUS:
        return (
            QCoreApplication.translate(
                "DemandImport", "the board says %1 since %2; here it is %3 since %4"
            )
            .replace("%1", follow_up_label(FollowUpStatus(disagreement.board)))
            .replace("%2", _since(disagreement.board_since))
            .replace("%3", follow_up_label(FollowUpStatus(disagreement.here)))
            .replace("%4", _since(disagreement.here_since))
        )
    name = {
        DisagreementKind.UNIT: "owner",
        DisagreementKind.CLAIMANT: "claimed_by",
        DisagreementKind.RESPONSE: "response",
    }[kind]
    return (
        QCoreApplication.translate("DemandImport", "%1: the board says “%2”, here “%3”")
        .replace("%1", value_label(name))
        .replace("%2", disagreement.board)
        .replace("%3", disagreement.here)
    )
