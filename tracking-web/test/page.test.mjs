// Browser tests of the tracking page against the real local cloud (./tracklight up), in Debian's chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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
  const body = JSON.stringify({
    carrier: shipment.carrier, trackingNumber: shipment.trackingNumber,
    events: [{ status, code: status + Date.now(), message, occurredAt: new Date().toISOString() }],
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', demo.webhookSecret).update(timestamp + '.' + body).digest('hex');
  const response = await fetch(demo.httpEndpoint + '/webhooks/carriers/tracklight', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Tracklight-Timestamp': String(timestamp), 'Tracklight-Signature': 'v1=' + signature },
    body,
  });
  assert.equal(response.status, 202, await response.text());
}

async function openPage(shipment, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(shipment.trackingUrl);
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

test('the page renders a shipment from the API, on a phone-sized screen', async () => {
  const shipment = demo.shipments[0];
  const { page, context } = await openPage(shipment);

  assert.equal(await page.locator('h1#status').textContent(), 'In transit');
  assert.equal(await page.locator('#timeline li').count(), 4);
  assert.match(await page.locator('#timeline li').first().textContent(), /Arrived at Shanghai sorting centre/);
  assert.match(await page.locator('#timeline li').first().textContent(), /UTC\+08:00/);
  assert.equal(await page.locator('#progress li.done').count(), 3);
  await page.screenshot({ path: join(artifacts, 'page-390x844.png') });
  await context.close();
});

test('a webhook posted to the local cloud appears on the open page without a reload', async () => {
  const shipment = demo.shipments[0];
  const { page, context } = await openPage(shipment);
  await page.evaluate(() => { window.__notReloaded = true; });

  await postWebhook(shipment, 'OUT_FOR_DELIVERY', 'Out for delivery in Pudong');

  await page.locator('h1#status', { hasText: 'Out for delivery' }).waitFor({ timeout: 15_000 });
  assert.match(await page.locator('#timeline li').first().textContent(), /Out for delivery in Pudong/);
  assert.equal(await page.evaluate(() => window.__notReloaded), true);
  await context.close();
});

test('after the server drops the socket the page reconnects and catches up', async () => {
  const shipment = demo.shipments[1];
  const { page, context } = await openPage(shipment);

  const dropped = await fetch(demo.httpEndpoint + '/_local/websocket/drop', { method: 'POST' });
  assert.equal(dropped.status, 204);
  await postWebhook(shipment, 'DELIVERED', 'Delivered to the front door');

  await page.locator('h1#status', { hasText: 'Delivered' }).waitFor({ timeout: 20_000 });
  await page.locator('#live.connected').waitFor({ timeout: 20_000 });
  await context.close();
});

test('carrier text is shown as text, never run as HTML', async () => {
  const shipment = demo.shipments[2];
  const { page, dialogs, context } = await openPage(shipment);

  await postWebhook(shipment, 'DELIVERED', '<img src=x onerror=alert(1)>');

  await page.locator('#timeline li .what', { hasText: '<img src=x onerror=alert(1)>' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#timeline img').count(), 0);
  assert.match(await page.locator('#timeline').textContent(), /signed by <b>front desk<\/b>/);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('an unknown tracking link says so', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(demo.httpEndpoint + '/t/no-such-token');

  await page.locator('h1#status', { hasText: 'Tracking link not found' }).waitFor({ timeout: 15_000 });
  await context.close();
});
