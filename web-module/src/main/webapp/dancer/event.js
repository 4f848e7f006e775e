// The dancer's event companion: what plays now on each stage, the schedule by stage in the event's
// time zone, and the slots the dancer stars. Signed out, stars are kept in this browser
// (localStorage "starred-<eventId>"); signed in, they are the account's, and the browser's are
// merged into it once. With notifications on, each star is reminded N minutes before its slot.

import { $, HEADERS, el, toast, pushSupported, currentPushEndpoint, subscribeToPush } from './common.js';

const eventId = Number(document.body.dataset.event);
const zone = document.body.dataset.zone;
const STARRED = `starred-${eventId}`;
const REMIND = 'pika_remind_minutes';
const REFRESH_MS = 30000;

const kept = () => { try { return JSON.parse(localStorage.getItem(STARRED)) || []; } catch { return []; } };
const starred = new Set(kept());
const stars = { signedIn: false, reminders: false, endpoint: null, minutes: Number(localStorage.getItem(REMIND)) || 10 };
let event = null;
let stages = [];
let schedule = [];

const day = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });

async function load() {
  try {
    const [found, planned] = await Promise.all([
      fetch(`/api/events/${eventId}`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))),
      fetch(`/api/events/${eventId}/schedule`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))),
    ]);
    event = found.event;
    stages = found.stages || [];
    schedule = (planned.schedule && planned.schedule.stages) || [];
    render();
  } catch (e) {
    toast(`Could not load the event (${e.message}): trying again soon`);
  }
}

function render() {
  $('event-when').textContent = event
    ? `${day.format(new Date(event.startsAt))} ${time.format(new Date(event.startsAt))} – ${day.format(new Date(event.endsAt))} ${time.format(new Date(event.endsAt))}`
    : '';
  $('zone-note').textContent = `(times in ${zone})`;

  const live = stages.filter((s) => s.live);
  $('now').replaceChildren(...(live.length ? live.map((s) => el('li', { class: 'now-stage' },
    el('strong', {}, s.name),
    el('span', { class: 'dj' }, `${s.live.djName} is playing`),
    el('span', { class: 'track' }, s.live.playing ? `${s.live.playing.artist} – ${s.live.playing.title}` : 'between tracks'),
    el('span', { class: 'muted' }, `${s.live.listenerCount} listening`),
    el('a', { href: `/stage/${s.id}`, class: 'open-stage' }, 'Open the live page'))) : [el('li', { class: 'muted' }, 'Nothing is on right now.')]));

  const only = $('only-starred').checked;
  $('starred-count').textContent = String(starred.size);
  $('schedule').replaceChildren(...schedule.map((entry) => {
    const slots = entry.slots.filter((slot) => !only || starred.has(slot.id));
    return el('section', { class: 'stage-schedule', 'data-stage': String(entry.stage.id) },
      el('h3', {}, el('a', { href: `/stage/${entry.stage.id}` }, entry.stage.name)),
      slots.length ? el('ol', { class: 'slots' }, ...slots.map(slotItem))
        : el('p', { class: 'muted' }, only ? 'No starred slot on this stage.' : 'Nothing planned yet.'));
  }));
  if (!schedule.length) $('schedule').append(el('p', { class: 'muted' }, 'The schedule is not out yet.'));
}

function slotItem(slot) {
  const mine = starred.has(slot.id);
  const star = el('button', { type: 'button', class: 'star', 'data-slot': String(slot.id), 'aria-pressed': String(mine),
    'aria-label': `${mine ? 'Unstar' : 'Star'} ${slot.title || 'this slot'}` }, mine ? '★' : '☆');
  return el('li', { class: `slot${slot.happeningNow ? ' happening' : ''}${mine ? ' starred' : ''}`, 'data-slot': String(slot.id) },
    el('span', { class: 'when' }, `${day.format(new Date(slot.startsAt))} ${time.format(new Date(slot.startsAt))}–${time.format(new Date(slot.endsAt))}`),
    el('span', { class: 'what' }, slot.title || slot.kind, slot.happeningNow ? el('span', { class: 'badge' }, 'now') : null),
    star);
}

