import { getJson } from './api.js';
import { dateTime, el, number, status } from './dom.js';
import { on } from './live.js';

// One order: its view (timeline, items, totals) and its saga's steps and compensations, read again on each live frame
// until the saga has finished.
const finished = new Set(['COMPLETED', 'FAILED']);
let current = null;
let final = false;

export function start() {
  document.getElementById('order-lookup').addEventListener('submit', submit => {
    submit.preventDefault();
    location.hash = `#/orders/${encodeURIComponent(new FormData(submit.target).get('id').trim())}`;
  });
  on('activity', () => {
    if (current && !final && !document.getElementById('view-orders').hidden) load(current);
  });
}

export function show(id) {
  current = id || null;
  final = false;
  document.querySelector('#order-lookup input').value = id ?? '';
  document.getElementById('order-detail').replaceChildren();
  if (current) load(current);
}

async function load(id) {
  const detail = document.getElementById('order-detail');
  const [view, saga] = await Promise.all([read(`/orders/${encodeURIComponent(id)}`), read(`/sagas/${encodeURIComponent(id)}`)]);
  if (id !== current) return;
  if (view.error && saga.error) {
    detail.replaceChildren(el('p', { class: view.error.status === 404 ? 'muted' : 'error' },
      view.error.status === 404 ? `No order '${id}' yet: a new order shows up once its saga starts.` : view.error.message));
    return;
  }

  final = finished.has(view.value?.status) && finished.has(saga.value?.status);
  detail.replaceChildren(
    el('h2', {}, `Order ${id} `, status(view.value?.status ?? saga.value?.status)),
    el('div', { class: 'detail' }, orderPart(view), sagaPart(saga)));
}

async function read(path) {
  try {
    return { value: await getJson(path) };
  } catch (error) {
    return { error };
  }
}

function orderPart({ value: order, error }) {
  if (!order) return el('div', { class: 'panel' }, el('h3', {}, 'Order'), el('p', { class: 'muted' }, error.message));
  return el('div', { class: 'panel', id: 'order-view' },
    el('h3', {}, 'Order'),
    el('p', {}, `${order.customerName || order.customerId} · ${number(order.totalAmount, 2)} ${order.currency ?? ''} · placed ${dateTime(order.createdAt)}`),
    el('table', { class: 'list' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Product'), el('th', { class: 'num' }, 'Quantity'), el('th', { class: 'num' }, 'Price'), el('th', { class: 'num' }, 'Line total'))),
      el('tbody', {}, (order.items ?? []).map(item => el('tr', {},
        el('td', {}, item.productName ? `${item.productName} (${item.productId})` : item.productId),
        el('td', { class: 'num' }, item.quantity),
        el('td', { class: 'num' }, number(item.price, 2)),
        el('td', { class: 'num' }, number(item.lineTotal, 2)))))),
    el('h3', {}, 'Timeline'),
    el('ol', { class: 'timeline', id: 'order-timeline' }, (order.timeline ?? []).map(entry => el('li', { 'data-status': entry.status },
      status(entry.status), ' ', el('span', { class: 'muted' }, dateTime(entry.at)), entry.detail ? el('div', {}, entry.detail) : null))));
}

function sagaPart({ value: saga, error }) {
  if (!saga) return el('div', { class: 'panel' }, el('h3', {}, 'Saga'), el('p', { class: 'muted' }, error.message));
  return el('div', { class: 'panel', id: 'saga-view' },
    el('h3', {}, 'Saga'),
    el('p', {}, status(saga.status), ` started ${dateTime(saga.startedAt)}, updated ${dateTime(saga.updatedAt)}`),
    el('h4', {}, 'Steps done'),
    list(saga.stepsDone, 'none yet'),
    el('h4', {}, 'Compensations pending'),
    list(saga.compensationsPending, 'none'),
    saga.failureReason ? el('p', { class: 'error' }, `Failure: ${saga.failureReason}`) : null,
    saga.shipmentId ? el('p', {}, `Shipment ${saga.shipmentId}`) : null);
}

function list(items, empty) {
  return items?.length ? el('ul', {}, items.map(item => el('li', {}, typeof item === 'string' ? item : JSON.stringify(item)))) : el('p', { class: 'muted' }, empty);
}
