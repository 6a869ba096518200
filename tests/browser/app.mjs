// Global set-up of the browser tests: one application scaled out as a user runs it, streamsapp-kafka (the embedded
// cluster as a process) and two workers on it, both requiring one API key, worker A with demo traffic. Their
// addresses and the key reach the tests through environment variables; teardown stops every process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';

const root = resolve(import.meta.dirname, '../..');
const configuration = process.env.CONFIGURATION ?? 'Debug';
const serverDll = join(root, `src/StreamsApp.Kafka.Embedded.Server/bin/${configuration}/net10.0/streamsapp-kafka.dll`);
const workerDll = join(root, `src/StreamsApp.Worker/bin/${configuration}/net10.0/StreamsApp.Worker.dll`);
const processes = [];

export default async function setUp() {
  const scratch = mkdtempSync(join(tmpdir(), 'streamsapp-browser-'));
  const apiKey = randomUUID();
  const keyFile = join(scratch, 'api-key');
  writeFileSync(keyFile, apiKey);

  const server = start('streamsapp-kafka', serverDll, ['--http-port', '0']);
  const addresses = await readAddresses(server);
  const common = [
    `--bootstrap-servers=${addresses['bootstrap.servers']}`, `--topic-admin-url=${addresses['topic.admin.url']}`,
    `--schema-registry-url=${addresses['schema.registry.url']}`, `--application-id=browser-${apiKey.slice(0, 8)}`,
    `--api-key-file=${keyFile}`, '--Streams:CommitInterval=00:00:00.200',
  ];
  const [portA, portB] = [await freePort(), await freePort()];
  const urls = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  start('worker-a', workerDll, [...common, `--http-url=${urls[0]}`, `--state-dir=${join(scratch, 'a')}`, '--demo=true']);
  start('worker-b', workerDll, [...common, `--http-url=${urls[1]}`, `--state-dir=${join(scratch, 'b')}`, '--demo=false']);
  await Promise.all(urls.map(url => waitUntilReady(url)));

  process.env.WORKER_A = urls[0];
  process.env.WORKER_B = urls[1];
  process.env.API_KEY = apiKey;
  return async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(child => child.exitCode !== null ? null : new Promise(done => child.once('exit', done))));
    rmSync(scratch, { recursive: true, force: true });
  };
}

function start(name, dll, args) {
  // stdin stays open: streamsapp-kafka stops when it closes.
  const child = spawn('dotnet', [dll, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.output = '';
  const keep = chunk => { child.output = (child.output + chunk).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.name = name;
  processes.push(child);
  return child;
}

// streamsapp-kafka's first three lines: bootstrap.servers=, schema.registry.url=, topic.admin.url=.
function readAddresses(server) {
  return new Promise((resolveAddresses, reject) => {
    const check = () => {
      const found = Object.fromEntries(server.output.split('\n').filter(line => /^[a-z.]+=/.test(line)).map(line => line.trim().split('=', 2)));
      if (found['bootstrap.servers'] && found['schema.registry.url'] && found['topic.admin.url']) {
        server.stdout.off('data', check);
        resolveAddresses(found);
      }
    };
    server.stdout.on('data', check);
    server.once('exit', code => reject(new Error(`streamsapp-kafka exited with ${code}: ${server.output}`)));
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

async function waitUntilReady(url, timeoutMs = 240_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const worker = processes.find(child => child.spawnargs.includes(`--http-url=${url}`));
    if (worker.exitCode !== null) throw new Error(`${worker.name} exited with ${worker.exitCode}:\n${worker.output}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise(done => setTimeout(done, 500));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000} s`);
}
