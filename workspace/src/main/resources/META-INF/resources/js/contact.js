// Contact: what the citizen asked, the routing decision, the knowledge answer and search, history, and the actions.
import { get, post, seg, ApiError } from './api.js';
import {
  initPage, el, fill, facts, label, CHANNELS, STATUSES, TIERS, OUTCOMES, TERM_UNITS, deadlineBadge, formatDateTime,
  formatDate, formatPercent, announce, showPageError, errorText, validate, clearErrors, setFieldError,
  showProblemOnFields, busy, param, municipalityName,
} from './common.js';

const contactId = param('id');
const SEARCH_DELAY_MS = 350;
const view = document.getElementById('contact-view');
const loadingText = document.getElementById('contact-loading');
const title = document.getElementById('contact-title');
// the contact view is cloned from its <template> once the contact is loaded: its ids exist only then
let claimButton, releaseButton, resolveForm, resolveButton, transferForm, transferTeam, transferReason, callbackForm, callbackDue, callbackNote, kbForm, kbSearch, kbResults, kbStatus;

let me;
let data = null;
let teamNames = new Map();

function teamName(id) {
  if (!id) {
    return '—';
  }
  return teamNames.get(id) || id;
}

function loadTeams() {
  return get('/api/teams').then((teams) => {
    teamNames = new Map((teams || []).map((t) => [t.id, t.name || t.id]));
    return teams || [];
  }).catch(() => []);
}

// ---------- rendering ----------

function articleView(article) {
  if (!article) {
    return el('p', { class: 'muted' }, 'Er is geen antwoord uit de kennisbank gekoppeld aan dit contact. '
      + 'Zoek hieronder in de kennisbank.');
  }
  const heading = article.title || article.question || 'Antwoord';
  return el('article', { dataset: { articleId: article.id } },
    el('h3', null, heading),
    el('div', { class: 'answer-text' }, article.answer || ''),
    article.url ? el('p', { class: 'small' }, el('a', { href: article.url, rel: 'noopener' }, 'Bron van dit antwoord')) : null);
}

function term(handlingTerm) {
  if (!handlingTerm || handlingTerm.days === undefined) {
    return null;
  }
  return `${handlingTerm.days} ${TERM_UNITS[handlingTerm.unit] || ''}`.trim();
}

function callbackDueState(cb) {
  if (cb.due) {
    return cb.due;
  }
  if (cb.status !== 'OPEN' || !cb.dueAt) {
    return 'NONE';
  }
  const due = new Date(cb.dueAt);
  const now = new Date();
  if (due < now) {
    return 'OVERDUE';
  }
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  return day.format(due) === day.format(now) ? 'DUE_TODAY' : 'LATER';
}

function historyText(h) {
  const who = h.actor || 'het systeem';
  switch (h.action) {
    case 'ASSIGNED':
      return h.hop > 1
        ? `Doorgezet en binnengekomen bij ${teamName(h.teamId)} (${label(TIERS, h.tier)}, stap ${h.hop})`
        : `Binnengekomen bij ${teamName(h.teamId)} (${label(TIERS, h.tier)})`;
    case 'ASSIGNMENT_IGNORED':
      return 'Dubbele toewijzing genegeerd';
    case 'CLAIMED':
      return `Opgepakt door ${who}`;
    case 'RELEASED':
      return `Vrijgegeven door ${who}`;
    case 'RESOLVED':
      return `Afgehandeld door ${who}: ${label(OUTCOMES, h.outcome)}`;
    case 'TRANSFER_REQUESTED':
      return `Doorzetten naar ${teamName(h.targetTeamId)} gevraagd door ${who}`;
    case 'CALLBACK_REQUESTED':
      return `Terugbelverzoek vastgelegd door ${who}${h.dueAt ? `, terugbellen ${formatDateTime(h.dueAt)}` : ''}`;
    case 'CALLBACK_COMPLETED':
      return `Terugbelverzoek afgerond door ${who}`;
    case 'DEADLINE_APPROACHING':
      return 'De termijn loopt bijna af';
    case 'DEADLINE_BREACHED':
      return 'De termijn is verstreken';
    default:
      return String(h.action || 'Gebeurtenis');
  }
}

function historyItem(h) {
  return el('li', { dataset: { action: h.action } },
    el('time', { datetime: h.at }, formatDateTime(h.at)),
    el('span', null, historyText(h)),
    h.reason ? el('div', { class: 'prewrap' }, `Reden: ${h.reason}`) : null,
    h.note ? el('div', { class: 'prewrap' }, `Notitie: ${h.note}`) : null);
}

