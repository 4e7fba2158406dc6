// Wachtrij: the selected team's queue and open call-backs, live through the team's event stream.
import { get, query, seg } from './api.js';
import {
  initPage, el, fill, label, municipalityName, CHANNELS, STATUSES, deadlineBadge, formatDateTime, announce, showPageError, errorText,
} from './common.js';

const PAGE_SIZE = 50;
const RETRY_MS = 15000;

const teamSelect = document.getElementById('team-select');
const channelFilter = document.getElementById('channel-filter');
const statusFilter = document.getElementById('status-filter');
const mineFilter = document.getElementById('mine-filter');
const tbody = document.getElementById('queue-table');
const callbackBody = document.getElementById('callback-table');
const caption = document.getElementById('queue-caption');
const connection = document.getElementById('connection-state');
const pages = document.getElementById('queue-pages');
const pageInfo = document.getElementById('page-info');
const prev = document.getElementById('page-prev');
const next = document.getElementById('page-next');

let me;
let team = null;
let page = 0;
let openCount = null;
let events = null;
// contact ids seen in this team's queue since the page opened: what is not in here is new
let seen = null;
let loading = null;
let again = false;

function teamName(id) {
  const t = (me.teams || []).find((x) => x.id === id);
  return t ? (t.name || t.id) : id;
}

function updateTitle() {
  const name = teamName(team);
  const h1 = document.getElementById('page-title');
  h1.textContent = `Wachtrij ${name}`;
  document.title = openCount === null
    ? `Wachtrij ${name} — Loket werkplek`
    : `(${openCount}) Wachtrij ${name} — Loket werkplek`;
}

function readUrl() {
  const p = new URLSearchParams(window.location.search);
  channelFilter.value = p.get('channel') || '';
  statusFilter.value = p.get('status') || '';
  mineFilter.checked = p.get('mine') === 'true';
  page = Math.max(0, Number.parseInt(p.get('page') || '0', 10) || 0);
  return p.get('team');
}

function writeUrl() {
  const q = query({
    team, channel: channelFilter.value, status: statusFilter.value, mine: mineFilter.checked ? 'true' : '', page: page || '',
  });
  window.history.replaceState(null, '', `${window.location.pathname}${q}`);
}

function filtered() {
  return Boolean(channelFilter.value || statusFilter.value || mineFilter.checked);
}

function itemRow(item) {
  return el('tr', { dataset: { contactId: item.contactId } },
    el('td', { class: 'nowrap' }, formatDateTime(item.receivedAt)),
    el('td', null, label(CHANNELS, item.channel)),
    el('td', null, el('a', { href: `/contact.html?id=${encodeURIComponent(item.contactId)}` },
      item.subject || 'Zonder onderwerp')),
    el('td', null, municipalityName(item.municipality)),
    el('td', { class: 'nowrap' }, deadlineBadge(item.deadline), ' ',
      item.dueAt ? el('span', { class: 'small muted' }, formatDateTime(item.dueAt)) : null),
    el('td', null, label(STATUSES, item.status)),
    el('td', null, item.assignee || el('span', { class: 'muted' }, 'Niemand')));
}

function callbackRow(cb) {
  return el('tr', { dataset: { callbackId: cb.callbackId, contactId: cb.contactId } },
    el('td', { class: 'nowrap' }, formatDateTime(cb.dueAt)),
    el('td', null, deadlineBadge(cb.due)),
    el('td', null, el('a', { href: `/contact.html?id=${encodeURIComponent(cb.contactId)}` }, 'Contact openen',
      el('span', { class: 'visually-hidden' }, ` (terugbellen ${formatDateTime(cb.dueAt)})`))),
    el('td', { class: 'prewrap' }, cb.note || '—'),
    el('td', null, cb.requestedBy || '—'));
}

