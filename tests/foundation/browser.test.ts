/**
 * The citizen home page in a real browser (Debian's chromium driven by playwright-core): the built web app
 * served by the real API, with the real engine, on the worker's database. Skipped with a message when
 * /usr/bin/chromium is missing, except in CI (CI=true), where a missing browser is a failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../engine/src/infra/config';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine/src/client/embedded';
import { ControlledClock } from '../../engine/src/runtime/clock';
import { buildApp } from '../../api/src/app';
import { testDatabase } from '../support/database';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const WEB = path.join(ROOT, 'web');
const WEB_DIST = path.join(WEB, 'dist');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const haveChromium = fs.existsSync(CHROMIUM);

if (!haveChromium) {
  const reason = `${CHROMIUM} is missing (install it: apt-get update && apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run in CI: ${reason}`);
  console.warn(`Skipping the browser tests: ${reason}`);
}

/** Newest modification time of the web app's sources, to rebuild web/dist only when it is stale. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildWebIfStale(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource(WEB)) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: WEB,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

(haveChromium ? describe : describe.skip)('citizen home page in a browser', () => {
  let app: FastifyInstance;
  let engine: EmbeddedEngine;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    buildWebIfStale();
    // playwright gives each launch a fresh temporary profile (stack.md's --user-data-dir) and removes it.
    const databaseUrl = await testDatabase();
    engine = await createEmbeddedEngine({
      databaseUrl,
      clock: new ControlledClock(),
      startSchedulers: false,
    });
    app = await buildApp({
      config: loadConfig({ SEED_DEMO: 'false' }),
      databaseUrl,
      engine,
      webRoot: WEB_DIST,
    });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await engine?.close();
  });

  it('should show the Vietnamese portal title, the search box and a healthy system status', async () => {
    // given a visitor with a Vietnamese browser
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    try {
      // when they open the home page
      const response = await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });

      // then the portal greets them in Vietnamese
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('Cổng dịch vụ công trực tuyến – Một Cửa');
      await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công trực tuyến – Một Cửa' }).waitFor();
      await page.getByPlaceholder('Tìm thủ tục hành chính…').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');

      // and the status indicator reports the health the API answered
      const status = page.getByTestId('system-status');
      await status.and(page.locator('[data-state="ok"]')).waitFor({ timeout: 20_000 });
      expect(await status.textContent()).toContain('Hệ thống hoạt động bình thường');

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'citizen-home.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('should switch the interface to English and back', async () => {
    // given the home page
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
      await page.getByPlaceholder('Tìm thủ tục hành chính…').waitFor();

      // when English is chosen
      await page.getByText('EN', { exact: true }).click();

      // then the page speaks English, and says so to assistive technology
      await page.getByPlaceholder('Search administrative procedures…').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // when Vietnamese is chosen again
      await page.getByText('VI', { exact: true }).click();
      await page.getByPlaceholder('Tìm thủ tục hành chính…').waitFor();
    } finally {
      await page.close();
    }
  }, 60_000);
});
