// Head office's knowledge base, holiday calendar and SLA targets (plain DOM, no inline script: the
// CSP forbids it). Uses the admin token the admin page keeps for this tab.
const $ = (id) => document.getElementById(id);
const token = sessionStorage.getItem('serambi-ho-admin-token') ?? '';
const CATEGORIES = { penagihan: 'Penagihan', 'pencairan-pinjaman': 'Pencairan Pinjaman', 'konfirmasi-pembayaran': 'Konfirmasi Pembayaran', 'metode-pembayaran': 'Metode Pembayaran' };
const ORIGINS = { seed: 'FAQ awal', edited: 'FAQ awal, diubah', headoffice: 'Kantor pusat' };
let articles = [];

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(json.error?.message ?? json.error?.detail ?? json.error?.code ?? `HTTP ${response.status}`), { status: response.status });
  return json;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = String(text);
  return td;
}

function button(text, onClick, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (className) b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

function show(id, text) {
  $(id).textContent = text;
  $(id).hidden = false;
}

/** "MAS:" starts a group; every other line is a step of the current group. */
function parseSteps(text) {
  const groups = [];
  let current = null;
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (/^[^\s].{0,78}:$/.test(line) && !/^\d+\./.test(line)) {
      current = { heading: line.slice(0, -1), steps: [] };
      groups.push(current);
    } else {
      if (!current) groups.push((current = { heading: null, steps: [] }));
      current.steps.push(line.replace(/^\d+\.\s*/, ''));
    }
  }
  return groups.filter((g) => g.steps.length > 0);
}

const formatSteps = (groups) => groups.map((g) => [...(g.heading ? [`${g.heading}:`] : []), ...g.steps.map((s, i) => `${i + 1}. ${s}`)].join('\n')).join('\n');

function edit(article) {
  $('article-title').textContent = 'Ubah artikel';
  $('article-id').value = article?.id ?? '';
  $('article-question').value = article?.question ?? '';
  $('article-category').value = article?.category ?? 'KENDALA';
  $('article-section').value = article?.section ?? '';
  $('article-steps').value = article ? formatSteps(article.stepGroups) : '';
  if (!article) $('article-title').textContent = 'Artikel baru';
  $('article-form').scrollIntoView();
}

function renderArticles() {
  const filter = $('article-filter').value.trim().toLowerCase();
  const body = $('articles');
  body.replaceChildren();
  for (const a of articles.filter((a) => !filter || a.question.toLowerCase().includes(filter))) {
    const tr = document.createElement('tr');
    const actions = document.createElement('td');
    actions.append(button('Ubah', () => edit(a)));
    if (!a.retired) {
      actions.append(' ', button('Pensiunkan', async () => {
        if (!confirm(`Pensiunkan artikel "${a.question.slice(0, 80)}"? Artikel tidak lagi disarankan di cabang.`)) return;
        await api('POST', `/admin/api/kb/articles/${encodeURIComponent(a.id)}/retire`);
        await loadArticles();
      }, 'danger'));
    }
    tr.append(cell(a.question), cell(a.category), cell(ORIGINS[a.origin] ?? a.origin), cell(a.retired ? 'Dipensiunkan' : 'Aktif'), actions);
    body.append(tr);
  }
}

async function loadArticles() {
  articles = (await api('GET', '/admin/api/kb/articles')).articles;
  renderArticles();
}

function numberInput(value) {
  const input = document.createElement('input');
  input.type = 'number';
  input.min = '0';
  input.value = String(value);
  return input;
}

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const hoursText = (periods) => (periods.length ? periods.map((p) => `${clock(p.startMinute)}–${clock(p.endMinute)}`).join(', ') : 'tutup');

