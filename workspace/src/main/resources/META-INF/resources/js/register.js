// Registreren: a counter or phone contact typed in by the agent; routing decision and knowledge answer at once,
// and settling it on the spot when it stays in the agent's own team.
import { get, post, seg, ApiError } from './api.js';
import {
  initPage, el, fill, facts, label, TIERS, formatPercent, announce, showPageError, errorText, validate, clearErrors,
  showProblemOnFields, busy, municipalityName,
} from './common.js';

const WAIT_MS = 30000;
const POLL_MS = 1000;
const CHANNEL_KEY = 'loket.register.channel';

const form = document.getElementById('register-form');
const counter = document.getElementById('register-channel-COUNTER');
const phone = document.getElementById('register-channel-PHONE');
const municipality = document.getElementById('register-municipality');
const subject = document.getElementById('register-subject');
const text = document.getElementById('register-text');
const nameInput = document.getElementById('register-name');
const email = document.getElementById('register-email');
const phoneInput = document.getElementById('register-phone');
const bsn = document.getElementById('register-bsn');
const submit = document.getElementById('register-button');
const result = document.getElementById('register-result');
const resultHeading = document.getElementById('register-result-heading');
const summary = document.getElementById('register-summary');
const decisionBox = document.getElementById('register-decision');
const answerBox = document.getElementById('register-answer');
const progress = document.getElementById('register-progress');
const settleBox = document.getElementById('register-settle');
const settleButton = document.getElementById('register-settle-button');
const openLink = document.getElementById('register-open-link');
const done = document.getElementById('register-done');
const doneText = document.getElementById('register-done-text');

let registration = null;
let waitToken = 0;

/** The BSN elfproef: 9 digits, Σ digit × (9…2) − last digit divisible by 11, not all zeros. */
export function validBsn(value) {
  const digits = value.replace(/[\s.-]/g, '');
  const padded = /^\d{8}$/.test(digits) ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(padded) || /^0+$/.test(padded)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    sum += Number(padded[i]) * (9 - i);
  }
  sum -= Number(padded[8]);
  return sum % 11 === 0;
}

function validEmail(value) {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function channel() {
  if (counter.checked) {
    return 'COUNTER';
  }
  return phone.checked ? 'PHONE' : '';
}

function articleView(article) {
  if (!article) {
    return el('p', { class: 'muted' }, 'Er is geen antwoord uit de kennisbank gevonden voor deze vraag.');
  }
  return el('article', { dataset: { articleId: article.id } },
    el('h3', null, article.title || article.question || 'Antwoord'),
    el('div', { class: 'answer-text' }, article.answer || ''),
    article.url ? el('p', { class: 'small' }, el('a', { href: article.url, rel: 'noopener' }, 'Bron van dit antwoord')) : null);
}

function showDecision(reg) {
  const d = reg.decision || {};
  fill(decisionBox,
    el('h3', null, 'Routering'),
    facts([
      ['Team', d.teamName || d.teamId || '—', { id: 'register-team' }],
      ['Niveau', label(TIERS, d.tier)],
      ['Reden', d.reason || '—', { id: 'register-reason' }],
      ['Zekerheid', formatPercent(d.confidence), { id: 'register-confidence' }],
      ['Product', d.productName || undefined],
    ]));
  fill(answerBox, articleView(reg.answer));
  document.getElementById('register-answer-placeholder').hidden = true;
}

function finish(message) {
  settleBox.hidden = true;
  progress.hidden = true;
  doneText.textContent = message;
  done.hidden = false;
  announce(message);
}

/** Waits until chain-team has the item (intake → routing → chain-team takes a moment), then takes it on. */
async function waitForItem(reg) {
  const token = ++waitToken;
  progress.className = 'message';
  progress.textContent = 'Contact wordt verwerkt…';
  progress.hidden = false;
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (token !== waitToken) {
      return;
    }
    try {
      const found = await get(`/api/items/${seg(reg.contactId)}`);
      if (token !== waitToken) {
        return;
      }
      await takeOn(reg, found.item);
      return;
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 503)) {
        progress.className = 'message error';
        progress.textContent = errorText(e);
        return;
      }
    }
    await new Promise((resolve) => { window.setTimeout(resolve, POLL_MS); });
  }
  if (token === waitToken) {
    progress.className = 'message warn';
    progress.textContent = 'Het contact staat nog niet in de wachtrij. U vindt het zo in de wachtrij van uw team.';
    settleBox.hidden = false;
    settleButton.hidden = true;
    done.hidden = false;
    doneText.textContent = 'Het contact is geregistreerd.';
  }
}

/** The item is there: claim it for this agent (nobody else takes it meanwhile) and offer to settle it. */
async function takeOn(reg, item) {
  let claimed = item && item.status === 'CLAIMED' && item.assignee;
  if (item && item.status === 'OPEN') {
    try {
      await post(`/api/items/${seg(reg.contactId)}/claim`);
      claimed = null;
    } catch (e) {
      claimed = e instanceof ApiError && e.status === 409 ? 'een collega' : null;
    }
  }
  if (item && item.status === 'RESOLVED') {
    finish('Dit contact is al afgehandeld.');
    return;
  }
  progress.hidden = true;
  settleBox.hidden = false;
  settleButton.hidden = false;
  if (claimed) {
    progress.className = 'message warn';
    progress.textContent = `Dit contact is al opgepakt door ${claimed}.`;
    progress.hidden = false;
    settleButton.hidden = true;
  }
  announce('Het contact staat klaar. U kunt het nu afhandelen.');
}

