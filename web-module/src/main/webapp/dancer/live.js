// The dancer's live page: follows a stage (/stage/{id}) or a set (/live/{id}) over /ws (protocol
// v0.3.0), keeps the dancer's likes and votes on the phone, and reconnects by itself.
// Likes made while offline are kept in localStorage and sent as one SEND_BULK_LIKE on reconnect.

import { $, HEADERS, el, toast, clientId as browserClientId, pushSupported, subscribeToPush, offerSpotify } from './common.js';

const body = document.body;
const stageId = body.dataset.stage ? Number(body.dataset.stage) : null;
const wantedSession = body.dataset.session || null;
const MAX_KEPT = 500;

const clientId = browserClientId();

const stored = (key, fallback) => {
  try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
};
const keep = (key, value) => localStorage.setItem(key, JSON.stringify(value));

const state = {
  sessionId: null, djName: null, track: null, history: [], listeners: null, tempo: null, poll: null,
  djAnnouncement: null, eventNews: [], subscribed: false,
  liked: new Set(stored('pika_liked', [])), // "sessionId|artist::title"
  pending: stored('pika_pending_likes', []), // [{sessionId, track: {artist, title}}], liked while offline
  pollVotes: stored('pika_poll_votes', {}), // pollId → option index
};

/** The server's dedupe key: lower-case, trimmed, spaces collapsed. */
const trackKey = (t) => `${norm(t.artist)}::${norm(t.title)}`;
const norm = (s) => String(s ?? '').toLowerCase().trim().replace(/\s+/g, ' ');
const likeKey = (sessionId, t) => `${sessionId}|${trackKey(t)}`;

// ---- the connection

let ws = null;
let attempt = 0;
let reconnectTimer = null;
let keepAlive = null;
let lastHeard = 0;
let subscribeId = null;
let messageCount = 0;
let refused = false;
const nextId = (kind) => `${kind}-${Date.now().toString(36)}-${++messageCount}`;

function connect() {
  clearTimeout(reconnectTimer);
  if (refused || (ws && ws.readyState <= WebSocket.OPEN)) return;
  if (!navigator.onLine) { linkState('offline', 'offline'); return; }
  linkState('connecting', 'connecting…');
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
  ws = socket;
  socket.onopen = () => {
    lastHeard = Date.now();
    subscribe();
    keepAlive = setInterval(() => {
      if (Date.now() - lastHeard > 45000) { socket.close(); return; } // silent too long: a dead link
      if (document.visibilityState === 'visible') send({ type: 'PING' });
    }, 15000);
  };
  socket.onmessage = (event) => {
    lastHeard = Date.now();
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    handle(message);
  };
  socket.onclose = () => {
    clearInterval(keepAlive);
    if (ws !== socket) return;
    ws = null;
    state.subscribed = false;
    render();
    if (refused) return;
    if (!navigator.onLine) { linkState('offline', 'offline'); return; }
    linkState('offline', 'reconnecting…');
    const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random());
    attempt = Math.min(attempt + 1, 8);
    reconnectTimer = setTimeout(connect, delay);
  };
}

function subscribe() {
  subscribeId = nextId('follow');
  if (stageId) send({ type: 'SUBSCRIBE_STAGE', stageId, clientId, messageId: subscribeId });
  else send({ type: 'SUBSCRIBE', sessionId: wantedSession || state.sessionId || undefined, clientId, messageId: subscribeId });
}

function send(message) {
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(message));
  return true;
}

function linkState(kind, text) {
  const el = $('link-state');
  el.className = `link-state ${kind}`;
  el.textContent = text;
}

window.addEventListener('offline', () => { if (ws) ws.close(); linkState('offline', 'offline'); });
window.addEventListener('online', () => { attempt = 0; connect(); });
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !ws) { attempt = 0; connect(); } // a phone waking up
});

// ---- what arrives

const pendingActions = new Map(); // messageId → what to do on NACK

