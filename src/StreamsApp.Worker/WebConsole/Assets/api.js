// Calls to the worker's API. When the worker has an API key, the first 401 asks for it once; the key is kept for the
// browser tab (sessionStorage) and sent in X-Api-Key with every call, the live feed's included.
const keyName = 'streamsapp-api-key';
let askingForKey = null;

export async function request(path, options = {}) {
  for (;;) {
    const headers = new Headers(options.headers ?? {});
    const key = sessionStorage.getItem(keyName);
    if (key) headers.set('X-Api-Key', key);
    const response = await fetch(path, { ...options, headers });
    if (response.status !== 401) return response;
    await askForKey();
  }
}

export async function getJson(path) {
  const response = await request(path);
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

export async function postJson(path, body) {
  const response = await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw await problemOf(response);
  return response.json();
}

// The worker's errors are ProblemDetails: their detail says what to change.
export async function problemOf(response) {
  let text = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    text = problem.detail ?? problem.title ?? text;
  } catch { /* not JSON: the status says it */ }
  const error = new Error(text);
  error.status = response.status;
  return error;
}

// Server-Sent Events read through fetch, which, unlike EventSource, can send the API key header.
export async function* events(path, signal) {
  const response = await request(path, { signal, headers: { Accept: 'text/event-stream' } });
  if (!response.ok) throw await problemOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) yield { type, data: JSON.parse(data.join('\n')) };
    }
  }
}

function askForKey() {
  askingForKey ??= new Promise(resolve => {
    const dialog = document.getElementById('api-key');
    dialog.addEventListener('close', () => {
      sessionStorage.setItem(keyName, dialog.querySelector('input').value);
      askingForKey = null;
      resolve();
    }, { once: true });
    dialog.showModal();
  });
  return askingForKey;
}
