// Tracklight tracking page: reads the public view once, then listens for live pushes over the WebSocket.
// Carrier text is untrusted: it only ever reaches the page through textContent.
(() => {
  'use strict';
  const MILESTONES = ['INFO_RECEIVED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];
  const RANK = { PENDING: 0, INFO_RECEIVED: 1, PICKED_UP: 2, IN_TRANSIT: 3, EXCEPTION: 3, OUT_FOR_DELIVERY: 4,
    AVAILABLE_FOR_PICKUP: 4, DELIVERY_ATTEMPTED: 4, RETURNING: 3, DELIVERED: 5, RETURNED: 5, CANCELLED: 0, EXPIRED: 0 };
  const LABELS = { PENDING: 'Waiting for the carrier', INFO_RECEIVED: 'Label created', PICKED_UP: 'Picked up',
    IN_TRANSIT: 'In transit', OUT_FOR_DELIVERY: 'Out for delivery', AVAILABLE_FOR_PICKUP: 'Ready for pickup',
    DELIVERY_ATTEMPTED: 'Delivery attempted', DELIVERED: 'Delivered', EXCEPTION: 'Needs attention',
    RETURNING: 'Returning to sender', RETURNED: 'Returned to sender', CANCELLED: 'Cancelled', EXPIRED: 'No longer tracked' };
  const $ = (id) => document.getElementById(id);
  const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  let config = null;
  let shown = -1;
  let lastUpdate = 0;
  let socket = null;
  let retry = 0;
  let pollTimer = null;

  const text = (el, value) => { el.textContent = value == null ? '' : String(value); };
  const humanize = (code) => code ? code.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '';

  function localTime(iso, offset) {
    const date = new Date(iso);
    const options = { dateStyle: 'medium', timeStyle: 'short' };
    // Show the checkpoint in its own local time when the carrier gave the offset.
    const match = /^([+-])(\d\d):(\d\d)$/.exec(offset || '');
    if (match) {
      const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
      const shifted = new Date(date.getTime() + minutes * 60000);
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(shifted) + ' (UTC' + offset + ')';
    }
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }

  function render(view) {
    if (typeof view.version === 'number' && view.version < shown) return; // a late push of an older view
    shown = view.version;
    lastUpdate = Date.now();
    $('app').setAttribute('aria-busy', 'false');
    text($('carrier'), [view.carrier, view.trackingNumber].filter(Boolean).join(' · '));
    text($('status'), LABELS[view.status] || humanize(view.status));
    text($('sub-status'), humanize(view.subStatus));
    const progress = $('progress');
    progress.replaceChildren(...MILESTONES.map((milestone) => {
      const li = document.createElement('li');
      li.className = RANK[milestone] <= (RANK[view.status] || 0) ? 'done' : '';
      if (view.status === 'EXCEPTION' && milestone === 'IN_TRANSIT') li.className = 'exception';
      li.setAttribute('aria-label', LABELS[milestone] + (li.className === 'done' ? ' (done)' : ''));
      return li;
    }));
    const timeline = $('timeline');
    timeline.replaceChildren(...(view.timeline || []).map((entry) => {
      const li = document.createElement('li');
      const what = document.createElement('p');
      what.className = 'what';
      text(what, entry.message || LABELS[entry.status] || humanize(entry.status));
      const when = document.createElement('p');
      when.className = 'when';
      text(when, localTime(entry.occurredAt, entry.localOffset));
      li.append(what, when);
      if (entry.location && entry.location.city) {
        const where = document.createElement('p');
        where.className = 'where';
        text(where, [entry.location.city, entry.location.region, entry.location.country].filter(Boolean).join(', '));
        li.append(where);
      }
      return li;
    }));
    tick();
  }

  function showMessage(title) {
    $('app').setAttribute('aria-busy', 'false');
    text($('status'), title);
    const message = $('message');
    message.hidden = false;
    text(message, 'Check the link in your message, or contact the shop you ordered from.');
  }

  async function refresh() {
    const response = await fetch(config.apiBaseUrl + '/v1/track/' + encodeURIComponent(token), { cache: 'no-store' });
    if (response.status === 404) { showMessage('Tracking link not found'); return false; }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
    return true;
  }

  function tick() {
    const live = $('live');
    const connected = socket && socket.readyState === WebSocket.OPEN;
    live.classList.toggle('connected', !!connected);
    const seconds = lastUpdate ? Math.round((Date.now() - lastUpdate) / 1000) : null;
    const age = seconds == null ? '' : seconds < 5 ? 'updated just now' : 'updated ' + seconds + ' s ago';
    text($('live-text'), (connected ? 'Live · ' : pollTimer ? 'Refreshing every 30 s · ' : 'Reconnecting… · ') + age);
  }

  function connect() {
    if (!('WebSocket' in window)) { startPolling(); return; }
    socket = new WebSocket(config.webSocketUrl + '?token=' + encodeURIComponent(token));
    socket.addEventListener('open', () => {
      retry = 0;
      stopPolling();
      socket.send(JSON.stringify({ action: 'subscribe' }));
      tick();
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'view') render(message.view);
    });
    socket.addEventListener('close', () => {
      tick();
      retry += 1;
      if (retry > 5) startPolling();
      const delay = Math.min(30000, 500 * 2 ** Math.min(retry, 6)) * (0.75 + Math.random() / 2);
      setTimeout(() => { refresh().catch(() => {}); connect(); }, delay);
    });
  }

  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(() => refresh().catch(() => {}), 30000);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  async function start() {
    config = await (await fetch('/t/config.json', { cache: 'no-store' })).json();
    try {
      if (await refresh()) connect();
    } catch (e) {
      showMessage('Tracking is unavailable right now');
      startPolling();
    }
    setInterval(tick, 1000);
  }

  start();
})();
