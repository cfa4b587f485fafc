// Every branch's complaints for head office (plain DOM, no inline script: the CSP forbids it).
// Uses the admin token the admin page keeps for this tab.
const $ = (id) => document.getElementById(id);
const token = sessionStorage.getItem('serambi-ho-admin-token') ?? '';
const CATEGORIES = { penagihan: 'Penagihan', 'pencairan-pinjaman': 'Pencairan Pinjaman', 'konfirmasi-pembayaran': 'Konfirmasi Pembayaran', 'metode-pembayaran': 'Metode Pembayaran' };
const CHANNELS = { hotline: 'Hotline', 'social-media': 'Media sosial resmi', 'live-chat': 'Live chat', email: 'Email', 'walk-in': 'Datang ke cabang' };
const STATUSES = { open: 'Terbuka', 'waiting-customer': 'Menunggu nasabah', 'escalated-manager': 'Dieskalasi ke CS Manager', 'escalated-department': 'Dieskalasi ke departemen', resolved: 'Selesai', reopened: 'Dibuka kembali' };
const ESCALATIONS = { none: '–', 'cs-manager': 'CS Manager', department: 'Departemen' };
const SLA = { running: 'Berjalan', paused: 'Dijeda', warning: 'Hampir lewat', breached: 'Terlambat', met: 'Tepat waktu' };
const when = (ms) => (ms ? new Date(ms).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB' : '–');

for (const [value, label] of Object.entries(STATUSES)) $('f-status').append(new Option(label, value));
for (const [value, label] of Object.entries(CATEGORIES)) $('f-category').append(new Option(label, value));

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  return td;
}

const slaCell = (clock) => cell(SLA[clock.state] ?? clock.state, `sla-${clock.state}`);

async function load() {
  const params = new URLSearchParams();
  const branch = $('f-branch').value.trim().toUpperCase();
  if (branch) params.set('branch', branch);
  if ($('f-status').value) params.set('status', $('f-status').value);
  if ($('f-category').value) params.set('category', $('f-category').value);
  if ($('f-text').value.trim()) params.set('text', $('f-text').value.trim());
  if ($('f-attention').checked) params.set('attention', 'true');
  const response = await fetch(`/admin/api/complaints?${params}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    $('need-login').hidden = false;
    $('app').hidden = true;
    return;
  }
  if (!response.ok) {
    $('count').textContent = `Gagal memuat (${response.status}).`;
    return;
  }
  const { complaints } = await response.json();
  $('app').hidden = false;
  $('count').textContent = `${complaints.length} keluhan`;
  const body = $('complaints');
  body.replaceChildren();
  for (const c of complaints) {
    const tr = document.createElement('tr');
    tr.title = c.description;
    tr.append(
      cell(c.number, 'mono'),
      cell(c.branch),
      cell(when(c.createdAt)),
      cell(CATEGORIES[c.category] ?? c.category),
      cell(CHANNELS[c.channel] ?? c.channel),
      cell(c.customerName),
      cell(STATUSES[c.status] ?? c.status),
      cell(ESCALATIONS[c.escalation] + (c.department ? ` (${c.department})` : '')),
      slaCell(c.sla.firstResponse),
      slaCell(c.sla.resolution),
    );
    body.append(tr);
  }
}

$('filter').addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
void load();
