import { request } from './api.js';
import { el, number, replaceRows } from './dom.js';
import { on } from './live.js';

// The topology picture (/topology?format=svg) with each sub-topology's live rate and lag from the feed, written on
// the picture's sub-topology frames (data-subtopology) and in a table beside it.
let picture = null;

export function start() {
  on('activity', frame => {
    renderTable(frame.subtopologies);
    annotate(frame.subtopologies);
  });
}

export async function show() {
  if (picture) return;
  const target = document.getElementById('topology-picture');
  const response = await request('/topology?format=svg');
  if (!response.ok) {
    target.replaceChildren(el('p', { class: 'error' }, `${response.status} ${response.statusText}`));
    return;
  }

  // The worker's own rendering, with every name escaped; parsed rather than assigned as HTML.
  picture = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
  target.replaceChildren(document.importNode(picture, true));
  picture = target.firstElementChild;
}

function renderTable(subtopologies) {
  replaceRows(document.getElementById('subtopologies'), subtopologies.map(s => el('tr', { 'data-subtopology': s.id },
    el('td', {}, `Sub-topology ${s.id}`, el('div', { class: 'muted' }, s.topics.join(', '))),
    el('td', { class: 'num' }, number(s.perSecond, 1)),
    el('td', { class: 'num' }, number(s.lag)),
    el('td', {}, s.workers.join(', ')))));
}

function annotate(subtopologies) {
  if (!picture) return;
  for (const s of subtopologies) {
    const frame = picture.querySelector(`[data-subtopology="${s.id}"]`);
    if (!frame) continue;
    let label = frame.querySelector(':scope > text.live-rate');
    if (!label) {
      const box = frame.getBBox();
      label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      label.setAttribute('class', 'live-rate');
      label.setAttribute('x', box.x + box.width - 6);
      label.setAttribute('y', box.y + 14);
      label.setAttribute('text-anchor', 'end');
      label.setAttribute('font-size', '12');
      label.setAttribute('fill', '#24588f');
      // A white outline keeps the rate readable over a line entering the frame.
      label.setAttribute('stroke', '#fff');
      label.setAttribute('stroke-width', '3');
      label.setAttribute('paint-order', 'stroke');
      frame.append(label);
    }
    label.textContent = `${number(s.perSecond, 1)} rec/s · lag ${number(s.lag)}`;
  }
}
