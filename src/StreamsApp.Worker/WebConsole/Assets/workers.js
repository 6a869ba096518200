import { el, number, replaceRows } from './dom.js';
import { on } from './live.js';

// Which worker runs which tasks and keeps which standbys, from the live feed.
export function start() {
  on('activity', frame => {
    replaceRows(document.getElementById('workers'), frame.workers.map(worker => el('tr', { 'data-worker': worker.address },
      el('td', {}, worker.address || 'this worker', worker.address === frame.servedBy ? el('span', { class: 'muted' }, ' (this one)') : null),
      el('td', {}, worker.state),
      el('td', { class: 'tasks' }, worker.activeTasks.join(' ')),
      el('td', { class: 'tasks' }, worker.standbyTasks.join(' ') || '—'),
      el('td', { class: 'num' }, number(Object.values(worker.sagas).reduce((sum, count) => sum + count, 0))))));
    const unreachable = document.getElementById('unreachable');
    unreachable.hidden = frame.unreachable.length === 0;
    unreachable.textContent = `Not answering: ${frame.unreachable.join(', ')}`;
  });
}