async function loadQueue() {
  const path = `/api/teams/${seg(team)}/items${query({
    channel: channelFilter.value,
    status: statusFilter.value,
    mine: mineFilter.checked ? 'true' : '',
    page,
    size: PAGE_SIZE,
  })}`;
  const [result, callbacks] = await Promise.all([
    get(path),
    get(`/api/teams/${seg(team)}/callbacks?status=OPEN`),
  ]);
  const items = result.items || [];
  const name = teamName(team);
  caption.textContent = `Contacten in de wachtrij van ${name}, op termijn gesorteerd (${result.total ?? items.length})`;
  // a refresh must not take the keyboard focus away: put it back on the same contact's link
  const focusedRow = document.activeElement && document.activeElement.closest && document.activeElement.closest('tr');
  const focusedId = focusedRow && tbody.contains(focusedRow) ? focusedRow.dataset.contactId : null;
  if (items.length === 0) {
    const text = filtered()
      ? 'Geen contacten die aan de filters voldoen.'
      : 'Er staan geen contacten in de wachtrij. Nieuwe contacten verschijnen hier vanzelf.';
    fill(tbody, el('tr', null, el('td', { colspan: 7, class: 'empty' }, text)));
  } else {
    fill(tbody, items.map(itemRow));
    const again = focusedId && tbody.querySelector(`tr[data-contact-id="${CSS.escape(focusedId)}"] a`);
    if (again) {
      again.focus();
    }
  }
  const total = Number(result.total ?? items.length);
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  pages.hidden = total <= PAGE_SIZE && page === 0;
  pageInfo.textContent = `Pagina ${page + 1} van ${lastPage + 1}`;
  prev.disabled = page === 0;
  next.disabled = page >= lastPage;

  const open = (callbacks || []).slice().sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
  if (open.length === 0) {
    fill(callbackBody, el('tr', null, el('td', { colspan: 5, class: 'empty' }, 'Geen open terugbelverzoeken.')));
  } else {
    const focusedCallback = document.activeElement && document.activeElement.closest
      && document.activeElement.closest('tr[data-callback-id]');
    const callbackId = focusedCallback && callbackBody.contains(focusedCallback) ? focusedCallback.dataset.callbackId : null;
    fill(callbackBody, open.map(callbackRow));
    const back = callbackId && callbackBody.querySelector(`tr[data-callback-id="${CSS.escape(callbackId)}"] a`);
    if (back) {
      back.focus();
    }
  }

  const ids = items.map((i) => i.contactId);
  if (seen !== null && ids.some((id) => !seen.has(id))) {
    announce('Nieuw contact in de wachtrij');
  }
  seen = seen || new Set();
  ids.forEach((id) => seen.add(id));
  showPageError(null);
}

/** Loads the queue; a request during a load runs once more after it (no overlapping fetches). */
async function refresh() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    try {
      do {
        again = false;
        await loadQueue();
      } while (again);
    } catch (e) {
      showPageError(errorText(e));
    } finally {
      loading = null;
    }
  })();
  return loading;
}

function connect() {
  if (events) {
    events.close();
  }
  connection.textContent = 'Verbinden…';
  const source = new EventSource(`/api/teams/${seg(team)}/events`);
  events = source;
  source.addEventListener('open', () => {
    connection.textContent = 'Live: de wachtrij werkt zichzelf bij.';
  });
  source.addEventListener('queue', (e) => {
    try {
      const data = JSON.parse(e.data);
      if (data.teamId && data.teamId !== team) {
        return;
      }
      if (typeof data.open === 'number') {
        openCount = data.open;
        updateTitle();
      }
    } catch (err) {
      // an event without JSON still means: something changed
    }
    refresh();
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      connection.textContent = 'Geen live verbinding. Opnieuw proberen over 15 seconden…';
      window.setTimeout(() => {
        if (events === source) {
          connect();
        }
      }, RETRY_MS);
    } else {
      connection.textContent = 'Verbinding onderbroken, opnieuw verbinden…';
    }
  });
}

function selectTeam(id) {
  team = id;
  openCount = null;
  seen = null;
  updateTitle();
  writeUrl();
  connect();
  refresh();
}

async function start() {
  try {
    me = await initPage();
  } catch (e) {
    return;
  }
  const teams = me.teams || [];
  if (teams.length === 0) {
    fill(tbody, el('tr', null, el('td', { colspan: 7, class: 'empty' },
      'U bent geen lid van een team. Vraag uw beheerder om u aan een team toe te voegen.')));
    fill(callbackBody, el('tr', null, el('td', { colspan: 5, class: 'empty' }, '—')));
    teamSelect.disabled = true;
    connection.textContent = '';
    return;
  }
  fill(teamSelect, teams.map((t) => el('option', { value: t.id }, t.name || t.id)));
  const wanted = readUrl();
  const chosen = teams.some((t) => t.id === wanted) ? wanted : teams[0].id;
  teamSelect.value = chosen;

  teamSelect.addEventListener('change', () => {
    page = 0;
    selectTeam(teamSelect.value);
  });
  for (const control of [channelFilter, statusFilter, mineFilter]) {
    control.addEventListener('change', () => {
      page = 0;
      seen = null; // other filters show other items: not new arrivals
      writeUrl();
      refresh();
    });
  }
  document.getElementById('queue-filters').addEventListener('submit', (e) => e.preventDefault());
  prev.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    seen = null;
    writeUrl();
    refresh();
  });
  next.addEventListener('click', () => {
    page += 1;
    seen = null;
    writeUrl();
    refresh();
  });
  window.addEventListener('pagehide', () => events && events.close());
  selectTeam(chosen);
}

start();
