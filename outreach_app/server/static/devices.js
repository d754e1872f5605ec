// The site's own camera and microphone on the join page: opening them, listing them, and
// switching to another one. Problems come back as keys of the page's strings.

import { knownFacing } from "./camera_choice.js";
import { REMEMBERED, recall, remember } from "./memory.js";

const CAPTURE = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } };

export function trackOf(stream, kind) {
  return (kind === "video" ? stream.getVideoTracks() : stream.getAudioTracks())[0] || null;
}

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

// The camera and microphone chosen last time (or the defaults): { stream, warning }. The
// stream is null when the browser gives none at all (not a secure context, permission
// refused, devices busy).
export async function openLocalMedia() {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    return { stream: null, warning: "insecure" };
  }
  const video = constraintsFor("video", recall(REMEMBERED.camera), false);
  const audio = constraintsFor("audio", recall(REMEMBERED.microphone), false);
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video, audio }), warning: null };
  } catch (error) {
    const key = mediaErrorKey(error);
    if (key !== "mediaMissing") return { stream: null, warning: key };
  }
  // One of the two may still be there: a laptop without a camera, a desk PC without a mic.
  for (const [only, note] of [
    [{ audio }, "onlyAudio"],
    [{ video }, "onlyVideo"],
  ]) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia(only), warning: note };
    } catch {
      // Try the other one.
    }
  }
  return { stream: new MediaStream(), warning: "mediaMissing" };
}

// The cameras and microphones the browser lists, or null when it cannot list them.
export async function listDevices() {
  if (!navigator.mediaDevices?.enumerateDevices) return null;
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return {
      cameras: devices.filter((d) => d.kind === "videoinput"),
      microphones: devices.filter((d) => d.kind === "audioinput"),
    };
  } catch {
    return null;
  }
}

// The cameras of `listDevices` as [{ deviceId, facing }], facing "user", "environment" or null.
// Browsers that describe their cameras say it in each camera's capabilities (after permission);
// others only in the settings of an open track: `track` (the camera sending now) adds its own,
// and `seen` (device id to facing, kept by the caller) remembers what earlier tracks said.
export function describeCameras(cameras, track, seen) {
  if (track) {
    const settings = track.getSettings();
    const facing = knownFacing(settings.facingMode);
    if (facing && settings.deviceId) seen.set(settings.deviceId, facing);
  }
  return cameras
    .filter((camera) => camera.deviceId)
    .map((camera) => ({
      deviceId: camera.deviceId,
      facing: knownFacing(camera.getCapabilities?.().facingMode) || seen.get(camera.deviceId) || null,
    }));
}

// A track of `kind` from the device `deviceId`, remembered for next time: { track, failed }.
// When that device cannot be opened, the default one instead (failed: true), or no track.
export async function openDevice(kind, deviceId) {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      [kind]: constraintsFor(kind, deviceId, true),
    });
    remember(kind === "video" ? REMEMBERED.camera : REMEMBERED.microphone, deviceId);
    return { track: trackOf(stream, kind), failed: false };
  } catch {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraintsFor(kind, null) });
      return { track: trackOf(stream, kind), failed: true };
    } catch {
      return { track: null, failed: true };
    }
  }
}