function callbackItem(cb) {
  const open = cb.status === 'OPEN';
  const base = `callback-${cb.callbackId}`;
  const header = el('p', null,
    el('strong', null, `Terugbellen ${formatDateTime(cb.dueAt)}`), ' ', open ? deadlineBadge(callbackDueState(cb)) : null,
    open ? null : el('span', { class: 'badge badge-ok' }, cb.reached ? 'Afgerond: bereikt' : 'Afgerond: niet bereikt'));
  const details = facts([
    ['Aangevraagd door', `${cb.requestedBy || '—'} op ${formatDateTime(cb.requestedAt)}`],
    ['Voor', cb.targetMember || (cb.targetTeamId ? teamName(cb.targetTeamId) : undefined)],
    ['Notitie', cb.note ? el('span', { class: 'prewrap' }, cb.note) : undefined],
    ['Afgerond door', open ? undefined : `${cb.completedBy || '—'} op ${formatDateTime(cb.completedAt)}`],
    ['Notitie bij afronden', !open && cb.completionNote ? el('span', { class: 'prewrap' }, cb.completionNote) : undefined],
  ]);
  const node = el('div', { class: 'callback-item', dataset: { callbackId: cb.callbackId } }, header, details);
  if (!open) {
    return node;
  }
  const note = el('textarea', { id: `${base}-note`, name: 'note', rows: 2, maxlength: 2000 });
  const yes = el('input', { type: 'radio', id: `${base}-reached-yes`, name: `${base}-reached`, value: 'true' });
  const no = el('input', { type: 'radio', id: `${base}-reached-no`, name: `${base}-reached`, value: 'false' });
  const button = el('button', { type: 'submit', class: 'secondary', id: `${base}-complete` }, 'Terugbelverzoek afronden');
  const form = el('form', { class: 'callback-complete-form', novalidate: true, dataset: { callbackId: cb.callbackId } },
    el('fieldset', { 'aria-describedby': `${base}-reached-error` },
      el('legend', null, 'Burger bereikt?'),
      el('span', { id: `${base}-reached-error`, class: 'error-text' }),
      el('div', { class: 'choices' },
        el('div', { class: 'choice' }, yes, el('label', { for: yes.id }, 'Ja')),
        el('div', { class: 'choice' }, no, el('label', { for: no.id }, 'Nee')))),
    el('div', { class: 'field' },
      el('label', { for: note.id }, 'Notitie ', el('span', { class: 'optional' }, '(niet verplicht)')),
      el('span', { id: `${note.id}-error`, class: 'error-text' }),
      note),
    button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = document.getElementById(`${base}-reached-error`);
    if (!yes.checked && !no.checked) {
      error.textContent = 'Fout: kies of de burger bereikt is.';
      yes.focus();
      return;
    }
    error.textContent = '';
    await act(button, () => post(`/api/callbacks/${seg(cb.callbackId)}/complete`,
      { reached: yes.checked, note: note.value.trim() || null }),
    yes.checked ? 'Terugbelverzoek afgerond: burger bereikt.' : 'Terugbelverzoek afgerond: burger niet bereikt.', form);
  });
  node.append(form);
  return node;
}

