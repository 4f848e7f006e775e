// The Command Center's live wire. The page opens /ws as the signed-in organizer and sends
// WATCH_EVENT: the event's schedule, bookings and announcements, and whatever plays on its
// stages, arrive as they happen. Each kind of news re-renders its part of the page from the
// server (a PrimeFaces remote command), at most a few times a second; the page never reloads.
(function () {
    'use strict';
    const wire = document.getElementById('live-watch');
    if (!wire) {
        return;
    }
    const eventId = Number(wire.dataset.event);
    const parts = {
        NOW_PLAYING: 'refreshLive', TRACK_STOPPED: 'refreshLive', LISTENER_COUNT: 'refreshLive',
        SESSION_STARTED: 'refreshLive', SESSION_ENDED: 'refreshLive', SESSION_EXPIRED: 'refreshLive', STAGE_IDLE: 'refreshLive',
        SCHEDULE_UPDATED: 'refreshSchedule', BOOKING_UPDATED: 'refreshSchedule',
        EVENT_ANNOUNCEMENT: 'refreshAnnouncements'
    };
    const pending = new Set();
    let attempt = 0;
    let keepAlive = null;
    let socket = null;
    let watchId = null;

    function watch() {
        watchId = 'watch-' + Date.now();
        socket.send(JSON.stringify({type: 'WATCH_EVENT', eventId: eventId, messageId: watchId}));
    }

    // A stage added on this page is watched too: the page asks again (the server's answer is idempotent).
    window.pikaRewatch = function () {
        if (socket && socket.readyState === WebSocket.OPEN) {
            watch();
        }
    };

    function refresh(command) {
        if (pending.has(command)) {
            return;
        }
        pending.add(command);
        setTimeout(function () {
            pending.delete(command);
            if (typeof window[command] === 'function') {
                window[command]();
            }
        }, 250);
    }

    function show(state) {
        wire.dataset.state = state;
    }

    function connect() {
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        socket = new WebSocket(scheme + location.host + wire.dataset.path);
        socket.onopen = function () {
            watch();
            keepAlive = setInterval(function () {
                socket.send(JSON.stringify({type: 'PING'}));
            }, 25000);
        };
        socket.onmessage = function (frame) {
            let message;
            try {
                message = JSON.parse(frame.data);
            } catch (e) {
                return;
            }
            if (message.messageId === watchId) {
                if (message.type === 'ACK') {
                    attempt = 0;
                    show('live');
                    refresh('refreshLive'); // what changed while the page was not watching
                } else {
                    show('refused');
                }
                return;
            }
            if (parts[message.type]) {
                refresh(parts[message.type]);
            }
        };
        socket.onclose = function () {
            clearInterval(keepAlive);
            if (wire.dataset.state !== 'refused') {
                show('offline');
                // Jittered backoff: a restarted node is not met by every dashboard at once.
                const delay = Math.min(30000, 1000 * Math.pow(2, attempt++)) * (0.5 + Math.random());
                setTimeout(connect, delay);
            }
        };
    }

    show('connecting');
    connect();
})();
