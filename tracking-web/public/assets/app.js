// Tracklight tracking page: reads the public view once, then follows live pushes over the WebSocket.
// Carrier text is untrusted: it only ever reaches the page through textContent.
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'Tracking', journey: 'Journey', route: 'Route', eta: 'Estimated delivery', delivery: 'Delivery', connecting: 'Connecting…',
      live: 'Live', reconnecting: 'Reconnecting…', polling: 'Refreshing every 30 s', justNow: 'updated just now',
      ago: (s) => `updated ${s} s ago`, agoMin: (m) => `updated ${m} min ago`,
      arriving: (w) => `Arriving ${w}`, deliveredAt: (w) => `Delivered ${w}`,
      basis: { CARRIER_ESTIMATE: "Based on the carrier's estimate", MERCHANT_PROMISE: "Based on the shop's promised date",
        OUT_FOR_DELIVERY: 'On the delivery van today',
        LANE_HISTORY: 'Based on recent deliveries on this route' },
      confidence: (c) => (c >= 0.75 ? 'high confidence' : c >= 0.55 ? 'medium confidence' : 'low confidence'),
      moved: (w) => `Earlier estimate: ${w}`, promised: (d) => `Promised by ${d}`, latest: (d) => `At the latest by ${d}`,
      from: (a, b) => `${a} → ${b}`, to: (name) => `For ${name}`,
      notFound: 'Tracking link not found', notFoundHelp: 'Check the link in your message, or contact the shop you ordered from.',
      expired: 'This tracking link has expired', expiredHelp: 'Tracking ends some time after delivery. Contact the shop if you need help.',
      unavailable: 'Tracking is unavailable right now', unavailableHelp: 'We will keep trying. You can also reload the page.',
      delay: { AT_RISK: 'May arrive late', LATE: 'Running late', STALLED: 'No recent update', DELIVERED_LATE: 'Arrived late' },
      reason: {
        NO_SCAN_FOR_TOO_LONG: (d) => `The carrier has not scanned this parcel for ${d.hoursWithoutScan} hours. This stage usually takes at most ${d.stageLimitHours}.`,
        PROMISE_PASSED: () => 'The promised delivery date has passed and the parcel is still on its way.',
        LIKELY_AFTER_PROMISE: () => 'The carrier now expects it after the promised date.',
        MAY_MISS_PROMISE: () => 'The delivery window reaches past the promised date.',
        DELIVERED_LATE: () => 'It arrived after the promised date.',
      },
      status: { PENDING: 'Waiting for the carrier', INFO_RECEIVED: 'Label created', PICKED_UP: 'Picked up', IN_TRANSIT: 'In transit',
        OUT_FOR_DELIVERY: 'Out for delivery', AVAILABLE_FOR_PICKUP: 'Ready for pickup', DELIVERY_ATTEMPTED: 'Delivery attempted',
        DELIVERED: 'Delivered', EXCEPTION: 'Needs attention', RETURNING: 'Returning to sender', RETURNED: 'Returned to sender',
        CANCELLED: 'Cancelled', EXPIRED: 'No longer tracked' },
      switchTo: '中文', switchLang: 'zh-CN',
      notice: {
        NUMBER_NOT_KNOWN: 'The carrier does not know this tracking number yet. A new label usually shows up within a day; if it still does not, ask the shop to check the number.',
        NOT_CONNECTED: 'The shop has not connected this carrier yet, so updates may not appear here. The carrier\'s own site can still show this number.',
      },
    },
    'zh-CN': {
      title: '物流跟踪', journey: '物流详情', route: '运输路线', eta: '预计送达', delivery: '送达时间', connecting: '正在连接…',
      live: '实时', reconnecting: '正在重新连接…', polling: '每 30 秒刷新', justNow: '刚刚更新',
      ago: (s) => `${s} 秒前更新`, agoMin: (m) => `${m} 分钟前更新`,
      arriving: (w) => `预计 ${w}`, deliveredAt: (w) => `已于 ${w} 签收`,
      notice: {
        NUMBER_NOT_KNOWN: '承运商暂时查不到这个运单号。新面单通常在一天内可查；如果仍查不到，请联系商家核对单号。',
        NOT_CONNECTED: '商家尚未接入该承运商，物流更新可能不会显示在这里。您仍可在承运商官网查询此单号。',
      },
      basis: { CARRIER_ESTIMATE: '依据承运商预估', MERCHANT_PROMISE: '依据商家承诺送达日期', OUT_FOR_DELIVERY: '今日派送中',
        LANE_HISTORY: '依据该线路近期送达时效' },
      confidence: (c) => (c >= 0.75 ? '可信度高' : c >= 0.55 ? '可信度中' : '可信度低'),
      moved: (w) => `此前预计：${w}`, promised: (d) => `承诺 ${d} 前送达`, latest: (d) => `最晚 ${d} 送达`,
      from: (a, b) => `${a} → ${b}`, to: (name) => `收件人 ${name}`,
      notFound: '未找到该物流链接', notFoundHelp: '请核对短信或邮件中的链接，或联系下单的商家。',
      expired: '该物流链接已过期', expiredHelp: '签收一段时间后不再提供跟踪。如需帮助请联系商家。',
      unavailable: '暂时无法获取物流信息', unavailableHelp: '我们会自动重试，您也可以刷新页面。',
      delay: { AT_RISK: '可能延误', LATE: '已延误', STALLED: '物流长时间未更新', DELIVERED_LATE: '晚于承诺送达' },
      reason: {
        NO_SCAN_FOR_TOO_LONG: (d) => `承运商已 ${d.hoursWithoutScan} 小时未扫描该包裹，此环节通常不超过 ${d.stageLimitHours} 小时。`,
        PROMISE_PASSED: () => '已超过承诺送达日期，包裹仍在途中。',
        LIKELY_AFTER_PROMISE: () => '承运商预计将晚于承诺日期送达。',
        MAY_MISS_PROMISE: () => '预计送达时间段超出了承诺日期。',
        DELIVERED_LATE: () => '包裹晚于承诺日期送达。',
      },
      status: { PENDING: '等待揽收', INFO_RECEIVED: '已下单', PICKED_UP: '已揽收', IN_TRANSIT: '运输中', OUT_FOR_DELIVERY: '派送中',
        AVAILABLE_FOR_PICKUP: '待取件', DELIVERY_ATTEMPTED: '派送未成功', DELIVERED: '已签收', EXCEPTION: '异常', RETURNING: '退回中',
        RETURNED: '已退回', CANCELLED: '已取消', EXPIRED: '已停止跟踪' },
      switchTo: 'English', switchLang: 'en',
    },
  };
  const MILESTONES = ['INFO_RECEIVED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];
  const RANK = { PENDING: 0, INFO_RECEIVED: 1, PICKED_UP: 2, IN_TRANSIT: 3, EXCEPTION: 3, RETURNING: 3, OUT_FOR_DELIVERY: 4,
    AVAILABLE_FOR_PICKUP: 4, DELIVERY_ATTEMPTED: 4, DELIVERED: 5, RETURNED: 0, CANCELLED: 0, EXPIRED: 0 };
  const TROUBLE = ['EXCEPTION', 'DELIVERY_ATTEMPTED', 'RETURNING', 'RETURNED'];
  const MAX_TIMELINE = 100; // the newest checkpoints a whole view holds

  const params = new URLSearchParams(location.search);
  const lang = pickLanguage(params.get('lang'));
  const t = TEXT[lang];
  const $ = (id) => document.getElementById(id);
  const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  const state = { config: null, shown: -1, lastUpdate: 0, socket: null, retry: 0, pollTimer: null, view: null, askedAt: null };

  function pickLanguage(asked) {
    const wanted = [asked, ...(navigator.languages || [navigator.language])].filter(Boolean);
    for (const candidate of wanted) {
      if (/^zh/i.test(candidate)) return 'zh-CN';
      if (/^en/i.test(candidate)) return 'en';
    }
    return 'en';
  }

  const text = (el, value) => { el.textContent = value == null ? '' : String(value); };
  const humanize = (code) => (code ? code.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '');
  const element = (tag, className, content) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (content != null) text(el, content);
    return el;
  };

  // Times are shown in the place they happened: shift by the given offset and format as UTC.
  function offsetMinutes(offset) {
    const m = /^([+-])(\d\d):(\d\d)$/.exec(offset || '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
  }
  function local(iso, offset) {
    const minutes = offsetMinutes(offset);
    return { date: new Date(new Date(iso).getTime() + (minutes || 0) * 60000), zone: minutes == null ? undefined : 'UTC' };
  }
  function format(iso, offset, options) {
    const { date, zone } = local(iso, offset);
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: zone }).format(date);
  }
  function zoneLabel(offset) {
    const minutes = offsetMinutes(offset);
    if (minutes == null) return '';
    const h = Math.trunc(Math.abs(minutes) / 60);
    const m = Math.abs(minutes) % 60;
    return ` (UTC${minutes < 0 ? '−' : '+'}${h}${m ? ':' + String(m).padStart(2, '0') : ''})`;
  }
  function windowText(eta) {
    const from = local(eta.early, eta.localOffset);
    const to = local(eta.late, eta.localOffset);
    const day = { timeZone: from.zone, ...(lang === 'en' ? { weekday: 'short', month: 'short', day: 'numeric' } : { month: 'long', day: 'numeric' }) };
    const hours = { timeZone: from.zone, ...(lang === 'en' ? { hour: 'numeric' } : { hour: '2-digit', minute: '2-digit', hour12: false }) };
    const range = (options, a, b) => {
      const formatter = new Intl.DateTimeFormat(lang, options);
      return formatter.formatRange ? formatter.formatRange(a, b) : formatter.format(a) + ' – ' + formatter.format(b);
    };
    const dayFormat = new Intl.DateTimeFormat(lang, day);
    // "Tue, Nov 24, 2 – 6 PM" / "11月24日 14:00–18:00"; a window over midnight names both days.
    return dayFormat.format(from.date) === dayFormat.format(to.date)
      ? dayFormat.format(from.date) + ' ' + range(hours, from.date, to.date)
      : range({ ...day, ...hours }, from.date, to.date);
  }
  const dayOf = (iso, offset) => format(iso, offset, { weekday: 'long', month: 'long', day: 'numeric' });

  const entryKey = (entry) => [entry.occurredAt, entry.status || '', entry.message || ''].join('|');

  // An announced change carries only the newest checkpoints: they join what the page already shows, and when
  // some are still missing (a late scan, pushes missed while away) the page asks for the whole view once.
  function withKnownTimeline(view) {
    const shown = state.view && state.view.token === view.token ? state.view.timeline || [] : [];
    const merged = new Map();
    for (const entry of [...(view.timeline || []), ...shown]) if (!merged.has(entryKey(entry))) merged.set(entryKey(entry), entry);
    const timeline = [...merged.values()].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt)).slice(0, MAX_TIMELINE);
    return { ...view, timeline };
  }

  function askForMissing(view) {
    const missing = Math.min(view.timelineTotal || 0, MAX_TIMELINE) > view.timeline.length;
    if (!missing || state.askedAt === view.version) return;
    state.askedAt = view.version;
    if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify({ action: 'subscribe' }));
    else refresh().catch(() => {});
  }

  function render(pushed) {
    if (typeof pushed.version === 'number' && pushed.version < state.shown) return; // a late push of an older view
    const view = withKnownTimeline(pushed);
    state.shown = view.version;
    state.view = view;
    askForMissing(view);
    state.lastUpdate = Date.now();
    $('app').setAttribute('aria-busy', 'false');
    if (view.status === 'EXPIRED') { showMessage(t.expired, t.expiredHelp); return; }
    $('message').hidden = true;
    $('timeline-card').hidden = false;
    text($('carrier'), [view.carrier, view.trackingNumber].filter(Boolean).join(' · '));
    text($('status'), t.status[view.status] || humanize(view.status));
    // Sub-statuses are carrier milestone codes; readable in English, noise in other languages.
    text($('sub-status'), lang === 'en' ? humanize(view.subStatus) : '');
    renderProgress(view);
    const places = [view.origin, view.destination].map((p) => p && p.city);
    text($('route-line'), [places[0] && places[1] ? t.from(places[0], places[1]) : '', view.recipient ? t.to(view.recipient) : '']
      .filter(Boolean).join(' · '));
    renderNotice(view.carrierNotice);
    renderDelay(view.delay);
    renderEta(view);
    renderMap(view.timeline || []);
    renderTimeline(view.timeline || []);
    tick();
  }

  function renderProgress(view) {
    const rank = RANK[view.status] || 0;
    $('progress').replaceChildren(...MILESTONES.map((milestone) => {
      const li = element('li', RANK[milestone] <= rank ? 'done' : '');
      if (TROUBLE.includes(view.status) && RANK[milestone] === rank + 1) li.className = 'trouble';
      li.setAttribute('aria-label', t.status[milestone] + (li.className === 'done' ? ' ✓' : ''));
      return li;
    }));
    $('progress').setAttribute('aria-label', t.status[view.status] || '');
  }

  /** Why a page without scans has none yet, when the carrier's side says so. */
  function renderNotice(notice) {
    const line = $('carrier-notice');
    line.hidden = !notice || !t.notice[notice];
    if (!line.hidden) text(line, t.notice[notice]);
  }

  function renderDelay(delay) {
    const banner = $('delay');
    const visible = delay && delay.status !== 'ON_TIME';
    banner.hidden = !visible;
    if (!visible) return;
    banner.className = 'card banner ' + delay.status.toLowerCase().replace('_', '-');
    const reason = t.reason[delay.reason];
    const title = delay.reason === 'DELIVERED_LATE' ? t.delay.DELIVERED_LATE : t.delay[delay.status];
    banner.replaceChildren(element('strong', null, title), element('p', null, reason ? reason(delay) : delay.message));
  }

  function renderEta(view) {
    const card = $('eta');
    const eta = view.eta;
    const delivered = view.status === 'DELIVERED' && (view.timeline || []).find((entry) => entry.status === 'DELIVERED');
    card.hidden = !eta && !view.promisedDelivery && !delivered;
    if (card.hidden) return;
    text($('eta-title'), delivered ? t.delivery : t.eta);
    if (delivered) {
      text($('eta-window'), t.deliveredAt(format(delivered.occurredAt, delivered.localOffset,
        { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })));
      text($('eta-basis'), view.promisedDelivery ? t.promised(promisedDay(view.promisedDelivery)) : '');
    } else if (eta) {
      text($('eta-window'), t.arriving(windowText(eta)));
      text($('eta-basis'), `${t.basis[eta.basis] || ''} · ${t.confidence(eta.confidence)}`);
    } else {
      text($('eta-window'), t.promised(promisedDay(view.promisedDelivery)));
      text($('eta-basis'), '');
    }
    // the EDD is the engine's own promise (few deliveries land after it); other bases have none of their own
    const edd = $('eta-edd');
    edd.hidden = delivered || !eta || eta.basis !== 'LANE_HISTORY' || !eta.estimatedDeliveryDate;
    if (!edd.hidden) text(edd, t.latest(promisedDay(eta.estimatedDeliveryDate)));
    const moved = $('eta-moved');
    moved.hidden = !view.firstEta;
    if (view.firstEta) text(moved, t.moved(windowText(view.firstEta)));
  }

  const promisedDay = (day) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z'));

  function renderTimeline(entries) {
    const groups = [];
    for (const entry of entries) {
      const day = dayOf(entry.occurredAt, entry.localOffset);
      if (!groups.length || groups[groups.length - 1].day !== day) groups.push({ day, entries: [] });
      groups[groups.length - 1].entries.push(entry);
    }
    $('timeline').replaceChildren(...groups.flatMap((group, index) => {
      const list = element('ol', 'timeline' + (index === 0 ? ' latest' : ''));
      list.append(...group.entries.map((entry) => {
        const li = element('li');
        li.append(element('p', 'what', entry.message || t.status[entry.status] || humanize(entry.status)));
        li.append(element('p', 'when', format(entry.occurredAt, entry.localOffset, { hour: '2-digit', minute: '2-digit' })
          + zoneLabel(entry.localOffset)));
        const where = entry.location && [entry.location.city, entry.location.region, entry.location.country].filter(Boolean).join(', ');
        if (where) li.append(element('p', 'where', where));
        return li;
      }));
      return [element('h3', 'day', group.day), list];
    }));
  }

  // The route is drawn in Web Mercator so it lines up with map tiles when a tile server is configured;
  // without one (or when it is unreachable) the route still stands on its own.
  function renderMap(entries) {
    const points = entries.filter((e) => e.location && typeof e.location.lat === 'number' && typeof e.location.lon === 'number')
      .reverse().map((e) => ({ lat: e.location.lat, lon: e.location.lon, city: e.location.city }));
    const card = $('map-card');
    card.hidden = points.length < 2;
    if (card.hidden) return;
    text($('map-title'), t.route);
    const W = 320; const H = 180; const PAD = 28;
    const project = (p, zoom) => {
      const x = (p.lon + 180) / 360 * 256 * 2 ** zoom;
      const s = Math.sin(p.lat * Math.PI / 180);
      const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256 * 2 ** zoom;
      return { x, y };
    };
    let zoom = 14;
    for (; zoom > 1; zoom--) {
      const xy = points.map((p) => project(p, zoom));
      const spanX = Math.max(...xy.map((q) => q.x)) - Math.min(...xy.map((q) => q.x));
      const spanY = Math.max(...xy.map((q) => q.y)) - Math.min(...xy.map((q) => q.y));
      if (spanX <= W - 2 * PAD && spanY <= H - 2 * PAD) break;
    }
    const xy = points.map((p) => project(p, zoom));
    const cx = (Math.max(...xy.map((q) => q.x)) + Math.min(...xy.map((q) => q.x))) / 2;
    const cy = (Math.max(...xy.map((q) => q.y)) + Math.min(...xy.map((q) => q.y))) / 2;
    const ox = cx - W / 2; const oy = cy - H / 2;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t.route + ': ' + [...new Set(points.map((p) => p.city).filter(Boolean))].join(' → '));
    const tileUrl = state.config && state.config.tileUrl;
    if (tileUrl) {
      for (let tx = Math.floor(ox / 256); tx <= Math.floor((ox + W) / 256); tx++) {
        for (let ty = Math.floor(oy / 256); ty <= Math.floor((oy + H) / 256); ty++) {
          const image = document.createElementNS(ns, 'image');
          image.setAttribute('href', tileUrl.replace('{z}', zoom).replace('{x}', tx).replace('{y}', ty));
          image.setAttribute('x', tx * 256 - ox); image.setAttribute('y', ty * 256 - oy);
          image.setAttribute('width', 256); image.setAttribute('height', 256);
          image.addEventListener('error', () => image.remove());
          svg.append(image);
        }
      }
    }
    const route = document.createElementNS(ns, 'polyline');
    route.setAttribute('class', 'route');
    route.setAttribute('points', xy.map((q) => `${(q.x - ox).toFixed(1)},${(q.y - oy).toFixed(1)}`).join(' '));
    svg.append(route);
    const labelled = new Set();
    xy.forEach((q, i) => {
      const dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', (q.x - ox).toFixed(1)); dot.setAttribute('cy', (q.y - oy).toFixed(1));
      dot.setAttribute('r', i === xy.length - 1 ? 6 : 4);
      dot.setAttribute('class', i === xy.length - 1 ? 'here' : 'stop');
      svg.append(dot);
      const city = points[i].city;
      if (city && !labelled.has(city) && (i === 0 || i === xy.length - 1)) {
        labelled.add(city);
        const label = document.createElementNS(ns, 'text');
        label.setAttribute('x', (q.x - ox + 8).toFixed(1)); label.setAttribute('y', (q.y - oy - 8).toFixed(1));
        label.textContent = city;
        svg.append(label);
      }
    });
    $('map').replaceChildren(svg);
  }

  function showMessage(title, help) {
    $('app').setAttribute('aria-busy', 'false');
    text($('status'), title);
    for (const id of ['progress', 'timeline']) $(id).replaceChildren();
    for (const id of ['delay', 'eta', 'map-card', 'timeline-card']) $(id).hidden = true;
    const message = $('message');
    message.hidden = false;
    text(message, help);
  }

  async function refresh() {
    const response = await fetch(state.config.apiBaseUrl + '/v1/track/' + encodeURIComponent(token), { cache: 'no-store' });
    if (response.status === 404) { showMessage(t.notFound, t.notFoundHelp); return false; }
    if (response.status === 410) { showMessage(t.expired, t.expiredHelp); return false; }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
    return true;
  }

  function tick() {
    const connected = state.socket && state.socket.readyState === WebSocket.OPEN;
    $('live').classList.toggle('connected', !!connected);
    const seconds = state.lastUpdate ? Math.round((Date.now() - state.lastUpdate) / 1000) : null;
    const age = seconds == null ? '' : seconds < 5 ? t.justNow : seconds < 120 ? t.ago(seconds) : t.agoMin(Math.round(seconds / 60));
    const mode = connected ? t.live : state.pollTimer ? t.polling : state.lastUpdate ? t.reconnecting : t.connecting;
    text($('live-text'), [mode, age].filter(Boolean).join(' · '));
  }

  function connect() {
    if (!('WebSocket' in window) || !state.config.webSocketUrl) { startPolling(); return; }
    const socket = new WebSocket(state.config.webSocketUrl + '?token=' + encodeURIComponent(token));
    state.socket = socket;
    socket.addEventListener('open', () => {
      state.retry = 0;
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
      state.retry += 1;
      if (state.retry > 5) startPolling();
      // Exponential backoff with jitter, then a REST refresh so nothing missed while away stays missed.
      const delay = Math.min(30000, 500 * 2 ** Math.min(state.retry, 6)) * (0.75 + Math.random() / 2);
      setTimeout(() => { refresh().then((found) => { if (found) connect(); }).catch(connect); }, delay);
    });
  }

  function startPolling() {
    if (state.pollTimer) return;
    state.pollTimer = setInterval(() => refresh().catch(() => {}), 30000);
  }

  function stopPolling() {
    clearInterval(state.pollTimer);
    state.pollTimer = null;
  }

  async function start() {
    document.documentElement.lang = lang;
    document.title = t.title;
    text($('timeline-title'), t.journey);
    text($('live-text'), t.connecting);
    const other = $('lang-switch');
    text(other, t.switchTo);
    other.setAttribute('lang', t.switchLang);
    other.href = '?lang=' + t.switchLang;
    setInterval(tick, 1000);
    try {
      state.config = await (await fetch('/t/config.json', { cache: 'no-store' })).json();
      if (await refresh()) connect();
    } catch (e) {
      showMessage(t.unavailable, t.unavailableHelp);
      if (state.config) startPolling();
    }
  }

  start();
})();
