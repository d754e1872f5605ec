"""Where each site stands in a live session: its place in the speaking order, who has the
floor, and when its own turn comes.

The estimate of a turn adds up what is left of the floor site's time box and the time boxes of
the sites that speak before it. Sites speak in the run sheet's order from the floor site on;
a site that has spoken already is not waited for again, and one passed over (the official went
ahead of it) comes after the rest, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from outreach_app.core.control_protocol import MAX_HANDS_TOLD, MAX_NAME_CHARS, Standing


@dataclass(frozen=True)
class OrderedSite:
    """One row of the run sheet, in speaking order."""

    site_id: int
    name: str
    time_box_seconds: float


def standings(
    session_title: str,
    order: Sequence[OrderedSite],
    floor_site_id: int | None,
    *,
    remaining: Callable[[int], float],
    has_spoken: Callable[[int], bool],
    hands: Sequence[int] = (),
) -> dict[int, Standing]:
    """Each site's standing. `remaining(site_id)`: seconds left of its time box (negative once
    over); `has_spoken(site_id)`: whether it has had the floor already; `hands`: the sites
    whose hands are raised, the first raised first."""
    ids = [site.site_id for site in order]
    names = {site.site_id: site.name[:MAX_NAME_CHARS] for site in order}
    floor_index = ids.index(floor_site_id) if floor_site_id in ids else None
    start = 0 if floor_index is None else floor_index + 1
    rotated = [*order[start:], *order[:start]]
    waiting = [site for site in rotated if site.site_id != floor_site_id]
    queue = [site for site in waiting if not has_spoken(site.site_id)]
    elapsed = 0.0 if floor_site_id is None else max(0.0, remaining(floor_site_id))
    wait: dict[int, float] = {}
    for site in queue:
        wait[site.site_id] = elapsed
        elapsed += max(0.0, site.time_box_seconds)
    next_site = queue[0].site_id if queue else None
    floor_name = names.get(floor_site_id) if floor_site_id is not None else None
    hand_names = tuple(names[site] for site in hands if site in names)[:MAX_HANDS_TOLD]
    result: dict[int, Standing] = {}
    for place, site in enumerate(order, start=1):
        seconds = wait.get(site.site_id)
        result[site.site_id] = Standing(
            session=session_title[:MAX_NAME_CHARS],
            site=names[site.site_id],
            place=place,
            sites=len(order),
            floor=floor_name,
            has_floor=site.site_id == floor_site_id,
            next=site.site_id == next_site,
            wait=None if seconds is None else round(seconds),
            hand_raised=site.site_id in hands,
            hands=hand_names,
        )
    return result
