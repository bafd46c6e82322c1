// Date reading for the metadata layer (metadata.js): every format pages write a publication date in,
// normalized to ISO 8601. A value keeps the precision the page gave: a day ("2021-11-20"), a local
// time without zone ("2021-11-20T10:30:00") or an instant with its offset ("…T10:30:00+08:00").
// `now` is the capture time in ms since the epoch (the engine's TimeProvider), for relative dates and
// for rejecting what cannot be a publication date.

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  janv: 1, févr: 2, fevr: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, août: 8, aout: 8, sept: 9, déc: 12,
  jän: 1, märz: 3, okt: 10, dez: 12, ene: 1, abr: 4, ago: 8, dic: 12, gen: 1, mag: 5, giu: 6, lug: 7, set: 9, ott: 10 };
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|déc|jän|märz|okt|dez|ene|abr|ago|dic)[a-zéû]*\\.?';
// Zone abbreviations pages print; others are left without a zone rather than guessed.
const ZONES = { utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, bst: 60, eet: 120, eest: 180, jst: 540, kst: 540, ist: 330, aest: 600, aedt: 660, hkt: 480, sgt: 480 };

const pad = (n, w = 2) => String(n).padStart(w, '0');

const monthOf = (word) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] || MONTHS[w.slice(0, 4)] || MONTHS[w.slice(0, 3)] || null;
};

const offsetText = (minutes) => minutes === 0 ? 'Z' : (minutes > 0 ? '+' : '-') + pad(Math.floor(Math.abs(minutes) / 60)) + ':' + pad(Math.abs(minutes) % 60);

const zoneOf = (text) => {
  if (!text) return null;
  const t = text.trim();
  const numeric = /^(?:gmt|utc)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(t);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] || 0));
  const named = ZONES[t.toLowerCase()];
  return named === undefined ? null : named;
};

