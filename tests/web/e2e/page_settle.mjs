// When a page of the single-page app has finished loading: no request of the page in flight for a
// short quiet spell (the live event streams of a file excepted: they never end) and nothing marked
// aria-busy. Cheaper than playwright's 'networkidle' (500 ms of quiet after every page) and it also
// works after a navigation inside the app, which 'networkidle' does not see.

import { sleep } from './harness.mjs';

const QUIET_MS = 150;
const TIMEOUT_MS = 15_000;

/** Counts the page's requests in flight; answers settled(), which resolves once the page is quiet. */
export function followRequests(page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const counted = (request) => request.resourceType() !== 'eventsource';
  const started = (request) => {
    if (!counted(request)) return;
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = (request) => {
    if (!counted(request)) return;
    inFlight -= 1;
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);

  return async function settled() {
    const deadline = Date.now() + TIMEOUT_MS;
    while (inFlight > 0 || Date.now() - lastChange < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`the page never settled: ${inFlight} request(s) in flight`);
      await sleep(20);
    }
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: TIMEOUT_MS });
  };
}

/** Goes to `path` inside the app as its links do (history and popstate): the app and axe stay loaded. */
export async function navigateInApp(page, path) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}