function handle(m) {
  switch (m.type) {
    case 'ACK':
      if (m.messageId === subscribeId) followed();
      pendingActions.delete(m.messageId);
      return;
    case 'NACK':
      if (m.messageId === subscribeId) { refusedFollow(m.error); return; }
      (pendingActions.get(m.messageId) || (() => toast(m.error)))(m.error);
      pendingActions.delete(m.messageId);
      return;
    case 'SESSIONS_LIST':
      if (!stageId && !wantedSession && !state.sessionId && m.sessions && m.sessions.length) {
        const first = m.sessions[0];
        newSet(first.sessionId, first.djName);
        subscribe(); // /live: follow what plays now
      } else if (m.sessions) {
        const mine = m.sessions.find((s) => s.sessionId === (wantedSession || state.sessionId));
        if (mine) { newSet(mine.sessionId, mine.djName); if (mine.currentTrack) nowPlaying(mine.currentTrack); }
      }
      break;
    case 'LISTENER_COUNT':
      if (stageId && m.sessionId !== state.sessionId) newSet(m.sessionId, null);
      if (m.sessionId === state.sessionId) state.listeners = m.count;
      break;
    case 'NOW_PLAYING':
      if (m.sessionId !== state.sessionId) newSet(m.sessionId, m.djName);
      state.djName = m.djName || state.djName;
      nowPlaying(m.track);
      break;
    case 'METADATA_UPDATED':
      if (m.sessionId === state.sessionId && state.track && trackKey(m.track) === trackKey(state.track)) state.track = m.track;
      break;
    case 'TRACK_STOPPED':
      if (m.sessionId === state.sessionId) { pushHistory(state.track); state.track = null; }
      break;
    case 'TEMPO_RESET':
      if (m.sessionId === state.sessionId) state.tempo = null;
      break;
    case 'TEMPO_FEEDBACK':
      if (m.sessionId === state.sessionId) state.room = m;
      break;
    case 'SESSION_STARTED':
      if (stageId ? m.stageId === stageId : (!wantedSession || m.sessionId === wantedSession)) {
        const moved = !stageId && !wantedSession && m.sessionId !== state.sessionId;
        newSet(m.sessionId, m.djName);
        state.idle = null;
        if (moved) subscribe(); // /live follows whatever plays now
      }
      break;
    case 'SESSION_ENDED':
    case 'SESSION_EXPIRED':
      if (m.sessionId === state.sessionId) endSet();
      break;
    case 'STAGE_IDLE':
      if (m.stageId === stageId) { endSet(); state.idle = m.nextSlot || {}; }
      break;
    case 'POLL_STARTED':
      state.poll = {
        id: m.pollId, question: m.question, options: m.options, votes: m.votes || m.options.map(() => 0),
        total: m.totalVotes || 0, mine: m.votedOptionIndex ?? state.pollVotes[m.pollId], ended: false, winner: null,
      };
      break;
    case 'POLL_UPDATE':
    case 'VOTE_REJECTED':
      if (state.poll && state.poll.id === m.pollId && m.votes) { state.poll.votes = m.votes; state.poll.total = m.totalVotes; }
      if (m.type === 'VOTE_REJECTED' && state.poll && state.poll.id === m.pollId) {
        state.poll.mine = null; // the counts above are the server's: the NACK that follows undoes nothing more
        delete state.pollVotes[m.pollId];
      }
      break;
    case 'POLL_ENDED':
      if (state.poll && state.poll.id === m.pollId) {
        Object.assign(state.poll, { votes: m.results, total: m.totalVotes, ended: true, winner: m.winnerIndex });
      }
      break;
    case 'ANNOUNCEMENT_RECEIVED':
      if (m.sessionId === state.sessionId) state.djAnnouncement = m.message;
      break;
    case 'ANNOUNCEMENT_CANCELLED':
      if (m.sessionId === state.sessionId) state.djAnnouncement = null;
      break;
    case 'EVENT_ANNOUNCEMENT':
      if (!state.eventNews.some((n) => n.id === m.id)) {
        state.eventNews.unshift(m);
        state.eventNews.length = Math.min(state.eventNews.length, 20);
        // Buzz for news, not for the last minutes replayed on (re)connect; browsers allow it after a tap only.
        const fresh = Date.now() - Date.parse(m.timestamp) < 60000;
        if (m.priority === 'urgent' && fresh && navigator.vibrate && navigator.userActivation?.hasBeenActive) navigator.vibrate([200, 100, 200]);
      }
      break;
    case 'LIKE_RECEIVED':
      $('like').classList.remove('pulse'); void $('like').offsetWidth; $('like').classList.add('pulse');
      return;
    default:
      return;
  }
  render();
}

