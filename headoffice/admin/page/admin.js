// Head office's admin page: plain DOM, no framework, no inline script (the CSP forbids it).
// The token is kept for this tab only and sent as a bearer token to /admin/api.
const $ = (id) => document.getElementById(id);
const tokenKey = 'serambi-ho-admin-token';

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${sessionStorage.getItem(tokenKey) ?? ''}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(json.error?.code ?? `HTTP ${response.status}`), { status: response.status, body: json });
  return json;
}

const when = (ms) => (ms ? new Date(ms).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB' : '–');

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  return td;
}

async function loadDevices() {
  const { devices } = await api('GET', '/admin/api/devices');
  const body = $('devices');
  body.replaceChildren();
  for (const d of devices) {
    const tr = document.createElement('tr');
    tr.append(cell(d.branch ?? '–'), cell(d.device, 'mono'), cell(d.events), cell(d.highWaterMark), cell(when(d.lastSeenAt)), cell(d.revokedAt ? 'Dicabut' : 'Aktif'));
    const action = document.createElement('td');
    if (!d.revokedAt) {
      const button = document.createElement('button');
      button.className = 'danger';
      button.textContent = 'Cabut';
      button.addEventListener('click', async () => {
        if (!confirm(`Cabut perangkat ${d.device}? Perangkat ini tidak akan bisa sinkron lagi.`)) return;
        await api('POST', `/admin/api/devices/${d.device}/revoke`);
        await loadDevices();
      });
      action.append(button);
    }
    tr.append(action);
    body.append(tr);
  }
}

async function enter() {
  try {
    await loadDevices();
    $('login').hidden = true;
    $('app').hidden = false;
  } catch (error) {
    if (error.status === 401) $('login-error').hidden = false;
    else throw error;
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(tokenKey, $('token').value);
  void enter();
});

$('code-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { code, branch } = await api('POST', '/admin/api/enroll-codes', { branch: $('code-branch').value.toUpperCase() });
  $('code-result').textContent = `${branch}: ${code}`;
  $('code-result').hidden = false;
});

$('user-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = $('user-result');
  try {
    await api('POST', '/admin/api/users', {
      username: $('user-name').value,
      displayName: $('user-display').value,
      roles: $('user-roles').value.split(',').map((r) => r.trim().toLowerCase()).filter(Boolean),
      password: $('user-password').value,
      branch: $('user-branch').value.trim() ? $('user-branch').value.trim().toUpperCase() : null,
    });
    result.textContent = 'Pengguna dibuat; sampai di cabang pada sinkronisasi berikutnya.';
  } catch (error) {
    result.textContent = error.message === 'conflict' ? 'Nama pengguna sudah dipakai.' : `Gagal: ${error.message}`;
  }
  result.hidden = false;
});

$('refresh').addEventListener('click', () => void loadDevices());
fetch('/health').then((r) => r.json()).then((h) => ($('epoch').textContent = `epoch ${h.epoch}`));
if (sessionStorage.getItem(tokenKey)) void enter();
