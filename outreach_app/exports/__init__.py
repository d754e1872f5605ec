"""Files the app writes for people outside it: minutes, invitations, reports. No Qt."""
