//! The collaboration panel's Sales tab: its tracking link (one click copies it), the QR code of
//! the link (shown as an image from the core's SVG, saved as SVG or PNG through the native save
//! dialog) and its discount code; what is missing to make a link is said with the next step.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { errorText, problemText } from '../shared/errors.js';
import { toast, toastError } from '../shared/toast.js';
import { rateText } from './sales-words.js';

/** @param {number} collaborationId */
export function collaborationSalesTab(collaborationId) {
  const el = h('div', { class: 'collab-sales', id: 'collab-sales', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  api.collaborationLink(collaborationId).then((l) => {
    el.removeAttribute('aria-busy');
    mount(el, linkSection(l), codeSection(l));
  }, (err) => {
    el.removeAttribute('aria-busy');
    mount(el, h('p', { role: 'alert' }, t('sales.failed', { reason: errorText(err) })));
  });
  return el;
}

/** @param {import('../api.js').CollaborationLink} l */
function linkSection(l) {
  const head = h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: 'collab-link-title' }, t('sales.link.title')));
  if (!l.link) {
    const why = l.problem ? problemText(l.problem) : t(l.missing === 'handle' ? 'sales.link.noHandle' : 'sales.link.noLanding');
    return h('section', { class: 'detail-section', 'aria-labelledby': 'collab-link-title' }, head, h('p', { class: 'muted', id: 'collab-link-missing' }, why));
  }
  const link = l.link;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      toast(t('sales.link.copied'), { kind: 'success' });
    } catch {
      // No clipboard here (a locked-down system): select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(/** @type {Node} */ (document.getElementById('collab-link')));
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      toast(t('sales.link.copyByHand'));
    }
  };
  const save = async (format) => {
    try {
      const report = await api.saveQrCode(l.collaboration_id, format);
      if (report) toast(t('sales.qr.saved', { path: report.path }), { kind: 'success' });
    } catch (err) { toastError(err); }
  };
  // The SVG is the core's own drawing of the link (no user text in it) and becomes an image,
  // never markup in the page.
  const qr = l.qr_svg ? h('img', { class: 'qr-code', id: 'collab-qr', alt: t('sales.qr.alt'), width: 160, height: 160,
    src: `data:image/svg+xml;base64,${btoa(l.qr_svg)}` }) : null;
  return h('section', { class: 'detail-section', 'aria-labelledby': 'collab-link-title' }, head,
    h('div', { class: 'link-row' },
      h('code', { class: 'tracking-link', id: 'collab-link' }, link),
      h('button', { type: 'button', class: 'btn btn-small', id: 'collab-link-copy', onclick: copy }, t('sales.link.copy'))),
    h('p', { class: 'muted formula' }, t('sales.link.explained', { platform: l.platform ? t(`vocab.platforms.${l.platform}`) : '', handle: l.handle ?? '' })),
    qr ? h('div', { class: 'qr-block' }, qr,
      h('div', { class: 'qr-actions' },
        h('button', { type: 'button', class: 'btn btn-small', id: 'collab-qr-svg', onclick: () => save('svg') }, icon(ICONS.download, 14), t('sales.qr.saveSvg')),
        h('button', { type: 'button', class: 'btn btn-small', id: 'collab-qr-png', onclick: () => save('png') }, icon(ICONS.download, 14), t('sales.qr.savePng')))) : null);
}

/** @param {import('../api.js').CollaborationLink} l */
function codeSection(l) {
  return h('section', { class: 'detail-section', 'aria-labelledby': 'collab-code-title' },
    h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: 'collab-code-title' }, t('sales.code.title'))),
    l.discount_code
      ? h('p', null, h('strong', { class: 'mono discount-code', id: 'collab-code' }, l.discount_code),
        l.customer_discount_bp !== null ? h('span', { class: 'muted' }, ` ${t('sales.code.discount', { rate: rateText(l.customer_discount_bp) })}`) : null)
      : h('p', { class: 'muted', id: 'collab-code-none' }, t('sales.code.none')));
}
