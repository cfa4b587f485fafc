import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/shell/external-links';

describe('isAllowedExternalUrl', () => {
  it.each(['https://www.ojk.go.id/', 'https://bank.example.co.id/help?topic=otp#faq', 'https://[2001:db8::1]/'])(
    'opens %s in the browser',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    ['plain http', 'http://bank.example.co.id/'],
    ['a local file', 'file:///C:/Windows/System32/calc.exe'],
    ['a network share', 'smb://fileserver/share'],
    ['a Windows protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['mail', 'mailto:cs@bank.example.co.id'],
    ['the app itself', 'app://serambi/index.html'],
    ['user info', 'https://bank.example.co.id@evil.example/'],
    ['user and password', 'https://user:pw@bank.example.co.id/'],
    ['nonsense', 'not a url'],
    ['a huge URL', `https://bank.example.co.id/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