// The parts of a date as numbers (time and zone optional) → ISO text, or null when impossible.
const build = (y, mo, d, h, mi, s, zone) => {
  y = Number(y); mo = Number(mo); d = Number(d);
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return null;
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || h === null || h === '') return day;
  h = Number(h); mi = Number(mi || 0); s = Number(s || 0);
  if (h > 23 || mi > 59 || s > 59) return day;
  const local = `${day}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return zone === null || zone === undefined ? local : local + offsetText(zone);
};

const TIME = '(?:[T\\s,]+(?:at\\s+)?(\\d{1,2})[:时時](\\d{2})(?:[:分](\\d{2}))?(?:\\.\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(z|[+-]\\d{2}:?\\d{2}|(?:gmt|utc)[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{2,4}\\b)?)?';

const withMeridiem = (h, meridiem) => {
  if (h === undefined || !meridiem) return h;
  const pm = /^p/i.test(meridiem);
  let n = Number(h) % 12;
  return pm ? n + 12 : n;
};

// [regex, parts(match) → [y, mo, d, h, mi, s, zoneText, meridiem]]; first match in the text wins.
const FORMATS = [
  // 2021-11-20, 2021/11/20, 2021.11.20, 2021-11-20T10:30:00+08:00, 2005-5-7 21:23:57
  [new RegExp('(?<!\\d)((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)' + TIME, 'i'), (m) => [m[1], m[2], m[3], m[4], m[5], m[6], m[8], m[7]]],
  // 2021年11月20日 10:30, 2021年11月20日 10时30分
  [new RegExp('((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日' + TIME, 'i'), (m) => [m[1], m[2], m[3], m[4], m[5], m[6], m[8], m[7]]],
  // Tue Jan 28 15:28:56 CET 2020 (the C library's date format)
  [new RegExp('\\b' + MONTH_WORD + '\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+([a-z]{2,5})?\\s*((?:19|20)\\d{2})\\b', 'i'),
    (m) => [m[7], monthOf(m[1]), m[2], m[3], m[4], m[5], m[6]]],
  // December 9, 2016 · Dec. 22, 2016, 10:30 AM EST
  [new RegExp('\\b' + MONTH_WORD + '\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b' + TIME, 'i'),
    (m) => [m[3], monthOf(m[1]), m[2], m[4], m[5], m[6], m[8], m[7]]],
  // 9 December 2016 · 9. Dezember 2016 · 9 de diciembre de 2016
  [new RegExp('(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?' + MONTH_WORD + ',?\\s+(?:de\\s+)?((?:19|20)\\d{2})\\b' + TIME, 'i'),
    (m) => [m[3], monthOf(m[2]), m[1], m[4], m[5], m[6], m[8], m[7]]],
  // 11/20/2021 (US order; a first number over 12 means day first)
  [new RegExp('(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])' + TIME, 'i'),
    (m) => Number(m[1]) > 12 ? [m[3], m[2], m[1], m[4], m[5], m[6], m[8], m[7]] : [m[3], m[1], m[2], m[4], m[5], m[6], m[8], m[7]]],
  // 20.11.2021 (day first)
  [new RegExp('(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?![\\d.])' + TIME, 'i'), (m) => [m[3], m[2], m[1], m[4], m[5], m[6], m[8], m[7]]],
];

const RELATIVE = [
  [/(\d+)\s*(second|minute|hour|day|week|month|year)s?\s+ago/i, (m) => [Number(m[1]), m[2].toLowerCase()]],
  [/(\d+)\s*(秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週|个月|ヶ月|か月|月|年)\s*前/, (m) => [Number(m[1]), { 秒: 'second', 分钟: 'minute', 分鐘: 'minute', 分: 'minute', 小时: 'hour', 小時: 'hour', 時間: 'hour', 天: 'day', 日: 'day', 周: 'week', 週: 'week', 个月: 'month', ヶ月: 'month', か月: 'month', 月: 'month', 年: 'year' }[m[2]]]],
  [/\b(yesterday)\b|昨天|昨日/i, () => [1, 'day']],
];
const UNIT_MS = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5, month: 2592e6, year: 31536e6 };

// The instant a value stands for (ms), reading a value without zone as UTC: only for the checks.
const instantOf = (iso) => {
  if (/^\d{4}-\d{2}$/.test(iso)) iso += '-01';
  const t = Date.parse(/T.*([+-]\d{2}:\d{2}|Z)$/.test(iso) ? iso : iso.length === 10 ? iso + 'T00:00:00Z' : iso + 'Z');
  return Number.isNaN(t) ? null : t;
};

// Not a publication date: in the future (a day of slack for zones), before 1990, or the capture time itself.
const plausible = (iso, now) => {
  const t = instantOf(iso);
  if (t === null || t < Date.UTC(1990, 0, 1)) return false;
  if (t > now + 864e5) return false;
  return !(iso.length > 10 && Math.abs(t - now) < 5 * 6e4);
};

// Reads the first date in `text`; `relative` also allows "3 days ago" (only for short visible labels).
const parseDate = (text, now, relative) => {
  if (!text) return null;
  const value = String(text).replace(/\s+/g, ' ').trim();
  if (value === '') return null;
  for (const [regex, parts] of FORMATS) {
    const m = regex.exec(value);
    if (!m) continue;
    const [y, mo, d, h, mi, s, zoneText, meridiem] = parts(m);
    const iso = build(y, mo, d, withMeridiem(h, meridiem), mi, s, zoneOf(zoneText));
    if (iso && plausible(iso, now)) return iso;
  }
  if (relative && value.length <= 40) {
    for (const [regex, read] of RELATIVE) {
      const m = regex.exec(value);
      if (!m) continue;
      const [count, unit] = read(m);
      const at = new Date(now - count * UNIT_MS[unit]);
      // Days and longer are only known to the day.
      const iso = UNIT_MS[unit] >= UNIT_MS.day
        ? build(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
        : build(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), 0, 0);
      if (iso && (iso.length === 10 || Math.abs(instantOf(iso) - now) >= 5 * 6e4) && instantOf(iso) <= now) return iso;
    }
  }
  return null;
};

// A date in the URL path: /2016/12/09/ or /20161209/ (a month alone is not a day).
const dateInUrl = (url, now) => {
  const path = (() => { try { return new URL(url).pathname; } catch (e) { return ''; } })();
  const m = /\/((?:19|20)\d{2})[\/-](\d{1,2})[\/-](\d{1,2})(?=[\/._-]|$)/.exec(path) || /[\/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[\/._-]|$)/.exec(path);
  if (!m) return null;
  const iso = build(m[1], m[2], m[3]);
  return iso && plausible(iso, now) ? iso : null;
};

// A magazine issue's month, the only date some reprinted essays carry: "——《北京之春》1998年3月号",
// "《读书》2003年5月". Known to the month: "1998-03".
const issueMonth = (text, now) => {
  const m = /(?:》\s*|——\s*)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)|((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:号|號)/.exec(text);
  if (!m) return null;
  const month = Number(m[2] || m[4]);
  if (month < 1 || month > 12) return null;
  const iso = `${m[1] || m[3]}-${pad(month)}`;
  return plausible(iso, now) ? iso : null;
};
