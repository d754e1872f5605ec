// What the join page remembers between visits on this browser: the chosen camera, microphone
// and language. Storage can be blocked (private modes): then nothing is remembered and the
// page works the same.

export const REMEMBERED = Object.freeze({
  camera: "outreach.join.camera",
  microphone: "outreach.join.microphone",
  language: "outreach.join.language",
});

export function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; the page works the same.
  }
}

export function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
