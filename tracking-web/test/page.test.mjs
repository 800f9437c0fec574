// Browser tests of the tracking page against the real local cloud (./tracklight up), in Debian's chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const artifacts = join(here, '..', 'test-results');
let cloud;
let demo;
let browser;

function startCloud() {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'tracklight'), ['up', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('the local cloud did not start within 180 s'));
    }, 180_000);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.trim().startsWith('{') && l.trim().endsWith('}'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, demo: JSON.parse(line.trim()) });
      }
    });
    child.on('exit', (code) => reject(new Error('the local cloud exited with ' + code)));
  });
}

async function postWebhook(shipment, status, message) {
  await postEvents(shipment, [{ status, code: status + Date.now(), message, occurredAt: new Date().toISOString() }]);
}

async function postEvents(shipment, events) {
  const body = JSON.stringify({ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, events });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', demo.webhookSecret).update(timestamp + '.' + body).digest('hex');
  const response = await fetch(demo.httpEndpoint + '/webhooks/carriers/tracklight', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Tracklight-Timestamp': String(timestamp), 'Tracklight-Signature': 'v1=' + signature },
    body,
  });
  assert.equal(response.status, 202, await response.text());
}

/** A new UPS shipment of the demo merchant, its number starting with {@code prefix}. */
async function registerUps(prefix) {
  const trackingNumber = prefix + Date.now();
  const created = await fetch(demo.httpEndpoint + '/v1/shipments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + demo.apiKey },
    body: JSON.stringify({ carrier: 'ups', trackingNumber }),
  });
  assert.equal(created.status, 201);
  return { ...(await created.json()), carrier: 'ups', trackingNumber };
}

async function openPage(shipment, { lang = 'en', locale = 'en-US', bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, bypassCSP });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(shipment.trackingUrl + (lang ? '?lang=' + lang : ''));
  await page.locator('#live.connected').waitFor({ timeout: 15_000 });
  return { page, dialogs, context };
}

before(async () => {
  ({ child: cloud, demo } = await startCloud());
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (cloud) {
    const exited = new Promise((resolve) => cloud.once('exit', resolve));
    cloud.kill('SIGTERM');
    await exited;
  }
});

const byNumber = (number) => demo.shipments.find((s) => s.trackingNumber === number);

test('the page renders a shipment from the API, on a phone-sized screen', async () => {
  const { page, context } = await openPage(byNumber('SF1234567890'));

  assert.equal(await page.locator('h1#status').textContent(), 'In transit');
  assert.equal(await page.locator('#timeline li').count(), 4);
  assert.match(await page.locator('#timeline li').first().textContent(), /Arrived at Shanghai sorting centre/);
  assert.match(await page.locator('#timeline li').first().textContent(), /UTC\+8\)/);
  assert.ok(await page.locator('#timeline h3.day').count() >= 1);
  assert.equal(await page.locator('#progress li.done').count(), 3);
  assert.match(await page.locator('#route-line').textContent(), /Hangzhou → Shanghai · For 张\*\*/);
  assert.equal(await page.locator('#map svg polyline.route').count(), 1);
  await page.screenshot({ path: join(artifacts, 'page-390x844.png') });
  await context.close();
});

test('a number subscribed at EasyPost moves to delivered by EasyPost\'s own pushes, with no webhook posted by hand', async () => {
  // the demo merchant's EasyPost account is the carrier sandbox's test mode; EZ4000000004 walks to delivered
  const { page, context } = await openPage(byNumber('EZ4000000004'));
  await page.locator('h1#status', { hasText: 'Delivered' }).waitFor({ timeout: 60_000 });
  assert.ok(await page.locator('#timeline li').count() >= 4);
  await context.close();
});

test('a number the carrier refuses says so on the page, in both languages, instead of waiting silently', async () => {
  for (const [lang, locale, words] of [['en', 'en-US', /does not know this tracking number/], ['zh-CN', 'zh-CN', /查不到这个运单号/]]) {
    const { page, context } = await openPage(byNumber('EZ9999999999'), { lang, locale });
    await page.locator('#carrier-notice:not([hidden])').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#carrier-notice').textContent(), words);
    await page.screenshot({ path: join(artifacts, `carrier-notice-${lang}-390x844.png`) });
    await context.close();
  }
});