function followed() {
  attempt = 0;
  state.subscribed = true;
  linkState('live', 'live');
  sendPendingLikes();
  loadHistory();
  render();
}

function refusedFollow(error) {
  if (/rate limit/i.test(error)) { toast('Busy: trying again in a moment'); ws.close(); return; }
  refused = true;
  linkState('offline', 'unavailable');
  state.idle = { refused: error === 'Stage is closed' ? 'This stage is closed.' : error === 'Stage not found'
    ? 'This stage is not open yet.' : error };
  render();
  ws.close();
}

function newSet(sessionId, djName) {
  if (sessionId === state.sessionId) { if (djName) state.djName = djName; return; }
  Object.assign(state, { sessionId, djName, track: null, history: [], listeners: null, tempo: null, room: null, poll: null,
    djAnnouncement: null, idle: null });
  if (sessionId && !djName && stageId) {
    fetch(`/api/stages/${stageId}`).then((r) => (r.ok ? r.json() : null)).then((answer) => {
      const live = answer && answer.stage && answer.stage.live;
      if (live && live.sessionId === state.sessionId) { state.djName = live.djName; render(); }
    }).catch(() => {});
  }
  if (state.subscribed) loadHistory();
}

function endSet() {
  Object.assign(state, { sessionId: null, djName: null, track: null, listeners: null, tempo: null, room: null, poll: null,
    djAnnouncement: null, idle: {} });
}

function nowPlaying(track) {
  if (state.track && trackKey(state.track) !== trackKey(track)) { pushHistory(state.track); state.tempo = null; }
  state.track = track;
  state.idle = null;
  state.history = state.history.filter((t) => trackKey(t) !== trackKey(track));
}

function pushHistory(track) {
  if (!track) return;
  state.history = [track, ...state.history.filter((t) => trackKey(t) !== trackKey(track))].slice(0, 50);
}

function loadHistory() {
  const sessionId = state.sessionId;
  if (!sessionId) return;
  fetch(`/api/sessions/${encodeURIComponent(sessionId)}/history`).then((r) => (r.ok ? r.json() : [])).then((played) => {
    if (sessionId !== state.sessionId || !Array.isArray(played)) return;
    const known = new Set(state.history.map(trackKey));
    if (state.track) known.add(trackKey(state.track));
    state.history = [...state.history, ...played.filter((t) => !known.has(trackKey(t)))].slice(0, 50);
    render();
  }).catch(() => {});
}

// ---- what the dancer does

function toggleLike(track) {
  const sessionId = state.sessionId;
  if (!sessionId || !track) return;
  const key = likeKey(sessionId, track);
  const plain = { artist: track.artist, title: track.title };
  if (state.liked.has(key)) {
    state.liked.delete(key);
    state.pending = state.pending.filter((p) => likeKey(p.sessionId, p.track) !== key);
    send({ type: 'REMOVE_LIKE', sessionId, clientId, payload: { track: plain }, messageId: nextId('unlike') });
  } else {
    state.liked.add(key);
    const messageId = nextId('like');
    pendingActions.set(messageId, (error) => {
      if (error !== 'Already liked this track') { state.liked.delete(key); toast(error); saveLikes(); render(); }
    });
    if (!state.subscribed || !send({ type: 'SEND_LIKE', sessionId, clientId, payload: { track: plain }, messageId })) {
      pendingActions.delete(messageId);
      state.pending.push({ sessionId, track: plain }); // sent when the page is back
      toast('Offline: your like is kept and sent when you are back');
    }
  }
  saveLikes();
  render();
}

function sendPendingLikes() {
  if (!state.pending.length) return;
  // The server takes a set's likes only while it is on air: the rest cannot reach its DJ any more.
  const now = state.pending.filter((p) => p.sessionId === state.sessionId);
  const lost = state.pending.length - now.length;
  for (let i = 0; i < now.length; i += 100) {
    const messageId = nextId('likes');
    const tracks = now.slice(i, i + 100).map((p) => p.track);
    pendingActions.set(messageId, (error) => toast(`Your likes could not be sent: ${error}`));
    send({ type: 'SEND_BULK_LIKE', sessionId: state.sessionId, clientId, payload: { tracks }, messageId });
  }
  state.pending = [];
  saveLikes();
  if (lost) toast(`${lost} like${lost === 1 ? '' : 's'} of an ended set could not be sent`);
}

