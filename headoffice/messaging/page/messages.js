// The messages head office sent (plain DOM, no inline script: the CSP forbids it). Uses the admin
// token the admin page keeps for this tab.
const $ = (id) => document.getElementById(id);
const token = sessionStorage.getItem('serambi-ho-admin-token') ?? '';
const KINDS = { 'otp-code': 'Kode OTP', 'otp-link': 'Tautan' };
const STATUSES = { queued: 'Antre', sent: 'Terkirim', delivered: 'Diterima', read: 'Dibaca', failed: 'Gagal' };
const when = (ms) => new Date(ms).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB';

/** The recorded text, with its link clickable (built as DOM nodes, never as HTML). */
function bodyCell(text, className) {
  const td = cell('', className);
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) {
    td.textContent = text;
    return td;
  }
  const a = document.createElement('a');
  a.href = match[0];
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = match[0];
  td.append(text.slice(0, match.index), a, text.slice(match.index + match[0].length));
  return td;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  return td;
}

async function load() {
  const response = await fetch('/admin/api/messages', { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    $('need-login').hidden = false;
    $('app').hidden = true;
    return;
  }
  const { messages } = await response.json();
  $('app').hidden = false;
  const dev = messages.some((m) => m.channel === 'dev');
  $('provider-note').textContent = dev
    ? 'Penyedia pengembangan: pesan tidak benar-benar dikirim, isinya dicatat di sini.'
    : 'Pesan dikirim melalui WhatsApp Business; isi kode tidak disimpan.';
  const body = $('messages');
  body.replaceChildren();
  for (const m of messages) {
    const tr = document.createElement('tr');
    const status = STATUSES[m.status] + (m.failure ? ` (${m.failure})` : '');
    tr.append(cell(when(m.createdAt)), cell(m.to, 'mono'), cell(KINDS[m.kind] ?? m.kind), bodyCell(m.body ?? '–', m.kind === 'otp-code' ? 'code' : 'link'), cell(status), cell(m.applicationId ? `${m.applicationId.slice(0, 8)} #${m.sendNumber}` : '–', 'mono'));
    body.append(tr);
  }
}

$('refresh').addEventListener('click', () => void load());
void load();
