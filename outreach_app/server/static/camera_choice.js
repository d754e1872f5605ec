// Which camera "Switch camera" goes to. A phone lists one front camera and often several back
// ones (wide, ultra-wide, tele); people expect front, back, front again, as in every video app,
// not a walk through the lenses. Pure: the page gathers what the browser says about each camera.

const FACINGS = new Set(["user", "environment"]);
const OPPOSITE = { user: "environment", environment: "user" };

// "user" or "environment" when the browser says which way a camera faces, else null. Takes a
// facingMode as a track's settings give it (a string) or as capabilities list it (an array).
export function knownFacing(facingMode) {
  const modes = Array.isArray(facingMode) ? facingMode : [facingMode];
  const known = modes.filter((mode) => FACINGS.has(mode));
  return known.length === 1 ? known[0] : null;
}

// The device id to switch to from `currentId` (null when not known), among `cameras`:
// [{ deviceId, facing }] in the browser's order, facing "user", "environment" or null. The
// first camera facing the other way where facings are known, else the next one in the list;
// null when there is no other camera.
export function cameraAfter(cameras, currentId) {
  const index = cameras.findIndex((camera) => camera.deviceId === currentId);
  const current = cameras[index];
  const wanted = current && OPPOSITE[current.facing];
  const other = wanted && cameras.find((camera) => camera.facing === wanted);
  if (other) return other.deviceId;
  const next = cameras[(index + 1) % cameras.length];
  return next && next !== current ? next.deviceId : null;
}
