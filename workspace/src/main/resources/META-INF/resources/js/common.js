// What every page shares: the header (agent, teams, navigation), Dutch labels, time formatting, the live region,
// the page error and small DOM/form helpers. Data is always put in the page as text, never as HTML.
import { get, ApiError } from './api.js';

export const CHANNELS = {
  WEB_FORM: 'Webformulier',
  EMAIL: 'E-mail',
  PHONE: 'Telefoon',
  COUNTER: 'Balie',
  CHAT: 'Chat',
  SOCIAL_MEDIA: 'Sociale media',
  LETTER: 'Brief',
};

export const STATUSES = {
  OPEN: 'Open',
  CLAIMED: 'In behandeling',
  CALLBACK_PENDING: 'Terugbellen',
  TRANSFER_REQUESTED: 'Wordt doorgezet',
  RESOLVED: 'Afgehandeld',
};

export const TIERS = {
  FIRST_LINE: 'Eerste lijn (KCC)',
  CHAIN_TEAM: 'Ketenteam',
  BACK_OFFICE: 'Backoffice',
};

export const OUTCOMES = {
  ANSWERED: 'Beantwoord',
  INFORMED: 'Geïnformeerd',
  REPORT_REGISTERED: 'Melding geregistreerd',
  REFERRED_EXTERNAL: 'Doorverwezen naar een andere organisatie',
  NO_CONTACT_POSSIBLE: 'Geen contact mogelijk',
};

export const DEADLINES = {
  OVERDUE: { text: 'Te laat', css: 'badge-overdue' },
  DUE_TODAY: { text: 'Vandaag', css: 'badge-today' },
  LATER: { text: 'Later', css: 'badge-later' },
  NONE: { text: 'Geen termijn', css: 'badge-none' },
};

// Municipalities travel as CBS codes (GM0363); the names an agent knows them by, for the codes Loket uses.
const MUNICIPALITIES = {
  GM0363: 'Amsterdam',
  GM0344: 'Utrecht',
  GM0518: "'s-Gravenhage",
  GM0599: 'Rotterdam',
  GM9901: 'Simulatie 1',
  GM9902: 'Simulatie 2',
  GM9903: 'Simulatie 3',
  GM9904: 'Simulatie 4',
};

/** "Amsterdam (GM0363)" for a known code, else the code as it is. */
export function municipalityName(code) {
  if (!code) {
    return '—';
  }
  const name = MUNICIPALITIES[String(code).toUpperCase()];
  return name ? `${name} (${code})` : String(code);
}

export const TERM_UNITS = { WORKING_DAYS: 'werkdagen', CALENDAR_DAYS: 'kalenderdagen' };

/** A label from a table, or the raw value when unknown, or a dash. */
export function label(table, value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  return table[value] || String(value);
}

const TZ = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TZ, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
const dateTimeYear = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' });
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** An Instant as Dutch date and time in Europe/Amsterdam ("ma 30 nov. 14:05"; with the year when not this year). */
export function formatDateTime(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  const thisYear = dayKey.format(new Date()).slice(0, 4) === dayKey.format(d).slice(0, 4);
  return thisYear ? dateTime.format(d) : dateTimeYear.format(d);
}

/** HH:MM in Europe/Amsterdam. */
export function formatTime(iso) {
  return iso ? timeOnly.format(new Date(iso)) : '—';
}

/** A date (LocalDate "2026-12-01" or an Instant) as "1 december 2026". */
export function formatDate(value) {
  if (!value) {
    return '—';
  }
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateOnly.format(d);
}

/** A 0..1 (or 0..100) confidence as "87%". */
export function formatPercent(value) {
  if (value === undefined || value === null || Number.isNaN(Number(value))) {
    return '—';
  }
  const n = Number(value);
  const pct = n <= 1 ? n * 100 : n;
  return `${Math.round(pct)}%`;
}

/**
 * Builds an element: el('a', {href: '/x', class: 'y'}, 'text', child…). Attributes starting with "on" are listeners;
 * children are nodes or text (never parsed as HTML); null/false children are skipped.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      node.className = v;
    } else if (k === 'style') {
      node.style.cssText = v; // CSSOM, not the style attribute: allowed under a strict Content-Security-Policy
    } else if (k === 'dataset') {
      Object.assign(node.dataset, v);
    } else if (v === true) {
      node.setAttribute(k, '');
    } else {
      node.setAttribute(k, String(v));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(node, c);
    } else {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A deadline badge: text and colour ("Te laat", "Vandaag", "Later"). */
