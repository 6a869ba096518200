import * as deadLetters from './deadletters.js';
import * as live from './live.js';
import * as orders from './orders.js';
import * as overview from './overview.js';
import * as topology from './topology.js';
import * as workers from './workers.js';

// Routes #/view/argument to its section: #/overview, #/orders/<id>, #/dlt/<topic>, #/topology, #/workers.
const views = { overview, orders, dlt: deadLetters, topology, workers };

function route() {
  const [, name = 'overview', ...rest] = location.hash.split('/');
  const view = views[name] ? name : 'overview';
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.view === view);
  views[view].show?.(decodeURIComponent(rest.join('/')));
}

for (const view of Object.values(views)) view.start();
window.addEventListener('hashchange', route);
route();
live.connect();