function saveLikes() {
  keep('pika_liked', [...state.liked].slice(-MAX_KEPT));
  keep('pika_pending_likes', state.pending.slice(-MAX_KEPT));
}

function tempo(preference) {
  if (!state.sessionId) return;
  const next = state.tempo === preference ? 'clear' : preference;
  const before = state.tempo;
  state.tempo = next === 'clear' ? null : next;
  const messageId = nextId('tempo');
  pendingActions.set(messageId, (error) => { state.tempo = before; toast(error); render(); });
  if (!send({ type: 'SEND_TEMPO_REQUEST', sessionId: state.sessionId, clientId, preference: next, messageId })) {
    state.tempo = before;
    toast('Offline: try again when you are back');
  }
  render();
}

function vote(index) {
  const poll = state.poll;
  if (!poll || poll.ended || poll.mine !== undefined && poll.mine !== null) return;
  const messageId = nextId('vote');
  pendingActions.set(messageId, (error) => {
    if (poll.mine === index) { poll.votes[index] = Math.max(0, (poll.votes[index] || 0) - 1); poll.total = Math.max(0, poll.total - 1); }
    poll.mine = null;
    delete state.pollVotes[poll.id];
    toast(error);
    render();
  });
  if (send({ type: 'VOTE_ON_POLL', pollId: poll.id, optionIndex: index, clientId, messageId })) {
    // The voter gets no POLL_UPDATE of its own vote (sender exclusion): counted here, undone on a NACK.
    poll.votes[index] = (poll.votes[index] || 0) + 1;
    poll.total = (poll.total || 0) + 1;
    poll.mine = index;
    state.pollVotes[poll.id] = index;
    const ids = Object.keys(state.pollVotes);
    if (ids.length > 50) delete state.pollVotes[ids[0]];
    keep('pika_poll_votes', state.pollVotes);
  } else {
    toast('Offline: vote again when you are back');
  }
  render();
}

function thank() {
  if (!state.sessionId) return;
  const messageId = nextId('thanks');
  pendingActions.set(messageId, (error) => toast(error));
  if (send({ type: 'SEND_REACTION', sessionId: state.sessionId, clientId, reaction: 'thank_you', messageId })) {
    $('thanks').classList.add('sent');
    toast(`Thank-you sent${state.djName ? ` to ${state.djName}` : ''}`);
    setTimeout(() => $('thanks').classList.remove('sent'), 3000);
  }
}

$('like').addEventListener('click', () => toggleLike(state.track));
$('thanks').addEventListener('click', thank);
document.querySelectorAll('[data-tempo]').forEach((b) => b.addEventListener('click', () => tempo(b.dataset.tempo)));
$('history').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-index]');
  if (button) toggleLike(state.history[Number(button.dataset.index)]);
});
$('poll-options').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-option]');
  if (button) vote(Number(button.dataset.option));
});

// ---- drawing


