"""What the store raises when it refuses a request."""

from __future__ import annotations


class StoreError(Exception):
    """A request the store refuses. `template` (English) is translated by the UI, then filled in
    with `params`; str() gives the English message."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


class NotFoundError(StoreError):
    pass


class SiteInUseError(StoreError):
    pass