async function loadSettings() {
  const { holidays, holidaysFromHeadoffice, targets, businessWeeks } = await api('GET', '/admin/api/complaints/settings');
  $('weeks').textContent = businessWeeks.length
    ? businessWeeks.map((w) => `${w.branch ?? 'Semua cabang'}: ${w.week.zone}, Senin–Jumat ${hoursText(w.week.week[1])}, Sabtu ${hoursText(w.week.week[6])}`).join(' · ')
    : 'Bawaan: Senin–Jumat 08:00–16:00 waktu setempat, Sabtu dan Minggu tutup.';
  $('holidays').value = holidays.map((h) => `${h.date} | ${h.name} | ${h.kind}`).join('\n');
  $('holidays-source').textContent = holidaysFromHeadoffice ? 'Daftar dari kantor pusat.' : 'Daftar bawaan 2026 (SKB 3 Menteri); belum pernah diubah kantor pusat.';
  const body = $('targets');
  body.replaceChildren();
  for (const [category, t] of Object.entries(targets)) {
    const tr = document.createElement('tr');
    const inputs = [numberInput(t.firstResponseMinutes), numberInput(t.resolutionMinutes), numberInput(t.warnBeforeMinutes)];
    const save = document.createElement('td');
    save.append(button('Simpan', async () => {
      try {
        const [firstResponseMinutes, resolutionMinutes, warnBeforeMinutes] = inputs.map((i) => Number(i.value));
        await api('PUT', `/admin/api/complaints/sla-targets/${category}`, { firstResponseMinutes, resolutionMinutes, warnBeforeMinutes });
        show('targets-result', `Target ${CATEGORIES[category]} disimpan.`);
      } catch (error) {
        show('targets-result', `Gagal: ${error.message}`);
      }
    }));
    tr.append(cell(`${CATEGORIES[category] ?? category}${t.fromHeadoffice ? '' : ' (bawaan)'}`), ...inputs.map((i) => {
      const td = document.createElement('td');
      td.append(i);
      return td;
    }), save);
    body.append(tr);
  }
}

$('article-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = $('article-id').value;
  const body = { question: $('article-question').value, category: $('article-category').value, section: $('article-section').value, stepGroups: parseSteps($('article-steps').value) };
  try {
    const result = await api(id ? 'PUT' : 'POST', id ? `/admin/api/kb/articles/${encodeURIComponent(id)}` : '/admin/api/kb/articles', body);
    show('article-result', `Artikel ${result.id} diterbitkan; sampai di cabang pada sinkronisasi berikutnya.`);
    $('article-id').value = result.id;
    await loadArticles();
  } catch (error) {
    show('article-result', `Gagal: ${error.message}`);
  }
});

$('holidays-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const holidays = $('holidays').value.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [date, name, kind] = line.split('|').map((p) => p.trim());
    return { date, name, kind: kind || 'nasional' };
  });
  try {
    await api('PUT', '/admin/api/complaints/holidays', { holidays });
    show('holidays-result', `${holidays.length} hari libur disimpan.`);
    await loadSettings();
  } catch (error) {
    show('holidays-result', `Gagal: ${error.message}`);
  }
});

$('week-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const weekday = [{ startMinute: minutes($('week-open').value), endMinute: minutes($('week-close').value) }];
  const saturday = $('week-sat-open').value && $('week-sat-close').value ? [{ startMinute: minutes($('week-sat-open').value), endMinute: minutes($('week-sat-close').value) }] : [];
  const branch = $('week-branch').value.trim().toUpperCase() || null;
  try {
    await api('PUT', '/admin/api/complaints/business-week', { branch, week: { zone: $('week-zone').value, week: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: saturday, 7: [] } } });
    show('week-result', `Jam kerja ${branch ?? 'semua cabang'} disimpan.`);
    await loadSettings();
  } catch (error) {
    show('week-result', `Gagal: ${error.message}`);
  }
});

$('article-new').addEventListener('click', () => edit(null));
$('article-filter').addEventListener('input', renderArticles);

try {
  await Promise.all([loadArticles(), loadSettings()]);
  $('app').hidden = false;
} catch (error) {
  if (error.status === 401) $('need-login').hidden = false;
  else throw error;
}
