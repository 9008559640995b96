// The user's language (nl, fr or en) and the translated strings. The choice
// is kept in memory only; the browser's language is the first guess.
import en from './i18n-en.js';
import fr from './i18n-fr.js';
import nl from './i18n-nl.js';

export const dictionaries = {nl, fr, en};
let current = guessLanguage();
const listeners = [];

function guessLanguage() {
  const preferred = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return preferred in dictionaries ? preferred : 'en';
}

export function language() {
  return current;
}

export function setLanguage(code) {
  if (!(code in dictionaries) || code === current) return;
  current = code;
  document.documentElement.lang = code;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

// The string for `key` with {name} placeholders filled in; a missing key shows
// itself (a test checks that none is missing).
export function t(key, values = {}) {
  const text = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// The key's text if the dictionary has it, otherwise the server's own text.
export function tOr(key, fallback) {
  return key in dictionaries[current] ? t(key) : fallback;
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return when.toLocaleString(locale(), {dateStyle: 'medium', timeStyle: 'short'});
}

export function formatDate(iso) {
  if (!iso) return '';
  const when = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(when.getTime())) return iso;
  return when.toLocaleDateString(locale(), {dateStyle: 'medium'});
}

function locale() {
  return {nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB'}[current];
}

// "3 d 4 h" since `iso`, for the queue's clock.
export function elapsedSince(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000));
  const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('clock.days_hours', {days, hours});
  return t('clock.hours_minutes', {hours, minutes: minutes % 60});
}
