// The browser join page: a site joins an Outreach session from its invitation link.
//
// This module holds what the page knows and wires the parts together: signaling.js keeps the
// connection to the server, link.js the peer connection with the official's hub (which makes
// every offer), media_server.js the connections to the media server when the session runs
// there instead, devices.js the site's camera and microphone, view.js what is shown.

import { cameraAfter, knownFacing } from "./camera_choice.js";
import { describeCameras, openDevice, listDevices, openLocalMedia, trackOf } from "./devices.js";
import { Link, sendingStats } from "./link.js";
import { MediaServerLink } from "./media_server.js";
import { REMEMBERED, recall, remember } from "./memory.js";
import {
  CLOSE_CODES,
  ENGINES,
  ERROR_CODES,
  FINAL_ERROR_CODES,
  HOST,
  decode,
  dispatcher,
  encode,
} from "./protocol.js";
import { Signaling } from "./signaling.js";
import { JOIN_STRINGS } from "./strings.js";
import {
  fillSelect,
  hideFloorVideo,
  hideRemoteVideos,
  render as renderView,
  showRemoteVideo,
  videoSnapshot,
  view,
} from "./view.js";

// The notice the page shows for each refusal after which this link cannot join again.
const FINAL_NOTICES = new Map([
  [ERROR_CODES.TOKEN_INVALID, "invalid"],
  [ERROR_CODES.WRONG_SESSION, "invalid"],
  [ERROR_CODES.TOKEN_EXPIRED, "expired"],
  [ERROR_CODES.SESSION_ENDED, "ended"],
  [ERROR_CODES.REPLACED, "replaced"],
]);
if (FINAL_ERROR_CODES.some((code) => !FINAL_NOTICES.has(code))) {
  throw new Error("a final refusal of the server has no notice");
}
// The same, for a socket the server closed before admitting it.
const CLOSE_NOTICES = new Map([
  [CLOSE_CODES.UNAUTHORIZED, "invalid"],
  [CLOSE_CODES.REPLACED, "replaced"],
  [CLOSE_CODES.SESSION_ENDED, "ended"],
]);
// The hub pings every second and gives up after 3 s; just after that the page says so too.
const HEARTBEAT_TIMEOUT_MS = 3500;
// On the media server: nothing from the official for this long means our network dropped.
const SILENCE_TIMEOUT_MS = 3500;
const STANDING_TICK_MS = 5000;

const token = tokenFromPath(location.pathname);
let language = chooseLanguage();

// Everything the page knows; render() derives the view from it.
const state = {
  phase: "starting", // starting | joining | joined (at least once)
  final: null, // invalid | expired | ended | replaced | left
  siteId: null,
  hostPresent: false,
  floorSiteId: null,
  signalingUp: false,
  linkLost: false, // a link we had went silent; the hub will offer again
  soundOnly: false, // the official chose sound only for this site's poor link
  warning: null, // a key of JOIN_STRINGS
  needsAudioClick: false,
  micMuted: false,
  cameraOff: false,
  // The cameras the browser lists, in its order: [{ deviceId, facing }] (see describeCameras).
  cameras: [],
  connections: 0, // offers answered
  joins: 0, // times the server admitted this page
  quality: null, // what the hub asked for last, with how it was applied
  qualityFloor: false,
  sending: null, // what the encoder sends now, and what limits it (cpu, bandwidth)
  engine: ENGINES.HUB, // what carries the call: the official's hub or the media server
  everOnAir: false, // on the media server: we were connected once (else: connecting)
  restartedAt: null, // on the media server: when we last started every connection again
  standing: null, // where the official last said we stand (readStanding), with when
  notices: [], // the official's notices not dismissed yet, oldest first
  noticesSeen: new Set(), // ids of every notice shown, so that one sent again shows once
};
let localStream = new MediaStream();
// Which way each camera opened so far faces, by device id, where only its track said so.
const facingsSeen = new Map();
let link = null; // the current Link, while there is one
let media = null; // the MediaServerLink, while the session runs on the media server
let iceServers = []; // the official's STUN/TURN servers; none on a LAN

const signaling = new Signaling(token, {
  onMessage: (message) =>
    onSignal(message).catch((error) => console.warn("signaling message failed", error)),
  onDown: signalingDown,
});

// ----- Text -----

function tokenFromPath(path) {
  const marker = path.lastIndexOf("/join/");
  const rest = marker < 0 ? "" : path.slice(marker + "/join/".length);
  try {
    return decodeURIComponent(rest.split("/")[0]);
  } catch {
    return "";
  }
}

