// The signed-in dancer's music journal: liked songs grouped by event (then by set), with an
// export of an event's songs to a new Spotify playlist (POST /api/dancer/exports).

import { $, HEADERS, el, toast } from './common.js';

const SPOTIFY_STATES = { added: 'in Pika! Likes', pending: 'going to Spotify…', 'not-found': 'not on Spotify' };
const events = new Map(); // event key → { eventId, eventName, sets: Map(sessionId → group) }
let page = 0;
let total = 0;
let shown = 0;

const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

async function more() {
  $('journal-more').disabled = true;
  try {
    const answer = await fetch(`/api/dancer/likes?page=${page + 1}`, { headers: HEADERS });
    const reply = await answer.json();
    if (!answer.ok) throw new Error(reply.error || `HTTP ${answer.status}`);
    page = reply.page;
    total = reply.total;
    for (const group of reply.groups) {
      const key = group.eventId ? `event-${group.eventId}` : 'no-event';
      if (!events.has(key)) events.set(key, { eventId: group.eventId, eventName: group.eventName, sets: new Map() });
      const sets = events.get(key).sets;
      if (sets.has(group.sessionId)) sets.get(group.sessionId).likes.push(...group.likes); else sets.set(group.sessionId, { ...group });
      shown += group.likes.length;
    }
    render();
  } catch (failure) {
    toast(`Your journal could not be loaded: ${failure.message}`);
  } finally {
    $('journal-more').disabled = false;
  }
}

function render() {
  $('journal-total').textContent = total ? `${total} liked song${total === 1 ? '' : 's'}` : '';
  $('journal-more').hidden = shown >= total;
  if (!events.size) {
    $('journal').replaceChildren(el('section', { class: 'card' }, el('p', {}, 'No likes yet. Tap ♥ on the live page while a song plays, and it lands here.')));
    return;
  }
  $('journal').replaceChildren(...[...events.values()].map((event) => el('section', { class: 'card journal-event', 'data-event': String(event.eventId ?? '') },
    el('header', {},
      el('h2', {}, event.eventName || 'Sets outside an event'),
      event.eventId ? el('button', { type: 'button', class: 'export', 'data-event': String(event.eventId) }, 'Export to Spotify') : null),
    el('p', { class: 'muted export-result' }),
    ...[...event.sets.values()].map((set) => el('div', { class: 'journal-set' },
      el('h3', {}, `${set.djName} · ${dayAndTime.format(new Date(set.startedAt))}`),
      el('ol', {}, ...set.likes.map((like) => el('li', {}, `${like.artist} – ${like.title}`,
        like.spotify ? el('span', { class: 'spotify-state' }, SPOTIFY_STATES[like.spotify] || like.spotify) : null))))))));
}

$('journal').addEventListener('click', async (e) => {
  const button = e.target.closest('button.export');
  if (!button) return;
  const result = button.closest('section').querySelector('.export-result');
  button.disabled = true;
  result.textContent = 'Exporting…';
  try {
    const answer = await fetch('/api/dancer/exports', { method: 'POST', headers: HEADERS,
      body: JSON.stringify({ eventId: Number(button.dataset.event) }) });
    const reply = await answer.json();
    if (!answer.ok) throw new Error(reply.error || `HTTP ${answer.status}`);
    const missing = reply.notFound.length ? ` · ${reply.notFound.length} not found on Spotify` : '';
    result.replaceChildren(`${reply.added} song${reply.added === 1 ? '' : 's'} in `,
      el('a', { href: reply.playlistUrl, target: '_blank', rel: 'noopener' }, reply.name), missing);
  } catch (failure) {
    result.textContent = `Not exported: ${failure.message}`;
  } finally {
    button.disabled = false;
  }
});
$('journal-more').addEventListener('click', more);
more();
