"""Saving minutes and invitations: file dialogs, progress, and the Qt PDF writer."""
