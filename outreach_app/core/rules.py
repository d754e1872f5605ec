"""What a record must satisfy before it is kept, whoever keeps it. Pure functions; no I/O.

The store calls these before it writes; what only the database can tell (a name already taken,
a record that does not exist) the store checks itself.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from outreach_app.core.model import ReviewState, Session, Site


class RuleError(ValueError):
    """A record or a step the rules refuse. `template` (English) is translated by the UI, then
    filled in with `params`; str() gives the English message."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def site_name(site: Site) -> str:
    """The name the site is kept under."""
    name = site.name.strip()
    if not name:
        raise RuleError("a site needs a name")
    return name


def check_session(session: Session) -> None:
    if not session.title.strip():
        raise RuleError("a session needs a title")
    if session.duration_minutes <= 0:
        raise RuleError("a session must last at least one minute")
    if any(s.time_box_minutes <= 0 for s in session.sites):
        raise RuleError("every site's time box must be at least one minute")


def agenda_text(text: str) -> str:
    """The text an agenda item is kept with."""
    text = text.strip()
    if not text:
        raise RuleError("an agenda item needs text")
    return text


def check_agenda_order(items: Collection[int], ordered: Sequence[int]) -> None:
    """A new order of a site's agenda `items` must name each of them exactly once."""
    if set(ordered) != set(items) or len(ordered) != len(items):
        raise RuleError("the new order must list every agenda item of the site once")


def commitment_text(text: str) -> str:
    """The text a commitment is kept with."""
    text = text.strip()
    if not text:
        raise RuleError("describe what was committed")
    return text


def review_comment(state: ReviewState, comment: str) -> str:
    """The comment a review is kept with; minutes sent back must say what has to change."""
    comment = comment.strip()
    if state is ReviewState.RETURNED and not comment:
        raise RuleError("say what must change when sending minutes back")
    return comment


def approval_refusal(current: ReviewState, *, notes_changed_since_review: bool) -> RuleError | None:
    """Why minutes in review state `current` cannot be approved now, or None. Minutes sent back
    wait for the corrections asked for: approving them unchanged would pass over the comment."""
    if current is ReviewState.RETURNED and not notes_changed_since_review:
        return RuleError("minutes sent back can be approved once their notes have been corrected")
    return None


def check_review_step(
    state: ReviewState, current: ReviewState, *, notes_changed_since_review: bool
) -> None:
    """A reviewer's verdict `state` on minutes now in `current`."""
    if state is ReviewState.APPROVED:
        refusal = approval_refusal(current, notes_changed_since_review=notes_changed_since_review)
        if refusal is not None:
            raise refusal