const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function render() {
  const on = Boolean(state.sessionId);
  const idle = state.idle;
  $('dj').textContent = state.djName ? `${state.djName} is playing` : '';
  $('playing').hidden = Boolean(idle) && !state.track;
  $('idle').hidden = !idle || Boolean(state.track);
  if (idle) {
    const next = idle.slotId ? `Next: ${idle.title || 'a set'}${idle.djName ? ` with ${idle.djName}` : ''} at ${clock(idle.startsAt)}.` : '';
    const nobody = stageId || !wantedSession ? 'Nobody is playing right now.' : 'This set is not on air.';
    $('idle').textContent = idle.refused || `${nobody} ${next}`.trim();
  }
  $('title').textContent = state.track ? state.track.title : on ? 'Between tracks' : 'Waiting for the music…';
  $('artist').textContent = state.track ? state.track.artist : '';
  $('bpm').textContent = state.track && state.track.bpm ? `${Math.round(state.track.bpm)} BPM` : '';
  const liked = Boolean(state.track && on && state.liked.has(likeKey(state.sessionId, state.track)));
  $('like').disabled = !state.track || !on;
  $('like').setAttribute('aria-pressed', String(liked));
  $('like').textContent = liked ? '♥ Liked' : '♥ Like';
  $('thanks').disabled = !on || !state.subscribed;
  $('listeners').textContent = state.listeners == null ? '' : `${state.listeners} ${state.listeners === 1 ? 'dancer' : 'dancers'} listening`;

  document.querySelectorAll('[data-tempo]').forEach((b) => {
    b.disabled = !on || !state.subscribed;
    b.setAttribute('aria-pressed', String(state.tempo === b.dataset.tempo));
  });
  const room = state.room;
  $('tempo-room').textContent = room && room.total ? `The floor: ${room.faster} faster · ${room.perfect} perfect · ${room.slower} slower` : '';

  $('dj-news').hidden = !state.djAnnouncement;
  $('dj-announcement').textContent = state.djAnnouncement || '';

  const poll = state.poll;
  $('poll').hidden = !poll;
  if (poll) {
    $('poll-question').textContent = poll.ended ? `${poll.question} (closed)` : poll.question;
    const total = poll.total || 0;
    $('poll-options').replaceChildren(...poll.options.map((option, i) => {
      const count = poll.votes[i] || 0;
      const fill = el('span', { class: 'bar-fill' });
      fill.style.width = `${total ? Math.round((100 * count) / total) : 0}%`;
      const classes = [poll.mine === i ? 'mine' : '', poll.ended && poll.winner === i ? 'winner' : ''].join(' ').trim();
      const button = el('button', { type: 'button', 'data-option': String(i), class: classes, 'aria-pressed': String(poll.mine === i) },
        fill, el('span', { class: 'label' }, `${poll.mine === i ? '✓ ' : ''}${option}`), el('span', { class: 'count' }, String(count)));
      button.disabled = poll.ended || (poll.mine !== undefined && poll.mine !== null) || !state.subscribed;
      return el('li', {}, button);
    }));
    $('poll-total').textContent = `${total} ${total === 1 ? 'vote' : 'votes'}${poll.mine != null ? ' · you voted' : ''}`;
  }

  const urgent = state.eventNews.find((n) => n.priority === 'urgent' && Date.now() - Date.parse(n.timestamp) < 15 * 60000);
  $('urgent').hidden = !urgent;
  $('urgent').textContent = urgent ? `⚠ ${urgent.message}` : '';
  $('news').hidden = state.eventNews.length === 0;
  $('announcements').replaceChildren(...state.eventNews.map((n) => el('li', { class: n.priority },
    el('time', { datetime: n.timestamp }, `${clock(n.timestamp)} · ${n.priority}`), n.message)));

  $('history').replaceChildren(...state.history.map((t, i) => {
    const mine = on && state.liked.has(likeKey(state.sessionId, t));
    const button = el('button', { type: 'button', 'data-index': String(i), 'aria-pressed': String(mine),
      'aria-label': `${mine ? 'Unlike' : 'Like'} ${t.title}` }, '♥');
    button.disabled = !on;
    return el('li', {}, el('span', { class: 'track' }, t.title, el('small', {}, t.artist)), button);
  }));
  if (!state.history.length) $('history').append(el('li', { class: 'muted' }, 'Nothing yet.'));
}

// ---- extras: push notifications and Spotify

async function optIntoPush() {
  try {
    const endpoint = await subscribeToPush(state.sessionId ? { sessionId: state.sessionId } : {});
    if (stageId) {
      const follow = await fetch(`/api/stages/${stageId}/subscribe`, { method: 'POST', headers: HEADERS,
        body: JSON.stringify({ clientId, pushEndpoint: endpoint }) });
      if (!follow.ok) throw new Error((await follow.json()).error);
    }
    $('push-optin').textContent = 'Notifications on';
    $('push-optin').disabled = true;
    toast('You will get this stage\'s announcements');
  } catch (e) {
    toast(`Notifications could not be turned on: ${e.message}`);
  }
}

if (pushSupported()) {
  $('push-optin').hidden = false;
  $('push-optin').addEventListener('click', optIntoPush);
}
offerSpotify($('spotify'));

// For tests and curious developers: what the page holds now.
window.pikaLive = { state, get socket() { return ws; } };

if (wantedSession) newSet(wantedSession, null);
render();
connect();