test('a UPS number subscribed at Track Alert moves to delivered by UPS\'s pushes', async () => {
  const { page, context } = await openPage(byNumber('1ZTLSANDBOX0000001'));
  await page.locator('h1#status', { hasText: 'Delivered' }).waitFor({ timeout: 60_000 });
  // a source's scans are queued one message each: the delivery may be shown before an earlier scan is folded in
  await page.locator('#timeline li').nth(4).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#timeline li').count(), 5);
  await context.close();
});

test('a DHL number is polled with the merchant\'s own key until the page shows it delivered', async () => {
  // DHL pushes nothing it can be asked for: the scheduler asks the sandbox's tracking API every minute
  const { page, context } = await openPage(byNumber('00340434161094000001'));
  await page.locator('h1#status', { hasText: 'Delivered' }).waitFor({ timeout: 150_000 });
  await page.locator('#timeline li').nth(3).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#timeline li').count(), 4);
  await context.close();
});

test('every demo shipment renders a finished page, one screenshot each', async () => {
  for (const shipment of demo.shipments) {
    const { page, context } = await openPage(shipment);
    assert.notEqual(await page.locator('h1#status').textContent(), '…');
    // the refused number has no scan to show: its page says why instead (tested above)
    if (shipment.trackingNumber !== 'EZ9999999999') assert.ok(await page.locator('#timeline li').count() >= 2, shipment.trackingNumber);
    if (shipment.trackingNumber === 'JD014600003828') assert.match(await page.locator('#eta-window').textContent(), /^Delivered \w{3}, \w{3} \d+/);
    await page.screenshot({ path: join(artifacts, `demo-${shipment.carrier}-390x844.png`), fullPage: true });
    await context.close();
  }
});

