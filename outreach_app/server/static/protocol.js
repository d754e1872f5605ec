// The messages of a call as the browser pages speak them: the same declarations as
// outreach_app/core/signaling_protocol.py and control_protocol.py, which a test compares with
// these. The pages build every message they send with encode() and read every message they
// receive through decode(), which keeps only the declared fields; reading any other field of a
// decoded message, or any name missing from the tables below, is an error at once.

// Message type -> its fields on the wire, for each channel and direction.
export const MESSAGES = strict("message channel", {
  // A participant to the signaling server.
  client: strict("client message", {
    join: ["token", "session_id"],
    offer: ["to", "sdp"],
    answer: ["to", "sdp"],
    candidate: ["to", "candidate", "sdpMid", "sdpMLineIndex"],
    floor: ["site_id"],
    bye: ["to", "reason"],
    ping: ["id"],
    end: [],
    control: ["to", "message"],
    engine: ["engine"],
    publish: ["sdp"],
    subscribe: ["id", "peer", "video", "audio"],
    "subscription-answer": ["id", "sdp"],
    unsubscribe: ["id"],
  }),
  // The signaling server to a participant: its own messages and the relayed ones.
  server: strict("server message", {
    joined: [
      "role",
      "session_id",
      "site_id",
      "peers",
      "floor",
      "ice_servers",
      "engine",
      "media_server",
    ],
    "peer-joined": ["peer", "rejoined"],
    "peer-left": ["peer"],
    pong: ["id"],
    error: ["code", "message", "in_reply_to"],
    offer: ["from", "sdp"],
    answer: ["from", "sdp"],
    candidate: ["from", "candidate", "sdpMid", "sdpMLineIndex"],
    bye: ["from", "reason"],
    floor: ["from", "site_id"],
    control: ["from", "message"],
    engine: ["engine", "ready", "reason"],
    published: ["sdp"],
    "publication-ended": ["reason"],
    "subscription-offer": ["id", "sdp"],
    "subscription-ended": ["id", "peer", "reason"],
    feed: ["peer", "published", "simulcast"],
  }),
  // The hub and a site on the data channel of their peer connection.
  control: strict("control message", {
    ping: ["seq", "sent"],
    pong: ["seq", "sent"],
    quality: ["width", "height", "fps", "floor"],
    media: ["video"],
    reduced: ["width", "height", "fps"],
    standing: [
      "session",
      "site",
      "place",
      "sites",
      "floor",
      "has_floor",
      "next",
      "wait",
      "hand_raised",
      "hands",
    ],
    hand: ["raised"],
    notice: ["id", "text", "to_all"],
  }),
});

export const HOST = "host";
export const ENGINES = strict("engine", { HUB: "hub", JANUS: "janus" });
export const CONTROL_CHANNEL = "control";

export const ERROR_CODES = strict("error code", {
  MALFORMED_JSON: "malformed_json",
  TOO_LARGE: "too_large",
  UNKNOWN_TYPE: "unknown_type",
  INVALID_MESSAGE: "invalid_message",
  RATE_LIMITED: "rate_limited",
  NOT_JOINED: "not_joined",
  ALREADY_JOINED: "already_joined",
  JOIN_TIMEOUT: "join_timeout",
  TOKEN_INVALID: "token_invalid",
  TOKEN_EXPIRED: "token_expired",
  WRONG_SESSION: "wrong_session",
  SESSION_ENDED: "session_ended",
  FORBIDDEN: "forbidden",
  PEER_UNAVAILABLE: "peer_unavailable",
  REPLACED: "replaced",
  TOO_MANY_ERRORS: "too_many_errors",
  SLOW_CONSUMER: "slow_consumer",
  SHUTTING_DOWN: "shutting_down",
  MEDIA_SERVER_UNAVAILABLE: "media_server_unavailable",
  INTERNAL: "internal",
});

// The server's answers after which joining again with the same link cannot succeed.
export const FINAL_ERROR_CODES = Object.freeze([
  ERROR_CODES.TOKEN_INVALID,
  ERROR_CODES.TOKEN_EXPIRED,
  ERROR_CODES.WRONG_SESSION,
  ERROR_CODES.SESSION_ENDED,
  ERROR_CODES.REPLACED,
]);

// The codes a WebSocket closed by the server carries.
export const CLOSE_CODES = strict("close code", {
  GOING_AWAY: 1001,
  UNAUTHORIZED: 4001,
  REPLACED: 4002,
  ABUSE: 4003,
  SESSION_ENDED: 4004,
  JOIN_TIMEOUT: 4008,
});

// The text of one message, with exactly the fields its declaration names (null where empty).
export function encode(direction, type, fields) {
  const declared = MESSAGES[direction][type];
  const given = Object.keys(fields);
  const unknown = given.filter((name) => !declared.includes(name));
  const missing = declared.filter((name) => !given.includes(name));
  if (unknown.length || missing.length) {
    throw new Error(`${direction} ${type}: unknown [${unknown}], missing [${missing}]`);
  }
  return JSON.stringify({ type, ...fields });
}

// The message in `text` with its declared fields (absent ones null), or null when it is not
// a message of `direction`.
export function decode(direction, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const declared = Object.hasOwn(MESSAGES[direction], value.type)
    ? MESSAGES[direction][value.type]
    : null;
  if (!declared) return null;
  const message = { type: value.type };
  for (const name of declared) message[name] = value[name] ?? null;
  return strict(`${direction} message "${value.type}"`, message);
}

// A function that hands each decoded message to the handler named by its type; a handler for
// a type that `direction` does not have is refused at once.
export function dispatcher(direction, handlers) {
  for (const type of Object.keys(handlers)) {
    if (!Object.hasOwn(MESSAGES[direction], type)) {
      throw new Error(`a handler for "${type}", which is no ${direction} message`);
    }
  }
  return (message) =>
    Object.hasOwn(handlers, message.type) ? handlers[message.type](message) : undefined;
}

// Names that JSON.stringify and await look up on any object they are given.
const PROBED_NAMES = new Set(["toJSON", "then"]);

// `table`, frozen, where reading a name it does not have throws instead of giving undefined.
function strict(what, table) {
  return new Proxy(Object.freeze(table), {
    get(target, name) {
      if (typeof name === "string" && !(name in target) && !PROBED_NAMES.has(name)) {
        throw new Error(`no ${what} has the name "${name}"`);
      }
      return Reflect.get(target, name);
    },
  });
}
