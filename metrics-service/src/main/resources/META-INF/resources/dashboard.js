// Loket dashboard: reads /api/v1/metrics/summary and /timeseries, renders figures (elements with ids, for tests and
// screen readers) and ECharts charts. No build step: plain ES2017.
// The page itself is public and holds no data: it asks for an access token with the role metrics-viewer, keeps it in
// sessionStorage (this tab only) and sends it as a bearer token to the API, which answers only for the municipalities
// in the token. A token may also be handed over in the URL fragment (#token=…): it is stored and removed from the URL.
(function () {
  'use strict';

  const TOKEN_KEY = 'loket.metrics.token';

  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function takeTokenFromFragment() {
    const fragment = new URLSearchParams(window.location.hash.substring(1));
    if (fragment.get('token')) {
      sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }

  class HttpError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  const CHANNEL_NAMES = {
    WEB_FORM: 'Webformulier', EMAIL: 'E-mail', PHONE: 'Telefoon', COUNTER: 'Balie', CHAT: 'Chat',
    SOCIAL_MEDIA: 'Sociale media', LETTER: 'Brief'
  };
  const TIER_NAMES = { FIRST_LINE: 'Eerste lijn (KCC)', CHAIN_TEAM: 'Ketenteams', BACK_OFFICE: 'Backoffice' };

  function pct(x) { return x === null || x === undefined ? '–' : (x * 100).toFixed(1) + '%'; }
  function minutes(m) {
    if (m === null || m === undefined) { return '–'; }
    if (m < 60) { return m + ' min'; }
    if (m < 1440) { return (m / 60).toFixed(1) + ' u'; }
    return (m / 1440).toFixed(1) + ' d';
  }
  function text(id, value) { const el = document.getElementById(id); if (el) { el.textContent = value; } }
  function isoDate(d) { return d.toISOString().substring(0, 10); }

  const charts = {};
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' }); }
    return charts[id];
  }

  function params() {
    const p = new URLSearchParams();
    ['from', 'to', 'municipality'].forEach(name => {
      const v = document.getElementById(name).value;
      if (v) { p.set(name, v); }
    });
    return p;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + token() } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new HttpError(response.status, body.detail || body.title || response.statusText); }
    return body;
  }

  function showSignedIn(signedIn) {
    document.getElementById('sign-in').hidden = signedIn;
    document.getElementById('filters').hidden = !signedIn;
    document.getElementById('figures').hidden = !signedIn;
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    Object.values(charts).forEach(c => c.dispose());
    Object.keys(charts).forEach(k => delete charts[k]);
    showSignedIn(false);
    const status = document.getElementById('status');
    status.dataset.state = 'signed-out';
    status.textContent = message || 'Meld u aan met een toegangstoken om de cijfers te zien.';
    document.getElementById('token').focus();
  }

  function refusal(e) {
    if (e.status === 401) {
      signOut('Uw toegangstoken is verlopen of ongeldig. Meld u opnieuw aan.');
      return true;
    }
    if (e.status === 403) {
      const status = document.getElementById('status');
      status.dataset.state = 'forbidden';
      status.textContent = 'Geen toegang: dit token heeft niet de rol metrics-viewer of niet deze gemeente.';
      return true;
    }
    return false;
  }

  function renderSummary(s) {
    const d = s.directHandling;
    text('direct-share', pct(d.share));
    text('direct-target', pct(d.target));
    text('direct-gap', d.gap === null ? '–' : (d.gap > 0 ? '−' : '+') + (Math.abs(d.gap) * 100).toFixed(1) + ' pp');
    text('direct-count', d.directlyHandled);
    text('first-contacts', d.firstContacts);
    text('received-total', s.received);
    text('settled-total', s.settled);
    text('open-total', s.open);
    text('digital-share', pct(s.digital.share));
    text('transfer-rate', pct(s.transfers.share));
    text('callback-rate', pct(s.callbacks.rate));
    text('open-callbacks', s.callbacks.openPastDue);
    text('median-settle', minutes(s.timeToSettle.medianMinutes));
    text('p90-settle', minutes(s.timeToSettle.p90Minutes));
    text('definitions-version', s.definitionsVersion);
    s.tiers.forEach(t => text('tier-' + t.tier, pct(t.share)));

    const tbody = document.querySelector('#same-day-table tbody');
    tbody.innerHTML = '';
    s.channels.forEach(c => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td></td><td id="received-' + c.channel + '"></td><td id="channel-share-' + c.channel
        + '"></td><td id="same-day-' + c.channel + '"></td>';
      tr.children[0].textContent = CHANNEL_NAMES[c.channel] || c.channel;
      tbody.appendChild(tr);
      text('received-' + c.channel, c.received);
      text('channel-share-' + c.channel, pct(c.share));
      text('same-day-' + c.channel, pct(c.sameDayShare));
    });

    const dl = document.getElementById('definitions');
    dl.innerHTML = '';
    s.definitions.items.forEach(item => {
      const dt = document.createElement('dt'); dt.textContent = item.name;
      const dd = document.createElement('dd'); dd.textContent = item.text;
      dl.appendChild(dt); dl.appendChild(dd);
    });

    chart('chart-direct').setOption({
      animation: false,
      grid: { left: 20, right: 70, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: ['Direct afgehandeld'], axisLabel: { show: false } },
      series: [{
        type: 'bar', data: [d.share === null ? 0 : +(d.share * 100).toFixed(1)], barWidth: 40,
        itemStyle: { color: d.share !== null && d.share >= d.target ? '#2e7d32' : '#154273' },
        label: { show: true, position: 'right', formatter: p => p.value + '%' },
        markLine: {
          symbol: 'none', data: [{ xAxis: d.target * 100, name: 'doel' }],
          label: { formatter: 'doel ' + (d.target * 100).toFixed(0) + '%' }, lineStyle: { color: '#c62828', width: 2, type: 'dashed' }
        }
      }]
    }, true);

    const received = s.channels.filter(c => c.received > 0);
    chart('chart-channels').setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      title: { text: 'digitaal ' + pct(s.digital.share), right: 10, bottom: 10, textStyle: { fontSize: 13 } },
      series: [{
        type: 'pie', radius: ['40%', '70%'], center: ['60%', '50%'],
        data: received.map(c => ({ name: CHANNEL_NAMES[c.channel] || c.channel, value: c.received })),
        label: { formatter: '{d}%' }
      }]
    }, true);

    chart('chart-same-day').setOption({
      animation: false,
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: s.channels.map(c => CHANNEL_NAMES[c.channel] || c.channel), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{
        type: 'bar', data: s.channels.map(c => c.sameDayShare === null ? null : +(c.sameDayShare * 100).toFixed(1)),
        itemStyle: { color: '#0b7285' }, label: { show: true, position: 'top', formatter: p => p.value + '%' }
      }]
    }, true);

    chart('chart-tiers').setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [{
        type: 'pie', radius: '70%', center: ['62%', '50%'],
        data: s.tiers.map(t => ({ name: TIER_NAMES[t.tier], value: t.settled })), label: { formatter: '{d}%' }
      }]
    }, true);
  }

  function renderSeries(series) {
    const starts = series.points.map(p => p.start);
    const asPct = field => series.points.map(p => p[field] === null ? null : +(p[field] * 100).toFixed(1));
    chart('chart-series').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['Direct afgehandeld', 'Digitaal', 'Zelfde dag', 'Doel'] },
      grid: { left: 50, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: starts },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: 'contacten', splitLine: { show: false } }
      ],
      series: [
        { name: 'Contacten', type: 'bar', yAxisIndex: 1, data: series.points.map(p => p.received), itemStyle: { color: '#d0d9e2' } },
        { name: 'Direct afgehandeld', type: 'line', data: asPct('directShare'), itemStyle: { color: '#154273' }, connectNulls: true },
        { name: 'Digitaal', type: 'line', data: asPct('digitalShare'), itemStyle: { color: '#e67700' }, connectNulls: true },
        { name: 'Zelfde dag', type: 'line', data: asPct('sameDayShare'), itemStyle: { color: '#0b7285' }, connectNulls: true },
        { name: 'Doel', type: 'line', data: starts.map(() => series.target * 100), symbol: 'none',
          lineStyle: { color: '#c62828', type: 'dashed' }, itemStyle: { color: '#c62828' } }
      ]
    }, true);
  }

  async function load() {
    const status = document.getElementById('status');
    status.dataset.state = 'loading';
    status.textContent = 'Laden…';
    const p = params();
    const seriesParams = new URLSearchParams(p);
    seriesParams.set('bucket', document.getElementById('bucket').value);
    try {
      const [summary, series] = await Promise.all([
        getJson('/api/v1/metrics/summary?' + p), getJson('/api/v1/metrics/timeseries?' + seriesParams)]);
      renderSummary(summary);
      renderSeries(series);
      status.dataset.state = 'loaded';
      status.textContent = summary.filters.from + ' t/m ' + summary.filters.to
        + ' · ' + (summary.filters.municipality || ('gemeenten ' + summary.filters.municipalities.join(', ')))
        + ' · definities v' + summary.definitionsVersion;
    } catch (e) {
      if (!refusal(e)) {
        status.dataset.state = 'error';
        status.textContent = 'Fout: ' + e.message;
      }
    }
  }

  async function start() {
    showSignedIn(true);
    const url = new URLSearchParams(window.location.search);
    const today = new Date();
    const monthAgo = new Date(today.getTime() - 29 * 86400000);
    document.getElementById('from').value = url.get('from') || isoDate(monthAgo);
    document.getElementById('to').value = url.get('to') || isoDate(today);
    document.getElementById('bucket').value = url.get('bucket') || 'day';
    const select = document.getElementById('municipality');
    [...select.options].filter(o => o.value).forEach(o => o.remove());
    try {
      (await getJson('/api/v1/metrics/municipalities')).forEach(m => {
        const option = document.createElement('option');
        option.value = m; option.textContent = m; select.appendChild(option);
      });
    } catch (e) {
      if (refusal(e)) { return; }
      /* the filter still works with "all of mine" */
    }
    const wanted = url.get('municipality');
    if (wanted) {
      if (![...select.options].some(o => o.value === wanted)) {
        const option = document.createElement('option');
        option.value = wanted; option.textContent = wanted; select.appendChild(option);
      }
      select.value = wanted;
    }
    await load();
  }

  function init() {
    document.getElementById('filters').addEventListener('submit', ev => {
      ev.preventDefault();
      const q = params(); q.set('bucket', document.getElementById('bucket').value);
      history.replaceState(null, '', '?' + q);
      load();
    });
    document.getElementById('sign-in').addEventListener('submit', ev => {
      ev.preventDefault();
      const input = document.getElementById('token');
      const value = input.value.trim();
      input.value = '';
      if (value) {
        sessionStorage.setItem(TOKEN_KEY, value);
        start();
      }
    });
    document.getElementById('sign-out').addEventListener('click', () => signOut());
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    takeTokenFromFragment();
    if (token()) {
      start();
    } else {
      signOut();
    }
  }

  init();
}());
