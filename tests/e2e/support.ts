/// <reference lib="dom" />
/**
 * The world of the browser journeys: the built web app served by the real API with the embedded engine, the
 * demo data and models, and the job workers; Debian's chromium through playwright-core; helpers to log in,
 * poll a page, take screenshots and run axe-core.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../engine/src/infra/config';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine/src/client/embedded';
import { ControlledClock } from '../../engine/src/runtime/clock';
import { buildApp } from '../../api/src/app';
import { seedDemoData } from '../../api/src/seed/index';
import { deployProcesses } from '../../api/src/startup/deploy-processes';
import { startWorkers, type Workers } from '../../api/src/workers/index';
import { testDatabase } from '../support/database';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
export const PASSWORD = 'MotCua@2013';
const WEB = path.join(ROOT, 'web');
const WEB_DIST = path.join(WEB, 'dist');

/** True when the browser exists; otherwise says why the journeys are skipped (and fails in CI). */
export function haveChromium(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} is missing (install it: apt-get update && apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`Browser journeys cannot run in CI: ${reason}`);
  console.warn(`Skipping the browser journeys: ${reason}`);
  return false;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` when web/dist is older than the sources. */
export function buildWebIfStale(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource(WEB)) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: WEB,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Everything a journey needs. */
export interface World {
  app: FastifyInstance;
  engine: EmbeddedEngine;
  workers: Workers;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the app with demo data, models and workers, and the browser. */
export async function startWorld(): Promise<World> {
  buildWebIfStale();
  const databaseUrl = await testDatabase();
  const engine = await createEmbeddedEngine({
    databaseUrl,
    clock: new ControlledClock(),
    startSchedulers: false,
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  const app = await buildApp({
    config: loadConfig({ SEED_DEMO: 'false', DATA_DIR: dataDir }),
    databaseUrl,
    engine,
    webRoot: WEB_DIST,
  });
  await seedDemoData(app.orm.em.fork(), { processesRoot: path.join(ROOT, 'processes') });
  await deployProcesses(engine, path.join(ROOT, 'processes'), () => {});
  const workers = startWorkers(app, { pollTimeoutMs: 200, retryBackOffMs: 50 });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
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
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    app,
    engine,
    workers,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await workers.close();
      await app.close();
      await engine.close();
    },
  };
}

/** A fresh browser context (own cookies) with a Vietnamese locale, at the login page, signed in. */
export async function loggedIn(w: World, username: string): Promise<Page> {
  const context = await w.browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(`${w.baseUrl}/dang-nhap`);
  await login(page, username);
  return page;
}

/** Fills the login form of the current page. */
export async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Saves a full-page screenshot under test-artifacts/e2e. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Reloads `page` until `target` shows (the UI polls too; this does not wait for its interval). */
export async function reloadUntil(page: Page, target: Locator, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.reload({ waitUntil: 'domcontentloaded' });
    }
  }
}