function chooseLanguage() {
  // A choice made on this page wins over the browser's language.
  const saved = recall(REMEMBERED.language);
  if (saved === "zh" || saved === "en") return saved;
  const preferred = navigator.language || (navigator.languages || [])[0] || "en";
  return preferred.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function t(key) {
  return JOIN_STRINGS[language][key] ?? JOIN_STRINGS.en[key] ?? key;
}

// ----- State -----

// The state shown to people and to tests (window.outreachJoin.state).
function currentState() {
  if (state.final) return state.final;
  if (state.phase === "starting") return "starting";
  if (media) return mediaServerState();
  if (link && link.open && !state.linkLost) return "connected";
  if (state.linkLost) return "reconnecting";
  if (!state.signalingUp) return state.phase === "joined" ? "reconnecting" : "joining";
  if (!state.hostPresent) return "waiting";
  return "connecting";
}

// On the media server: connected while our media reaches it and the official's arrives.
function mediaServerState() {
  if (officialHeard()) {
    state.everOnAir = true;
    return "connected";
  }
  if (!state.signalingUp && !media.publishing) {
    return state.phase === "joined" ? "reconnecting" : "joining";
  }
  if (media.ready && media.publishing && !state.hostPresent) return "waiting";
  return state.everOnAir ? "reconnecting" : "connecting";
}

function officialHeard() {
  if (!media || !media.ready || !media.publishing) return false;
  if (!media.isPublished(HOST)) return true;
  const heard = media.lastMediaAt("official");
  return heard !== null && performance.now() - heard < SILENCE_TIMEOUT_MS;
}

function hasFloor() {
  if (media) return state.siteId !== null && state.floorSiteId === state.siteId;
  return (
    (state.siteId !== null && state.floorSiteId === state.siteId) ||
    (state.qualityFloor && !!link && link.open)
  );
}

// A standing message as the page keeps it: its fields checked (the official's app sends them,
// but a field of the wrong kind must not break the page) and the moment it arrived.
function readStanding(message) {
  const text = (value) => (typeof value === "string" ? value : "");
  const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);
  return {
    session: text(message.session),
    site: text(message.site),
    place: count(message.place),
    sites: count(message.sites),
    floor: typeof message.floor === "string" ? message.floor : null,
    hasFloor: message.has_floor === true,
    next: message.next === true,
    wait: typeof message.wait === "number" && message.wait >= 0 ? message.wait : null,
    handRaised: message.hand_raised === true,
    hands: Array.isArray(message.hands)
      ? message.hands.filter((name) => typeof name === "string")
      : [],
    at: performance.now(),
  };
}

function addNotice(message) {
  const id = message.id;
  if (!Number.isInteger(id) || typeof message.text !== "string" || state.noticesSeen.has(id)) {
    return;
  }
  state.noticesSeen.add(id);
  state.notices.push({ id, text: message.text, toAll: message.to_all === true });
  render();
}

function dismissNotice(id) {
  state.notices = state.notices.filter((notice) => notice.id !== id);
  render();
}

function setStanding(message) {
  state.standing = readStanding(message);
  render();
}

// The standing with the wait counted down since it arrived.
function standingNow() {
  const standing = state.standing;
  if (!standing) return null;
  const spent = (performance.now() - standing.at) / 1000;
  const waitNow = standing.wait === null ? null : Math.max(0, standing.wait - spent);
  return { ...standing, waitNow };
}

function render() {
  renderView({
    t,
    language,
    current: currentState(),
    floorNow: hasFloor(),
    soundOnly: state.soundOnly,
    signalingUp: state.signalingUp,
    micMuted: state.micMuted,
    cameraOff: state.cameraOff,
    otherSiteHasFloor:
      state.floorSiteId !== null && state.floorSiteId !== state.siteId && (!!link || !!media),
    hasVideo: !!trackOf(localStream, "video"),
    cameras: state.cameras.length,
    rearCamera: facing() === "environment",
    hasAudio: !!trackOf(localStream, "audio"),
    warning: state.warning,
    needsAudioClick: state.needsAudioClick,
    standing: standingNow(),
    notices: state.notices,
    dismiss: dismissNotice,
  });
}

// ----- Local media -----

async function startLocalMedia() {
  const opened = await openLocalMedia();
  state.warning = opened.warning;
  if (!opened.stream) return;
  localStream = opened.stream;
  if (media) media.localStream = localStream;
  view.selfVideo.srcObject = localStream;
  await refreshDevices();
}

