// Stamina's page: plain SVG charts from the public API, no build step, no outside scripts.
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];
const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.hash.slice(1));

function token() {
  return $('token').value.trim();
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(response.status + ': ' + detail);
  }
  return response.json();
}

function el(name, attributes, parent, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

/** A round number at least as large as {@code value}, so that quarters of it read well. */
function niceMax(value) {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  const step = [1, 2, 4, 5, 8, 10].map((m) => m * magnitude).find((s) => s >= value);
  return step || 10 * magnitude;
}

/** A frame with axes for x in [x0, x1] and y in [0, yMax]; returns the scales. */
function frame(svg, x0, x1, yMax, xLabel, yLabel) {
  yMax = yMax > 1 ? niceMax(yMax) : yMax;
  svg.replaceChildren();
  const left = 48, right = 700, top = 16, bottom = 262;
  const sx = (x) => left + (x1 === x0 ? 0 : (x - x0) / (x1 - x0)) * (right - left);
  const sy = (y) => bottom - (yMax === 0 ? 0 : y / yMax) * (bottom - top);
  for (let i = 0; i <= 4; i++) {
    const y = yMax * i / 4;
    el('line', { x1: left, x2: right, y1: sy(y), y2: sy(y), class: 'grid' }, svg);
    el('text', { x: left - 6, y: sy(y) + 4, 'text-anchor': 'end', class: 'label' }, svg, Math.round(y * 100) / 100);
  }
  const step = Math.max(1, Math.ceil((x1 - x0) / 12));
  for (let x = x0; x <= x1; x += step) {
    el('text', { x: sx(x), y: bottom + 16, 'text-anchor': 'middle', class: 'label' }, svg, x);
  }
  el('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'axis' }, svg);
  el('line', { x1: left, x2: left, y1: top, y2: bottom, class: 'axis' }, svg);
  el('text', { x: right, y: bottom + 32, 'text-anchor': 'end', class: 'label' }, svg, xLabel);
  el('text', { x: left, y: top - 4, class: 'label' }, svg, yLabel);
  return { sx, sy };
}

function message(svg, text) {
  svg.replaceChildren();
  el('text', { x: 360, y: 150, 'text-anchor': 'middle', class: 'message' }, svg, text);
}

/** Names and colours of the groups, from {@code top} down, in rows of four. */
function legend(svg, names, top) {
  names.forEach((name, i) => {
    const x = 60 + (i % 4) * 160;
    const y = top + Math.floor(i / 4) * 16;
    el('rect', { x: x, y: y, width: 10, height: 10, fill: COLORS[i % COLORS.length] }, svg);
    el('text', { x: x + 14, y: y + 9, class: 'label' }, svg, name);
  });
}

function keyName(key) {
  const values = Object.entries(key).map(([k, v]) => k + '=' + v);
  return values.length ? values.join(', ') : 'everyone';
}

async function showAthlete(event) {
  if (event) event.preventDefault();
  const svg = $('athlete-chart');
  try {
    const trend = await api('/api/v1/athletes/' + encodeURIComponent($('athlete').value.trim()) + '/stamina-trend');
    const weeks = trend.weeks || [];
    if (!weeks.length) return message(svg, 'No weeks with data yet.');
    const yMax = Math.max(130, ...weeks.map((w) => w.bestHoldSeconds)) * 1.1;
    // Sessions share the axis, ten seconds a session: a bar of 3 sessions reaches 30.
    const { sx, sy } = frame(svg, 0, weeks.length - 1, yMax, 'week since ' + weeks[0].weekStart, 'seconds');
    [60, 90, 120].forEach((rung) => el('line', { x1: sx(0), x2: sx(weeks.length - 1), y1: sy(rung), y2: sy(rung), class: 'rung' }, svg));
    const barWidth = Math.max(2, (sx(1) - sx(0)) * 0.5 || 20);
    weeks.forEach((w, i) => el('rect', { x: sx(i) - barWidth / 2, y: sy(w.sessions * 10), width: barWidth,
      height: sy(0) - sy(w.sessions * 10), fill: '#b9d3ea', class: 'sessions' }, svg));
    el('polyline', { points: weeks.map((w, i) => sx(i) + ',' + sy(w.bestHoldSeconds)).join(' '), fill: 'none',
      stroke: COLORS[0], 'stroke-width': 2.5, class: 'best-hold' }, svg);
    weeks.forEach((w, i) => el('circle', { cx: sx(i), cy: sy(w.bestHoldSeconds), r: 3, fill: COLORS[0] }, svg));
  } catch (e) {
    message(svg, e.message);
  }
}

async function showCohorts(event) {
  if (event) event.preventDefault();
  const groupBy = encodeURIComponent($('groupBy').value.trim());
  const trendSvg = $('trend-chart');
  const milestoneSvg = $('milestone-chart');
  let suppressed = 0;
  try {
    const trends = await api('/api/v1/cohorts/trends?metric=' + encodeURIComponent($('metric').value)
      + '&groupBy=' + groupBy + '&weeks=' + encodeURIComponent($('weeks').value.trim()));
    suppressed += trends.suppressedGroups;
    const groups = new Map();
    trends.rows.forEach((row) => {
      const name = keyName(row.key);
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(row);
    });
    if (!groups.size) {
      message(trendSvg, 'No group large enough to show yet.');
    } else {
      const weeks = trends.rows.map((r) => r.week);
      const yMax = Math.max(1, ...trends.rows.map((r) => r.p75)) * 1.15;
      const { sx, sy } = frame(trendSvg, Math.min(...weeks), Math.max(...weeks), yMax, 'relative week', trends.metric);
      [...groups.entries()].forEach(([name, rows], i) => {
        const color = COLORS[i % COLORS.length];
        const upper = rows.map((r) => sx(r.week) + ',' + sy(r.p75));
        const lower = rows.slice().reverse().map((r) => sx(r.week) + ',' + sy(r.p25));
        el('polygon', { points: upper.concat(lower).join(' '), fill: color, 'fill-opacity': 0.18, stroke: 'none', class: 'band' }, trendSvg);
        el('polyline', { points: rows.map((r) => sx(r.week) + ',' + sy(r.p50)).join(' '), fill: 'none', stroke: color,
          'stroke-width': 2.5, class: 'median' }, trendSvg);
      });
      legend(trendSvg, [...groups.keys()], 22);
    }
    const milestones = await api('/api/v1/cohorts/milestones?milestone=' + encodeURIComponent($('milestone').value)
      + '&groupBy=' + groupBy);
    suppressed += milestones.suppressedGroups;
    if (!milestones.rows.length) {
      message(milestoneSvg, 'No group large enough to show yet.');
    } else {
      const lastDay = Math.max(1, ...milestones.rows.flatMap((r) => r.curve.map((p) => p.day)));
      const { sx, sy } = frame(milestoneSvg, 0, lastDay, 1, 'day since enrollment', 'not yet reached');
      milestones.rows.forEach((row, i) => {
        let points = [];
        let previous = 1;
        row.curve.forEach((p) => {
          points.push(sx(p.day) + ',' + sy(previous));
          points.push(sx(p.day) + ',' + sy(p.survival));
          previous = p.survival;
        });
        points.push(sx(lastDay) + ',' + sy(previous));
        el('polyline', { points: points.join(' '), fill: 'none', stroke: COLORS[i % COLORS.length], 'stroke-width': 2.5,
          class: 'survival' }, milestoneSvg);
      });
      legend(milestoneSvg, milestones.rows.map((r) => keyName(r.key) + (r.medianDays === null ? '' : ' (median ' + r.medianDays + ' d)')), 236 - 16 * Math.floor((milestones.rows.length - 1) / 4));
    }
    $('suppressed').textContent = suppressed ? suppressed + ' groups left out: fewer than the minimum cell size.' : '';
  } catch (e) {
    message(trendSvg, e.message);
    message(milestoneSvg, e.message);
  }
}

async function demoTokens() {
  try {
    const response = await fetch('/api/v1/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sub: 'demo-admin', roles: ['clinician', 'researcher'] }) });
    if (!response.ok) throw new Error('no demo tokens here (' + response.status + '): paste a token from your identity provider');
    $('token').value = (await response.json()).token;
    $('auth-status').textContent = 'demo token for a clinician and researcher';
    $('auth-status').className = '';
    showAll();
  } catch (e) {
    $('auth-status').textContent = e.message;
    $('auth-status').className = 'error';
  }
}

function showAll() {
  showAthlete();
  showCohorts();
}

$('athlete-form').addEventListener('submit', showAthlete);
$('cohort-form').addEventListener('submit', showCohorts);
$('demo-tokens').addEventListener('click', demoTokens);
['athlete', 'groupBy', 'metric', 'weeks', 'milestone'].forEach((name) => { if (params.has(name)) $(name).value = params.get(name); });
if (params.has('token')) {
  $('token').value = params.get('token');
  showAll();
}
