// What the join page shows: its elements, rendered from a snapshot of the page's state, the
// device lists, and the frames counted on the remote videos (for people: the placeholders;
// for tests: window.outreachJoin.video).

const $ = (id) => document.getElementById(id);

export const view = {
  status: $("status"),
  statusText: $("status-text"),
  language: $("language"),
  notice: $("notice"),
  noticeTitle: $("notice-title"),
  noticeText: $("notice-text"),
  noticeAction: $("notice-action"),
  call: $("call"),
  stage: $("stage"),
  officialTile: $("official-tile"),
  officialVideo: $("official-video"),
  floorTile: $("floor-tile"),
  floorVideo: $("floor-video"),
  selfTile: $("self-tile"),
  selfVideo: $("self-video"),
  selfPlaceholder: $("self-placeholder"),
  selfCaption: $("self-caption"),
  standing: $("standing"),
  standingSession: $("standing-session"),
  standingSite: $("standing-site"),
  standingPlace: $("standing-place"),
  standingFloor: $("standing-floor"),
  standingTurn: $("standing-turn"),
  standingHands: $("standing-hands"),
  hand: $("hand"),
  notices: $("notices"),
  handLabel: $("hand-label"),
  handShort: $("hand-short"),
  floorBanner: $("floor-banner"),
  warning: $("warning"),
  playAudio: $("play-audio"),
  mic: $("mic"),
  micLabel: $("mic-label"),
  camera: $("camera"),
  cameraLabel: $("camera-label"),
  cameraShort: $("camera-short"),
  switchCamera: $("switch-camera"),
  devicesToggle: $("devices-toggle"),
  devices: $("devices"),
  cameraSelect: $("camera-select"),
  microphoneSelect: $("microphone-select"),
  leave: $("leave"),
  remoteAudio: $("remote-audio"),
  // The floor site's sound, when the media server sends it apart from the official's.
  floorAudio: $("floor-audio"),
};

const FINAL_NOTICES = {
  invalid: ["invalidTitle", "invalidText", null],
  expired: ["expiredTitle", "expiredText", null],
  ended: ["endedTitle", "endedText", null],
  replaced: ["replacedTitle", "replacedText", "useHere"],
  left: ["leftTitle", "leftText", "rejoin"],
};