async function refreshDevices() {
  const devices = await listDevices();
  if (!devices) return;
  for (const [select, kind, list] of [
    [view.cameraSelect, "video", devices.cameras],
    [view.microphoneSelect, "audio", devices.microphones],
  ]) {
    const track = trackOf(localStream, kind);
    fillSelect(select, list, track ? track.getSettings().deviceId : null, t);
  }
  state.cameras = describeCameras(devices.cameras, trackOf(localStream, "video"), facingsSeen);
  render();
}

// The device id of the camera sending now, or null.
function currentCamera() {
  const track = trackOf(localStream, "video");
  return (track && track.getSettings().deviceId) || null;
}

// Which way the camera sending now faces ("user", "environment"), where the browser says.
function facing() {
  const track = trackOf(localStream, "video");
  if (!track) return null;
  const listed = state.cameras.find((camera) => camera.deviceId === currentCamera());
  return knownFacing(track.getSettings().facingMode) || (listed ? listed.facing : null);
}

async function switchDevice(kind, deviceId) {
  const old = trackOf(localStream, kind);
  // Some cameras cannot be opened twice (a phone's front and back): let the old one go
  // before asking for the new one.
  if (old) {
    old.stop();
    localStream.removeTrack(old);
  }
  const { track, failed } = await openDevice(kind, deviceId);
  if (failed) state.warning = "switchFailed";
  else if (state.warning === "switchFailed") state.warning = null;
  if (track) {
    track.enabled = kind === "video" ? !state.cameraOff : !state.micMuted;
    localStream.addTrack(track);
  }
  view.selfVideo.srcObject = localStream;
  await replaceSent(kind, track);
  if (link && kind === "video" && state.quality) await link.applyQuality(state.quality);
  await refreshDevices();
  render();
}

// Sends `track` instead of what goes out as `kind` now.
async function replaceSent(kind, track) {
  const publication = media && media.publication;
  for (const owner of [publication, link]) {
    const sender = owner && (kind === "video" ? owner.videoSender : owner.audioSender);
    if (sender) {
      await sender
        .replaceTrack(track)
        .catch((error) => console.warn("could not send the new device", error));
    }
  }
}

// ----- Signaling -----

function signalingDown(code, joined) {
  state.signalingUp = false;
  if (!state.final && CLOSE_NOTICES.has(code) && !joined) {
    finish(CLOSE_NOTICES.get(code));
    return;
  }
  if (!state.final) signaling.reconnectLater();
  render();
}

const handleSignal = dispatcher("server", {
  joined(message) {
    state.phase = "joined";
    state.joins += 1;
    state.signalingUp = true;
    state.siteId = message.site_id;
    state.hostPresent = Array.isArray(message.peers) && message.peers.includes(HOST);
    state.floorSiteId = message.floor;
    iceServers = Array.isArray(message.ice_servers) ? message.ice_servers : [];
    if (message.engine === ENGINES.JANUS) useMediaServer();
  },
  engine(message) {
    if (message.engine === ENGINES.JANUS) useMediaServer();
    else leaveMediaServer();
    if (media) media.handle(message);
  },
  published: passToMediaServer,
  "publication-ended": passToMediaServer,
  "subscription-offer": passToMediaServer,
  "subscription-ended": passToMediaServer,
  feed: passToMediaServer,
  control(message) {
    if (message.from !== HOST || typeof message.message !== "string") return;
    const control = decode("control", message.message);
    if (control) handleControlBySignaling(control);
  },
  "peer-joined"(message) {
    if (message.peer === HOST) state.hostPresent = true;
  },
  "peer-left"(message) {
    // The official's signaling is gone, not necessarily the media: the heartbeat decides.
    if (message.peer === HOST) {
      state.hostPresent = false;
      if (!link || !link.open) {
        closeLink();
        state.linkLost = false;
      }
    }
  },
  floor(message) {
    if (message.site_id !== state.floorSiteId) hideFloorVideo();
    state.floorSiteId = message.site_id;
    wantMedia();
  },
  async offer(message) {
    if (message.from === HOST && typeof message.sdp === "string") await answerOffer(message.sdp);
  },
  bye(message) {
    if (message.from === HOST) {
      closeLink();
      state.linkLost = false;
    }
  },
  error(message) {
    // Anything not final (the host left just as we answered, a busy server) is only logged.
    if (FINAL_NOTICES.has(message.code)) finish(FINAL_NOTICES.get(message.code));
  },
});

async function onSignal(message) {
  await handleSignal(message);
  render();
}

function finish(reason) {
  state.final = reason;
  signaling.stop();
  closeLink();
  leaveMediaServer();
  view.floorAudio.srcObject = null;
  for (const track of localStream.getTracks()) track.stop();
  localStream = new MediaStream();
  view.selfVideo.srcObject = null;
  view.remoteAudio.srcObject = null;
  state.needsAudioClick = false;
  render();
}

