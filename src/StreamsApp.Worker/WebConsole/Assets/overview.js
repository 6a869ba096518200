import { getJson, postJson } from './api.js';
import { el, number, replaceRows, sagaStates, status, time } from './dom.js';
import { on } from './live.js';

// Sagas by state and outcome rates from the live feed; the latest orders, read again every few frames; an order form.
const latestEvery = 3;
let frames = 0;

export function start() {
  on('activity', frame => {
    renderSagas(frame);
    if (frames++ % latestEvery === 0 && isShown()) refreshLatest();
  });
  document.getElementById('new-order').addEventListener('submit', placeOrder);
}

export function show() {
  refreshLatest();
}

function isShown() {
  return !document.getElementById('view-overview').hidden;
}

function renderSagas(frame) {
  document.getElementById('saga-states').replaceChildren(...sagaStates.map(state =>
    el('div', { class: 'card', 'data-state': state }, el('div', { class: 'count' }, number(frame.sagas[state])), el('div', { class: 'label' }, state))));
  const outcomes = frame.outcomes;
  document.getElementById('outcomes').replaceChildren(el('span', {},
    'Completed ', el('b', { 'data-outcome': 'completed' }, number(outcomes.completed)), ` (${number(outcomes.completedPerMinute, 1)}/min) · `,
    'Failed ', el('b', { 'data-outcome': 'failed' }, number(outcomes.failed)), ` (${number(outcomes.failedPerMinute, 1)}/min)`,
    frame.unreachable.length > 0 ? el('span', { class: 'warning' }, ` · not answering: ${frame.unreachable.join(', ')}`) : null));
}

async function refreshLatest() {
  const table = document.getElementById('latest-orders');
  try {
    const page = await getJson('/orders?limit=15');
    replaceRows(table, page.items.map(order => el('tr', { 'data-order': order.orderId },
      el('td', {}, el('a', { href: `#/orders/${encodeURIComponent(order.orderId)}` }, order.orderId)),
      el('td', {}, order.customerName || order.customerId),
      el('td', {}, status(order.status)),
      el('td', { class: 'num' }, `${number(order.totalAmount, 2)} ${order.currency ?? ''}`),
      el('td', {}, time(order.updatedAt)))));
  } catch (error) {
    replaceRows(table, [el('tr', {}, el('td', { colspan: 5, class: 'error' }, error.message))]);
  }
}

async function placeOrder(submit) {
  submit.preventDefault();
  const form = submit.target;
  const message = form.querySelector('.message');
  const values = Object.fromEntries(new FormData(form));
  message.className = 'message';
  message.textContent = 'Placing…';
  try {
    const placed = await postJson('/orders', {
      customerId: values.customer,
      items: [{ productId: values.product, quantity: Number(values.quantity) }],
      currency: 'EUR',
      shippingAddress: { recipient: values.customer, street: 'Main St 1', city: 'Berlin', postalCode: '10115', country: values.country },
    });
    message.textContent = `Accepted: ${placed.orderId}`;
    location.hash = `#/orders/${encodeURIComponent(placed.orderId)}`;
  } catch (error) {
    message.className = 'message error';
    message.textContent = error.message;
  }
}
