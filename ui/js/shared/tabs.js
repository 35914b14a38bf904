//! What every tab strip shares: ←/→ move to the tab beside the current one (the ends wrap
//! round), as the ARIA tabs pattern asks.

/**
 * Handles a tab strip's keydown: ←/→ switch to the tab beside `current`.
 * @param {KeyboardEvent} e @param {string[]} tabs in order @param {string} current
 * @param {(name: string) => void} switchTo
 */
export function moveByArrow(e, tabs, current, switchTo) {
  const at = tabs.indexOf(current);
  const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : null;
  if (next === null) return;
  e.preventDefault();
  switchTo(tabs[(next + tabs.length) % tabs.length]);
}
