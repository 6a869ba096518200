// The worker's web console in a real browser, against two workers of one application on the embedded cluster.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';

const workerA = () => process.env.WORKER_A;
const workerB = () => process.env.WORKER_B;
const screenshots = process.env.SCREENSHOTS_DIR;

// Opens the console on a worker and gives the API key when the page asks for it.
async function open(page, url, hash = '') {
  await page.goto(`${url}/${hash}`);
  const dialog = page.locator('dialog#api-key');
  await expect(dialog).toBeVisible();
  await dialog.locator('input').fill(process.env.API_KEY);
  await dialog.getByRole('button', { name: 'Use key' }).click();
  await expect(page.locator('#live')).toHaveClass('live');
}

async function snap(page, name) {
  if (screenshots) await page.screenshot({ path: join(screenshots, `console-${name}.png`) });
}

test('the data needs the API key; the page and its assets do not', async ({ request }) => {
  expect((await request.get(`${workerA()}/`)).status()).toBe(200);
  expect((await request.get(`${workerA()}/console/assets/main.js`)).status()).toBe(200);
  expect((await request.get(`${workerA()}/console/live`)).status()).toBe(401);
  expect((await request.get(`${workerA()}/orders?limit=1`)).status()).toBe(401);
});

test('saga counts arrive live, and an order placed on the page reaches COMPLETED', async ({ page }) => {
  await open(page, workerA());
  const completed = page.locator('#outcomes [data-outcome="completed"]');
  await expect(page.locator('#saga-states .card')).toHaveCount(7);
  // Demo traffic completes sagas: the count rises without a reload.
  const before = Number((await completed.textContent()).replaceAll(/\D/g, ''));
  await expect.poll(async () => Number((await completed.textContent()).replaceAll(/\D/g, ''))).toBeGreaterThan(before);
  await expect(page.locator('#latest-orders tbody tr[data-order]').first()).toBeVisible();
  await snap(page, 'overview');

  const form = page.locator('#new-order');
  await form.locator('select[name="customer"]').selectOption('c-ada');
  await form.locator('select[name="product"]').selectOption('p-book');
  await form.locator('input[name="quantity"]').fill('2');
  await form.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/#\/orders\/.+/);
  await expect(page.locator('#order-detail h2 .status')).toHaveText('COMPLETED');
  await expect(page.locator('#order-timeline li[data-status="STARTED"]')).toBeVisible();
  await expect(page.locator('#order-timeline li[data-status="COMPLETED"]')).toBeVisible();
  await expect(page.locator('#order-view tbody')).toContainText('p-book');
  await expect(page.locator('#saga-view')).toContainText('SCHEDULE_SHIPMENT');
  await snap(page, 'order');
});

test('a failed order shows its compensations, looked up on the other worker', async ({ page, request }) => {
  // Out of stock: the saga fails at the first step; a lamp for the customer without credit fails at payment and
  // releases the stock it reserved.
  const placed = await request.post(`${workerA()}/orders?wait=30s`, {
    headers: { 'X-Api-Key': process.env.API_KEY },
    data: {
      customerId: 'c-cleo', items: [{ productId: 'p-lamp', quantity: 1 }], currency: 'EUR',
      shippingAddress: { recipient: 'Cleo', street: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
  });
  const { orderId, status } = await placed.json();
  expect(status).toBe('FAILED');

  await open(page, workerB(), '#/orders');
  await page.locator('#order-lookup input').fill(orderId);
  await page.locator('#order-lookup').getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('#order-detail h2 .status')).toHaveText('FAILED');
  await expect(page.locator('#saga-view')).toContainText('RESERVE_STOCK');
  await expect(page.locator('#saga-view .error')).toContainText('credit');
  await expect(page.locator('#order-timeline li[data-status="COMPENSATING"]')).toBeVisible();
});

test('an invalid order appears in the dead-letter view and is replayed', async ({ page }) => {
  await open(page, workerA(), '#/dlt');
  // Worker A's demo traffic sends an invalid order every few seconds; the intake dead-letters it.
  const topic = page.locator('#dlt-topics tr[data-topic="orders.events.DLT"]');
  await expect(topic).toBeVisible();
  await topic.getByRole('link').click();
  const record = page.locator('#dlt-record-list tbody tr').first();
  await expect(record).toBeVisible();
  await expect(record).toContainText('orders.events');
  await expect(record.locator('b')).not.toHaveText('unknown');
  // The order it held, read with its writer schema: its key is its order id.
  await expect(record).toContainText(/Avro, schema \d+/);
  const key = await record.locator('td').nth(2).textContent();
  await expect(record.locator('pre.value')).toContainText(`"orderId": "${key}"`);
  await snap(page, 'dead-letters');
  await record.getByRole('button', { name: 'Replay' }).click();
  await expect(record.locator('.message')).toHaveText(/Replayed to orders\.events \(partition \d+\)/);
  // Once only: a second replay of the same record sends nothing.
  await record.getByRole('button', { name: 'Replay' }).click();
  await expect(record.locator('.message')).toHaveText('Replayed before: not sent again');
});

test('the topology shows each sub-topology with its live rate and lag', async ({ page }) => {
  await open(page, workerA(), '#/topology');
  await expect(page.locator('#topology-picture svg')).toBeVisible();
  const rows = page.locator('#subtopologies tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  // Rates appear once the feed has two readings; the order sub-topologies process demo traffic.
  await expect.poll(async () => (await rows.locator('td:nth-child(2)').allTextContents()).some(text => Number(text) > 0)).toBe(true);
  await snap(page, 'topology');
});

test('the workers view shows which worker runs which tasks', async ({ page }) => {
  await open(page, workerB(), '#/workers');
  const rows = page.locator('#workers tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.locator(`#workers tr[data-worker="${new URL(workerB()).host}"]`)).toContainText('(this one)');
  // Every task runs on exactly one of them.
  const tasks = (await rows.locator('td:nth-child(3)').allTextContents()).map(text => text.split(' ').filter(Boolean));
  expect(tasks.every(list => list.length > 0)).toBe(true);
  expect(new Set(tasks.flat()).size).toBe(tasks.flat().length);
  // By sub-topology: each partition is run by one worker, and the two workers share the work.
  const ownership = page.locator('#ownership tbody tr');
  await expect.poll(() => ownership.count()).toBeGreaterThan(3);
  for (const row of await ownership.all()) {
    const held = (await row.locator('td[data-worker]').evaluateAll(cells => cells.map(cell => cell.dataset.partitions)))
      .flatMap(text => text.split(' ').filter(Boolean));
    expect(held.length).toBeGreaterThan(0);
    expect(new Set(held).size).toBe(held.length);
  }
  for (const worker of [workerA(), workerB()].map(url => new URL(url).host)) {
    const cells = await page.locator(`#ownership td[data-worker="${worker}"]`).evaluateAll(all => all.map(cell => cell.dataset.partitions));
    expect(cells.some(text => text.length > 0)).toBe(true);
  }
  await snap(page, 'workers');
});