async function register(body) {
  registration = await post('/api/registrations', body);
  const reg = registration;
  form.hidden = true;
  result.hidden = false;
  done.hidden = true;
  settleBox.hidden = true;
  openLink.href = `/contact.html?id=${encodeURIComponent(reg.contactId)}`;
  const teamName = (reg.decision && (reg.decision.teamName || reg.decision.teamId)) || 'een ander team';
  summary.textContent = `${body.channel === 'COUNTER' ? 'Baliecontact' : 'Telefoongesprek'} geregistreerd`
    + `${body.subject ? `: ${body.subject}` : ''}.`;
  showDecision(reg);
  resultHeading.focus();
  if (reg.ownTeam) {
    announce(`Contact geregistreerd voor ${teamName}. Het antwoord uit de kennisbank staat klaar.`);
    waitForItem(reg);
  } else {
    progress.hidden = true;
    finish(`Doorgezet naar ${teamName}.`);
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const v = {
    channel: channel(),
    municipality: municipality.value,
    subject: subject.value.trim(),
    text: text.value.trim(),
    name: nameInput.value.trim(),
    email: email.value.trim(),
    phone: phoneInput.value.trim(),
    bsn: bsn.value.trim(),
  };
  if (!validate(form, [
    [counter, 'kies of de burger aan de balie staat of belt.', () => v.channel !== ''],
    [municipality, 'kies de gemeente van de burger.', () => v.municipality !== ''],
    [text, 'schrijf de vraag van de burger op.', () => v.text.length > 0],
    [email, 'vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', () => !v.email || validEmail(v.email)],
    [phoneInput, 'vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
      () => !v.phone || /^\+?[\d\s()-]{6,20}$/.test(v.phone)],
    [bsn, 'dit BSN klopt niet. Een BSN heeft 9 cijfers en voldoet aan de elfproef.', () => !v.bsn || validBsn(v.bsn)],
  ])) {
    return;
  }
  const body = { channel: v.channel, municipality: v.municipality, text: v.text };
  if (v.subject) {
    body.subject = v.subject;
  }
  if (v.name || v.email || v.phone) {
    body.citizen = {};
    if (v.name) body.citizen.name = v.name;
    if (v.email) body.citizen.email = v.email;
    if (v.phone) body.citizen.phone = v.phone;
  }
  if (v.bsn) {
    body.bsn = v.bsn.replace(/[\s.-]/g, '').padStart(9, '0');
  }
  try {
    window.localStorage.setItem(CHANNEL_KEY, v.channel);
  } catch (err) {
    // storage may be off; remembering the channel is only a convenience
  }
  await busy(submit, async () => {
    try {
      showPageError(null);
      await register(body);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && showProblemOnFields(form, err.problem)) {
        return;
      }
      showPageError(err instanceof ApiError && err.status === 403
        ? 'U mag geen contacten registreren: dat kan alleen voor medewerkers van het KCC.'
        : errorText(err));
    }
  });
});

settleButton.addEventListener('click', async () => {
  const reg = registration;
  await busy(settleButton, async () => {
    try {
      await post(`/api/items/${seg(reg.contactId)}/resolve`, { outcome: 'ANSWERED', note: null });
      finish('Afgehandeld tijdens het contact: Beantwoord.');
      doneText.focus();
    } catch (err) {
      progress.className = 'message error';
      progress.textContent = err instanceof ApiError && err.status === 409
        ? 'Dit contact kan niet meer worden afgehandeld: een collega heeft het intussen opgepakt of afgehandeld.'
        : errorText(err);
      progress.hidden = false;
    }
  });
});

document.getElementById('register-new-button').addEventListener('click', () => {
  waitToken += 1;
  registration = null;
  const keepChannel = channel();
  const keepMunicipality = municipality.value;
  form.reset();
  clearErrors(form);
  if (keepChannel) {
    (keepChannel === 'COUNTER' ? counter : phone).checked = true;
  }
  municipality.value = keepMunicipality;
  result.hidden = true;
  done.hidden = true;
  progress.hidden = true;
  fill(decisionBox);
  fill(answerBox);
  document.getElementById('register-answer-placeholder').hidden = false;
  form.hidden = false;
  text.focus();
  announce('Nieuw contact: het formulier is leeg.');
});

async function start() {
  let me;
  try {
    me = await initPage();
  } catch (e) {
    return;
  }
  if (!me.canRegister) {
    document.getElementById('register-not-allowed').hidden = false;
    return;
  }
  const municipalities = (me.municipalities || []).slice()
    .sort((a, b) => municipalityName(a).localeCompare(municipalityName(b), 'nl'));
  fill(municipality,
    municipalities.length === 1 ? null : el('option', { value: '' }, 'Kies een gemeente'),
    municipalities.map((m) => el('option', { value: m }, municipalityName(m))));
  let last = null;
  try {
    last = window.localStorage.getItem(CHANNEL_KEY);
  } catch (e) {
    last = null;
  }
  (last === 'PHONE' ? phone : counter).checked = true;
  doneText.setAttribute('tabindex', '-1');
  document.getElementById('register-work').hidden = false;
}

start();
