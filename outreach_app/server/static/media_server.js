// The join page's connections to the media server (Janus), when the session runs there.
//
// The page publishes its camera and microphone on one peer connection (its video in two
// simulcast layers, so that the media server gives each viewer the size it needs) and receives
// each peer it wants on a peer connection of its own. It never speaks to Janus: the signaling
// server passes its offers and answers on ("publish", "subscribe", "subscription-answer").
// Like the desktop app's MediaServerLink, it keeps what is wanted: it publishes when the
// session's room is ready, subscribes once a peer publishes, changes a subscription in place
// when only the choice changes, and starts again with growing pauses when a connection fails,
// the server ends it, or nothing arrives on it for a while.

import { gatheringComplete } from "./link.js";

const TICK_MS = 500;
const ATTEMPT_TIMEOUT_MS = 8000;
const SILENCE_MS = 3500;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;
// The camera's full size and a half-size layer: the media server picks one per viewer.
const LAYERS = [{ rid: "h" }, { rid: "l", scaleResolutionDownBy: 2, maxFramerate: 15 }];

function retryDelay(failures) {
  return failures <= 0 ? 0 : Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
}

function sameWanted(a, b) {
  return !!a && !!b && a.peer === b.peer && a.video === b.video && a.audio === b.audio;
}

export class MediaServerLink {
  // `signaling` sends client messages (send(type, fields)); `events` hears track(id, track)
  // for what a subscription receives and changed() when anything changed.
  constructor(signaling, events) {
    this.signaling = signaling;
    this.events = events;
    this.iceServers = [];
    this.localStream = new MediaStream();
    this.soundOnly = false;
    this.ready = false;
    this.feeds = new Map();
    this.publication = null;
    this.publishFailures = 0;
    this.publishAt = 0;
    this.subscriptions = new Map();
    this.closed = false;
    this.timer = setInterval(() => this.keep().catch((e) => console.warn(e)), TICK_MS);
  }

  // ----- What the page wants

  want(id, peer, video, audio) {
    const wanted = { peer, video, audio };
    const current = this.subscriptions.get(id);
    if (!current) {
      this.subscriptions.set(id, { id, wanted, requested: null, pc: null, failures: 0 });
    } else if (!sameWanted(current.wanted, wanted)) {
      if (current.wanted.peer !== peer) current.failures = 0;
      current.wanted = wanted;
    } else {
      return;
    }
    this.keep().catch((e) => console.warn(e));
  }

  drop(id) {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return;
    this.subscriptions.delete(id);
    if (subscription.requested) this.signaling.send("unsubscribe", { id });
    this.closeConnection(subscription);
  }

  // Sound only: our video encodings stop at the sender (the camera stays on).
  async setSoundOnly(soundOnly) {
    this.soundOnly = soundOnly;
    await this.applyVideoActive();
  }

  // Start every connection again (our own network probably dropped).
  restart() {
    this.discardPublication();
    for (const subscription of this.subscriptions.values()) this.reset(subscription, false);
  }

  // ----- What is there

  get publishing() {
    const publication = this.publication;
    return !!publication && publication.answered && publication.pc.connectionState === "connected";
  }

  isPublished(peer) {
    const feed = this.feeds.get(peer);
    return !!feed && feed.published;
  }

  // When media last arrived on subscription `id` (from its statistics), or null.
  lastMediaAt(id) {
    const subscription = this.subscriptions.get(id);
    return subscription && subscription.pc ? subscription.heardAt || null : null;
  }

  // ----- What the server says; false for any other message

  handle(message) {
    switch (message.type) {
      case "engine":
        this.setReady(message.engine === "janus" && message.ready === true);
        break;
      case "published":
        this.applyAnswer(message.sdp).catch((e) => console.warn("publication answer", e));
        break;
      case "publication-ended":
        this.publishFailures += 1;
        this.publishAt = performance.now() + retryDelay(this.publishFailures);
        this.discardPublication();
        break;
      case "subscription-offer":
        this.answer(message.id, message.sdp).catch((e) => console.warn("subscription", e));
        break;
      case "subscription-ended": {
        const subscription = this.subscriptions.get(message.id);
        if (subscription && subscription.requested && subscription.requested.peer === message.peer) {
          this.reset(subscription, true);
        }
        break;
      }
      case "feed":
        this.feeds.set(message.peer, {
          published: message.published === true,
          simulcast: message.simulcast === true,
        });
        if (message.published !== true) {
          for (const subscription of this.subscriptions.values()) {
            if (subscription.requested && subscription.requested.peer === message.peer) {
              this.reset(subscription, false);
            }
          }
        }
        break;
      default:
        return false;
    }
    this.keep().catch((e) => console.warn(e));
    this.events.changed();
    return true;
  }

  setReady(ready) {
    if (ready === this.ready) return;
    this.ready = ready;
    if (!ready) {
      this.feeds.clear();
      this.discardPublication();
      for (const subscription of this.subscriptions.values()) this.reset(subscription, false);
    }
    this.publishFailures = 0;
    this.publishAt = 0;
  }

  // ----- Keeping it so

  async keep() {
    if (this.closed || !this.ready || this.keeping) return;
    this.keeping = true;
    try {
      const now = performance.now();
      await this.keepPublication(now);
      for (const subscription of [...this.subscriptions.values()]) {
        await this.keepSubscription(subscription, now);
      }
    } finally {
      this.keeping = false;
    }
  }

