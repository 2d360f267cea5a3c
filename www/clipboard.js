// @ts-check
// Copying text to the clipboard: the async Clipboard API, else the older `copy` command on a
// selected input (a page served over plain http, a browser that asks for permission and is refused).

/**
 * Copies `text`. `input` shows the same text: it is selected for the fallback and, when nothing
 * could copy, stays selected for the user's own Ctrl+C.
 * @param {string} text
 * @param {HTMLInputElement} input
 * @returns {Promise<boolean>} whether the text is on the clipboard
 */
export async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no Clipboard API here, or no permission: try the selection
  }
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
