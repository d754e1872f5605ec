"""Team mode on the app's side: the local replica of the office's record, the outbox of this
computer's changes, and the connection that keeps both in step with the team server. No Qt."""
