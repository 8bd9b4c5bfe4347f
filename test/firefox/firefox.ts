// Launches Debian's Firefox ESR with a built extension, driven by puppeteer-core over WebDriver BiDi. Facts this rests
// on (found with Firefox ESR 153): `moz-extension://` pages open only with `--remote-allow-system-access`; the pref
// `extensions.webextensions.uuids` pins the extension's UUID so its pages have a known URL;
// `extensions.webextOptionalPermissionPrompts: false` grants `permissions.request()` without a prompt (the headless
// browser has no one to answer it); `page.goto()` to a `moz-extension://` page never resolves (the load switches
// process), so callers wait on the page's content instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id of wxt.config.ts's browser_specific_settings. */
const EXTENSION_ID = 'refinery@refinery.dev';
const UUID = '5f1e6a52-8c1d-4c3e-9a57-2d1f0b7e4a10';

export interface Firefox {
  browser: Browser;
  /** `moz-extension://<uuid>/<file>` of the installed extension. */
  extensionUrl(file: string): string;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir: string): Promise<Firefox> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  if (!fs.existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr (or set FIREFOX_PATH).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'refinery-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const id = await browser.installExtension(path.resolve(extensionDir));
    if (id !== EXTENSION_ID) throw new Error(`installed ${id}, expected ${EXTENSION_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    extensionUrl: (file) => `moz-extension://${UUID}/${file}`,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens an extension page: starts the load and returns at once (see above); wait on the page's content next. */
export async function openExtensionPage(firefox: Firefox, file: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  void page.goto(firefox.extensionUrl(file)).catch(() => undefined);
  // Queries sent while the tab still moves from about:blank to the extension page can hit the realm being replaced,
  // which Firefox's BiDi answers with a protocol error instead of a retry: wait for the page itself first (`until`
  // retries through such errors).
  await until(`${file} loaded`, () => page.evaluate(() => `${location.protocol} ${document.readyState}`), (v) => v === 'moz-extension: complete');
  return page;
}

/** Waits until `read` (run in the page) returns true; the failure says what was last seen. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}${error ? ` (${String(error)})` : ''}`);
}
