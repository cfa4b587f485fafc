// The customer's OTP page: plain DOM, no inline script (the page's CSP forbids it). The token is
// the `p` of the page's address; it is sent back to head office and nowhere else.
const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('p') ?? '';

const ANSWERS = {
  confirmed: ['success', 'Persetujuan Anda telah tercatat', 'Terima kasih. Pengajuan pembukaan rekening Anda sedang diproses oleh kantor cabang.'],
  alreadyConfirmed: ['success', 'Persetujuan sudah tercatat', 'Persetujuan Anda sudah tercatat sebelumnya. Anda tidak perlu memasukkan kode OTP lagi.'],
  expired: ['warning', 'Kode OTP sudah kedaluwarsa', 'Kode OTP hanya berlaku 5 menit. Mintalah Account Officer kami mengirim ulang kode OTP, lalu masukkan kode yang baru di halaman ini.'],
  void: ['error', 'Kode OTP tidak dapat digunakan lagi', 'Kode OTP salah dimasukkan 5 kali, sehingga demi keamanan pengajuan ini tidak dapat dikonfirmasi dengan OTP lagi. Silakan hubungi kantor cabang.'],
  closed: ['error', 'Pengajuan tidak menunggu konfirmasi', 'Pengajuan pembukaan rekening ini sudah dibatalkan atau ditolak. Silakan hubungi kantor cabang.'],
  unknown: ['error', 'Tautan tidak berlaku', 'Tautan ini tidak dikenal atau sudah kedaluwarsa. Mintalah Account Officer kami mengirim ulang kode OTP untuk mendapatkan tautan yang baru.'],
  offline: ['error', 'Tidak dapat terhubung', 'Halaman tidak dapat menghubungi server. Periksa koneksi internet Anda, lalu muat ulang halaman ini.'],
};

/** Shows an answer; `keepForm` leaves the code field for a new try (a resent code). */
function answer(kind, keepForm = false) {
  const [tone, title, text] = ANSWERS[kind];
  $('loading').hidden = true;
  $('answer').className = `card answer ${tone}`;
  $('answer-title').textContent = title;
  $('answer-text').textContent = text;
  $('answer').hidden = false;
  $('otp-form').hidden = !keepForm;
  $('form-error').hidden = true;
}

function formError(text) {
  $('form-error').textContent = text;
  $('form-error').hidden = false;
}

const minutes = (ms) => Math.max(1, Math.ceil(ms / 60_000));

async function load() {
  if (!token) return answer('unknown');
  let response;
  try {
    response = await fetch(`/customer/api/info?p=${encodeURIComponent(token)}`);
  } catch {
    return answer('offline');
  }
  if (!response.ok) return answer(response.status === 429 ? 'offline' : 'unknown');
  const info = await response.json();
  $('name').textContent = info.customerName;
  $('phone').textContent = info.maskedPhone;
  $('loading').hidden = true;
  $('details').hidden = false;
  if (info.status === 'confirmed') answer('alreadyConfirmed');
  else if (info.status === 'closed') answer('closed');
  else $('code').focus();
}

$('code').addEventListener('input', () => {
  $('code').value = $('code').value.replace(/\D/g, '').slice(0, 6);
});

$('otp-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('code').value.trim();
  if (!/^\d{6}$/.test(code)) return formError('Masukkan 6 digit kode OTP.');
  $('submit').disabled = true;
  $('form-error').hidden = true;
  $('answer').hidden = true;
  try {
    const response = await fetch('/customer/api/otp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, code }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) return answer(body.result === 'alreadyConfirmed' ? 'alreadyConfirmed' : 'confirmed');
    const error = body.error ?? {};
    $('code').value = '';
    switch (error.code) {
      case 'wrong_code':
        return formError(`Kode OTP salah. Sisa percobaan: ${error.remaining}.`);
      case 'rate_limited':
        return formError(`Terlalu banyak percobaan. Coba lagi dalam ${minutes(error.retryAfterMs)} menit.`);
      case 'expired':
        return answer('expired', true);
      case 'void':
        return answer('void');
      case 'wrong_state':
        return answer('closed');
      default:
        return answer('unknown');
    }
  } catch {
    formError('Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.');
  } finally {
    $('submit').disabled = false;
  }
});

void load();
