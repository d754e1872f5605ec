"""Team mode in the app: signing in to an office's team server, where this computer stands with
it, the conflicts to resolve, signing out, and what each role is offered.

- `sign_in.py`: the sign-in form, its presenter and the dialog that signs in again; light (the
  sync client loads with the first attempt), so the first-run dialog can use it.
- `presenter.py`: `TeamPresenter`, owning the `TeamSession`: the sync client's callbacks as Qt
  signals and the record's changes as topics on the bus.
- `desk.py`: what team mode adds to the main window (status bar, File menu, dialogs), and
  signing in and out.
- `status_bar.py`, `dialogs.py`: the widgets and dialogs; `labels.py`: their words.
- `roles.py`: what the pages do not offer to a role that may not do it.
- `saved_sign_in.py`: the sign-in's token between starts (keyring, else an owner-only file).

Everything but `sign_in.py`, `labels.py`, `roles.py` and `saved_sign_in.py` loads the sync
client (aiohttp): app.py imports them only in team mode.
"""