function render() {
  mount();
  const { item } = data;
  const live = item.channel === 'PHONE' || item.channel === 'COUNTER';
  title.textContent = item.subject || 'Contact zonder onderwerp';
  document.title = `${item.subject || 'Contact'} — Loket werkplek`;

  document.getElementById('contact-text').textContent = item.text || '';
  fill(document.getElementById('contact-facts'), el('h3', { class: 'visually-hidden' }, 'Gegevens van het contact'), facts([
    ['Kanaal', label(CHANNELS, item.channel)],
    ['Ontvangen', formatDateTime(item.receivedAt)],
    ['Gemeente', municipalityName(item.municipality)],
    ['Termijn', el('span', null, deadlineBadge(item.deadline), ' ', item.dueAt ? formatDateTime(item.dueAt) : '')],
    ['Status', label(STATUSES, item.status)],
    ['Behandelaar', item.assignee || 'Niemand'],
    ['Zaaknummer', item.caseReference || undefined],
  ]));

  const citizen = item.citizen || {};
  const hasCitizen = citizen.name || citizen.email || citizen.phone;
  fill(document.getElementById('citizen-facts'), hasCitizen
    ? facts([
      ['Naam', citizen.name || '—'],
      ['E-mail', citizen.email ? el('a', { href: `mailto:${citizen.email}` }, citizen.email) : '—'],
      ['Telefoon', citizen.phone ? el('a', { href: `tel:${citizen.phone.replace(/[^+\d]/g, '')}` }, citizen.phone) : '—'],
    ])
    : el('p', { class: 'muted' }, item.personalDataErasedAt
      ? `Persoonsgegevens verwijderd op ${formatDateTime(item.personalDataErasedAt)}.`
      : 'Geen contactgegevens bekend.'));

  fill(document.getElementById('routing-facts'), facts([
    ['Team', `${data.teamName || teamName(item.teamId)}`],
    ['Niveau', `${label(TIERS, item.tier)}${item.hop > 1 ? ` (stap ${item.hop})` : ''}`],
    ['Reden', item.routingReason || '—', { id: 'routing-reason' }],
    ['Zekerheid', formatPercent(item.confidence), { id: 'routing-confidence' }],
    ['Product', item.productName || (item.productUri ? item.productUri : '—')],
    ['Categorie', item.categoryId || '—'],
    ['Behandeltermijn', term(item.handlingTerm) || undefined],
    ['Doorgezet van', item.previousTeamId ? teamName(item.previousTeamId) : undefined],
    ['Reden doorzetten', item.transferReason ? el('span', { class: 'prewrap' }, item.transferReason) : undefined],
    ['Vervolg op', item.followUpOf
      ? el('a', { href: `/contact.html?id=${encodeURIComponent(item.followUpOf)}` }, 'eerder contact') : undefined],
  ]));

  const cs = data.caseStatus;
  document.getElementById('case-section').hidden = !cs;
  if (cs) {
    fill(document.getElementById('case-facts'), facts([
      ['Zaaknummer', cs.reference || item.caseReference || '—'],
      ['Status', cs.statusText || cs.status || '—'],
      ['Verwacht besluit', cs.expectedDecisionDate ? formatDate(cs.expectedDecisionDate) : undefined],
      ['Laatst gewijzigd', cs.changedAt ? formatDateTime(cs.changedAt) : undefined],
    ], { id: 'case-status' }));
  }

  fill(document.getElementById('kb-answer'), articleView(data.answer));

  const callbacks = (data.callbacks || []).slice().sort((a, b) => String(b.requestedAt).localeCompare(String(a.requestedAt)));
  fill(document.getElementById('callback-list'), callbacks.length
    ? callbacks.map(callbackItem)
    : el('p', { class: 'muted' }, 'Geen terugbelverzoeken.'));

  const history = (data.history || []).slice().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  fill(document.getElementById('history'), history.length
    ? history.map(historyItem)
    : el('li', { class: 'muted' }, 'Nog geen historie.'));

  // actions: OPEN items can be worked by any team member; CLAIMED only by the one who holds them
  const mine = item.status === 'CLAIMED' && item.assignee === me.username;
  const workable = item.status === 'OPEN' || mine;
  claimButton.hidden = item.status !== 'OPEN';
  releaseButton.hidden = !mine;
  resolveForm.hidden = !workable;
  transferForm.hidden = !workable;
  callbackForm.hidden = !workable;
  resolveButton.textContent = live ? 'Afgehandeld tijdens het contact' : 'Afhandelen';
  document.getElementById('resolve-heading').textContent = live ? 'Afhandelen tijdens het contact' : 'Afhandelen';
  let state;
  switch (item.status) {
    case 'OPEN':
      state = 'Dit contact staat open. Pak het op of handel het direct af.';
      break;
    case 'CLAIMED':
      state = mine ? 'U behandelt dit contact.' : `Dit contact wordt behandeld door ${item.assignee}.`;
      break;
    case 'CALLBACK_PENDING':
      state = 'Er staat een terugbelverzoek open. Rond het terugbelverzoek af om verder te gaan.';
      break;
    case 'TRANSFER_REQUESTED':
      state = 'Dit contact wordt doorgezet naar een ander team.';
      break;
    case 'RESOLVED':
      state = `Afgehandeld${item.outcome ? `: ${label(OUTCOMES, item.outcome)}` : ''}${item.resolvedAt
        ? ` op ${formatDateTime(item.resolvedAt)}` : ''}.`;
      break;
    default:
      state = label(STATUSES, item.status);
  }
  document.getElementById('action-state').textContent = state;

  const current = transferTeam.value;
  fill(transferTeam, el('option', { value: '' }, 'Kies een team'),
    [...teamNames.entries()].filter(([id]) => id !== item.teamId)
      .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
      .map(([id, name]) => el('option', { value: id }, name)));
  transferTeam.value = current;

  loadingText.hidden = true;
  view.hidden = false;
}

