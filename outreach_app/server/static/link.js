// The join page's peer connection with the official's hub (aiortc).
//
// The hub makes every offer; the page answers. The offer carries, in this order: the audio
// mix, the official's video, the floor site's video (older hubs send no second video), and the
// data channel CONTROL_CHANNEL with heartbeats and the hub's requests (protocol.js, "control").
// aiortc ignores trickled candidates, so the answer goes out only once ICE gathering is done.
// A new offer means the hub rebuilt the link: the page closes the old Link first.

import { CONTROL_CHANNEL, decode, dispatcher, encode } from "./protocol.js";

// aiortc reads candidates from the SDP only; on a LAN gathering takes milliseconds.
const GATHERING_TIMEOUT_MS = 5000;

export class Link {
  // `events` hears what happens while the link is not closed: track(link, event),
  // opened(link), lost(link), heard(link) (a heartbeat), quality(link, request),
  // media(link, video), standing(link, message) and notice(link, message).
  constructor(iceServers, events) {
    this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: "max-bundle" });
    this.events = events;
    this.channel = null;
    this.open = false;
    this.lastPingAt = 0;
    this.videoSender = null;
    this.audioSender = null;
    this.closed = false;
    this.pc.ontrack = (event) => {
      if (!this.closed) events.track(this, event);
    };
    this.pc.ondatachannel = (event) => {
      if (event.channel.label === CONTROL_CHANNEL && !this.closed) this.watchControl(event.channel);
    };
    this.pc.onconnectionstatechange = () => {
      if (!this.closed && this.pc.connectionState === "failed" && this.open) events.lost(this);
    };
  }

  // The answer's SDP once gathering is done, or null when the link closed meanwhile.
  async answer(sdp, localStream) {
    await this.pc.setRemoteDescription({ type: "offer", sdp });
    if (this.closed) return null;
    await this.attachLocalTracks(localStream);
    const answer = await this.pc.createAnswer();
    if (this.closed) return null;
    await this.pc.setLocalDescription(answer);
    await gatheringComplete(this.pc);
    if (this.closed) return null;
    return this.pc.localDescription.sdp;
  }

  async attachLocalTracks(localStream) {
    const transceivers = this.pc.getTransceivers();
    const audioTransceiver = transceivers.find((x) => x.receiver.track.kind === "audio");
    const videoTransceivers = transceivers.filter((x) => x.receiver.track.kind === "video");
    const audio = localStream.getAudioTracks()[0] || null;
    const video = localStream.getVideoTracks()[0] || null;
    // Our camera goes out on the first video (the official's, in the other direction); the
    // second carries the floor site to us and nothing back.
    if (audioTransceiver) {
      audioTransceiver.direction = "sendrecv";
      await audioTransceiver.sender.replaceTrack(audio);
      this.audioSender = audioTransceiver.sender;
    }
    videoTransceivers.forEach((transceiver, index) => {
      transceiver.direction = index === 0 ? "sendrecv" : "recvonly";
    });
    if (videoTransceivers[0]) {
      await videoTransceivers[0].sender.replaceTrack(video);
      this.videoSender = videoTransceivers[0].sender;
    }
  }

  // "official" or "floor": which of the hub's videos a received video track is.
  videoName(transceiver) {
    const videos = this.pc
      .getTransceivers()
      .filter((candidate) => candidate.receiver.track.kind === "video");
    return videos.indexOf(transceiver) === 1 ? "floor" : "official";
  }

  watchControl(channel) {
    this.channel = channel;
    const opened = () => {
      if (this.closed) return;
      this.open = true;
      this.lastPingAt = performance.now();
      this.events.opened(this);
    };
    if (channel.readyState === "open") opened();
    else channel.addEventListener("open", opened);
    channel.addEventListener("close", () => {
      if (!this.closed && this.open) this.events.lost(this);
    });
    const handle = dispatcher("control", {
      ping: (message) => {
        // Answered at once: the hub measures the round trip and declares the link lost
        // without a pong.
        channel.send(encode("control", "pong", { seq: message.seq, sent: message.sent }));
        this.lastPingAt = performance.now();
        this.events.heard(this);
      },
      quality: (message) => {
        const width = Number(message.width);
        const height = Number(message.height);
        const fps = Number(message.fps);
        if (!(width > 0 && height > 0 && fps > 0)) return;
        this.events.quality(this, { width, height, fps, floor: !!message.floor });
      },
      media: (message) => {
        if (typeof message.video === "boolean") this.events.media(this, message.video);
      },
      standing: (message) => this.events.standing(this, message),
      notice: (message) => this.events.notice(this, message),
    });
    channel.addEventListener("message", (event) => {
      if (this.closed || typeof event.data !== "string") return;
      const message = decode("control", event.data);
      if (message) handle(message);
    });
  }

  // Asks the official for the floor (or takes the request back); false without a channel.
  sendHand(raised) {
    if (!this.open || !this.channel || this.channel.readyState !== "open") return false;
    this.channel.send(encode("control", "hand", { raised }));
    return true;
  }

  // Sound only: the video encoding is switched off at the sender (the camera and the
  // self-view stay on) until the official turns video back on.
  async applyMedia(soundOnly) {
    const sender = this.videoSender;
    if (!sender) return;
    try {
      const parameters = sender.getParameters();
      if (!parameters.encodings || parameters.encodings.length === 0) parameters.encodings = [{}];
      for (const encoding of parameters.encodings) encoding.active = !soundOnly;
      await sender.setParameters(parameters);
    } catch (error) {
      console.warn("could not switch the video encoding", error);
    }
  }

  // Sends no more than the hub asked for: scaled down at the encoder, so the self-view and
  // the camera stay as they are and the floor can get full quality back at once. Records how
  // in `quality.via` and `quality.scale`.
  async applyQuality(quality) {
    const sender = this.videoSender;
    const track = sender && sender.track;
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

  // What the browser actually sends, or null (see sendingStats).
  sendingStats() {
    return sendingStats(this.pc);
  }

  close() {
    this.closed = true;
    try {
      this.pc.close();
    } catch {
      // Already closed.
    }
  }
}

// What `pc` sends as video now, or null: the encoder ramps up with the bandwidth estimate and
// backs off when the CPU is busy, so this can stay below the request a while. With simulcast
// layers, the largest layer sent.
export async function sendingStats(pc) {
  let sending = null;
  try {
    const reports = await pc.getStats();
    reports.forEach((report) => {
      if (report.type !== "outbound-rtp" || report.kind !== "video") return;
      const width = report.frameWidth ?? 0;
      if (sending && sending.width >= width) return;
      sending = {
        width,
        height: report.frameHeight ?? 0,
        fps: report.framesPerSecond ?? 0,
        limitation: report.qualityLimitationReason ?? "none",
      };
    });
  } catch {
    // A connection closing under our feet: the next one reports.
  }
  return sending;
}

// Resolves once `pc` has gathered its candidates (they go in the SDP: no trickle), or after
// a while with what it has.
export function gatheringComplete(pc) {
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
