// @ts-check
// The user's own next action (a click, a key, a changed field): what ends a standing error
// (www/status.js) and a held link (www/state.js), so automatic steps cannot wipe them first.

const EVENTS = ['pointerdown', 'keydown', 'change', 'input'];

/**
 * Calls `fn` once, at the user's next action in this document.
 * @param {() => void} fn
 */
export function afterUserActs(fn) {
  const once = () => {
    for (const type of EVENTS) document.removeEventListener(type, once, true);
    fn();
  };
  for (const type of EVENTS) document.addEventListener(type, once, true);
}
