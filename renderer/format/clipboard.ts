/**
 * Puts `text` on the clipboard; false when the window refused. Some windows refuse the clipboard API
 * (an unfocused page, a desktop shell that denies permissions); the old copy command still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return legacyCopy(text);
  }
}

function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // set through the style object, which the Content Security Policy allows (a style attribute it would not)
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  return done;
}
