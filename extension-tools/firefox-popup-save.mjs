// Saves a page from the LinkSnap popup in a real Firefox, driven through WebDriver BiDi (puppeteer-core,
// which never downloads a browser: it runs the Firefox it is given). Run by
// tests/LinkSnap.Browser.Tests/Extension/FirefoxEndToEndTests, which starts the daemon and the page server,
// registers the native host in HOME and checks what the daemon stored.
//
//   node firefox-popup-save.mjs --firefox PATH --extension DIR --page URL --uuid UUID --tags "a, b" [--screenshot FILE]
//
// Firefox inherits this process's environment: HOME (where ~/.mozilla/native-messaging-hosts is read),
// LINKSNAP_HOME and the rest reach the relay it starts. Prints one JSON line: {state, text, tagsLoaded}.
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const ADDON_ID = 'linksnap@linksnap.local'; // browser_specific_settings.gecko.id in extension/manifest.json
const STEP_MS = 30_000; // each wait below is bounded; the test bounds the whole run too
const SAVE_MS = 90_000;

const { values: opt } = parseArgs({
  options: {
    firefox: { type: 'string' },
    extension: { type: 'string' },
    page: { type: 'string' },
    uuid: { type: 'string' },
    tags: { type: 'string' },
    screenshot: { type: 'string' },
  },
});
for (const name of ['firefox', 'extension', 'page', 'uuid', 'tags']) {
  if (!opt[name]) fail(`--${name} is required`);
}

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: opt.firefox,
  headless: true,
  // BiDi refuses to navigate a tab to a moz-extension: page unless system access is allowed; a person
  // opens the popup from the toolbar, which headless Firefox does not have.
  args: ['--remote-allow-system-access'],
  env: process.env,
  extraPrefsFirefox: {
    // A fixed internal UUID makes the popup's moz-extension:// URL known before the add-on is installed.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: opt.uuid }),
  },
});

try {
  // A temporary add-on, as about:debugging's "Load Temporary Add-on" would install it.
  const installed = await browser.installExtension(opt.extension);
  if (installed !== ADDON_ID) fail(`installed add-on is ${installed}, expected ${ADDON_ID}`);

  const tab = await browser.newPage();
  await tab.goto(opt.page, { timeout: STEP_MS });

  const popupUrl = `moz-extension://${opt.uuid}/popup/popup.html`;
  const popup = await browser.newPage();
  await openExtensionPage(popup, popupUrl);
  const tabId = await popup.evaluate(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id, opt.page);
  if (!tabId) fail(`no tab shows ${opt.page}`);
  await openExtensionPage(popup, `${popupUrl}?tab=${tabId}`);

  // The tag list comes from the daemon through the native host: loaded means native messaging works.
  await waitFor(popup, () => document.body.dataset.tagsLoaded === 'true' || !document.getElementById('host-problem').hidden,
    STEP_MS, 'the popup to load the tags');
  const problem = await popup.evaluate(() => document.getElementById('host-problem').hidden ? '' : document.getElementById('host-problem').textContent);
  if (problem) fail(`the popup reports a problem: ${problem}`);

  await popup.click('#tags', { count: 3 }); // select what is there (default tags) and type over it
  await popup.keyboard.press('Backspace');
  await popup.type('#tags', opt.tags);
  await popup.keyboard.press('Escape'); // close the suggestions, as a person would before clicking Save
  await popup.click('#save');
  await waitFor(popup, () => ['done', 'partial', 'failed', 'pending'].includes(document.getElementById('state').dataset.state),
    SAVE_MS, 'the save to end');

  if (opt.screenshot) await popup.screenshot({ path: opt.screenshot });
  const result = await popup.evaluate(() => ({
    state: document.getElementById('state').dataset.state,
    text: document.getElementById('state').textContent,
    tagsLoaded: document.body.dataset.tagsLoaded === 'true',
  }));
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}

/**
 * Navigates to an extension page. The page loads, but Firefox moves the tab into the extension process
 * and puppeteer sees no load event for it, so the navigation is not awaited: the page's own location is.
 */
async function openExtensionPage(page, url) {
  page.goto(url, { timeout: STEP_MS }).catch(() => {});
  await waitFor(page, (expected) => location.href === expected && document.readyState === 'complete', STEP_MS, url, url);
}

/** Polls a condition in the page until it holds, for at most ms. */
async function waitFor(page, condition, ms, what, arg) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await page.evaluate(condition, arg)) return;
    } catch {
      // The page is between documents: ask again.
    }
    if (Date.now() > deadline) fail(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function fail(message) {
  throw new Error(message);
}