// ---------- loading ----------

async function load() {
  try {
    data = await get(`/api/items/${seg(contactId)}`);
    showPageError(null);
    render();
    return true;
  } catch (e) {
    loadingText.hidden = true;
    if (e instanceof ApiError && e.status === 403) {
      view.hidden = true;
      title.textContent = 'Geen toegang';
      document.title = 'Geen toegang — Loket werkplek';
      document.getElementById('access-denied').hidden = false;
    } else if (e instanceof ApiError && e.status === 404) {
      view.hidden = true;
      title.textContent = 'Contact niet gevonden';
      document.title = 'Contact niet gevonden — Loket werkplek';
      showPageError('Dit contact bestaat niet (meer) of is nog niet aangekomen.');
    } else {
      showPageError(errorText(e));
    }
    return false;
  }
}

/** After an action the pressed button may be gone or hidden: keep the keyboard focus somewhere sensible. */
function keepFocus(button, form) {
  const active = document.activeElement;
  if (active && active !== document.body && document.body.contains(active) && active.offsetParent !== null) {
    return;
  }
  if (button && document.body.contains(button) && button.offsetParent !== null) {
    button.focus();
    return;
  }
  const inCallbacks = form && form.classList.contains('callback-complete-form');
  const heading = document.getElementById(inCallbacks ? 'callbacks-heading' : 'actions-heading');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Runs an action, re-fetches and announces; a conflict re-fetches too and says why. */
async function act(button, call, done, form) {
  await busy(button, async () => {
    try {
      await call();
      if (form) {
        form.reset();
        clearErrors(form);
      }
      await load();
      announce(done);
      showPageError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && form && showProblemOnFields(form, e.problem)) {
        return;
      }
      showPageError(errorText(e));
      if (e instanceof ApiError && (e.status === 409 || e.status === 404 || e.status === 403)) {
        await load();
      }
    }
  });
  keepFocus(button, form);
}

// ---------- knowledge search ----------

function snippet(html) {
  // knowledge escapes the text and marks matches with <em>: keep only text and <em>, never other markup
  const doc = new DOMParser().parseFromString(`<p>${html || ''}</p>`, 'text/html');
  const out = el('span');
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      out.append(document.createTextNode(node.textContent));
    } else if (node.nodeName === 'EM') {
      out.append(el('em', null, node.textContent));
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function resultItem(hit) {
  const isArticle = String(hit.type || '').toUpperCase() === 'ARTICLE';
  const kind = { ARTICLE: 'Antwoord', PRODUCT: 'Product', CATEGORY: 'Categorie' }[String(hit.type || '').toUpperCase()];
  if (!isArticle) {
    return el('li', { dataset: { type: hit.type, id: hit.id } },
      el('strong', null, hit.title || hit.id), kind ? el('span', { class: 'muted' }, ` (${kind})`) : null,
      hit.snippet ? el('div', { class: 'small' }, snippet(hit.snippet)) : null);
  }
  const body = el('div', { class: 'answer-text' }, 'Antwoord laden…');
  const details = el('details', { class: 'action' },
    el('summary', null, hit.title || hit.id),
    body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) {
      return;
    }
    loaded = true;
    try {
      const article = await get(`/api/articles/${seg(hit.id)}`);
      fill(body, article.answer || '');
      if (article.url) {
        body.after(el('p', { class: 'small' }, el('a', { href: article.url, rel: 'noopener' }, 'Bron van dit antwoord')));
      }
    } catch (e) {
      loaded = false;
      fill(body, errorText(e));
    }
  });
  return el('li', { dataset: { type: hit.type, id: hit.id } }, details,
    hit.snippet ? el('div', { class: 'small' }, snippet(hit.snippet)) : null);
}

let searchTimer;
let searchSeq = 0;

