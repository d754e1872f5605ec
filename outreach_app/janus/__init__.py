"""Janus, the media server that carries large sessions: its configuration and its API.

Nothing here knows Outreach's sessions or participants: `config` writes a configuration that
keeps Janus's API on 127.0.0.1 with only what Outreach uses loaded, and `api` speaks Janus's
WebSocket API (JSON with transactions, sessions and plugin handles). The signaling server builds
the session rooms on top (`outreach_app.server.media_rooms`).
"""