// `page`: t(key), language, current (the state shown: connected, waiting, ...), floorNow,
// soundOnly, signalingUp, micMuted, cameraOff, otherSiteHasFloor, hasVideo, hasAudio,
// cameras (how many the browser lists), rearCamera (the one sending faces away from the user),
// warning (a string key or null), needsAudioClick and standing (where the site stands, with
// `waitNow`: the seconds left until its turn, or null), notices (not dismissed, oldest first)
// and dismiss(id).
export function render(page) {
  const t = page.t;
  document.documentElement.lang = page.language === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = t(element.dataset.text);
  }
  view.language.hidden = false;
  view.language.textContent = t("otherLanguage");
  view.language.lang = page.language === "zh" ? "en" : "zh-CN";

  const current = page.current;
  const finalNotice = FINAL_NOTICES[current];
  view.notice.hidden = !finalNotice;
  view.call.hidden = !!finalNotice;
  if (finalNotice) {
    const [title, text, action] = finalNotice;
    view.noticeTitle.textContent = t(title);
    view.noticeText.textContent = t(text);
    view.noticeAction.hidden = !action;
    if (action) view.noticeAction.textContent = t(action);
  }

  let text;
  let tone;
  if (finalNotice) {
    text = t(finalNotice[0]);
    tone = current === "left" ? "wait" : "bad";
  } else if (current === "connected") {
    text = page.soundOnly
      ? t("soundOnly")
      : page.floorNow
        ? t("floor")
        : page.signalingUp
          ? t("connected")
          : t("signalingLost");
    tone = page.floorNow ? "floor" : "ok";
  } else {
    text = t(current);
    tone = current === "waiting" ? "wait" : "busy";
  }
  view.statusText.textContent = text;
  view.status.dataset.tone = tone;
  view.status.dataset.state = current;

  renderStanding(t, finalNotice ? null : page.standing);
  renderHand(t, page.standing, current === "connected");
  renderNotices(t, finalNotice ? [] : page.notices, page.dismiss);

  view.floorBanner.hidden = !(page.floorNow && current === "connected");
  view.floorBanner.textContent = t(page.micMuted ? "floorBannerMuted" : "floorBanner");
  view.floorBanner.classList.toggle("muted", page.micMuted);
  const officialPlaceholder = view.officialTile.querySelector(".placeholder span");
  officialPlaceholder.textContent = current === "waiting" ? t("officialAway") : t("waitingVideo");

  view.floorTile.hidden = !page.otherSiteHasFloor;
  view.stage.classList.toggle("two", page.otherSiteHasFloor);

  view.selfTile.classList.toggle("live", page.hasVideo && !page.cameraOff);
  view.selfPlaceholder.textContent = page.hasVideo ? t("cameraOff") : t("noCamera");
  view.selfCaption.textContent = page.micMuted ? t("youMuted") : t("you");
  view.mic.disabled = !page.hasAudio;
  view.mic.setAttribute("aria-pressed", String(page.micMuted));
  view.micLabel.textContent = page.micMuted ? t("unmute") : t("mute");
  view.camera.disabled = !page.hasVideo;
  view.camera.setAttribute("aria-pressed", String(page.cameraOff));
  view.cameraLabel.textContent = page.cameraOff ? t("turnCameraOn") : t("turnCameraOff");
  view.cameraShort.textContent = page.cameraOff ? t("turnCameraOnShort") : t("turnCameraOffShort");
  // A phone's front and back camera; a computer with one camera has nothing to switch.
  view.switchCamera.hidden = page.cameras < 2;
  view.switchCamera.disabled = !page.hasVideo || page.cameraOff;
  view.selfTile.classList.toggle("rear", page.rearCamera);
  view.devicesToggle.setAttribute("aria-expanded", String(!view.devices.hidden));

  view.warning.hidden = !page.warning;
  view.warning.textContent = page.warning ? t(page.warning) : "";
  view.playAudio.hidden = !page.needsAudioClick;
  renderDeviceNames(t);
}

function renderStanding(t, standing) {
  view.standing.hidden = !standing;
  if (!standing) return;
  view.standingSession.textContent = standing.session;
  view.standingSite.textContent = standing.site ? ` · ${t("standingSite")(standing.site)}` : "";
  view.standingPlace.textContent = t("standingPlace")(standing.place, standing.sites);
  view.standingFloor.textContent =
    standing.floor === null ? t("standingNobody") : t("standingFloor")(standing.floor);
  view.standingTurn.textContent = turnText(t, standing);
  view.standing.dataset.turn = standing.hasFloor ? "floor" : standing.next ? "next" : "waiting";
  view.standingHands.hidden = standing.hands.length === 0;
  // This site's own hand reads "you", so that it sees its place in the line at a glance.
  const hands = standing.hands.map((name) => (name === standing.site ? t("standingYou") : name));
  view.standingHands.textContent = hands.length ? t("standingHands")(hands) : "";
}

// The official's notices, each with its own dismiss button; `dismiss(id)` takes one away.
function renderNotices(t, notices, dismiss) {
  view.notices.hidden = notices.length === 0;
  view.notices.replaceChildren(
    ...notices.map((notice) => {
      const item = document.createElement("li");
      item.className = "notice-item";
      item.dataset.id = String(notice.id);
      const from = document.createElement("strong");
      from.textContent = notice.toAll ? `${t("noticeFrom")} (${t("noticeToAll")})` : t("noticeFrom");
      const text = document.createElement("span");
      text.className = "notice-text";
      text.textContent = notice.text;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "dismiss";
      button.textContent = t("dismiss");
      button.addEventListener("click", () => dismiss(notice.id));
      item.append(from, text, button);
      return item;
    }),
  );
}

