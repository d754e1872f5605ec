"""The PySide6 interface: presenters (QObject view-models) and widgets; the only place Qt is used.

One package per feature, each with the same files for the same roles:

- `page.py`: for a page of the main window, `build_page(context)` gives its `Page`
  (ui/pages.py): key, title, icon and menu actions; it builds the view when the page is first
  shown.
- `view.py`: the page's widget. It creates its presenter, lays itself out in builder methods
  named for the part they build, and shows what the presenter publishes. A feature shown in a
  window of its own has `window.py` instead (call, site_call), and no page.
- `presenter.py`: the presenters. They reach data only through the store (storage/), announce
  what they change and follow what they show with a `Topic` (core/topics.py).
- `dialogs.py`: the feature's dialogs, where it has any.
- `launcher.py` and `windows.py`, for a feature in windows of its own that pages open (call):
  starting one, and the open windows with the service they share.
- Parts of a view that are widgets of their own are in modules named for what they show
  (schedule/week_view.py, notes/note_editor.py, follow_ups/board.py); a small part with a
  presenter of its own keeps both in one such module (call/interrupted.py: the notice of calls
  cut short, shown at start-up without loading the call stack); words only one feature uses are
  in its `labels.py`.

Features: schedule (Sessions), sites, notes, review, follow_ups, statistics, demands (the demand
import dialog), call (the official's call window), site_call (a site's call window), team (team
mode: signing in and out, where this computer stands with the office's server, conflicts, and
what each role is offered; see team/__init__.py).

Features use each other only through a few known doors (tests/test_architecture.py lists
them: the call window holds the notes view, pages start calls through call/launcher.py, the
statistics page opens the demand import, the first-run dialog signs in with team/sign_in.py,
and the context carries the team session). Pages see team mode only through the context
(`context.team`, `context.allows(...)`, `context.live_elsewhere()`).

Shared by the features, and never importing them but for context.py (which carries the app's
call windows and the team session), first_run.py (which signs in) and main_window.py (which
opens a site's call window): widgets/ (one module per
kind of widget), exports/ (exports that need Qt: PDF writers, the export runner), labels.py and
formatting.py (words and numbers in the user's language), presenter.py (Presenter, ChangeBus,
ChangeFollower), pages.py, context.py, settings.py, media.py (devices), first_run.py (how to
work: alone, or on an office's server). main_window.py shows the pages; app.py (outside ui/)
assembles them.
"""