// ----- On the media server -----

function passToMediaServer(message) {
  if (media) media.handle(message);
}

function useMediaServer() {
  if (media || state.final) return;
  // Whatever the hub held is of no use now.
  closeLink();
  state.linkLost = false;
  media = new MediaServerLink(signaling, {
    track(id, track) {
      const official = id === "official";
      if (track.kind === "audio") {
        (official ? view.remoteAudio : view.floorAudio).srcObject = new MediaStream([track]);
        playAudio();
        return;
      }
      showRemoteVideo(official ? "official" : "floor", track, () => media !== null);
    },
    changed: render,
  });
  media.iceServers = iceServers;
  media.localStream = localStream;
  media.soundOnly = state.soundOnly;
  state.engine = ENGINES.JANUS;
  wantMedia();
}

function leaveMediaServer() {
  const old = media;
  media = null;
  state.engine = ENGINES.HUB;
  if (old) {
    old.close();
    hideRemoteVideos();
  }
}

// The official (in full while we have the floor) and the site that has the floor, reduced.
function wantMedia() {
  if (!media) return;
  const floorNow = hasFloor();
  const video = state.soundOnly ? "none" : floorNow ? "full" : "reduced";
  media.want("official", HOST, video, true);
  const floor = state.floorSiteId;
  if (floor === null || floorNow) media.drop("floor");
  else media.want("floor", floor, state.soundOnly ? "none" : "reduced", true);
}

// The official's control messages, relayed by the server where no data channel joins us.
function handleControlBySignaling(control) {
  switch (control.type) {
    case "ping":
      signaling.send("control", {
        to: HOST,
        message: encode("control", "pong", { seq: control.seq, sent: control.sent }),
      });
      break;
    case "quality":
      // Our layers are chosen at the media server; only the floor flag matters here.
      state.qualityFloor = control.floor === true;
      break;
    case "media":
      if (typeof control.video === "boolean" && media) {
        state.soundOnly = !control.video;
        media.setSoundOnly(state.soundOnly).finally(render);
        wantMedia();
      }
      break;
    case "standing":
      setStanding(control);
      break;
    case "notice":
      addNotice(control);
      break;
    default:
      break;
  }
}

// ----- The peer connection -----

function closeLink() {
  const old = link;
  link = null;
  if (!old) return;
  old.close();
  hideRemoteVideos();
}

async function answerOffer(sdp) {
  // A new offer while a link is up: the hub found it dead and rebuilds it.
  if (link && link.open) state.linkLost = true;
  closeLink();
  const current = new Link(iceServers, linkEvents);
  link = current;
  state.connections += 1;
  const answer = await current.answer(sdp, localStream);
  if (answer !== null && link === current) {
    signaling.send("answer", { to: HOST, sdp: answer });
  }
}

const linkEvents = {
  track(current, event) {
    const track = event.track;
    if (track.kind === "audio") {
      view.remoteAudio.srcObject = new MediaStream([track]);
      playAudio();
      return;
    }
    showRemoteVideo(current.videoName(event.transceiver), track, () => link !== null);
  },
  opened() {
    state.linkLost = false;
    render();
  },
  lost() {
    state.linkLost = true;
    render();
  },
  heard() {
    if (state.linkLost) {
      state.linkLost = false;
      render();
    }
  },
  quality(current, request) {
    state.quality = { ...request, via: null, scale: null };
    state.qualityFloor = request.floor;
    current.applyQuality(state.quality).finally(render);
  },
  media(current, video) {
    state.soundOnly = !video;
    current.applyMedia(state.soundOnly).finally(render);
  },
  standing(current, message) {
    setStanding(message);
  },
  notice(current, message) {
    addNotice(message);
  },
};

function playAudio() {
  view.remoteAudio
    .play()
    .then(() => {
      state.needsAudioClick = false;
      render();
    })
    .catch(() => {
      // Autoplay with sound was refused: one click on the page lets it play.
      state.needsAudioClick = true;
      render();
    });
}

async function collectSendingStats() {
  const publication = media && media.publication;
  if (publication) {
    const sending = await sendingStats(publication.pc);
    if (sending && media && media.publication === publication) state.sending = sending;
    return;
  }
  const current = link;
  if (!current || !current.open) return;
  const sending = await current.sendingStats();
  if (sending && link === current) state.sending = sending;
}

