// The dancer's event companion: what plays now on each stage, the schedule by stage in the event's
// time zone, and the slots the dancer stars (kept in this browser: localStorage "starred-<eventId>").

const $ = (id) => document.getElementById(id);
const eventId = Number(document.body.dataset.event);
const zone = document.body.dataset.zone;
const STARRED = `starred-${eventId}`;
const REFRESH_MS = 30000;

const starred = new Set((() => {
  try { return JSON.parse(localStorage.getItem(STARRED)) || []; } catch { return []; }
})());
let event = null;
let stages = [];
let schedule = [];

const day = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value; else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

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

$('schedule').addEventListener('click', (e) => {
  const star = e.target.closest('button.star');
  if (!star) return;
  const id = Number(star.dataset.slot);
  if (starred.has(id)) starred.delete(id); else starred.add(id);
  localStorage.setItem(STARRED, JSON.stringify([...starred]));
  render();
});
$('only-starred').addEventListener('change', render);

let toastTimer = null;
function toast(text) {
  $('toast').textContent = text;
  $('toast').hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { $('toast').hidden = true; }, 4000);
}

document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') load(); });
setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
load();