// ---- stars on the server: the account's, or this phone's for its reminders

/** Sends a change of stars; answers false when the server does not keep this dancer's stars (signed out, no push). */
async function sendStars(change) {
  if (!stars.signedIn && !stars.endpoint) return false;
  const body = { ...change, remindMinutes: stars.minutes, ...(stars.endpoint ? { pushEndpoint: stars.endpoint } : {}) };
  const answer = await fetch(`/api/events/${eventId}/stars`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  const reply = await answer.json();
  if (!answer.ok) throw new Error(reply.error || `HTTP ${answer.status}`);
  stars.reminders = reply.reminders;
  if (stars.signedIn) {
    starred.clear();
    reply.slotIds.forEach((id) => starred.add(id));
  }
  return true;
}

/** Signed in: the account's stars, with the ones this browser kept merged in (once: the browser's copy is then dropped). */
async function loadStars() {
  stars.endpoint = await currentPushEndpoint().catch(() => null);
  const answer = await fetch(`/api/events/${eventId}/stars`, { headers: HEADERS });
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  const mine = await answer.json();
  if (!mine.signedIn) {
    stars.signedIn = false;
    if (stars.endpoint && starred.size) await sendStars({ star: [...starred] }).catch(() => {});
  } else {
    stars.signedIn = true;
    stars.reminders = mine.reminders;
    stars.minutes = mine.slotIds.length ? mine.remindMinutes : stars.minutes;
    const local = kept().filter((id) => !mine.slotIds.includes(id));
    starred.clear();
    mine.slotIds.forEach((id) => starred.add(id));
    if (local.length || stars.endpoint) {
      await sendStars({ star: local });
      if (local.length) toast(`${local.length} star(s) from this phone were added to your account`);
    }
    localStorage.removeItem(STARRED);
  }
  renderReminders();
  render();
}

function renderReminders() {
  $('remind-minutes').value = String(stars.minutes);
  $('stars-signin').hidden = stars.signedIn;
  $('journal-link').hidden = !stars.signedIn;
  $('reminders-on').hidden = !pushSupported() || stars.reminders || Boolean(stars.endpoint);
  $('reminder-note').textContent = stars.reminders
    ? `You get a notification ${stars.minutes} min before each starred slot.`
    : (stars.signedIn ? 'Turn on notifications on your phone to be reminded of your starred slots.'
      : 'Your stars are kept on this phone. Turn on notifications to be reminded of them.');
}

$('schedule').addEventListener('click', async (e) => {
  const star = e.target.closest('button.star');
  if (!star) return;
  const id = Number(star.dataset.slot);
  const adding = !starred.has(id);
  if (adding) starred.add(id); else starred.delete(id);
  if (!stars.signedIn) localStorage.setItem(STARRED, JSON.stringify([...starred]));
  render();
  try {
    await sendStars(adding ? { star: [id] } : { unstar: [id] });
    renderReminders();
    render();
  } catch (failure) {
    if (adding) starred.delete(id); else starred.add(id);
    if (!stars.signedIn) localStorage.setItem(STARRED, JSON.stringify([...starred]));
    render();
    toast(`Your star was not saved: ${failure.message}`);
  }
});
$('only-starred').addEventListener('change', render);
$('remind-minutes').addEventListener('change', async () => {
  stars.minutes = Number($('remind-minutes').value);
  localStorage.setItem(REMIND, String(stars.minutes));
  try {
    await sendStars({});
    renderReminders();
  } catch (failure) {
    toast(`The reminder time was not saved: ${failure.message}`);
  }
});
$('reminders-on').addEventListener('click', async () => {
  try {
    stars.endpoint = await subscribeToPush();
    await sendStars({ star: [...starred] });
    renderReminders();
    toast('Reminders are on for this phone');
  } catch (failure) {
    toast(`Notifications could not be turned on: ${failure.message}`);
  }
});
$('stars-signin').href = `/signin?next=${encodeURIComponent(location.pathname)}`;

document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') load(); });
setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
load();
loadStars().catch((failure) => toast(`Your stars could not be loaded: ${failure.message}`));
