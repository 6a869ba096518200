import { el, number, replaceRows } from './dom.js';
import { on } from './live.js';

// Which worker runs which tasks and keeps which standbys, from the live feed: per worker, and per sub-topology (a
// task id is <sub-topology>_<partition>), which partitions each worker runs.
export function start() {
  on('activity', frame => {
    renderWorkers(frame);
    renderOwnership(frame);
    const unreachable = document.getElementById('unreachable');
    unreachable.hidden = frame.unreachable.length === 0;
    unreachable.textContent = `Not answering: ${frame.unreachable.join(', ')}`;
  });
}

function renderWorkers(frame) {
  replaceRows(document.getElementById('workers'), frame.workers.map(worker => el('tr', { 'data-worker': worker.address },
    el('td', {}, worker.address || 'this worker', worker.address === frame.servedBy ? el('span', { class: 'muted' }, ' (this one)') : null),
    el('td', {}, worker.state),
    el('td', { class: 'tasks' }, worker.activeTasks.join(' ')),
    el('td', { class: 'tasks' }, worker.standbyTasks.join(' ') || '—'),
    el('td', { class: 'num' }, number(Object.values(worker.sagas).reduce((sum, count) => sum + count, 0))))));
}

function renderOwnership(frame) {
  const table = document.getElementById('ownership');
  table.tHead.replaceChildren(el('tr', {}, el('th', {}, 'Sub-topology'), frame.workers.map(worker => el('th', {}, worker.address))));
  replaceRows(table, frame.subtopologies.map(subtopology => el('tr', { 'data-subtopology': subtopology.id },
    el('td', {}, `${subtopology.id}`, el('div', { class: 'muted' }, subtopology.topics.join(', '))),
    frame.workers.map(worker => {
      const active = partitions(worker.activeTasks, subtopology.id);
      const standby = partitions(worker.standbyTasks, subtopology.id);
      return el('td', { class: 'tasks', 'data-worker': worker.address, 'data-partitions': active.join(' ') },
        active.length ? `partitions ${active.join(', ')}` : '—',
        standby.length ? el('div', { class: 'muted' }, `standby ${standby.join(', ')}`) : null);
    }))));
}

function partitions(taskIds, subtopology) {
  return taskIds.map(id => id.split('_')).filter(([s]) => Number(s) === subtopology).map(([, p]) => Number(p)).sort((a, b) => a - b);
}
