import { events } from './api.js';

// The live feed (/console/live): one connection for the page, reconnected when it drops; views subscribe by event type.
const listeners = new Map();
const indicator = () => document.getElementById('live');

export function on(type, listener) {
  if (!listeners.has(type)) listeners.set(type, []);
  listeners.get(type).push(listener);
}

export async function connect() {
  for (;;) {
    try {
      for await (const event of events('/console/live')) {
        indicator().className = 'live';
        if (event.type === 'activity') indicator().textContent = `live · ${event.data.servedBy || 'this worker'}`;
        for (const listener of listeners.get(event.type) ?? []) listener(event.data);
      }
    } catch (error) {
      indicator().textContent = `disconnected: ${error.message}`;
    }
    indicator().className = 'live off';
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