function heartbeatWatch() {
  if (media && !state.final) {
    // Nothing from the official while it publishes: our own network dropped; start again.
    const was = state.everOnAir && currentState() === "reconnecting";
    if (was && media.ready && media.isPublished(HOST) && !state.restartedAt) {
      state.restartedAt = performance.now();
      media.restart();
    } else if (currentState() === "connected") {
      state.restartedAt = null;
    }
    render();
    return;
  }
  const current = link;
  if (!current || !current.open || state.final) return;
  if (!state.linkLost && performance.now() - current.lastPingAt > HEARTBEAT_TIMEOUT_MS) {
    state.linkLost = true;
    render();
  }
}

// ----- Controls -----

// Raises the hand, or lowers it; the official's next standing shows the result.
function toggleHand() {
  if (view.hand.disabled || !state.standing) return;
  const raised = !state.standing.handRaised;
  if (media) {
    signaling.send("control", { to: HOST, message: encode("control", "hand", { raised }) });
  } else if (link) {
    link.sendHand(raised);
  }
}

function isTyping(target) {
  return target instanceof HTMLElement && target.closest("input, select, textarea") !== null;
}

function leave(reason) {
  signaling.send("bye", { to: HOST, reason });
}

function bindControls() {
  view.mic.addEventListener("click", () => {
    state.micMuted = !state.micMuted;
    for (const track of localStream.getAudioTracks()) track.enabled = !state.micMuted;
    render();
  });
  view.camera.addEventListener("click", () => {
    state.cameraOff = !state.cameraOff;
    for (const track of localStream.getVideoTracks()) track.enabled = !state.cameraOff;
    render();
  });
  view.hand.addEventListener("click", toggleHand);
  document.addEventListener("keydown", (event) => {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat;
    if (plain && event.key.toLowerCase() === "h" && !isTyping(event.target)) {
      event.preventDefault();
      toggleHand();
    }
  });
  view.devicesToggle.addEventListener("click", () => {
    view.devices.hidden = !view.devices.hidden;
    if (!view.devices.hidden) refreshDevices();
    render();
  });
  view.switchCamera.addEventListener("click", () => {
    const next = cameraAfter(state.cameras, currentCamera());
    if (next) switchDevice("video", next);
  });
  view.cameraSelect.addEventListener("change", () => switchDevice("video", view.cameraSelect.value));
  view.microphoneSelect.addEventListener("change", () =>
    switchDevice("audio", view.microphoneSelect.value),
  );
  view.leave.addEventListener("click", () => {
    leave("the site left");
    finish("left");
  });
  view.noticeAction.addEventListener("click", () => location.reload());
  view.playAudio.addEventListener("click", playAudio);
  view.language.addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    remember(REMEMBERED.language, language);
    render();
  });
  navigator.mediaDevices?.addEventListener?.("devicechange", refreshDevices);
  // Tell the hub at once instead of letting its heartbeat find out (a closed tab, a reload).
  window.addEventListener("pagehide", () => {
    if (!state.final) leave("the page was closed");
  });
}

// ----- For tests and support: a read-only view of the page's state -----

const api = Object.freeze({
  get state() {
    return currentState();
  },
  get statusText() {
    return view.statusText.textContent;
  },
  get language() {
    return language;
  },
  get siteId() {
    return state.siteId;
  },
  get hasFloor() {
    return hasFloor();
  },
  get floorSiteId() {
    return state.floorSiteId;
  },
  get connections() {
    return state.connections;
  },
  get joins() {
    return state.joins;
  },
  get warning() {
    return state.warning;
  },
  get quality() {
    return state.quality ? { ...state.quality } : null;
  },
  get sending() {
    return state.sending ? { ...state.sending } : null;
  },
  get engine() {
    return state.engine;
  },
  get notices() {
    return state.notices.map((notice) => ({ ...notice }));
  },
  get standing() {
    const standing = standingNow();
    return standing ? { ...standing } : null;
  },
  get video() {
    return { official: videoSnapshot("official"), floor: videoSnapshot("floor") };
  },
  get localTracks() {
    return localStream.getTracks().map((track) => ({
      kind: track.kind,
      label: track.label,
      enabled: track.enabled,
    }));
  },
});
Object.defineProperty(window, "outreachJoin", { value: api, enumerable: true });

async function main() {
  bindControls();
  render();
  if (!token) {
    finish("invalid");
    return;
  }
  await startLocalMedia();
  state.phase = "joining";
  render();
  signaling.connect();
  setInterval(heartbeatWatch, 500);
  setInterval(collectSendingStats, 1000);
  // The wait counts down between the official's updates.
  setInterval(() => state.standing && render(), STANDING_TICK_MS);
}

main().catch((error) => console.error("the join page failed to start", error));
