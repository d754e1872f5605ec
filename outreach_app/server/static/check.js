// The pre-call check: camera, microphone and the connection to the server, then the result is
// posted for the organiser. Plain JavaScript modules, no build step; the token comes from the
// address.

import { decode, encode } from "./protocol.js";
import { CHECK_STRINGS } from "./strings.js";

const language = (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en";
const t = CHECK_STRINGS[language];
const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");

// Read by the tests; never written from outside.
window.outreachCheck = { done: false, result: null, posted: null };

function show(part, state, text) {
  const item = document.getElementById(part);
  item.dataset.state = state;
  item.querySelector(".verdict").textContent = text;
}

function classify(error) {
  if (!error) return "failed";
  if (error.name === "NotAllowedError" || error.name === "SecurityError") return "denied";
  if (error.name === "NotFoundError" || error.name === "OverconstrainedError") return "missing";
  return "failed";
}

async function checkCamera() {
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true });
  } catch (error) {
    return { result: classify(error) };
  }
  const video = document.getElementById("preview");
  video.srcObject = stream;
  const shown = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000);
    const look = () => {
      if (video.videoWidth > 0) { clearTimeout(timer); resolve(true); } else { setTimeout(look, 100); }
    };
    look();
  });
  return { result: shown ? "ok" : "failed", stream, noFrames: !shown };
}

async function checkMicrophone() {
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    return { result: classify(error) };
  }
  const context = new AudioContext();
  await context.resume();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const meter = document.getElementById("level");
  let loudest = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const level = Math.sqrt(sum / samples.length);
    loudest = Math.max(loudest, level);
    meter.value = Math.min(1, level * 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stream.getTracks().forEach((track) => track.stop());
  await context.close();
  return { result: loudest > 0.005 ? "ok" : "failed", noSound: loudest <= 0.005 };
}

function checkConnection() {
  return new Promise((resolve) => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}/ws`);
    const times = [];
    let sentAt = 0;
    const finish = (result) => {
      clearTimeout(timer);
      try { socket.close(); } catch (_) { /* already closed */ }
      times.sort((a, b) => a - b);
      resolve({ result, roundTrip: times.length ? Math.round(times[Math.floor(times.length / 2)]) : null });
    };
    const timer = setTimeout(() => finish(times.length ? "ok" : "failed"), 5000);
    const ping = () => { sentAt = performance.now(); socket.send(encode("client", "ping", { id: times.length })); };
    socket.onopen = ping;
    socket.onmessage = (event) => {
      const message = decode("server", event.data);
      if (!message || message.type !== "pong") return;
      times.push(performance.now() - sentAt);
      if (times.length >= 3) finish("ok"); else ping();
    };
    socket.onerror = () => finish("failed");
  });
}

async function run() {
  const again = document.getElementById("again");
  again.disabled = true;
  window.outreachCheck.done = false;
  for (const part of ["camera", "microphone", "connection"]) show(part, "waiting", t.testing);
  delete document.getElementById("preview").parentElement.dataset.stopped;
  document.getElementById("summary").textContent = "";

  const camera = await checkCamera();
  show("camera", camera.result === "ok" ? "ok" : "bad",
    camera.result === "ok" ? t.ok : camera.noFrames ? t.noFrames : t[camera.result]);
  const microphone = await checkMicrophone();
  show("microphone", microphone.result === "ok" ? "ok" : "bad",
    microphone.result === "ok" ? t.ok : microphone.noSound ? t.noSound : t[microphone.result]);
  const connection = await checkConnection();
  show("connection", connection.result === "ok" ? "ok" : "bad",
    connection.result === "ok" ? t.roundTrip(connection.roundTrip) : t.noServer);
  if (camera.stream) camera.stream.getTracks().forEach((track) => track.stop());
  // A black box after the camera is released looks broken: say that the preview ended.
  const preview = document.getElementById("preview");
  preview.srcObject = null;
  preview.parentElement.dataset.label = t.previewEnded;
  preview.parentElement.dataset.stopped = "true";

  const result = {
    camera: camera.result, microphone: microphone.result, connection: connection.result,
    round_trip_ms: connection.roundTrip, detail: navigator.userAgent.slice(0, 200),
  };
  window.outreachCheck.result = result;
  const passed = [result.camera, result.microphone, result.connection].every((r) => r === "ok");
  let summary = passed ? t.passed : t.notPassed;
  try {
    const response = await fetch(location.pathname, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(result),
    });
    window.outreachCheck.posted = response.ok;
    if (!response.ok) summary += " " + t.notSent + response.status;
  } catch (error) {
    window.outreachCheck.posted = false;
    summary += " " + t.notSent + error;
  }
  document.getElementById("summary").textContent = summary;
  window.outreachCheck.done = true;
  again.disabled = false;
}

function translatePage() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = `${t.title} · Outreach`;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = t[element.dataset.text];
  }
  document.getElementById("level").setAttribute("aria-label", t.levelLabel);
}

document.addEventListener("DOMContentLoaded", () => {
  translatePage();
  document.getElementById("again").addEventListener("click", run);
  if (!token) return;
  run();
});