export function deadlineBadge(deadline) {
  const d = DEADLINES[deadline] || DEADLINES.NONE;
  return el('span', { class: `badge ${d.css}` }, d.text);
}

/** A <dl> of [term, value] pairs; values may be nodes; pairs with an undefined value are skipped. */
export function facts(pairs, attrs) {
  const dl = el('dl', { class: 'facts', ...(attrs || {}) });
  for (const [term, value, ddAttrs] of pairs) {
    if (value === undefined) {
      continue;
    }
    dl.append(el('dt', null, term), el('dd', ddAttrs || null, value === null || value === '' ? '—' : value));
  }
  return dl;
}

// ---------- live region and page error ----------

let clearTimer;

/** Says something in the polite live region (visible as a quiet line as well). */
export function announce(message) {
  const region = document.getElementById('live-status');
  if (!region) {
    return;
  }
  clearTimeout(clearTimer);
  // clear first so the same message twice is announced twice
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
  clearTimer = window.setTimeout(() => {
    region.textContent = '';
  }, 15000);
}

/** Shows an error for the whole page (role="alert"); null hides it. */
export function showPageError(message) {
  const box = document.getElementById('page-error');
  if (!box) {
    return;
  }
  if (!message) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = message;
  box.hidden = false;
}

/** The Dutch text of an error (ApiError or anything else). */
export function errorText(e) {
  return e instanceof ApiError ? e.message : 'Er ging iets mis. Probeer het opnieuw.';
}

// ---------- header ----------

let mePromise;

/** The signed-in agent (/api/me), once per page. */
export function loadMe() {
  if (!mePromise) {
    mePromise = get('/api/me');
  }
  return mePromise;
}

/** Fills the header from /api/me and resolves with it; shows the page error when it fails. */
export async function initPage() {
  try {
    const me = await loadMe();
    const name = document.getElementById('user-name');
    const teams = document.getElementById('user-teams');
    if (name) {
      name.textContent = me.name || me.username || '';
    }
    if (teams) {
      const names = (me.teams || []).map((t) => t.name || t.id);
      teams.textContent = names.length ? names.join(', ') : 'geen team';
    }
    const reg = document.getElementById('nav-register');
    if (reg) {
      reg.hidden = !me.canRegister;
    }
    const lead = document.getElementById('nav-lead');
    if (lead) {
      lead.hidden = !me.teamLead;
    }
    return me;
  } catch (e) {
    showPageError(errorText(e));
    throw e;
  }
}

// ---------- forms ----------

/** Marks a control invalid with a message in its error element (id "<control id>-error", tied by aria-describedby). */
export function setFieldError(control, message) {
  const errorId = `${control.id}-error`;
  const error = document.getElementById(errorId);
  if (error) {
    error.textContent = message ? `Fout: ${message}` : '';
  }
  const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (message) {
    control.setAttribute('aria-invalid', 'true');
    if (!described.includes(errorId)) {
      described.unshift(errorId);
    }
  } else {
    control.removeAttribute('aria-invalid');
  }
  if (described.length) {
    control.setAttribute('aria-describedby', described.join(' '));
  }
}

/** Clears every field error inside a form. */
export function clearErrors(form) {
  for (const c of form.querySelectorAll('[aria-invalid="true"]')) {
    setFieldError(c, null);
  }
  for (const e of form.querySelectorAll('.error-text')) {
    e.textContent = '';
  }
}

/**
 * Checks [control, message-when-invalid, test] rules; shows the errors, focuses the first invalid control and
 * returns true when all pass.
 */
export function validate(form, rules) {
  clearErrors(form);
  let first = null;
  for (const [control, message, ok] of rules) {
    if (!ok()) {
      setFieldError(control, message);
      if (!first) {
        first = control;
      }
    }
  }
  if (first) {
    first.focus();
    return false;
  }
  return true;
}

/** Shows a problem from the server under the form's fields when it names one, else returns false. */
export function showProblemOnFields(form, problem) {
  const violations = problem && (problem.violations || problem.errors);
  if (!Array.isArray(violations)) {
    return false;
  }
  let shown = false;
  for (const v of violations) {
    const field = String(v.field || v.name || '').split('.').pop();
    const control = field && form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (control && control.id) {
      setFieldError(control, 'deze waarde is niet geaccepteerd.');
      if (!shown) {
        control.focus();
      }
      shown = true;
    }
  }
  return shown;
}

/** Disables a button while a promise runs. */
export async function busy(button, fn) {
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
  try {
    return await fn();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

/** The URL's query parameter. */
export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}
