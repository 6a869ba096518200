// Builds elements from data with textContent only: dead letters and orders hold text anyone could have written.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined).map(child => child instanceof Node ? child : String(child)));
  return element;
}

export function replaceRows(table, rows) {
  table.tBodies[0].replaceChildren(...rows);
}

export function time(text) {
  return text ? new Date(text).toLocaleTimeString() : '';
}

export function dateTime(text) {
  return text ? new Date(text).toLocaleString() : '';
}

export function status(value) {
  return el('span', { class: `status ${value}` }, value);
}

export function number(value, digits = 0) {
  return value === null || value === undefined ? '…' : Number(value).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

// The saga states in the order a saga goes through them.
export const sagaStates = ['STARTED', 'STOCK_RESERVED', 'PAYMENT_DONE', 'SHIPPED', 'COMPLETED', 'COMPENSATING', 'FAILED'];
