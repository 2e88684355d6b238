// Words for what the API answers in codes: statuses, severities, enum values, dates, money.

import { api } from './api.js';

export const DIMENSIONS = ['trust', 'alignment', 'governance', 'sustainability', 'engagement', 'momentum'];

export const STATUS_TEXT = {
  RED: 'Red: at risk', AMBER: 'Amber: needs attention', NOT_ENOUGH_DATA: 'Not enough data yet',
  GREEN: 'Green: healthy', PAUSED: 'Paused', CLOSED: 'Closed',
};

export const SEVERITY_TEXT = { CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

const ACRONYMS = new Set(['MOU', 'FTE', 'TPI', 'GBP']);

/** An enum value in words: IN_PERSON as "In person", MOU as "MOU". */
export function words(value) {
  if (value === null || value === undefined) return '';
  const text = String(value).split('_').map((w) => (ACRONYMS.has(w) ? w : w.toLowerCase())).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function capitalise(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** An event type in words: SharedGoalRevised as "Shared goal revised". */
export function typeWords(type) {
  return capitalise(type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 May 2026" for 2026-05-01 or an instant on that day. */
export function day(value) {
  if (!value) return '';
  const d = new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(value) : DATE.format(d);
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from today to the date (negative when it has passed). */
export function daysUntil(date) {
  return Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency || 'GBP',
      maximumFractionDigits: 0 }).format(amount);
  } catch (e) {
    return `${amount} ${currency || ''}`.trim();
  }
}

/** The band a 0-100 score falls in, as the status rules draw the lines: below 50, below 75, 75 and up. */
export function band(score) {
  if (score === null || score === undefined) return 'none';
  return score < 50 ? 'low' : score < 75 ? 'middle' : 'high';
}

export const BAND_TEXT = { low: 'below 50', middle: '50 to 74', high: '75 or more', none: 'not yet scored' };

let alertLabels = null;

/** The alert codes in plain words, as the health model names them. */
export async function alertCodes() {
  if (!alertLabels) {
    alertLabels = api('/health-model/alerts').catch(() => []).then((list) => {
      const labels = new Map(list.map((a) => [a.code, a.label]));
      return labels;
    });
  }
  return alertLabels;
}

export function alertLabel(labels, code) {
  return (labels && labels.get(code)) || words(code);
}
