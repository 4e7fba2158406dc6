// Teamleider: queue sizes per team and today's direct-handling share per municipality against the target.
import { get } from './api.js';
import {
  initPage, el, fill, formatTime, showPageError, errorText, announce, busy, municipalityName,
} from './common.js';

const REFRESH_MS = 60000;
const DEFAULT_TARGET = 0.8;

const teamsBody = document.getElementById('lead-teams');
const municipalitiesBody = document.getElementById('lead-municipalities');
const updated = document.getElementById('lead-updated');
const dashboard = document.getElementById('dashboard-link');
const refreshButton = document.getElementById('lead-refresh');

let me;

function num(value) {
  return value === undefined || value === null ? '—' : new Intl.NumberFormat('nl-NL').format(value);
}

/** Share and target as fractions 0..1: a target above 1 means both are given in percent. */
function fractions(m) {
  const rawTarget = m.target ?? DEFAULT_TARGET;
  const percent = rawTarget > 1;
  const target = percent ? rawTarget / 100 : rawTarget;
  let share = m.directShare;
  if (share === undefined || share === null) {
    share = m.firstContacts ? m.directlyHandled / m.firstContacts : null;
  } else if (percent) {
    share /= 100;
  }
  return { share, target };
}

function pct(fraction) {
  return fraction === null || fraction === undefined ? '—' : `${Math.round(fraction * 100)}%`;
}

function teamRow(t) {
  return el('tr', { dataset: { teamId: t.teamId } },
    el('th', { scope: 'row' }, el('a', { href: `/?team=${encodeURIComponent(t.teamId)}` }, t.name || t.teamId)),
    el('td', { class: 'num' }, num(t.open)),
    el('td', { class: 'num' }, num(t.unassigned)),
    el('td', { class: 'num' }, t.overdue > 0 ? el('span', { class: 'badge badge-overdue' }, `${num(t.overdue)} te laat`) : '0'),
    el('td', { class: 'num' }, num(t.dueToday)),
    el('td', { class: 'num' }, num(t.callbacksDue)));
}

function municipalityRow(m) {
  const { share, target } = fractions(m);
  let verdict;
  if (share === null) {
    verdict = el('span', { class: 'badge badge-none' }, 'Nog geen eerste contacten');
  } else if (share >= target) {
    verdict = el('span', { class: 'badge badge-ok' }, 'Op of boven doel');
  } else {
    verdict = el('span', { class: 'badge badge-today' }, 'Onder doel');
  }
  const width = share === null ? 0 : Math.min(100, Math.max(0, share * 100));
  return el('tr', { dataset: { municipality: m.municipality } },
    el('th', { scope: 'row' }, municipalityName(m.municipality)),
    el('td', { class: 'num' }, num(m.received)),
    el('td', { class: 'num' }, num(m.firstContacts)),
    el('td', { class: 'num' }, num(m.directlyHandled)),
    el('td', { class: 'nowrap' },
      el('span', { class: 'meter', 'aria-hidden': 'true' },
        el('span', { style: `width:${width}%` }),
        el('i', { style: `left:calc(${Math.round(target * 100)}% - 1px)` })),
      el('strong', null, pct(share)),
      share === null ? null : el('span', { class: 'small muted' }, ` (${num(m.directlyHandled)} van ${num(m.firstContacts)})`)),
    el('td', { class: 'num' }, pct(target)),
    el('td', null, verdict));
}

async function load() {
  const lead = await get('/api/lead');
  const teams = lead.teams || [];
  fill(teamsBody, teams.length
    ? teams.map(teamRow)
    : el('tr', null, el('td', { colspan: 6, class: 'empty' }, 'Geen teams.')));
  const municipalities = (lead.municipalities || []).slice()
    .sort((a, b) => municipalityName(a.municipality).localeCompare(municipalityName(b.municipality), 'nl'));
  let empty = 'Vandaag nog geen contacten.';
  if (!me.teamLead) {
    empty = 'De cijfers per gemeente zijn alleen zichtbaar voor teamleiders.';
  }
  fill(municipalitiesBody, municipalities.length
    ? municipalities.map(municipalityRow)
    : el('tr', null, el('td', { colspan: 7, class: 'empty' }, empty)));
  const url = lead.dashboardUrl || me.dashboardUrl;
  if (url) {
    dashboard.href = url;
    dashboard.hidden = false;
  }
  updated.textContent = `Bijgewerkt om ${formatTime(new Date().toISOString())}.`;
  showPageError(null);
}

async function refresh(say) {
  try {
    await load();
    if (say) {
      announce('De cijfers zijn bijgewerkt.');
    }
  } catch (e) {
    showPageError(errorText(e));
  }
}

async function start() {
  try {
    me = await initPage();
  } catch (e) {
    return;
  }
  if (me.dashboardUrl) {
    dashboard.href = me.dashboardUrl;
    dashboard.hidden = false;
  }
  refreshButton.addEventListener('click', () => busy(refreshButton, () => refresh(true)));
  await refresh(false);
  window.setInterval(() => {
    if (document.visibilityState === 'visible') {
      refresh(false);
    }
  }, REFRESH_MS);
}

start();
