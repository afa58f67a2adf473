/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and permission;
 * where it is missing or refused, the caller's text field is selected instead so Ctrl+C works,
 * and the result says so.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}