// The hand can be raised once the official has said where we stand, and lowered any time.
function renderHand(t, standing, connected) {
  const raised = !!standing && standing.handRaised;
  view.hand.disabled = !connected || !standing || (standing.hasFloor && !raised);
  view.hand.setAttribute("aria-pressed", String(raised));
  view.handLabel.textContent = raised ? t("lowerHand") : t("raiseHand");
  view.handShort.textContent = raised ? t("lowerHandShort") : t("raiseHandShort");
  view.hand.title = t("handHint");
}

function turnText(t, standing) {
  if (standing.hasFloor) return t("standingYours");
  if (standing.waitNow === null) return t("standingDone");
  // Under half a minute reads "any moment now"; otherwise whole minutes, at least one.
  const minutes = standing.waitNow < 30 ? 0 : Math.max(1, Math.round(standing.waitNow / 60));
  if (standing.next) return t("standingNext")(minutes);
  return t("standingLater")(Math.max(1, minutes));
}

// ----- Devices -----

// Fills a device list; `inUse` is the device id of the track sending now, if any.
export function fillSelect(select, devices, inUse, t) {
  select.replaceChildren();
  devices.forEach((device, index) => {
    const option = document.createElement("option");
    option.value = device.deviceId;
    option.dataset.index = String(index + 1);
    option.dataset.label = device.label;
    select.append(option);
  });
  if (devices.length === 0) {
    const option = document.createElement("option");
    option.value = "";
    select.append(option);
  }
  select.disabled = devices.length === 0;
  if (inUse) select.value = inUse;
  renderDeviceNames(t);
}

function renderDeviceNames(t) {
  for (const [select, unnamed] of [
    [view.cameraSelect, "unnamedCamera"],
    [view.microphoneSelect, "unnamedMicrophone"],
  ]) {
    for (const option of select.options) {
      if (!option.value) {
        option.textContent = t("noDevice");
      } else if (option.value === "default") {
        option.textContent = `${t("defaultDevice")}${option.dataset.label ? ` — ${option.dataset.label}` : ""}`;
      } else {
        option.textContent = option.dataset.label || `${t(unnamed)} ${option.dataset.index}`;
      }
    }
  }
}

// ----- Remote media -----

const videoStats = { official: newVideoStats(), floor: newVideoStats() };

function newVideoStats() {
  return { frames: 0, width: 0, height: 0, times: [], armedOn: null };
}

function tileOf(name) {
  return name === "floor" ? view.floorTile : view.officialTile;
}

// Plays one of the hub's videos ("official" or "floor"); its tile shows the picture once
// frames arrive while `linked()` holds.
export function showRemoteVideo(name, track, linked) {
  const element = name === "floor" ? view.floorVideo : view.officialVideo;
  element.srcObject = new MediaStream([track]);
  element.play().catch(() => {});
  countFrames(name, element, linked);
}

// The link is gone: the tiles show their placeholders until frames come again.
export function hideRemoteVideos() {
  for (const tile of [view.officialTile, view.floorTile]) tile.classList.remove("live");
}

// Another site got the floor: until its first frame, show "waiting" rather than the last one.
export function hideFloorVideo() {
  view.floorTile.classList.remove("live");
}

function countFrames(name, element, linked) {
  const stats = videoStats[name];
  const tile = tileOf(name);
  if (!("requestVideoFrameCallback" in element)) {
    tile.classList.add("live");
    return;
  }
  // One callback chain per element: a new track on the same element keeps the chain.
  if (stats.armedOn === element) return;
  stats.armedOn = element;
  const onFrame = (now, metadata) => {
    stats.frames += 1;
    stats.width = metadata.width;
    stats.height = metadata.height;
    stats.times.push(now);
    while (stats.times.length > 0 && stats.times[0] < now - 2000) stats.times.shift();
    if (!tile.classList.contains("live") && linked()) tile.classList.add("live");
    element.requestVideoFrameCallback(onFrame);
  };
  element.requestVideoFrameCallback(onFrame);
}

export function videoSnapshot(name) {
  const stats = videoStats[name];
  const times = stats.times;
  const span = times.length >= 2 ? times[times.length - 1] - times[0] : 0;
  return {
    frames: stats.frames,
    fps: span > 0 ? ((times.length - 1) * 1000) / span : 0,
    width: stats.width,
    height: stats.height,
  };
}
