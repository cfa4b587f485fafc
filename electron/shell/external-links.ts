// Which links the app may hand to the system browser (shell.openExternal). The renderer cannot
// open windows or navigate away; a link to, say, a bank's help page opens in the browser instead.
// shell.openExternal with an attacker's URL can start any registered protocol handler
// (file:, smb:, ms-msdt:, custom app schemes), so only plain https web pages pass.
//
// Plain TypeScript, unit-tested.

const MAX_URL_LENGTH = 2048;

export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    // user info in a link is a phishing trick (`https://bank.co.id@evil.example/`)
    parsed.username === '' &&
    parsed.password === ''
  );
}
