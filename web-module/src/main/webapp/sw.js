// Pika!'s service worker: shows the pushes a dancer opted into on the live page, and opens the
// page a notification points to when it is tapped.
self.addEventListener('push', (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch { data = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || 'Pika!', {
    body: data.body || '',
    icon: '/favicon.svg',
    tag: data.tag || 'pika-notification',
    requireInteraction: Boolean(data.requireInteraction),
    data: data.data || {},
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/live';
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((open) => {
    const page = open.find((client) => new URL(client.url).pathname === url);
    return page ? page.focus() : self.clients.openWindow(url);
  }));
});
