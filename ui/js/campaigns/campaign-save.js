//! Saving one of the campaign forms (campaign, collaboration, deliverable, gift, contact):
//! runs the back-end call with the form busy, and on failure shows each field problem at its
//! field (fields.js), a banner for what has no field on screen, a "changed elsewhere" banner
//! with a Reload button for a stale edit, and a notice for anything else. What was typed stays.

import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { asPayload, problemText } from '../shared/errors.js';
import { showFieldErrors, clearFieldErrors, clearErrorsOnEdit } from '../shared/fields.js';
import { toastError } from '../shared/toast.js';

/**
 * @param {HTMLElement} root the form (its controls carry `data-field`)
 * @param {{ onReload?: () => void }} [o]
 */
export function saving(root, o = {}) {
  const banner = h('div', { class: 'form-banner', hidden: true, tabindex: -1, role: 'alert' });
  let busy = false;
  clearErrorsOnEdit(root);

  function showBanner(kind, message, lines = [], action = null) {
    banner.hidden = false;
    banner.className = `form-banner banner-${kind}`;
    mount(banner, h('div', { class: 'banner-text' }, h('p', null, message),
      lines.length ? h('ul', null, ...lines.map((l) => h('li', null, l))) : null), action);
  }

  function hideBanner() {
    banner.hidden = true;
    banner.replaceChildren();
  }

  /** Shows an error from the back end in the form; true when it was shown there. */
  function showError(err, focus = true) {
    const e = asPayload(err);
    if (e.kind === 'validation' && e.fields.length) {
      const { first, unplaced } = showFieldErrors(root, e.fields);
      if (unplaced.length) showBanner('error', problemText(unplaced[0]), unplaced.slice(1).map((p) => problemText(p)));
      else hideBanner();
      if (focus) {
        const target = first || (unplaced.length ? banner : null);
        target?.focus({ preventScroll: true });
        (first?.closest('.field, .repeat-row') || target)?.scrollIntoView({ block: 'nearest' });
      }
      return true;
    }
    if (e.kind === 'stale_edit') {
      showBanner('warning', t('campaign.stale'), [],
        o.onReload ? h('button', { type: 'button', class: 'btn btn-small', 'data-reload': '', onclick: () => o.onReload?.() }, t('form.reload')) : null);
      if (focus) banner.focus();
      return true;
    }
    toastError(e);
    return false;
  }

  /**
   * Runs `call`; resolves with its answer, or null when it failed (the error is shown).
   * @template T @param {() => Promise<T>} call @returns {Promise<T | null>}
   */
  async function run(call) {
    if (busy) return null;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    for (const b of root.querySelectorAll('button[type="submit"]')) /** @type {HTMLButtonElement} */ (b).disabled = true;
    hideBanner();
    try {
      const answer = await call();
      clearFieldErrors(root);
      return answer;
    } catch (err) {
      showError(err);
      return null;
    } finally {
      busy = false;
      root.removeAttribute('aria-busy');
      for (const b of root.querySelectorAll('button[type="submit"]')) /** @type {HTMLButtonElement} */ (b).disabled = false;
    }
  }

  return { banner, run, showError, hideBanner };
}

/** Ctrl+S / Ctrl+Enter submit the form. */
export function submitOnShortcut(form) {
  form.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) { e.preventDefault(); e.stopPropagation(); form.requestSubmit(); }
  });
}
