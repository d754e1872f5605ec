// The join page's connection to the signaling server: joins with the invitation token, hands
// on every message, and joins again (with growing, jittered pauses) after it is lost, until
// the page stops it.

import { decode, encode } from "./protocol.js";

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;

function websocketUrl() {
  // Relative to the page, so that a server behind a path prefix works unchanged.
  const url = new URL("../ws", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  return url.href;
}

export class Signaling {
  // `onMessage(message)` hears every message from the server; `onDown(code, joined)` hears
  // that the socket closed with `code`, and whether the server had admitted it.
  constructor(token, { onMessage, onDown }) {
    this.token = token;
    this.onMessage = onMessage;
    this.onDown = onDown;
    this.socket = null;
    this.retryDelay = FIRST_RETRY_MS;
    this.retryTimer = null;
    this.stopped = false;
  }

  connect() {
    if (this.stopped) return;
    this.retryTimer = null;
    const ws = new WebSocket(websocketUrl());
    this.socket = ws;
    let joined = false;
    ws.onopen = () => ws.send(encode("client", "join", { token: this.token, session_id: null }));
    ws.onmessage = (event) => {
      if (this.socket !== ws) return;
      const message = decode("server", event.data);
      if (!message) return;
      if (message.type === "joined") {
        joined = true;
        this.retryDelay = FIRST_RETRY_MS;
      }
      this.onMessage(message);
    };
    ws.onclose = (event) => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.onDown(event.code, joined);
    };
  }

  reconnectLater() {
    if (this.retryTimer !== null || this.stopped) return;
    // Jitter keeps a room full of sites from knocking on a restarted server all at once.
    const delay = this.retryDelay * (0.8 + Math.random() * 0.4);
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  // Sends one client message if the socket is open; false if it could not.
  send(type, fields) {
    const ws = this.socket;
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(encode("client", type, fields));
      return true;
    }
    return false;
  }

  // For good: no more messages, no more attempts.
  stop() {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const ws = this.socket;
    this.socket = null;
    if (ws) ws.close(1000);
  }
}