test('the page has no serious accessibility violations (axe-core, WCAG 2 A/AA), in both languages', async () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const number of ['SF1234567890', '78901234567890']) {
      // the page's CSP rightly refuses injected scripts; the audit alone lifts it
      const { page, context } = await openPage(byNumber(number), { lang, bypassCSP: true });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${lang} ${number}`);
      await context.close();
    }
  }
});

test('the ETA window shows with its basis and confidence', async () => {
  const { page, context } = await openPage(byNumber('SF1234567890'));

  assert.match(await page.locator('#eta-window').textContent(), /^Arriving \w{3}, \w{3} \d+/);
  assert.match(await page.locator('#eta-basis').textContent(), /carrier's estimate · high confidence/);
  assert.equal(await page.locator('#delay').isHidden(), true);
  await context.close();
});

test("without a carrier estimate the engine's window shows with the date we would promise", async () => {
  const { page, context } = await openPage(byNumber('JDV001234567890'));

  assert.match(await page.locator('#eta-basis').textContent(), /recent deliveries on this route/);
  assert.match(await page.locator('#eta-edd').textContent(), /^At the latest by \w{3} \d+, \d{4}$/);
  assert.equal(await page.locator('#delay').isHidden(), true);
  await page.screenshot({ path: join(artifacts, 'engine-eta-390x844.png') });
  await context.close();
});

test('at-risk and stalled shipments show a delay banner with the reason in plain words', async () => {
  const atRisk = await openPage(byNumber('YT2298765432109'));
  assert.equal(await atRisk.page.locator('#delay strong').textContent(), 'May arrive late');
  assert.match(await atRisk.page.locator('#delay p').textContent(), /window reaches past the promised date/);
  await atRisk.page.screenshot({ path: join(artifacts, 'at-risk-390x844.png') });
  await atRisk.context.close();

  const stalled = await openPage(byNumber('78901234567890'));
  assert.equal(await stalled.page.locator('#delay strong').textContent(), 'No recent update');
  assert.match(await stalled.page.locator('#delay p').textContent(), /not scanned this parcel for 9\d hours/);
  await stalled.page.screenshot({ path: join(artifacts, 'stalled-390x844.png') });
  await stalled.context.close();
});

test('zh-CN and en both render, chosen from the browser and overridable with ?lang=', async () => {
  const chinese = await openPage(byNumber('SF1234567890'), { lang: null, locale: 'zh-CN' });
  assert.equal(await chinese.page.locator('h1#status').textContent(), '运输中');
  assert.equal(await chinese.page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await chinese.page.locator('#eta-window').textContent(), /^预计 \d+月\d+日/);
  assert.match(await chinese.page.locator('#eta-basis').textContent(), /依据承运商预估/);
  await chinese.page.screenshot({ path: join(artifacts, 'page-zh-CN-390x844.png') });
  await chinese.context.close();

  const english = await openPage(byNumber('SF1234567890'), { lang: 'en', locale: 'zh-CN' });
  assert.equal(await english.page.locator('h1#status').textContent(), 'In transit');
  assert.equal(await english.page.locator('html').getAttribute('lang'), 'en');
  await english.context.close();
});

test('a webhook posted to the local cloud appears on the open page without a reload', async () => {
  const shipment = byNumber('SF1234567890');
  const { page, context } = await openPage(shipment);
  await page.evaluate(() => { window.__notReloaded = true; });

  await postWebhook(shipment, 'OUT_FOR_DELIVERY', 'Out for delivery in Pudong');

  await page.locator('h1#status', { hasText: 'Out for delivery' }).waitFor({ timeout: 15_000 });
  assert.match(await page.locator('#timeline li').first().textContent(), /Out for delivery in Pudong/);
  assert.equal(await page.evaluate(() => window.__notReloaded), true);
  await context.close();
});

test('a burst of scans longer than one announced change all show on the open page, newest first', async () => {
  const shipment = await registerUps('BURST');
  const { page, context } = await openPage(shipment);

  // one webhook of 30 scans: processed in batches, each announced with only the newest 20 checkpoints
  const start = Date.now() - 60 * 60_000;
  await postEvents(shipment, Array.from({ length: 30 }, (_, i) => ({
    status: 'IN_TRANSIT', code: 'burst' + i, message: 'Scan ' + i, occurredAt: new Date(start + i * 60_000).toISOString(),
  })));

  await page.waitForFunction(() => document.querySelectorAll('#timeline li').length === 30, null, { timeout: 30_000 });
  assert.match(await page.locator('#timeline li').first().textContent(), /Scan 29/);
  assert.match(await page.locator('#timeline li').last().textContent(), /^Scan 0/);
  await context.close();
});

test('after the server drops the socket the page reconnects and catches up', async () => {
  const shipment = byNumber('1Z999AA10123456784');
  const { page, context } = await openPage(shipment);

  const dropped = await fetch(demo.httpEndpoint + '/_local/websocket/drop', { method: 'POST' });
  assert.equal(dropped.status, 204);
  await postWebhook(shipment, 'DELIVERED', 'Delivered to the front door');

  await page.locator('h1#status', { hasText: 'Delivered' }).waitFor({ timeout: 20_000 });
  await page.locator('#live.connected').waitFor({ timeout: 20_000 });
  await context.close();
});

test('carrier text is shown as text, never run as HTML', async () => {
  const shipment = byNumber('JD014600003828');
  const { page, dialogs, context } = await openPage(shipment);

  await postWebhook(shipment, 'DELIVERED', '<img src=x onerror=alert(1)>');

  await page.locator('#timeline li .what', { hasText: '<img src=x onerror=alert(1)>' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#timeline img').count(), 0);
  assert.match(await page.locator('#timeline').textContent(), /signed by <b>front desk<\/b>/);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('an expired tracking link says so', async () => {
  const shipment = await registerUps('EXP');
  await postWebhook(shipment, 'EXPIRED', 'Tracking ended');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await page.goto(shipment.trackingUrl + '?lang=en');

  await page.locator('h1#status', { hasText: 'This tracking link has expired' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#timeline-card').isHidden(), true);
  await context.close();
});

test('an unknown tracking link says so', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(demo.httpEndpoint + '/t/no-such-token');

  await page.locator('h1#status', { hasText: 'Tracking link not found' }).waitFor({ timeout: 15_000 });
  await context.close();
});
