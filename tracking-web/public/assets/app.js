// Tracklight tracking page: reads the public view once, then follows live pushes over the WebSocket.
// Carrier text is untrusted: it only ever reaches the page through textContent.
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'Tracking', journey: 'Journey', route: 'Route', eta: 'Estimated delivery', delivery: 'Delivery', connecting: 'Connecting…',
      help: (shop) => 'Questions about your order? Ask ' + shop, email: 'E-mail', call: 'Call', website: 'Help centre',
      live: 'Live', reconnecting: 'Reconnecting…', polling: 'Refreshing every 30 s', justNow: 'updated just now',
      ago: (s) => `updated ${s} s ago`, agoMin: (m) => `updated ${m} min ago`,
      arriving: (w) => `Arriving ${w}`, deliveredAt: (w) => `Delivered ${w}`,
      today: 'today', tomorrow: 'tomorrow', yesterday: 'yesterday',
      sameDay: (day, hours) => `${day}, ${hours}`, overDays: (a, b) => `${a} – ${b}`, at: (day, time) => `${day}, ${time}`,
      hours: (h) => (h >= 48 ? `${Math.round(h / 24)} days` : h === 1 ? '1 hour' : `${h} hours`),
      latestWord: (m) => `Latest from the carrier: “${m}”`,
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
        NO_SCAN_FOR_TOO_LONG: (d, h) => `The carrier has not scanned this parcel for ${h(d.hoursWithoutScan)}; this stage usually takes at most ${h(d.stageLimitHours)}. We keep watching and update this page as soon as the carrier does. If nothing moves within a day, ask the shop to check with the carrier.`,
        PROMISE_PASSED: (d, h, promised) => `It was promised by ${promised} and is still on its way. It keeps moving: this page shows each step as it happens. If it matters, the shop can tell you what it offers for the delay.`,
        LIKELY_AFTER_PROMISE: (d, h, promised) => `The carrier now expects it after ${promised}, the date the shop promised. Nothing to do yet: this page moves the estimate as the parcel does.`,
        MAY_MISS_PROMISE: (d, h, promised) => `It may arrive after ${promised}, the date the shop promised: the delivery window reaches past it. Nothing to do yet: this page updates as the parcel moves.`,
        DELIVERED_LATE: (d, h, promised) => `It arrived after ${promised}, the date the shop promised.`,
      },
      trouble: {
        EXCEPTION: 'The carrier reported a problem with this parcel. Carriers usually sort this out within a day or two; if it stays like this, contact the shop with your tracking number.',
        DELIVERY_ATTEMPTED: 'The carrier tried to deliver but could not. They usually try again on the next working day, or leave word where to collect it.',
        AVAILABLE_FOR_PICKUP: 'Your parcel is waiting to be collected. Bring your tracking number (and an ID) to the pickup point.',
        RETURNING: 'The parcel is on its way back to the shop. Contact the shop about a new delivery or a refund.',
      },
      status: { PENDING: 'Waiting for the carrier', INFO_RECEIVED: 'Label created', PICKED_UP: 'Picked up', IN_TRANSIT: 'In transit',
        OUT_FOR_DELIVERY: 'Out for delivery', AVAILABLE_FOR_PICKUP: 'Ready for pickup', DELIVERY_ATTEMPTED: 'Delivery attempted',
        DELIVERED: 'Delivered', EXCEPTION: 'Needs attention', RETURNING: 'Returning to sender', RETURNED: 'Returned to sender',
        CANCELLED: 'Cancelled', EXPIRED: 'No longer tracked' },
      switchTo: '中文', switchLang: 'zh-CN',
      copy: 'Copy', copied: 'Copied', copyLabel: (n) => `Copy tracking number ${n}`,
      carrierHelp: (c) => `Ask ${c} about this parcel`, carrierSite: 'Website',
      order: (n) => `Order ${n}`, parcels: (k) => (k === 1 ? '1 parcel' : `${k} parcels`), parcelsTitle: 'Parcels', steps: 'Order progress',
      noParcels: 'Nothing shipped yet: each parcel shows here once the shop hands it to the carrier.',
      orderNotFound: 'Order link not found',
      findOrder: 'Find your order', lookupNumber: 'Order number', lookupContact: 'E-mail or postcode you ordered with',
      lookupSubmit: 'Show my order', lookupCheck: 'Enter the order number and the e-mail or postcode you ordered with.',
      lookupMiss: 'No order matches these details. Check the order number and the e-mail or postcode you ordered with.',
      lookupTooMany: "Too many tries. Wait a few minutes, or use the link in your order's message.",
      lookupNoShop: 'Open this page from the link on the shop\'s website: it names the shop.',
      updates: { title: 'Get updates', contact: 'E-mail, or mobile number with country code', submit: 'Notify me',
        PENDING: 'Check your inbox or messages: follow the link we sent to start the updates.',
        CONFIRMED: 'Updates are on: we will tell you when your parcel moves.', UNSUBSCRIBED: 'Updates stopped: we will send nothing more.',
        invalid: 'Enter an e-mail address, or a mobile number with its country code (+1 …).',
        tooMany: 'Too many sign-ups for this parcel; try again later.', gone: 'This link no longer starts updates; sign up again below.' },
      stage: { PLACED: 'Order placed', CONFIRMED: 'Payment confirmed', PACKED: 'Packed', SHIPPED: 'Shipped', DELIVERED: 'Delivered' },
      notice: {
        NUMBER_NOT_KNOWN: 'The carrier does not know this tracking number yet. A new label usually shows up within a day; if it still does not, ask the shop to check the number.',
        NOT_CONNECTED: 'The shop has not connected this carrier yet, so updates may not appear here. The carrier\'s own site can still show this number.',
      },
    },
    'zh-CN': {
      title: '物流跟踪', journey: '物流详情', route: '运输路线', eta: '预计送达', delivery: '送达时间', connecting: '正在连接…',
      help: (shop) => '订单有疑问？联系' + shop, email: '发邮件', call: '打电话', website: '帮助中心',
      live: '实时', reconnecting: '正在重新连接…', polling: '每 30 秒刷新', justNow: '刚刚更新',
      ago: (s) => `${s} 秒前更新`, agoMin: (m) => `${m} 分钟前更新`,
      arriving: (w) => `预计 ${w} 送达`, deliveredAt: (w) => `已于 ${w} 签收`,
      today: '今天', tomorrow: '明天', yesterday: '昨天',
      sameDay: (day, hours) => `${day} ${hours}`, overDays: (a, b) => `${a} 至 ${b}`, at: (day, time) => `${day} ${time}`,
      hours: (h) => (h >= 48 ? `${Math.round(h / 24)} 天` : `${h} 小时`),
      latestWord: (m) => `承运商最新消息：“${m}”`,
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
        NO_SCAN_FOR_TOO_LONG: (d, h) => `承运商已 ${h(d.hoursWithoutScan)}未扫描该包裹，此环节通常不超过 ${h(d.stageLimitHours)}。我们会持续关注，承运商一有更新本页即会显示。如一天内仍无变化，请联系商家向承运商核实。`,
        PROMISE_PASSED: (d, h, promised) => `商家承诺${promised}前送达，包裹仍在途中。本页会实时显示每一步进展；如有需要，可向商家咨询延误的处理方式。`,
        LIKELY_AFTER_PROMISE: (d, h, promised) => `承运商预计将晚于商家承诺的${promised}送达。暂时无需操作，本页会随包裹进展更新预计时间。`,
        MAY_MISS_PROMISE: (d, h, promised) => `可能晚于商家承诺的${promised}送达：预计送达时间段超出了该日期。暂时无需操作，本页会随包裹进展更新。`,
        DELIVERED_LATE: (d, h, promised) => `包裹晚于商家承诺的${promised}送达。`,
      },
      trouble: {
        EXCEPTION: '承运商报告该包裹出现异常，通常会在一两天内处理好；如一直没有变化，请凭运单号联系商家。',
        DELIVERY_ATTEMPTED: '承运商尝试派送但未成功，通常会在下一个工作日再次派送，或告知取件地点。',
        AVAILABLE_FOR_PICKUP: '包裹已到取件点，请凭运单号（及有效证件）前往领取。',
        RETURNING: '包裹正在退回商家，请联系商家安排重新发货或退款。',
      },
      status: { PENDING: '等待揽收', INFO_RECEIVED: '已下单', PICKED_UP: '已揽收', IN_TRANSIT: '运输中', OUT_FOR_DELIVERY: '派送中',
        AVAILABLE_FOR_PICKUP: '待取件', DELIVERY_ATTEMPTED: '派送未成功', DELIVERED: '已签收', EXCEPTION: '异常', RETURNING: '退回中',
        RETURNED: '已退回', CANCELLED: '已取消', EXPIRED: '已停止跟踪' },
      switchTo: 'English', switchLang: 'en',
      copy: '复制', copied: '已复制', copyLabel: (n) => `复制运单号 ${n}`,
      carrierHelp: (c) => `向${c}咨询此包裹`, carrierSite: '官网',
      order: (n) => `订单 ${n}`, parcels: (k) => `${k} 个包裹`, parcelsTitle: '包裹', steps: '订单进度',
      noParcels: '尚未发货：商家把包裹交给承运商后，每个包裹都会显示在这里。',
      orderNotFound: '未找到该订单链接',
      findOrder: '查找订单', lookupNumber: '订单号', lookupContact: '下单时填写的邮箱或邮编',
      lookupSubmit: '查看我的订单', lookupCheck: '请填写订单号以及下单时填写的邮箱或邮编。',
      lookupMiss: '没有与这些信息匹配的订单。请核对订单号以及下单时填写的邮箱或邮编。',
      lookupTooMany: '尝试次数过多，请几分钟后再试，或使用订单消息中的链接。',
      lookupNoShop: '请从商家网站上的链接打开本页：链接中带有商家信息。',
      updates: { title: '接收物流通知', contact: '邮箱，或带国家代码的手机号', submit: '通知我',
        PENDING: '请查收邮件或短信，点击其中的链接开启通知。', CONFIRMED: '通知已开启：包裹有新进展时我们会告诉您。',
        UNSUBSCRIBED: '已退订：我们不会再发送任何消息。', invalid: '请输入邮箱地址，或带国家代码的手机号（如 +86 …）。',
        tooMany: '该包裹的订阅次数过多，请稍后再试。', gone: '该链接已无法开启通知，请在下方重新订阅。' },
      stage: { PLACED: '已下单', CONFIRMED: '已付款', PACKED: '已打包', SHIPPED: '已发货', DELIVERED: '已送达' },
    },
  };
  const MILESTONES = ['INFO_RECEIVED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];
  const RANK = { PENDING: 0, INFO_RECEIVED: 1, PICKED_UP: 2, IN_TRANSIT: 3, EXCEPTION: 3, RETURNING: 3, OUT_FOR_DELIVERY: 4,
    AVAILABLE_FOR_PICKUP: 4, DELIVERY_ATTEMPTED: 4, DELIVERED: 5, RETURNED: 0, CANCELLED: 0, EXPIRED: 0 };
  const TROUBLE = ['EXCEPTION', 'DELIVERY_ATTEMPTED', 'RETURNING', 'RETURNED'];
  const MAX_TIMELINE = 100; // the newest checkpoints a whole view holds
  // API Gateway closes a WebSocket idle for 10 minutes: a quiet page says it is there twice as often, instead of
  // reconnecting (with N pages open that would be N / 600 new connections a second)
  const KEEP_ALIVE_MS = 5 * 60 * 1000;
  // an order's page follows each parcel's socket, up to this many; past it, the first ones and a 30 s refresh
  const MAX_FOLLOWED = 5;
  const ENDING = ['CANCELLED', 'RETURNING', 'RETURNED', 'EXPIRED'];

  const params = new URLSearchParams(location.search);
  const lang = pickLanguage(params.get('lang'));
  const t = TEXT[lang];
  const $ = (id) => document.getElementById(id);
  // /t/{token} is one parcel, /o/{token} an order with all its parcels, /o?shop= the search for an order without its link
  const path = location.pathname.split('/').filter(Boolean);
  const token = path.length > 1 ? decodeURIComponent(path[path.length - 1]) : '';
  const orderPage = path[0] === 'o';
  // sockets by the parcel token they follow; `following` is false while the tab is hidden
  const state = { config: null, shown: -1, lastUpdate: 0, sockets: new Map(), following: false, retry: 0, pollTimer: null, view: null,
    linkAnswered: false,
    askedAt: null, changed: null };

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

  // Carriers and cities by the names a reader of each language knows them by.
  const CARRIERS = Object.fromEntries([
    ['sf-express', 'SF Express', '顺丰速运'], ['jd', 'JD Logistics', '京东物流'], ['yto', 'YTO Express', '圆通速递'],
    ['zto', 'ZTO Express', '中通快递'], ['sto', 'STO Express', '申通快递'], ['yunda', 'Yunda Express', '韵达快递'],
    ['ems', 'EMS', '中国邮政 EMS'], ['china-post', 'China Post', '中国邮政'], ['jt-express', 'J&T Express', '极兔速递'],
    ['deppon', 'Deppon', '德邦快递'], ['cainiao', 'Cainiao', '菜鸟'], ['best-express', 'BEST Express', '百世快递'],
    ['zjs', 'ZJS Express', '宅急送'], ['yanwen', 'Yanwen', '燕文物流'], ['4px', '4PX', '递四方'], ['yunexpress', 'YunExpress', '云途物流'],
    ['ups', 'UPS'], ['usps', 'USPS', '美国邮政 USPS'], ['fedex', 'FedEx'], ['dhl', 'DHL'], ['dhl-ecommerce', 'DHL eCommerce'],
    ['ontrac', 'OnTrac'], ['lasership', 'LaserShip'], ['amazon', 'Amazon Logistics', '亚马逊物流'], ['canada-post', 'Canada Post', '加拿大邮政'],
    ['purolator', 'Purolator'], ['royal-mail', 'Royal Mail', '英国皇家邮政'], ['parcelforce', 'Parcelforce'], ['evri', 'Evri'],
    ['hermes', 'Hermes'], ['dpd', 'DPD'], ['gls', 'GLS'], ['tnt', 'TNT'], ['chronopost', 'Chronopost'], ['aramex', 'Aramex'],
    ['asendia', 'Asendia'], ['australia-post', 'Australia Post', '澳大利亚邮政'], ['startrack', 'StarTrack'],
    ['yamato', 'Yamato Transport', '大和运输'], ['sagawa', 'Sagawa Express', '佐川急便'],
  ].map(([code, en, zh]) => [code, { en, 'zh-CN': zh || en }]));
  // How to reach a carrier: its customer-service line where it has one number for the country, and its site.
  const CARRIER_CONTACT = {
    'sf-express': ['95338', 'https://www.sf-express.com'], jd: ['950616', 'https://www.jdl.com'], zto: ['95311', 'https://www.zto.com'],
    yto: ['95554', 'https://www.yto.net.cn'], sto: ['95543', 'https://www.sto.cn'], yunda: ['95546', 'https://www.yundaex.com'],
    ems: ['11183', 'https://www.ems.com.cn'], 'china-post': ['11185', 'https://www.chinapost.com.cn'],
    'jt-express': ['956025', 'https://www.jtexpress.com.cn'], deppon: ['95353', 'https://www.deppon.com'],
    ups: [null, 'https://www.ups.com'], usps: [null, 'https://www.usps.com'], fedex: [null, 'https://www.fedex.com'], dhl: [null, 'https://www.dhl.com'],
  };
  const CITIES = [['Beijing', '北京'], ['Shanghai', '上海'], ['Guangzhou', '广州'], ['Shenzhen', '深圳'], ['Hangzhou', '杭州'],
    ['Chengdu', '成都'], ['Chongqing', '重庆'], ['Wuhan', '武汉'], ['Nanjing', '南京'], ['Tianjin', '天津'], ['Suzhou', '苏州'],
    ["Xi'an", '西安'], ['Changsha', '长沙'], ['Zhengzhou', '郑州'], ['Dongguan', '东莞'], ['Foshan', '佛山'], ['Qingdao', '青岛'],
    ['Ningbo', '宁波'], ['Xiamen', '厦门'], ['Hefei', '合肥'], ['Kunming', '昆明'], ['Shenyang', '沈阳'], ['Harbin', '哈尔滨'],
    ['Jinan', '济南'], ['Fuzhou', '福州'], ['Wuxi', '无锡'], ['Dalian', '大连'], ['Yiwu', '义乌'], ['Jinhua', '金华'],
    ['Wenzhou', '温州'], ['Kunshan', '昆山'], ['Pudong', '浦东'], ['Hong Kong', '香港'], ['Macau', '澳门'], ['Taipei', '台北']];
  const CITY = new Map(CITIES.flatMap(([en, zh]) => [[en.toLowerCase(), { en, 'zh-CN': zh }], [zh, { en, 'zh-CN': zh }]]));
  const carrierName = (code) => (CARRIERS[code] ? CARRIERS[code][lang] : (code || '').toUpperCase());
  const cityName = (name) => {
    const known = name && (CITY.get(name.trim().toLowerCase()) || CITY.get(name.trim().replace(/市$/, '')));
    return known ? known[lang] : name;
  };

  // Carriers send formatting markup in their texts ("signed by <b>front desk</b>"): the reader sees its words. Only
  // known formatting tags go; anything else stays as the text it is, and all of it reaches the page as text.
  const FORMATTING = /<\/?(?:b|i|u|em|strong|small|span|font|p|br|sup|sub)\b[^<>]*>/gi;
  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  const carrierText = (message) => (message || '').replace(FORMATTING, ' ').replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (m, e) => ENTITIES[e])
    .replace(/\s+/g, ' ').trim();

  // Every time is shown in the reader's own time zone: the timeline reads in order whatever zone each scan came
  // from, and "today" is the reader's today.
  const midnight = (date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const daysFromToday = (date) => Math.round((midnight(date) - midnight(new Date())) / 86400000);
  const capital = (s) => (lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  function dayName(date) {
    const days = daysFromToday(date);
    if (days === 0) return t.today;
    if (days === 1) return t.tomorrow;
    if (days === -1) return t.yesterday;
    if (Math.abs(days) < 7) return new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(date);
    const year = date.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' };
    return new Intl.DateTimeFormat(lang, { ...(lang === 'en' ? { weekday: 'short', month: 'short' } : { month: 'long', weekday: 'short' }),
      day: 'numeric', ...year }).format(date);
  }
  const CLOCK = lang === 'en' ? { hour: 'numeric', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const clock = (date) => new Intl.DateTimeFormat(lang, CLOCK).format(date);
  function hoursText(from, to) {
    const formatter = new Intl.DateTimeFormat(lang, CLOCK);
    return formatter.formatRange ? formatter.formatRange(from, to) : formatter.format(from) + ' – ' + formatter.format(to);
  }
  // "tomorrow, 1:00 – 5:00 PM" / "明天 13:00–17:00"; a window over midnight names both days.
  function windowText(eta) {
    const from = new Date(eta.early);
    const to = new Date(eta.late);
    return midnight(from) === midnight(to) ? t.sameDay(dayName(from), hoursText(from, to))
      : t.overDays(t.at(dayName(from), clock(from)), t.at(dayName(to), clock(to)));
  }
  const localDay = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const daysOf = (window) => localDay(new Date(window.early)) + '/' + localDay(new Date(window.late));
  const momentText = (iso) => t.at(dayName(new Date(iso)), clock(new Date(iso)));
  // a calendar day ("2026-12-15") as the reader's own date, relative when near
  const calendarDay = (day) => dayName(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));

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
    const socket = state.sockets.get(token);
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ action: 'subscribe' }));
    else refresh().catch(() => {});
  }

  /** The shop's name, logo, colour and contact; every value is the merchant's, so it goes in as text and attributes only. */
  function renderBrand(brand) {
    const https = (url) => typeof url === 'string' && /^https:\/\//i.test(url);
    $('brand').hidden = false;
    text($('brand-name'), brand.name);
    const logo = $('brand-logo');
    logo.hidden = !https(brand.logoUrl);
    if (!logo.hidden) { logo.src = brand.logoUrl; logo.alt = brand.name; }
    if (/^#[0-9a-f]{6}$/i.test(brand.primaryColor || '')) document.documentElement.style.setProperty('--brand', brand.primaryColor);
    document.title = brand.name + ' · ' + t.title;
    const links = [];
    if (brand.supportEmail) links.push([t.email + ': ' + brand.supportEmail, 'mailto:' + brand.supportEmail]);
    if (brand.supportPhone) links.push([t.call + ': ' + brand.supportPhone, 'tel:' + brand.supportPhone.replace(/[^+0-9]/g, '')]);
    if (https(brand.supportUrl)) links.push([t.website, brand.supportUrl]);
    for (const link of brand.links || []) if (https(link.url)) links.push([link.label, link.url]);
    $('support').hidden = links.length === 0;
    text($('support-title'), t.help(brand.name));
    linkList($('support-links'), links);
  }

  /** A list of [label, href] links; the labels go in as text. */
  function linkList(list, links) {
    list.replaceChildren(...links.map(([label, href]) => {
      const item = document.createElement('li');
      const anchor = element('a', null, label);
      anchor.href = href;
      anchor.rel = 'noopener noreferrer';
      item.append(anchor);
      return item;
    }));
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
    $('live').hidden = false;
    text($('carrier'), [carrierName(view.carrier), view.trackingNumber].filter(Boolean).join(' · '));
    renderCarrierHelp(view);
    text($('status'), t.status[view.status] || humanize(view.status));
    // Sub-statuses are carrier milestone codes; readable in English, noise in other languages.
    text($('sub-status'), lang === 'en' ? humanize(view.subStatus) : '');
    renderProgress(view);
    const places = [view.origin, view.destination].map((p) => p && cityName(p.city));
    text($('route-line'), [places[0] && places[1] ? t.from(places[0], places[1]) : '', view.recipient ? t.to(view.recipient) : '']
      .filter(Boolean).join(' · '));
    renderNotice(view.carrierNotice);
    if (pushed.brand) renderBrand(pushed.brand); // on the loaded view only: pushes leave it as it is
    renderBanner(view);
    renderEta(view);
    renderMap(view.timeline || [], view.destination);
    renderTimeline(view.timeline || []);
    // a parcel that has arrived or will not has nothing left to tell
    $('updates').hidden = !state.linkAnswered && ['DELIVERED', ...ENDING].includes(view.status);
    tick();
  }

  // Updates by e-mail or text: the sign-up, and the links of its messages (?confirm=, ?unsubscribe=), which the page
  // answers with a POST so that a mail scanner's GET of a link changes nothing.
  // The links of an updates message (?confirm=, ?unsubscribe=): taken off the address before anything else, so a
  // reload or the language switch does not carry them, and answered whatever the parcel's page then shows.
  function takeUpdateLinks() {
    const links = [];
    const rest = new URLSearchParams(location.search);
    for (const action of ['confirm', 'unsubscribe']) {
      if (params.get(action)) links.push([action, params.get(action)]);
      rest.delete(action);
    }
    if (links.length) history.replaceState(null, '', location.pathname + (rest.toString() ? '?' + rest : ''));
    return links;
  }

  function setUpUpdates(links) {
    const u = t.updates;
    text($('updates-title'), u.title);
    text($('updates-contact-label'), u.contact);
    text($('updates-submit'), u.submit);
    const status = $('updates-status');
    const say = (message) => { status.hidden = false; text(status, message); };
    const post = (path, body) => fetch(state.config.apiBaseUrl + path, { method: 'POST', cache: 'no-store',
      headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    $('updates-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const contact = $('updates-contact').value.trim();
      if (!contact) { say(u.invalid); return; }
      try {
        const response = await post('/v1/track/' + encodeURIComponent(token) + '/subscriptions',
          { [contact.includes('@') ? 'email' : 'phone']: contact, lang });
        if (response.ok) say(u[(await response.json()).status] || u.PENDING);
        else say(response.status === 429 ? u.tooMany : response.status === 422 ? u.invalid : t.unavailableHelp);
      } catch (e) {
        say(t.unavailableHelp);
      }
    });
    for (const [action, subscriber] of links) {
      // the answer stays in view, on a delivered, expired or unknown parcel's page too
      state.linkAnswered = true;
      $('updates').hidden = false;
      post('/v1/notifications/' + encodeURIComponent(subscriber) + '/' + action)
        .then(async (response) => say(response.ok ? u[(await response.json()).status] : u.gone)).catch(() => say(t.unavailableHelp));
    }
  }

  /** The number to copy into the carrier's own app, and how to reach the carrier. */
  function renderCarrierHelp(view) {
    const copy = $('copy-number');
    copy.hidden = !view.trackingNumber || !(navigator.clipboard && window.isSecureContext);
    copy.setAttribute('aria-label', t.copyLabel(view.trackingNumber));
    if (!copy.dataset.ready) {
      copy.dataset.ready = '1';
      text(copy, t.copy);
      copy.addEventListener('click', () => navigator.clipboard.writeText(state.view.trackingNumber).then(() => {
        text(copy, t.copied);
        setTimeout(() => text(copy, t.copy), 2000);
      }).catch(() => {}));
    }
    const contact = CARRIER_CONTACT[view.carrier];
    $('carrier-help').hidden = !contact;
    if (!contact) return;
    text($('carrier-help-title'), t.carrierHelp(carrierName(view.carrier)));
    const links = [contact[0] && [t.call + ': ' + contact[0], 'tel:' + contact[0]], [t.carrierSite, contact[1]]].filter(Boolean);
    linkList($('carrier-links'), links);
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

  // A delay, or a problem the carrier reported: what happened, what happens next, what the reader can do.
  function renderBanner(view) {
    const banner = $('delay');
    const delay = view.delay && view.delay.status !== 'ON_TIME' ? view.delay : null;
    const trouble = !delay && t.trouble[view.status] ? view.status : null;
    banner.hidden = !delay && !trouble;
    if (banner.hidden) return;
    const newest = (view.timeline || [])[0];
    const said = newest && carrierText(newest.message);
    const lines = [];
    if (delay) {
      banner.className = 'card banner ' + delay.status.toLowerCase().replace('_', '-');
      const reason = t.reason[delay.reason];
      const promised = view.promisedDelivery ? calendarDay(view.promisedDelivery) : '';
      lines.push(reason ? reason(delay, t.hours, promised) : delay.message);
      if (said && delay.reason !== 'DELIVERED_LATE') lines.push(t.latestWord(said));
    } else {
      banner.className = 'card banner trouble';
      if (said) lines.push(t.latestWord(said));
      lines.push(t.trouble[trouble]);
    }
    const title = delay ? (delay.reason === 'DELIVERED_LATE' ? t.delay.DELIVERED_LATE : t.delay[delay.status]) : t.status[trouble];
    banner.replaceChildren(element('strong', null, title), ...lines.map((line) => element('p', null, line)));
  }

  function renderEta(view) {
    const card = $('eta');
    const delivered = view.status === 'DELIVERED' && (view.timeline || []).find((entry) => entry.status === 'DELIVERED');
    // a parcel that will not be delivered (cancelled, going back, no longer tracked) has no delivery to estimate
    const ending = ENDING.includes(view.status);
    const eta = ending ? null : view.eta;
    card.hidden = ending || (!eta && !view.promisedDelivery && !delivered);
    if (card.hidden) return;
    text($('eta-title'), delivered ? t.delivery : t.eta);
    if (delivered) {
      text($('eta-window'), t.deliveredAt(momentText(delivered.occurredAt)));
      text($('eta-basis'), view.promisedDelivery ? t.promised(calendarDay(view.promisedDelivery)) : '');
    } else if (eta) {
      text($('eta-window'), t.arriving(windowText(eta)));
      text($('eta-basis'), `${t.basis[eta.basis] || ''} · ${t.confidence(eta.confidence)}`);
    } else {
      text($('eta-window'), t.promised(calendarDay(view.promisedDelivery)));
      text($('eta-basis'), '');
    }
    // one date to read: the EDD (the engine's own promise, missed by about one parcel in twenty) only when it falls
    // after the window's last day, and an earlier estimate only when it named other days
    const edd = $('eta-edd');
    edd.hidden = delivered || !eta || eta.basis !== 'LANE_HISTORY' || !eta.estimatedDeliveryDate
      || eta.estimatedDeliveryDate <= localDay(new Date(eta.late));
    if (!edd.hidden) text(edd, t.latest(calendarDay(eta.estimatedDeliveryDate)));
    const moved = $('eta-moved');
    moved.hidden = delivered || !eta || !view.firstEta || daysOf(view.firstEta) === daysOf(eta);
    if (!moved.hidden) text(moved, t.moved(windowText(view.firstEta)));
  }

  function renderTimeline(entries) {
    // a shipment the carrier has not scanned yet has no journey to show
    $('timeline-card').hidden = !entries.length;
    const groups = [];
    for (const entry of entries) {
      const day = capital(dayName(new Date(entry.occurredAt)));
      if (!groups.length || groups[groups.length - 1].day !== day) groups.push({ day, entries: [] });
      groups[groups.length - 1].entries.push(entry);
    }
    $('timeline').replaceChildren(...groups.flatMap((group, index) => {
      const list = element('ol', 'timeline' + (index === 0 ? ' latest' : ''));
      list.append(...group.entries.map((entry) => {
        const li = element('li');
        li.append(element('p', 'what', carrierText(entry.message) || t.status[entry.status] || humanize(entry.status)));
        li.append(element('p', 'when', clock(new Date(entry.occurredAt))));
        const where = entry.location && [cityName(entry.location.city), entry.location.region, entry.location.country].filter(Boolean).join(', ');
        if (where) li.append(element('p', 'where', where));
        return li;
      }));
      return [element('h3', 'day', group.day), list];
    }));
  }

  /** An order: its stages as the progress and the timeline, one estimate (its last parcel's), and each parcel. */
  function renderOrder(order) {
    state.view = order;
    state.lastUpdate = Date.now();
    $('app').setAttribute('aria-busy', 'false');
    $('message').hidden = true;
    $('live').hidden = false;
    const furthest = order.stages.filter((stage) => stage.done).pop();
    const now = furthest ? t.stage[furthest.stage] : '';
    text($('carrier'), t.order(order.orderNumber) + ' · ' + t.parcels(order.parcels.length));
    text($('status'), now);
    text($('sub-status'), '');
    $('progress').replaceChildren(...order.stages.map((stage) => {
      const li = element('li', stage.done ? 'done' : '');
      li.setAttribute('aria-label', t.stage[stage.stage] + (stage.done ? ' ✓' : ''));
      return li;
    }));
    $('progress').setAttribute('aria-label', now);
    text($('route-line'), '');
    renderNotice(null);
    if (order.brand) renderBrand(order.brand);
    $('delay').hidden = true; // a parcel's delay shows on its own row
    renderEta({ status: order.deliveredAt ? 'DELIVERED' : 'IN_TRANSIT', eta: order.eta, promisedDelivery: order.promisedDelivery,
      timeline: order.deliveredAt ? [{ status: 'DELIVERED', occurredAt: order.deliveredAt }] : [] });
    $('map-card').hidden = true;
    renderTimeline(order.stages.filter((stage) => stage.at).map((stage) => ({ occurredAt: stage.at, message: t.stage[stage.stage] }))
      .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt)));
    renderParcels(order.parcels);
    if (state.following) follow();
    tick();
  }

  function renderParcels(parcels) {
    $('parcels').hidden = false;
    text($('parcels-title'), t.parcelsTitle);
    if (!parcels.length) { $('parcel-list').replaceChildren(element('li', 'empty', t.noParcels)); return; }
    $('parcel-list').replaceChildren(...parcels.map((parcel) => {
      const li = element('li');
      const link = element('a', 'parcel-link', [carrierName(parcel.carrier), parcel.trackingNumber].join(' · '));
      link.href = '/t/' + encodeURIComponent(parcel.token) + '?lang=' + lang;
      const late = parcel.delay && parcel.delay.status !== 'ON_TIME' ? t.delay[parcel.delay.status] : '';
      li.append(link, element('p', 'parcel-status' + (late ? ' late' : ''),
        [t.status[parcel.status] || humanize(parcel.status), late].filter(Boolean).join(' · ')));
      const when = parcel.status === 'DELIVERED' && parcel.deliveredAt ? t.deliveredAt(momentText(parcel.deliveredAt))
        : parcel.eta && !ENDING.includes(parcel.status) ? t.arriving(windowText(parcel.eta)) : '';
      if (when) li.append(element('p', 'when', when));
      if (parcel.lastMessage) li.append(element('p', 'where', carrierText(parcel.lastMessage)));
      return li;
    }));
  }

  // The route is drawn in Web Mercator so it lines up with map tiles when a tile server is configured;
  // without one (or when it is unreachable) the route still stands on its own.
  // The base map (Natural Earth's land, public domain) loads once, when a route is first drawn: outside the page's
  // own size budget, and a page without a route never asks for it.
  const base = { land: null, asked: false };
  function loadLand() {
    if (base.asked) return;
    base.asked = true;
    fetch('/t/assets/land-110m.json').then((response) => (response.ok ? response.json() : null)).then((map) => {
      if (!map || !Array.isArray(map.rings)) return;
      base.land = map.rings;
      if (state.view) renderMap(state.view.timeline || [], state.view.destination);
    }).catch(() => {});
  }

  const placed = (p) => p && typeof p.lat === 'number' && typeof p.lon === 'number';

  function renderMap(entries, destination) {
    const points = entries.filter((e) => placed(e.location))
      .reverse().map((e) => ({ lat: e.location.lat, lon: e.location.lon, city: cityName(e.location.city) }));
    // where it is going, when the shipment knows, unless the parcel is already there
    const last = points[points.length - 1];
    const target = placed(destination) && !(last && Math.abs(last.lat - destination.lat) < 0.05 && Math.abs(last.lon - destination.lon) < 0.05)
      ? { lat: destination.lat, lon: destination.lon, city: cityName(destination.city) } : null;
    const card = $('map-card');
    card.hidden = points.length + (target ? 1 : 0) < 2;
    if (card.hidden) return;
    loadLand();
    const extent = target ? [...points, target] : points;
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
      const xy = extent.map((p) => project(p, zoom));
      const spanX = Math.max(...xy.map((q) => q.x)) - Math.min(...xy.map((q) => q.x));
      const spanY = Math.max(...xy.map((q) => q.y)) - Math.min(...xy.map((q) => q.y));
      if (spanX <= W - 2 * PAD && spanY <= H - 2 * PAD) break;
    }
    const all = extent.map((p) => project(p, zoom));
    const xy = all.slice(0, points.length);
    const cx = (Math.max(...all.map((q) => q.x)) + Math.min(...all.map((q) => q.x))) / 2;
    const cy = (Math.max(...all.map((q) => q.y)) + Math.min(...all.map((q) => q.y))) / 2;
    const ox = cx - W / 2; const oy = cy - H / 2;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t.route + ': ' + [...new Set(extent.map((p) => p.city).filter(Boolean))].join(' → '));
    if (base.land) {
      // only the coasts in view: a ring whose box misses the viewport is left out
      const paths = [];
      for (const ring of base.land) {
        const ringPoints = [];
        for (let i = 0; i < ring.length; i += 2) {
          const q = project({ lon: ring[i], lat: ring[i + 1] }, zoom);
          ringPoints.push([q.x - ox, q.y - oy]);
        }
        const xs = ringPoints.map((q) => q[0]);
        const ys = ringPoints.map((q) => q[1]);
        if (Math.max(...xs) < 0 || Math.min(...xs) > W || Math.max(...ys) < 0 || Math.min(...ys) > H) continue;
        paths.push('M' + ringPoints.map((q) => q[0].toFixed(1) + ' ' + q[1].toFixed(1)).join('L') + 'Z');
      }
      if (paths.length) {
        const land = document.createElementNS(ns, 'path');
        land.setAttribute('class', 'land');
        land.setAttribute('d', paths.join(''));
        svg.append(land);
      }
    }
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
    if (target) {
      const q = project(target, zoom);
      const pin = document.createElementNS(ns, 'path');
      const x = q.x - ox;
      const y = q.y - oy;
      if (xy.length) {
        // the way still ahead, dashed: from where it was last seen to where it is going
        const ahead = document.createElementNS(ns, 'polyline');
        ahead.setAttribute('class', 'ahead');
        const from = xy[xy.length - 1];
        ahead.setAttribute('points', `${(from.x - ox).toFixed(1)},${(from.y - oy).toFixed(1)} ${x.toFixed(1)},${y.toFixed(1)}`);
        svg.insertBefore(ahead, route);
      }
      pin.setAttribute('class', 'destination');
      pin.setAttribute('d', `M${x.toFixed(1)} ${y.toFixed(1)}l-6 -10a7 7 0 1 1 12 0z`);
      svg.append(pin);
      if (target.city && !labelled.has(target.city)) {
        const label = document.createElementNS(ns, 'text');
        label.setAttribute('x', (x + 8).toFixed(1)); label.setAttribute('y', (y - 8).toFixed(1));
        label.textContent = target.city;
        svg.append(label);
      }
    }
    $('map').replaceChildren(svg);
  }

  function showMessage(title, help) {
    $('app').setAttribute('aria-busy', 'false');
    text($('status'), title);
    for (const id of ['progress', 'timeline']) $(id).replaceChildren();
    // nothing will go live on a page without a shipment
    for (const id of ['delay', 'eta', 'map-card', 'timeline-card', 'parcels', 'carrier-help', 'copy-number', 'live']) $(id).hidden = true;
    if (!state.linkAnswered) $('updates').hidden = true;
    const message = $('message');
    message.hidden = false;
    text(message, help);
  }

  async function refresh() {
    const path = orderPage ? '/v1/track/orders/' : '/v1/track/';
    const response = await fetch(state.config.apiBaseUrl + path + encodeURIComponent(token), { cache: 'no-store' });
    if (response.status === 404) { showMessage(orderPage ? t.orderNotFound : t.notFound, t.notFoundHelp); return false; }
    if (response.status === 410) { showMessage(t.expired, t.expiredHelp); return false; }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    (orderPage ? renderOrder : render)(await response.json());
    return true;
  }

  // A parcel of an order changed: its push carries that parcel only, so the order is read again (once for a burst).
  function orderChanged() {
    clearTimeout(state.changed);
    state.changed = setTimeout(() => refresh().catch(() => {}), 300);
  }

  /** The order search: the number and the e-mail or postcode it was placed with; the answer opens the order's page. */
  function showLookup() {
    $('app').setAttribute('aria-busy', 'false');
    text($('status'), t.findOrder);
    $('live').hidden = true;
    $('progress').hidden = true;
    const shop = params.get('shop');
    if (!shop) { showMessage(t.findOrder, t.lookupNoShop); return; }
    $('lookup').hidden = false;
    text($('lookup-number-label'), t.lookupNumber);
    text($('lookup-contact-label'), t.lookupContact);
    text($('lookup-submit'), t.lookupSubmit);
    const error = $('lookup-error');
    $('lookup-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const orderNumber = $('lookup-number').value.trim();
      const contact = $('lookup-contact').value.trim();
      const say = (message) => { error.hidden = false; text(error, message); };
      error.hidden = true;
      if (!orderNumber || !contact) { say(t.lookupCheck); return; }
      try {
        const response = await fetch(state.config.apiBaseUrl + '/v1/track/orders', { method: 'POST', cache: 'no-store',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ shop, orderNumber, [contact.includes('@') ? 'email' : 'postcode']: contact }) });
        if (response.ok) { location.assign(new URL((await response.json()).orderUrl).pathname + '?lang=' + lang); return; }
        say(response.status === 429 ? t.lookupTooMany : response.status === 404 ? t.lookupMiss : t.lookupCheck);
      } catch (e) {
        say(t.unavailableHelp);
      }
    });
  }

  function tick() {
    const connected = state.sockets.size > 0 && [...state.sockets.values()].every((socket) => socket.readyState === WebSocket.OPEN);
    $('live').classList.toggle('connected', !!connected);
    const seconds = state.lastUpdate ? Math.round((Date.now() - state.lastUpdate) / 1000) : null;
    const age = seconds == null ? '' : seconds < 5 ? t.justNow : seconds < 120 ? t.ago(seconds) : t.agoMin(Math.round(seconds / 60));
    const mode = connected ? t.live : state.pollTimer ? t.polling : state.lastUpdate ? t.reconnecting : t.connecting;
    text($('live-text'), [mode, age].filter(Boolean).join(' · '));
  }

  // Live updates: the parcel's socket, or one per parcel of an order (none yet: the order page refreshes every 30 s).
  function follow() {
    state.following = true;
    const tokens = orderPage ? state.view.parcels.slice(0, MAX_FOLLOWED).map((parcel) => parcel.token) : [token];
    if (!tokens.length || !('WebSocket' in window) || !state.config.webSocketUrl) { startPolling(); return; }
    if (orderPage && state.view.parcels.length > MAX_FOLLOWED) startPolling();
    for (const followed of tokens) if (!state.sockets.has(followed)) connect(followed);
  }

  function connect(followed) {
    const socket = new WebSocket(state.config.webSocketUrl + '?token=' + encodeURIComponent(followed));
    let keepAlive = null;
    state.sockets.set(followed, socket);
    socket.addEventListener('open', () => {
      state.retry = 0;
      if (!orderPage || state.view.parcels.length <= MAX_FOLLOWED) stopPolling();
      // a parcel's page asks for its view; an order's page reads the order again, for what changed while connecting
      if (orderPage) orderChanged();
      else socket.send(JSON.stringify({ action: 'subscribe' }));
      keepAlive = setInterval(() => { if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ action: 'ping' })); }, KEEP_ALIVE_MS);
      tick();
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type !== 'view') return;
      if (orderPage) orderChanged();
      else render(message.view);
    });
    socket.addEventListener('close', () => {
      clearInterval(keepAlive);
      if (state.sockets.get(followed) === socket) state.sockets.delete(followed);
      tick();
      if (!state.following) return; // closed on purpose: the tab was hidden
      state.retry += 1;
      if (state.retry > 5) startPolling();
      // Exponential backoff with jitter, then a REST refresh so nothing missed while away stays missed.
      const delay = Math.min(30000, 500 * 2 ** Math.min(state.retry, 6)) * (0.75 + Math.random() / 2);
      const again = () => { if (state.following && !state.sockets.has(followed)) connect(followed); };
      setTimeout(() => { refresh().then((found) => { if (found) again(); }).catch(again); }, delay);
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

  // A hidden tab holds no socket and polls nothing (a phone in a pocket need not keep a connection open); shown
  // again, it reads what it missed and follows live again.
  function pause() {
    stopPolling();
    state.following = false;
    const sockets = [...state.sockets.values()];
    state.sockets.clear();
    for (const socket of sockets) socket.close();
    tick();
  }

  function resume() {
    if (!state.view || state.following) return;
    refresh().then((found) => { if (found) follow(); }).catch(follow);
  }

  async function start() {
    document.documentElement.lang = lang;
    document.title = t.title;
    text($('timeline-title'), orderPage ? t.steps : t.journey);
    text($('live-text'), t.connecting);
    const links = orderPage ? [] : takeUpdateLinks();
    const other = $('lang-switch');
    text(other, t.switchTo);
    other.setAttribute('lang', t.switchLang);
    // the other language of the same page: the order search keeps its shop
    const switched = new URLSearchParams(location.search);
    switched.set('lang', t.switchLang);
    other.href = '?' + switched;
    setInterval(tick, 1000);
    document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? pause() : resume()));
    try {
      state.config = await (await fetch('/t/config.json', { cache: 'no-store' })).json();
      if (orderPage && !token) showLookup();
      else {
        if (!orderPage) setUpUpdates(links);
        if (await refresh()) follow();
      }
    } catch (e) {
      showMessage(t.unavailable, t.unavailableHelp);
      if (state.config) startPolling();
    }
  }

  start();
})();
