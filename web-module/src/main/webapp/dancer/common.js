// What the dancer's pages share: element building, the toast, the browser's client id and the
// push subscription (service worker, VAPID key, POST /api/push/subscribe).

export const $ = (id) => document.getElementById(id);
export const HEADERS = { 'Content-Type': 'application/json', 'X-Pika-Client': 'pika-web' };

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value; else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

let toastTimer = null;
export function toast(text, millis = 3500) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, millis);
}

/** This browser's client id (the original web app's format), made once and kept. */
export function clientId() {
  let id = localStorage.getItem('pika_client_id');
  if (!id || !/^client_[A-Za-z0-9_-]{1,249}$/.test(id)) {
    const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
    id = `client_${Date.now()}_${random}`;
    localStorage.setItem('pika_client_id', id);
  }
  return id;
}

export const pushSupported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The push endpoint this browser already gave the server, if any (no prompt). */
export async function currentPushEndpoint() {
  if (!pushSupported() || Notification.permission !== 'granted') return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = registration && await registration.pushManager.getSubscription();
  return subscription ? subscription.endpoint : null;
}

/** Asks for permission, subscribes with the server's VAPID key and registers the phone; answers its endpoint. */
export async function subscribeToPush(extra = {}) {
  if (await Notification.requestPermission() !== 'granted') throw new Error('notifications are off for this site');
  const registration = await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  const { publicKey } = await (await fetch('/api/push/vapid-public-key')).json();
  const subscription = await registration.pushManager.getSubscription()
    || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  const { endpoint, keys } = subscription.toJSON();
  const answer = await fetch('/api/push/subscribe', { method: 'POST', headers: HEADERS,
    body: JSON.stringify({ endpoint, keys, clientId: clientId(), ...extra }) });
  if (!answer.ok) throw new Error((await answer.json()).error);
  return endpoint;
}

function fromBase64Url(text) {
  const raw = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** Shows the "Sign in with Spotify" link when the server has Spotify configured. */
export function offerSpotify(link, next = location.pathname) {
  fetch('/api/spotify/status').then((r) => (r.ok ? r.json() : null)).then((status) => {
    if (status && status.enabled) {
      link.href = `/api/auth/spotify/login?next=${encodeURIComponent(next)}`;
      link.hidden = false;
    }
  }).catch(() => {});
}
