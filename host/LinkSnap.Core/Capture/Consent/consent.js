// Runs autoconsent's opt-out ("reject non-essential") once in this document and reports what it
// found and did (decision 072), in the top document or in a frame (decision 080). library: what
// ConsentScript.Install left in this document (AutoConsent, filterCompactRules, the compact rules);
// args: { boundMs, report }. report names a binding that gets each change of what was found: a
// consent frame is often removed by its page as soon as its "reject" is clicked, and this call's
// own answer is then lost with the frame.
async function dismissConsent({ AutoConsent, filterCompactRules, rules }, args) {
  const found = { cmp: null, popup: false, result: null, cosmetic: false, clicks: 0, timedOut: false, stillShown: false };
  const binding = args.report ? window[args.report] : null;
  const report = () => { if (typeof binding === 'function') binding(JSON.stringify(found)).catch(() => {}); };
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const send = (msg) => {
    switch (msg.type) {
      case 'popupFound': found.cmp = msg.cmp; found.popup = true; report(); break;
      // autoconsentDone follows optOutResult in the same turn when the CMP is finished with.
      case 'optOutResult': found.cmp = msg.cmp; found.result = !!msg.result; report(); setTimeout(finish, 0); break;
      case 'autoconsentDone': found.cosmetic = !!msg.isCosmetic; found.clicks = msg.totalClicks || 0; report(); break;
      case 'report': found.clicks = msg.state?.clicks ?? found.clicks; break;
    }
    return Promise.resolve();
  };

  const consent = new AutoConsent(send, null, null);
  // Detection runs once, now, and is awaited below (not on the idle callback autoconsent schedules):
  // the page has settled, so a CMP that is coming is already there.
  consent.start = () => {};
  // A recognised consent manager whose banner is not open (consent not needed here) would otherwise
  // be polled for 5 s; on a settled page a banner that is coming is there within half a second.
  const waitForPopup = consent.waitForPopup;
  consent.waitForPopup = (cmp) => waitForPopup.call(consent, cmp, 2, 250);
  consent.initialize({
    enabled: true,
    autoAction: 'optOut',
    enablePrehide: false,
    enableCosmeticRules: true,
    enableGeneratedRules: true,
    enableHeuristicDetection: false,
    detectRetries: 0,
    // Playwright evaluates in the page's own world: rule snippets run inline, no eval messages.
    isMainWorld: true,
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
  }, { compact: filterCompactRules(rules, { url: location.href, mainFrame: window === window.top }) });

  const detection = consent._start().then(() => { if (!found.popup) finish(); }, () => finish());
  // A rule's click may "succeed" on a button that does nothing: the banner must be gone to count.
  const verified = finished.then(async () => {
    for (let i = 0; found.result && consent.foundCmp && i < 10; i++) {
      if (!(await consent.foundCmp.detectPopup().catch(() => false))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (found.result) found.stillShown = true;
  });
  const bound = new Promise((resolve) => setTimeout(() => { found.timedOut = true; resolve(); }, args.boundMs));
  await Promise.race([verified, bound]);
  detection.catch(() => {});
  return found;
}
