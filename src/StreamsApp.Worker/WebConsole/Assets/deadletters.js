import { getJson, postJson } from './api.js';
import { dateTime, el, number, replaceRows } from './dom.js';
import { on } from './live.js';

// Dead-letter topics with their record counts (the live feed's deadletters event), one topic's records with the
// metadata of why each failed, and a replay of one record to its source topic.
let currentTopic = null;

export function start() {
  on('deadletters', ({ items }) => renderTopics(items));
}

export function show(topic) {
  currentTopic = topic || null;
  document.getElementById('dlt-records').replaceChildren();
  for (const row of document.querySelectorAll('#dlt-topics tbody tr')) row.classList.toggle('selected', row.dataset.topic === currentTopic);
  if (currentTopic) loadRecords(currentTopic);
}

function renderTopics(topics) {
  replaceRows(document.getElementById('dlt-topics'), topics.length === 0
    ? [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No dead-letter topics yet.'))]
    : topics.map(topic => el('tr', { 'data-topic': topic.topic, class: topic.topic === currentTopic ? 'selected' : null },
      el('td', {}, el('a', { href: `#/dlt/${encodeURIComponent(topic.topic)}` }, topic.topic)),
      el('td', {}, topic.sourceTopic ?? '—'),
      el('td', { class: 'num' }, topic.partitions),
      el('td', { class: 'num' }, number(topic.records)))));
}

async function loadRecords(topic) {
  const target = document.getElementById('dlt-records');
  try {
    const page = await getJson(`/dlt/${encodeURIComponent(topic)}?limit=100`);
    if (topic !== currentTopic) return;
    // replaceChildren would write a null as the text "null": only the parts there are.
    target.replaceChildren(...[
      el('h2', {}, `Records of ${topic}`),
      page.items.length === 0 ? el('p', { class: 'muted' }, 'No records.') : el('table', { class: 'list', id: 'dlt-record-list' },
        el('thead', {}, el('tr', {}, ['Where', 'When', 'Key', 'Error', 'From', 'Value', ''].map(name => el('th', {}, name)))),
        el('tbody', {}, page.items.map(record => recordRow(topic, record)))),
      page.next ? el('p', { class: 'muted' }, `Showing the first ${page.items.length}; more from ${page.next}.`) : null,
    ].filter(part => part !== null));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

function recordRow(topic, record) {
  const error = record.error ?? {};
  const outcome = el('div', { class: 'message' });
  return el('tr', { 'data-record': `${record.partition}:${record.offset}` },
    el('td', {}, `${record.partition}:${record.offset}`),
    el('td', {}, dateTime(record.timestamp)),
    el('td', {}, record.key ?? '—'),
    el('td', {}, el('b', {}, error.exceptionClass ?? 'unknown'), el('div', {}, error.message ?? ''), error.processorNode ? el('div', { class: 'muted' }, `at ${error.processorNode}`) : null),
    el('td', {}, error.sourceTopic ? `${error.sourceTopic} ${error.sourcePartition}:${error.sourceOffset}` : '—'),
    el('td', {}, valueLabel(record), el('pre', { class: 'value' }, valueText(record))),
    el('td', {}, el('button', { class: 'small', onclick: () => replay(topic, record, outcome) }, 'Replay'), outcome));
}

// Avro values come as Avro's JSON encoding, read with their writer schema; other bytes as base64.
function valueLabel(record) {
  switch (record.valueEncoding) {
    case 'avro-json': return el('div', { class: 'muted' }, `Avro, schema ${record.schemaId}`);
    case 'base64': return el('div', { class: 'muted' }, 'binary (base64)');
    default: return null;
  }
}

function valueText(record) {
  if (record.value === null || record.value === undefined) return '';
  return record.valueEncoding === 'avro-json' ? JSON.stringify(JSON.parse(record.value), null, 1) : record.value.slice(0, 400);
}

async function replay(topic, record, outcome) {
  outcome.className = 'message';
  outcome.textContent = 'Replaying…';
  try {
    const result = await postJson(`/dlt/${encodeURIComponent(topic)}/replay`, { partition: record.partition, fromOffset: record.offset, toOffset: record.offset });
    outcome.textContent = result.replayed > 0
      ? `Replayed to ${result.items[0].to} (partition ${result.items[0].toPartition})`
      : 'Replayed before: not sent again';
  } catch (error) {
    outcome.className = 'message error';
    outcome.textContent = error.message;
  }
}
