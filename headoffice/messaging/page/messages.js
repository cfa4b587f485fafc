// The messages head office sent (plain DOM, no inline script: the CSP forbids it). Uses the admin
// token the admin page keeps for this tab.
const $ = (id) => document.getElementById(id);
const token = sessionStorage.getItem('serambi-ho-admin-token') ?? '';
const KINDS = { 'otp-code': 'Kode OTP', 'otp-link': 'Tautan' };
const STATUSES = { queued: 'Antre', sent: 'Terkirim', delivered: 'Diterima', read: 'Dibaca', failed: 'Gagal' };
const INVOICE_STATUSES = { queued: 'Antre', sending: 'Sedang dikirim', sent: 'Terkirim', delivered: 'Diterima', read: 'Dibaca', failed: 'Gagal' };
const CHANNELS = { email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS' };
const INVOICE_KINDS = { notice: 'Pemberitahuan', reminder: 'Pengingat', cancel: 'Pembatalan' };
const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
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

/** The admin API's answer, or null when the token is missing or wrong (the page asks to log in). */
async function fetchAdmin(url) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    $('need-login').hidden = false;
    $('app').hidden = true;
    return null;
  }
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  $('app').hidden = false;
  return response.json();
}

async function load() {
  const answer = await fetchAdmin('/admin/api/messages');
  if (!answer) return;
  const { messages } = answer;
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

/** What the development recorder kept, opened on demand: subject, attachment and text. */
function recordedCell(m) {
  const td = cell('');
  if (m.body === null) {
    td.textContent = '–';
    return td;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = m.subject ?? 'Lihat isi';
  details.append(summary);
  if (m.attachmentName) {
    const attachment = document.createElement('p');
    attachment.className = 'muted';
    attachment.textContent = `Lampiran: ${m.attachmentName}`;
    details.append(attachment);
  }
  const pre = document.createElement('pre');
  pre.textContent = m.body;
  details.append(pre);
  td.append(details);
  return td;
}

async function loadInvoices() {
  const status = $('invoice-status').value;
  const answer = await fetchAdmin(`/admin/api/invoice-messages${status ? `?status=${encodeURIComponent(status)}` : ''}`);
  if (!answer) return;
  const body = $('invoice-messages');
  body.replaceChildren();
  $('invoice-empty').hidden = answer.messages.length > 0;
  for (const m of answer.messages) {
    const tr = document.createElement('tr');
    const kind = (INVOICE_KINDS[m.kind] ?? m.kind) + (m.reminder ? ` ${m.reminder}` : '');
    const invoice = m.invoiceNumber === null ? '–' : `${m.invoiceNumber} · ${m.customer}`;
    const statusCell = cell((INVOICE_STATUSES[m.delivery ?? m.status] ?? m.status) + (m.failure ? ` (${m.failure})` : ''), m.status === 'failed' ? 'failed' : '');
    statusCell.title = `Diperbarui ${when(m.updatedAt)}`;
    tr.append(
      cell(when(m.createdAt)),
      cell(m.branch, 'mono'),
      cell(invoice),
      cell(m.va ?? '–', 'mono'),
      cell(m.amount === null ? '–' : rupiah.format(m.amount), 'amount'),
      cell(CHANNELS[m.channel] ?? m.channel),
      cell(kind),
      cell(m.recipient, 'mono'),
      statusCell,
      recordedCell(m),
    );
    body.append(tr);
  }
}

$('refresh').addEventListener('click', () => void load());
$('refresh-invoices').addEventListener('click', () => void loadInvoices());
$('invoice-status').addEventListener('change', () => void loadInvoices());
void load();
void loadInvoices();