  async keepPublication(now) {
    const publication = this.publication;
    if (publication) {
      const state = publication.pc.connectionState;
      const stuck = state !== "connected" && now - publication.offeredAt > ATTEMPT_TIMEOUT_MS;
      if (state === "failed" || state === "closed" || stuck) {
        this.publishFailures += 1;
        this.publishAt = now + retryDelay(this.publishFailures);
        this.discardPublication();
      } else if (state === "connected") {
        this.publishFailures = 0;
      }
      return;
    }
    if (now < this.publishAt) return;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: "max-bundle" });
    const audio = this.localStream.getAudioTracks()[0] || null;
    const video = this.localStream.getVideoTracks()[0] || null;
    // Sound first, then the video: the order the server reads them in.
    const audioSender = pc.addTransceiver(audio || "audio", { direction: "sendonly" }).sender;
    const videoSender = video
      ? pc.addTransceiver(video, { direction: "sendonly", sendEncodings: LAYERS }).sender
      : null;
    const offered = { pc, offeredAt: now, answered: false, audioSender, videoSender };
    this.publication = offered;
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc);
    if (this.publication !== offered) return;
    await this.applyVideoActive();
    if (!this.signaling.send("publish", { sdp: pc.localDescription.sdp })) {
      this.discardPublication();
    }
  }

  async keepSubscription(subscription, now) {
    const wanted = subscription.wanted;
    if (!this.isPublished(wanted.peer)) return;
    const requested = subscription.requested;
    if (requested && requested.peer === wanted.peer) {
      if (!sameWanted(requested, wanted)) {
        subscription.requested = wanted;
        this.signaling.send("subscribe", { id: subscription.id, ...wanted });
      }
      if (await this.broken(subscription, now)) {
        this.signaling.send("unsubscribe", { id: subscription.id });
        this.reset(subscription, true);
      }
      return;
    }
    if (now < (subscription.retryAt || 0)) return;
    this.closeConnection(subscription);
    subscription.requested = wanted;
    subscription.askedAt = now;
    this.signaling.send("subscribe", { id: subscription.id, ...wanted });
  }

  async broken(subscription, now) {
    const pc = subscription.pc;
    if (!pc) return now - subscription.askedAt > ATTEMPT_TIMEOUT_MS;
    if (pc.connectionState === "failed" || pc.connectionState === "closed") return true;
    const bytes = await receivedBytes(pc);
    if (bytes > (subscription.bytes || 0)) {
      subscription.bytes = bytes;
      subscription.heardAt = now;
      subscription.failures = 0;
    }
    const wanted = subscription.wanted;
    const expecting = wanted.video !== "none" || wanted.audio;
    if (subscription.heardAt) return expecting && now - subscription.heardAt > SILENCE_MS;
    return now - subscription.askedAt > ATTEMPT_TIMEOUT_MS;
  }

  reset(subscription, countFailure) {
    this.closeConnection(subscription);
    subscription.requested = null;
    if (countFailure) {
      subscription.failures += 1;
      subscription.retryAt = performance.now() + retryDelay(subscription.failures);
    }
  }

  // ----- Connections

  async applyAnswer(sdp) {
    const publication = this.publication;
    if (!publication || publication.answered) return;
    if (publication.pc.signalingState !== "have-local-offer") return;
    publication.answered = true;
    await publication.pc.setRemoteDescription({ type: "answer", sdp });
  }

  async applyVideoActive() {
    const sender = this.publication && this.publication.videoSender;
    if (!sender) return;
    try {
      const parameters = sender.getParameters();
      for (const encoding of parameters.encodings || []) encoding.active = !this.soundOnly;
      await sender.setParameters(parameters);
    } catch (error) {
      console.warn("could not switch the video layers", error);
    }
  }

  async answer(id, sdp) {
    const subscription = this.subscriptions.get(id);
    if (!subscription || !subscription.requested) return;
    this.closeConnection(subscription);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: "max-bundle" });
    subscription.pc = pc;
    subscription.bytes = 0;
    subscription.heardAt = 0;
    pc.ontrack = (event) => {
      if (subscription.pc === pc) this.events.track(id, event.track);
    };
    await pc.setRemoteDescription({ type: "offer", sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gatheringComplete(pc);
    if (subscription.pc !== pc) return;
    this.signaling.send("subscription-answer", { id, sdp: pc.localDescription.sdp });
  }

  discardPublication() {
    const publication = this.publication;
    this.publication = null;
    if (publication) publication.pc.close();
  }

  closeConnection(subscription) {
    const pc = subscription.pc;
    subscription.pc = null;
    if (pc) pc.close();
  }

  close() {
    this.closed = true;
    clearInterval(this.timer);
    this.discardPublication();
    for (const subscription of this.subscriptions.values()) this.closeConnection(subscription);
    this.subscriptions.clear();
  }
}

async function receivedBytes(pc) {
  let bytes = 0;
  try {
    const reports = await pc.getStats();
    reports.forEach((report) => {
      if (report.type === "inbound-rtp") bytes += report.bytesReceived || 0;
    });
  } catch {
    // A connection closing under our feet.
  }
  return bytes;
}