/** Searches the knowledge base and shows the hits; an older answer never replaces a newer one. */
async function search(q) {
  const mine = ++searchSeq;
  try {
    kbStatus.textContent = 'Zoeken…';
    const result = await get(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
    if (mine !== searchSeq) {
      return;
    }
    const hits = Array.isArray(result) ? result : (result.hits || []);
    fill(kbResults, hits.map(resultItem));
    const text = hits.length === 0
      ? `Niets gevonden voor "${q}".`
      : `${hits.length} ${hits.length === 1 ? 'resultaat' : 'resultaten'} voor "${q}".`;
    kbStatus.textContent = text;
    setFieldError(kbSearch, null);
    announce(text);
  } catch (err) {
    if (mine !== searchSeq) {
      return;
    }
    kbStatus.textContent = '';
    fill(kbResults);
    setFieldError(kbSearch, errorText(err));
  }
}

/** Puts the contact view in the page (once) and wires its controls. */
function mount() {
  if (claimButton) {
    return;
  }
  view.append(document.getElementById('contact-template').content.cloneNode(true));
  claimButton = document.getElementById('claim-button');
  releaseButton = document.getElementById('release-button');
  resolveForm = document.getElementById('resolve-form');
  resolveButton = document.getElementById('resolve-button');
  transferForm = document.getElementById('transfer-form');
  transferTeam = document.getElementById('transfer-team');
  transferReason = document.getElementById('transfer-reason');
  callbackForm = document.getElementById('callback-form');
  callbackDue = document.getElementById('callback-due');
  callbackNote = document.getElementById('callback-note');
  kbForm = document.getElementById('kb-form');
  kbSearch = document.getElementById('kb-search');
  kbResults = document.getElementById('kb-results');
  kbStatus = document.getElementById('kb-results-status');
  kbForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearTimeout(searchTimer);
    const q = kbSearch.value.trim();
    if (!validate(kbForm, [[kbSearch, 'vul een of meer zoekwoorden in.', () => q.length > 0]])) {
      return;
    }
    await busy(document.getElementById('kb-search-button'), () => search(q));
  });

  // ---------- actions ----------

  claimButton.addEventListener('click', () => act(claimButton,
    () => post(`/api/items/${seg(contactId)}/claim`), 'Contact opgepakt. U behandelt dit contact.'));

  releaseButton.addEventListener('click', () => act(releaseButton,
    () => post(`/api/items/${seg(contactId)}/release`), 'Contact vrijgegeven. Het staat weer open in de wachtrij.'));

  resolveForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const outcome = document.getElementById('outcome-select').value;
    const note = document.getElementById('resolve-note').value.trim();
    act(resolveButton, () => post(`/api/items/${seg(contactId)}/resolve`, { outcome, note: note || null }),
      `Contact afgehandeld: ${label(OUTCOMES, outcome)}.`, resolveForm);
  });

  transferForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const toTeamId = transferTeam.value;
    const reason = transferReason.value.trim();
    if (!validate(transferForm, [
      [transferTeam, 'kies het team waar het contact naartoe moet.', () => toTeamId !== ''],
      [transferReason, 'schrijf waarom het contact naar dit team gaat.', () => reason.length > 0],
    ])) {
      return;
    }
    act(document.getElementById('transfer-button'),
      () => post(`/api/items/${seg(contactId)}/transfer`, { toTeamId, reason }),
      `Doorgezet naar ${teamName(toTeamId)}.`, transferForm);
  });

  callbackForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = callbackDue.value;
    const due = value ? new Date(value) : null;
    if (!validate(callbackForm, [
      [callbackDue, 'vul een geldige datum en tijd in.', () => !value || !Number.isNaN(due.getTime())],
      [callbackDue, 'kies een moment in de toekomst.', () => !value || Number.isNaN(due.getTime()) || due > new Date()],
    ])) {
      return;
    }
    const note = callbackNote.value.trim();
    act(document.getElementById('callback-button'),
      () => post(`/api/items/${seg(contactId)}/callbacks`, { dueAt: due ? due.toISOString() : null, note: note || null }),
      due ? `Terugbelverzoek vastgelegd: terugbellen ${formatDateTime(due.toISOString())}.` : 'Terugbelverzoek vastgelegd.',
      callbackForm);
  });

  // search as you type (after a short pause), as well as with the button
  kbSearch.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const q = kbSearch.value.trim();
    if (q.length >= 3) {
      searchTimer = window.setTimeout(() => search(q), SEARCH_DELAY_MS);
    }
  });
}

async function start() {
  try {
    me = await initPage();
  } catch (e) {
    loadingText.hidden = true;
    return;
  }
  if (!contactId) {
    loadingText.hidden = true;
    title.textContent = 'Geen contact gekozen';
    showPageError('Er is geen contact gekozen. Open een contact vanuit de wachtrij.');
    return;
  }
  await loadTeams();
  await load();
}

start();
