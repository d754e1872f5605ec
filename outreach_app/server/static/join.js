// The browser join page: a site joins an Outreach session from its invitation link.
//
// The official's app (the hub, aiortc) makes every offer; this page answers. Its offer carries,
// in this order: the audio mix, the official's video, the floor site's video (older hubs send no
// second video), and a data channel "control" with JSON heartbeats and quality requests.
// aiortc ignores trickled candidates, so the answer goes out only once ICE gathering is done.
// A new offer means the hub rebuilt the link: the old RTCPeerConnection is closed first.
"use strict";

(() => {
  const STRINGS = {
    zh: {
      title: "Outreach 连线",
      brand: "Outreach 连线",
      otherLanguage: "English",
      starting: "正在打开摄像头和麦克风…",
      joining: "正在连接服务器…",
      waiting: "连线尚未开始，正在等待官员进入",
      connecting: "官员已在线，正在接通…",
      connected: "已接通",
      floor: "已接通 · 现在轮到你发言",
      reconnecting: "连接中断，正在重新连接…",
      signalingLost: "已接通（服务器连接中断，正在恢复）",
      soundOnly: "已接通 · 网络较差，主持人已切换为仅语音",
      official: "官员",
      floorSite: "正在发言的站点",
      you: "你",
      waitingVideo: "等待画面…",
      officialAway: "官员尚未进入",
      noCamera: "摄像头未开启",
      cameraOff: "摄像头已关闭",
      mute: "静音",
      unmute: "取消静音",
      turnCameraOff: "关闭摄像头",
      turnCameraOn: "打开摄像头",
      devices: "设备",
      camera: "摄像头",
      microphone: "麦克风",
      defaultDevice: "默认设备",
      unnamedCamera: "摄像头",
      unnamedMicrophone: "麦克风",
      noDevice: "没有找到",
      leave: "离开",
      floorBanner: "现在轮到你发言，请对着麦克风讲话。",
      floorBannerMuted: "现在轮到你发言，但你的麦克风已静音：请先取消静音。",
      youMuted: "你 · 已静音",
      playAudio: "点击这里收听声音",
      invalidTitle: "邀请无效",
      invalidText: "这个邀请链接无效，请检查链接是否完整，或向组织方索取新的链接。",
      expiredTitle: "邀请已过期",
      expiredText: "这个邀请链接已过期，请向组织方索取新的链接。",
      endedTitle: "连线已结束",
      endedText: "这次连线已经结束，感谢参加。",
      replacedTitle: "已在其他窗口加入",
      replacedText: "这个邀请已在另一个窗口或另一台设备上打开，本页已停止连线。",
      useHere: "在这里继续",
      leftTitle: "你已离开连线",
      leftText: "如果需要，可以重新加入。",
      rejoin: "重新加入",
      insecure:
        "这个链接不是安全连接（https），浏览器不允许使用摄像头和麦克风。你可以看到和听到官员，但对方看不到也听不到你。请向组织方索取 https 链接。",
      mediaDenied:
        "浏览器拒绝了摄像头和麦克风。请点击地址栏中的摄像头图标允许使用，然后刷新页面。",
      mediaMissing: "没有找到摄像头或麦克风。你可以看到和听到官员，但对方看不到也听不到你。",
      mediaBusy: "摄像头或麦克风正被其他程序使用。请关闭那个程序后刷新页面。",
      mediaFailed: "无法打开摄像头或麦克风。",
      onlyAudio: "没有找到摄像头，只发送声音。",
      onlyVideo: "没有找到麦克风，只发送画面。",
      switchFailed: "无法切换到这个设备，请选择其他设备。",
    },
    en: {
      title: "Outreach session",
      brand: "Outreach session",
      otherLanguage: "中文",
      starting: "Starting your camera and microphone…",
      joining: "Connecting to the server…",
      waiting: "The session has not started yet — waiting for the official",
      connecting: "The official is here — connecting…",
      connected: "Connected",
      floor: "Connected — you have the floor",
      reconnecting: "Connection lost — reconnecting…",
      signalingLost: "Connected (server link lost, restoring it)",
      soundOnly: "Connected — sound only: the link is too poor for video",
      official: "Official",
      floorSite: "Site speaking now",
      you: "You",
      waitingVideo: "Waiting for video…",
      officialAway: "The official has not joined yet",
      noCamera: "Camera not on",
      cameraOff: "Camera off",
      mute: "Mute",
      unmute: "Unmute",
      turnCameraOff: "Turn off camera",
      turnCameraOn: "Turn on camera",
      devices: "Devices",
      camera: "Camera",
      microphone: "Microphone",
      defaultDevice: "Default",
      unnamedCamera: "Camera",
      unnamedMicrophone: "Microphone",
      noDevice: "None found",
      leave: "Leave",
      floorBanner: "You have the floor — please speak now.",
      floorBannerMuted: "You have the floor, but your microphone is muted: unmute to speak.",
      youMuted: "You · muted",
      playAudio: "Click here to hear the session",
      invalidTitle: "Invalid invitation",
      invalidText:
        "This invitation link is not valid. Check that you copied all of it, or ask the organiser for a new one.",
      expiredTitle: "Invitation expired",
      expiredText: "This invitation link has expired. Ask the organiser for a new one.",
      endedTitle: "Session ended",
      endedText: "This session has ended. Thank you for taking part.",
      replacedTitle: "Joined in another window",
      replacedText:
        "This invitation was opened in another window or on another device, so this page has stopped.",
      useHere: "Continue here",
      leftTitle: "You left the session",
      leftText: "You can join again if you need to.",
      rejoin: "Join again",
      insecure:
        "This link is not a secure (https) connection, so the browser does not allow the camera or microphone. You can see and hear the official, but they cannot see or hear you. Ask the organiser for an https link.",
      mediaDenied:
        "The browser blocked the camera and microphone. Allow them with the camera icon in the address bar, then reload the page.",
      mediaMissing:
        "No camera or microphone was found. You can see and hear the official, but they cannot see or hear you.",
      mediaBusy:
        "Another program is using the camera or microphone. Close it, then reload the page.",
      mediaFailed: "The camera or microphone could not be started.",
      onlyAudio: "No camera found: sending sound only.",
      onlyVideo: "No microphone found: sending video only.",
      switchFailed: "That device could not be started; choose another one.",
    },
  };

  // The server's refusals after which joining again with this link cannot succeed.
  const FINAL_ERRORS = {
    token_invalid: "invalid",
    wrong_session: "invalid",
    token_expired: "expired",
    session_ended: "ended",
    replaced: "replaced",
  };
  const CLOSE_CODES = { 4001: "invalid", 4002: "replaced", 4004: "ended" };
  const FIRST_RETRY_MS = 500;
  const MAX_RETRY_MS = 8000;
  // The hub pings every second and gives up after 3 s; just after that the page says so too.
  const HEARTBEAT_TIMEOUT_MS = 3500;
  // aiortc reads candidates from the SDP only; on a LAN gathering takes milliseconds.
  const GATHERING_TIMEOUT_MS = 5000;
  const STORAGE = {
    camera: "outreach.join.camera",
    microphone: "outreach.join.microphone",
    language: "outreach.join.language",
  };
  const CAPTURE = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } };

  const $ = (id) => document.getElementById(id);
  const view = {
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
    floorBanner: $("floor-banner"),
    warning: $("warning"),
    playAudio: $("play-audio"),
    mic: $("mic"),
    micLabel: $("mic-label"),
    camera: $("camera"),
    cameraLabel: $("camera-label"),
    devicesToggle: $("devices-toggle"),
    devices: $("devices"),
    cameraSelect: $("camera-select"),
    microphoneSelect: $("microphone-select"),
    leave: $("leave"),
    remoteAudio: $("remote-audio"),
  };

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
    warning: null, // a key of STRINGS
    needsAudioClick: false,
    micMuted: false,
    cameraOff: false,
    connections: 0, // offers answered
    joins: 0, // times the server admitted this page
    quality: null, // what the hub asked for last, with how it was applied
    qualityFloor: false,
    sending: null, // what the encoder sends now, and what limits it (cpu, bandwidth)
  };
  let localStream = new MediaStream();
  let link = null; // { pc, channel, open, lastPingAt, videoSender, audioSender }
  let offerGeneration = 0;
  let socket = null;
  let retryDelay = FIRST_RETRY_MS;
  let retryTimer = null;

  const videoStats = {
    official: newVideoStats(),
    floor: newVideoStats(),
  };

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
    const saved = recall(STORAGE.language);
    if (saved === "zh" || saved === "en") return saved;
    const preferred = navigator.language || (navigator.languages || [])[0] || "en";
    return preferred.toLowerCase().startsWith("zh") ? "zh" : "en";
  }

  function t(key) {
    return STRINGS[language][key] ?? STRINGS.en[key] ?? key;
  }

  function remember(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Not remembered; the page works the same.
    }
  }

  function recall(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      // Storage can be blocked (private modes): nothing remembered, the defaults apply.
      return null;
    }
  }

  // ----- Rendering -----

  // The state shown to people and to tests (window.outreachJoin.state).
  function currentState() {
    if (state.final) return state.final;
    if (state.phase === "starting") return "starting";
    if (link && link.open && !state.linkLost) return "connected";
    if (state.linkLost) return "reconnecting";
    if (!state.signalingUp) return state.phase === "joined" ? "reconnecting" : "joining";
    if (!state.hostPresent) return "waiting";
    return "connecting";
  }

  function hasFloor() {
    return (
      (state.siteId !== null && state.floorSiteId === state.siteId) ||
      (state.qualityFloor && !!link && link.open)
    );
  }

  function render() {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    document.title = t("title");
    for (const element of document.querySelectorAll("[data-text]")) {
      element.textContent = t(element.dataset.text);
    }
    view.language.hidden = false;
    view.language.textContent = t("otherLanguage");
    view.language.lang = language === "zh" ? "en" : "zh-CN";

    const current = currentState();
    const finalNotice = {
      invalid: ["invalidTitle", "invalidText", null],
      expired: ["expiredTitle", "expiredText", null],
      ended: ["endedTitle", "endedText", null],
      replaced: ["replacedTitle", "replacedText", "useHere"],
      left: ["leftTitle", "leftText", "rejoin"],
    }[current];
    view.notice.hidden = !finalNotice;
    view.call.hidden = !!finalNotice;
    if (finalNotice) {
      const [title, text, action] = finalNotice;
      view.noticeTitle.textContent = t(title);
      view.noticeText.textContent = t(text);
      view.noticeAction.hidden = !action;
      if (action) view.noticeAction.textContent = t(action);
    }

    const floorNow = hasFloor();
    let text;
    let tone;
    if (finalNotice) {
      text = t(finalNotice[0]);
      tone = current === "left" ? "wait" : "bad";
    } else if (current === "connected") {
      text = state.soundOnly
        ? t("soundOnly")
        : floorNow
          ? t("floor")
          : state.signalingUp
            ? t("connected")
            : t("signalingLost");
      tone = floorNow ? "floor" : "ok";
    } else {
      text = t(current);
      tone = current === "waiting" ? "wait" : "busy";
    }
    view.statusText.textContent = text;
    view.status.dataset.tone = tone;
    view.status.dataset.state = current;

    view.floorBanner.hidden = !(floorNow && current === "connected");
    view.floorBanner.textContent = t(state.micMuted ? "floorBannerMuted" : "floorBanner");
    view.floorBanner.classList.toggle("muted", state.micMuted);
    const officialPlaceholder = view.officialTile.querySelector(".placeholder span");
    officialPlaceholder.textContent =
      current === "waiting" ? t("officialAway") : t("waitingVideo");

    const otherSiteHasFloor =
      state.floorSiteId !== null && state.floorSiteId !== state.siteId && !!link;
    view.floorTile.hidden = !otherSiteHasFloor;
    view.stage.classList.toggle("two", otherSiteHasFloor);

    const video = localStream.getVideoTracks()[0];
    const audio = localStream.getAudioTracks()[0];
    view.selfTile.classList.toggle("live", !!video && !state.cameraOff);
    view.selfPlaceholder.textContent = video ? t("cameraOff") : t("noCamera");
    view.selfCaption.textContent = state.micMuted ? t("youMuted") : t("you");
    view.mic.disabled = !audio;
    view.mic.setAttribute("aria-pressed", String(state.micMuted));
    view.micLabel.textContent = state.micMuted ? t("unmute") : t("mute");
    view.camera.disabled = !video;
    view.camera.setAttribute("aria-pressed", String(state.cameraOff));
    view.cameraLabel.textContent = state.cameraOff ? t("turnCameraOn") : t("turnCameraOff");
    view.devicesToggle.setAttribute("aria-expanded", String(!view.devices.hidden));

    view.warning.hidden = !state.warning;
    view.warning.textContent = state.warning ? t(state.warning) : "";
    view.playAudio.hidden = !state.needsAudioClick;
    renderDeviceNames();
  }

  // ----- Local media -----

  function mediaErrorKey(error) {
    switch (error && error.name) {
      case "NotAllowedError":
      case "SecurityError":
        return "mediaDenied";
      case "NotFoundError":
      case "OverconstrainedError":
        return "mediaMissing";
      case "NotReadableError":
      case "AbortError":
        return "mediaBusy";
      default:
        return "mediaFailed";
    }
  }

  function constraintsFor(kind, deviceId, exact) {
    const base = kind === "video" ? { ...CAPTURE } : { echoCancellation: true, noiseSuppression: true };
    if (deviceId) base.deviceId = exact ? { exact: deviceId } : { ideal: deviceId };
    return base;
  }

  async function startLocalMedia() {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      state.warning = "insecure";
      return;
    }
    const video = constraintsFor("video", recall(STORAGE.camera), false);
    const audio = constraintsFor("audio", recall(STORAGE.microphone), false);
    try {
      localStream = await navigator.mediaDevices.getUserMedia({ video, audio });
    } catch (error) {
      const key = mediaErrorKey(error);
      if (key !== "mediaMissing") {
        state.warning = key;
        return;
      }
      // One of the two may still be there: a laptop without a camera, a desk PC without a mic.
      for (const [only, note] of [
        [{ audio }, "onlyAudio"],
        [{ video }, "onlyVideo"],
      ]) {
        try {
          localStream = await navigator.mediaDevices.getUserMedia(only);
          state.warning = note;
          break;
        } catch {
          state.warning = "mediaMissing";
        }
      }
    }
    view.selfVideo.srcObject = localStream;
    await refreshDevices();
  }

  async function refreshDevices() {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    let devices = [];
    try {
      devices = await navigator.mediaDevices.enumerateDevices();
    } catch {
      return;
    }
    fillSelect(view.cameraSelect, devices.filter((d) => d.kind === "videoinput"), "video");
    fillSelect(view.microphoneSelect, devices.filter((d) => d.kind === "audioinput"), "audio");
  }

  function fillSelect(select, devices, kind) {
    const track = kind === "video" ? localStream.getVideoTracks()[0] : localStream.getAudioTracks()[0];
    const inUse = track ? track.getSettings().deviceId : null;
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
    renderDeviceNames();
  }

  function renderDeviceNames() {
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

  async function switchDevice(kind, deviceId) {
    const old = kind === "video" ? localStream.getVideoTracks()[0] : localStream.getAudioTracks()[0];
    // Some cameras cannot be opened twice: let the old one go before asking for the new one.
    if (old) {
      old.stop();
      localStream.removeTrack(old);
    }
    let track = null;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        [kind]: constraintsFor(kind, deviceId, true),
      });
      track = kind === "video" ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
      remember(kind === "video" ? STORAGE.camera : STORAGE.microphone, deviceId);
      if (state.warning === "switchFailed") state.warning = null;
    } catch {
      state.warning = "switchFailed";
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraintsFor(kind, null) });
        track = kind === "video" ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
      } catch {
        track = null;
      }
    }
    if (track) {
      track.enabled = kind === "video" ? !state.cameraOff : !state.micMuted;
      localStream.addTrack(track);
    }
    view.selfVideo.srcObject = localStream;
    if (link) {
      const sender = kind === "video" ? link.videoSender : link.audioSender;
      if (sender) await sender.replaceTrack(track).catch(() => {});
      if (kind === "video") await applyQuality();
    }
    await refreshDevices();
    render();
  }

  // ----- Signaling -----

  function websocketUrl() {
    // Relative to the page, so that a server behind a path prefix works unchanged.
    const url = new URL("../ws", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.search = "";
    url.hash = "";
    return url.href;
  }

  function connectSignaling() {
    if (state.final) return;
    retryTimer = null;
    const ws = new WebSocket(websocketUrl());
    socket = ws;
    let joined = false;
    ws.onopen = () => ws.send(JSON.stringify({ type: "join", token }));
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && message.type === "joined") {
        joined = true;
        retryDelay = FIRST_RETRY_MS;
      }
      handleSignal(message).catch((error) => console.warn("signaling message failed", error));
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      state.signalingUp = false;
      if (!state.final && CLOSE_CODES[event.code] && !joined) {
        finish(CLOSE_CODES[event.code]);
        return;
      }
      if (!state.final) scheduleReconnect();
      render();
    };
  }

  function scheduleReconnect() {
    if (retryTimer !== null || state.final) return;
    // Jitter keeps a room full of sites from knocking on a restarted server all at once.
    const delay = retryDelay * (0.8 + Math.random() * 0.4);
    retryDelay = Math.min(MAX_RETRY_MS, retryDelay * 2);
    retryTimer = setTimeout(connectSignaling, delay);
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  let iceServers = [];

  async function handleSignal(message) {
    if (!message || typeof message !== "object") return;
    switch (message.type) {
      case "joined":
        state.phase = "joined";
        state.joins += 1;
        state.signalingUp = true;
        state.siteId = message.site_id ?? null;
        state.hostPresent = Array.isArray(message.peers) && message.peers.includes("host");
        state.floorSiteId = message.floor ?? null;
        // The official's STUN/TURN servers; none on a LAN.
        iceServers = Array.isArray(message.ice_servers) ? message.ice_servers : [];
        break;
      case "peer-joined":
        if (message.peer === "host") state.hostPresent = true;
        break;
      case "peer-left":
        // The official's signaling is gone, not necessarily the media: the heartbeat decides.
        if (message.peer === "host") {
          state.hostPresent = false;
          if (!link || !link.open) {
            closeLink();
            state.linkLost = false;
          }
        }
        break;
      case "floor":
        if ((message.site_id ?? null) !== state.floorSiteId) {
          // Until the new speaker's first frame, show "waiting" rather than the last one's face.
          view.floorTile.classList.remove("live");
        }
        state.floorSiteId = message.site_id ?? null;
        break;
      case "offer":
        if (message.from === "host" && typeof message.sdp === "string") {
          await answerOffer(message.sdp);
        }
        break;
      case "bye":
        if (message.from === "host") {
          closeLink();
          state.linkLost = false;
        }
        break;
      case "error":
        if (FINAL_ERRORS[message.code]) {
          finish(FINAL_ERRORS[message.code]);
          return;
        }
        // Anything else (the host left just as we answered, a busy server) is not final.
        break;
      default:
        break;
    }
    render();
  }

  function finish(reason) {
    state.final = reason;
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    closeLink();
    const ws = socket;
    socket = null;
    if (ws) ws.close(1000);
    for (const track of localStream.getTracks()) track.stop();
    localStream = new MediaStream();
    view.selfVideo.srcObject = null;
    view.remoteAudio.srcObject = null;
    state.needsAudioClick = false;
    render();
  }

  // ----- The peer connection -----

  function closeLink() {
    const old = link;
    link = null;
    if (!old) return;
    try {
      old.pc.close();
    } catch {
      // Already closed.
    }
    for (const tile of [view.officialTile, view.floorTile]) tile.classList.remove("live");
  }

  async function answerOffer(sdp) {
    const generation = ++offerGeneration;
    // A new offer while a link is up: the hub found it dead and rebuilds it.
    if (link && link.open) state.linkLost = true;
    closeLink();
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: "max-bundle" });
    const current = {
      pc,
      channel: null,
      open: false,
      lastPingAt: 0,
      videoSender: null,
      audioSender: null,
    };
    link = current;
    state.connections += 1;
    const stale = () => generation !== offerGeneration || link !== current;

    pc.ontrack = (event) => attachRemoteTrack(current, event);
    pc.ondatachannel = (event) => {
      if (event.channel.label === "control" && !stale()) watchControl(current, event.channel);
    };
    pc.onconnectionstatechange = () => {
      if (stale()) return;
      if (pc.connectionState === "failed" && current.open) {
        state.linkLost = true;
        render();
      }
    };

    await pc.setRemoteDescription({ type: "offer", sdp });
    if (stale()) return;
    await attachLocalTracks(current);
    const answer = await pc.createAnswer();
    if (stale()) return;
    await pc.setLocalDescription(answer);
    await gatheringComplete(pc);
    if (stale()) return;
    send({ type: "answer", to: "host", sdp: pc.localDescription.sdp });
  }

  async function attachLocalTracks(current) {
    const transceivers = current.pc.getTransceivers();
    const audioTransceiver = transceivers.find((x) => x.receiver.track.kind === "audio");
    const videoTransceivers = transceivers.filter((x) => x.receiver.track.kind === "video");
    const audio = localStream.getAudioTracks()[0] || null;
    const video = localStream.getVideoTracks()[0] || null;
    // Our camera goes out on the first video (the official's, in the other direction); the
    // second carries the floor site to us and nothing back.
    if (audioTransceiver) {
      audioTransceiver.direction = "sendrecv";
      await audioTransceiver.sender.replaceTrack(audio);
      current.audioSender = audioTransceiver.sender;
    }
    videoTransceivers.forEach((transceiver, index) => {
      transceiver.direction = index === 0 ? "sendrecv" : "recvonly";
    });
    if (videoTransceivers[0]) {
      await videoTransceivers[0].sender.replaceTrack(video);
      current.videoSender = videoTransceivers[0].sender;
    }
  }

  function gatheringComplete(pc) {
    if (pc.iceGatheringState === "complete") return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        pc.removeEventListener("icegatheringstatechange", check);
        clearTimeout(timer);
        resolve();
      };
      const check = () => {
        if (pc.iceGatheringState === "complete") done();
      };
      // Past this, answer with the candidates found so far rather than never.
      const timer = setTimeout(done, GATHERING_TIMEOUT_MS);
      pc.addEventListener("icegatheringstatechange", check);
    });
  }

  function attachRemoteTrack(current, event) {
    if (link !== current) return;
    const track = event.track;
    if (track.kind === "audio") {
      view.remoteAudio.srcObject = new MediaStream([track]);
      playAudio();
      return;
    }
    const videos = current.pc
      .getTransceivers()
      .filter((transceiver) => transceiver.receiver.track.kind === "video");
    const index = videos.indexOf(event.transceiver);
    const name = index === 1 ? "floor" : "official";
    const element = name === "floor" ? view.floorVideo : view.officialVideo;
    element.srcObject = new MediaStream([track]);
    element.play().catch(() => {});
    countFrames(name, element);
  }

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

  function watchControl(current, channel) {
    current.channel = channel;
    const opened = () => {
      if (link !== current) return;
      current.open = true;
      current.lastPingAt = performance.now();
      state.linkLost = false;
      render();
    };
    if (channel.readyState === "open") opened();
    else channel.addEventListener("open", opened);
    channel.addEventListener("close", () => {
      if (link === current && current.open) {
        state.linkLost = true;
        render();
      }
    });
    channel.addEventListener("message", (event) => {
      if (link !== current || typeof event.data !== "string") return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === "ping") {
        // Answered at once: the hub measures the round trip and declares the link lost
        // without a pong.
        channel.send(JSON.stringify({ type: "pong", seq: message.seq, sent: message.sent }));
        current.lastPingAt = performance.now();
        if (state.linkLost) {
          state.linkLost = false;
          render();
        }
      } else if (message.type === "quality") {
        const width = Number(message.width);
        const height = Number(message.height);
        const fps = Number(message.fps);
        if (!(width > 0 && height > 0 && fps > 0)) return;
        state.quality = { width, height, fps, floor: !!message.floor, via: null, scale: null };
        state.qualityFloor = !!message.floor;
        applyQuality().finally(render);
      } else if (message.type === "media" && typeof message.video === "boolean") {
        state.soundOnly = !message.video;
        applyMedia().finally(render);
      }
    });
  }

  // Sound only: the video encoding is switched off at the sender (the camera and the
  // self-view stay on) until the official turns video back on.
  async function applyMedia() {
    const sender = link && link.videoSender;
    if (!sender) return;
    try {
      const parameters = sender.getParameters();
      if (!parameters.encodings || parameters.encodings.length === 0) parameters.encodings = [{}];
      for (const encoding of parameters.encodings) encoding.active = !state.soundOnly;
      await sender.setParameters(parameters);
    } catch (error) {
      console.warn("could not switch the video encoding", error);
    }
  }

  // Sends no more than the hub asked for: scaled down at the encoder, so the self-view and
  // the camera stay as they are and the floor can get full quality back at once.
  async function applyQuality() {
    const quality = state.quality;
    const sender = link && link.videoSender;
    const track = sender && sender.track;
    if (!quality) return;
    if (!sender || !track) {
      quality.via = "none";
      return;
    }
    const settings = track.getSettings();
    const width = settings.width || 640;
    const height = settings.height || 480;
    const scale = Math.max(1, width / quality.width, height / quality.height);
    try {
      const parameters = sender.getParameters();
      if (!parameters.encodings || parameters.encodings.length === 0) parameters.encodings = [{}];
      for (const encoding of parameters.encodings) {
        encoding.scaleResolutionDownBy = scale;
        encoding.maxFramerate = quality.fps;
      }
      await sender.setParameters(parameters);
      quality.via = "setParameters";
      quality.scale = scale;
    } catch (error) {
      console.warn("setParameters failed; changing the capture instead", error);
      try {
        await track.applyConstraints({
          width: { max: quality.width },
          height: { max: quality.height },
          frameRate: { max: quality.fps },
        });
        quality.via = "applyConstraints";
        quality.scale = 1;
      } catch {
        quality.via = "failed";
      }
    }
  }

  // What the browser actually sends can stay below the request for a while: the encoder
  // ramps up with the bandwidth estimate and backs off when the CPU is busy.
  async function collectSendingStats() {
    const current = link;
    if (!current || !current.open) return;
    try {
      const reports = await current.pc.getStats();
      reports.forEach((report) => {
        if (report.type === "outbound-rtp" && report.kind === "video" && link === current) {
          state.sending = {
            width: report.frameWidth ?? 0,
            height: report.frameHeight ?? 0,
            fps: report.framesPerSecond ?? 0,
            limitation: report.qualityLimitationReason ?? "none",
          };
        }
      });
    } catch {
      // A connection closing under our feet: the next one reports.
    }
  }

  function heartbeatWatch() {
    const current = link;
    if (!current || !current.open || state.final) return;
    if (!state.linkLost && performance.now() - current.lastPingAt > HEARTBEAT_TIMEOUT_MS) {
      state.linkLost = true;
      render();
    }
  }

  // ----- Frame counting (for people: the placeholders; for tests: window.outreachJoin) -----

  function newVideoStats() {
    return { frames: 0, width: 0, height: 0, times: [], armedOn: null };
  }

  function countFrames(name, element) {
    const stats = videoStats[name];
    const tile = name === "floor" ? view.floorTile : view.officialTile;
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
      if (!tile.classList.contains("live") && link) tile.classList.add("live");
      element.requestVideoFrameCallback(onFrame);
    };
    element.requestVideoFrameCallback(onFrame);
  }

  function videoSnapshot(name) {
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

  // ----- Controls -----

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
    view.devicesToggle.addEventListener("click", () => {
      view.devices.hidden = !view.devices.hidden;
      if (!view.devices.hidden) refreshDevices();
      render();
    });
    view.cameraSelect.addEventListener("change", () => switchDevice("video", view.cameraSelect.value));
    view.microphoneSelect.addEventListener("change", () =>
      switchDevice("audio", view.microphoneSelect.value),
    );
    view.leave.addEventListener("click", () => {
      send({ type: "bye", to: "host", reason: "the site left" });
      finish("left");
    });
    view.noticeAction.addEventListener("click", () => location.reload());
    view.playAudio.addEventListener("click", playAudio);
    view.language.addEventListener("click", () => {
      language = language === "zh" ? "en" : "zh";
      remember(STORAGE.language, language);
      render();
    });
    navigator.mediaDevices?.addEventListener?.("devicechange", refreshDevices);
    // Tell the hub at once instead of letting its heartbeat find out (a closed tab, a reload).
    window.addEventListener("pagehide", () => {
      if (!state.final) send({ type: "bye", to: "host", reason: "the page was closed" });
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
    connectSignaling();
    setInterval(heartbeatWatch, 500);
    setInterval(collectSendingStats, 1000);
  }

  main().catch((error) => console.error("the join page failed to start", error));
})();
