//! The collaboration panel's Sales tab: its tracking link (one click copies it), the QR code of
//! the link (shown as an image from the core's SVG, saved as SVG or PNG through the native save
//! dialog), its discount code (typed or made from the workspace's pattern, with the customer's
//! discount) and its own commission (as people write it); what is missing to make a link is
//! said with the next step. Codes and commissions are changed here for affiliate and hybrid
//! collaborations; the core refuses the others, and says so.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { errorText, problemText, asPayload } from '../shared/errors.js';
import { field, textInput, showFieldErrors, clearFieldErrors } from '../shared/fields.js';
import { toast, toastError } from '../shared/toast.js';
import { rateText, ruleInWords } from './sales-words.js';

/** @param {number} collaborationId */
export function collaborationSalesTab(collaborationId) {
  const el = h('div', { class: 'collab-sales', id: 'collab-sales', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const load = () => Promise.all([api.collaborationLink(collaborationId), api.collaborationRule(collaborationId)]).then(([l, rule]) => {
    el.removeAttribute('aria-busy');
    mount(el, linkSection(l), codeSection(l, load), ruleSection(collaborationId, rule, load));
  }, (err) => {
    el.removeAttribute('aria-busy');
    mount(el, h('p', { role: 'alert' }, t('sales.failed', { reason: errorText(err) })));
  });
  load();
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

/** Runs a change of this tab; field problems at their fields, others in a toast. */
async function change(form, run, done, reload) {
  clearFieldErrors(form);
  try {
    await run();
    toast(done, { kind: 'success' });
    reload();
  } catch (err) {
    const e = asPayload(err);
    if (e.kind === 'validation' && e.fields.length) {
      if (showFieldErrors(form, e.fields).unplaced.length) toastError(e);
    } else {
      toastError(e);
    }
  }
}

/** @param {import('../api.js').CollaborationLink} l @param {() => void} reload */
function codeSection(l, reload) {
  const code = textInput({ value: l.discount_code, class: 'input mono', maxlength: 32, placeholder: t('sales.code.placeholder') });
  const discount = textInput({ value: l.customer_discount_bp === null ? '' : rateText(l.customer_discount_bp).replace(/\s?%$/, ''), class: 'input num short', inputmode: 'decimal', maxlength: 6 });
  const form = h('form', { class: 'code-form', id: 'collab-code-form', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    change(form, () => api.setDiscountCode(l.collaboration_id, code.value.trim() ? 'typed' : 'none', code.value, discount.value), t('sales.code.saved'), reload);
  } },
    h('div', { class: 'field-row cols-2' },
      field({ id: 'collab-code-input', field: 'code', errId: 'err-collab-code', label: t('sales.code.label'), control: code, hint: t('sales.code.hint') }),
      field({ id: 'collab-discount-input', field: 'discount', errId: 'err-collab-discount', label: t('sales.code.discountLabel'), control: discount, hint: t('sales.code.discountHint') })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'btn btn-small', id: 'collab-code-pattern', 'data-changes': true, onclick: () =>
        change(form, () => api.setDiscountCode(l.collaboration_id, 'pattern', '', discount.value), t('sales.code.saved'), reload) }, t('sales.code.fromPattern')),
      h('button', { type: 'submit', class: 'btn btn-small btn-primary', id: 'collab-code-save', 'data-changes': true }, t('sales.code.save'))));
  return h('section', { class: 'detail-section', 'aria-labelledby': 'collab-code-title' },
    h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: 'collab-code-title' }, t('sales.code.title'))),
    l.discount_code
      ? h('p', null, h('strong', { class: 'mono discount-code', id: 'collab-code' }, l.discount_code),
        l.customer_discount_bp !== null ? h('span', { class: 'muted' }, ` ${t('sales.code.discount', { rate: rateText(l.customer_discount_bp) })}`) : null)
      : h('p', { class: 'muted', id: 'collab-code-none' }, t('sales.code.none')),
    form);
}

/** @param {number} collaborationId @param {{ as_written: string, description: string, machine_text: string } | null} rule @param {() => void} reload */
function ruleSection(collaborationId, rule, reload) {
  const input = textInput({ value: rule?.as_written ?? '', class: 'input', maxlength: 80, placeholder: t('sales.rule.placeholder') });
  const form = h('form', { class: 'rule-form', id: 'collab-rule-form', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    change(form, () => api.setCollaborationRule(collaborationId, input.value), t('sales.rule.saved'), reload);
  } },
    field({ id: 'collab-rule-input', field: 'rule', errId: 'err-collab-rule', label: t('sales.rule.label'), control: input, hint: t('sales.rule.hint') }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-small btn-primary', id: 'collab-rule-save', 'data-changes': true }, t('sales.rule.save'))));
  return h('section', { class: 'detail-section', 'aria-labelledby': 'collab-rule-title' },
    h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: 'collab-rule-title' }, t('sales.rule.title'))),
    h('p', { id: 'collab-rule-now', class: rule ? null : 'muted' }, rule ? ruleInWords(rule.machine_text, rule.description) : t('sales.rule.none')),
    form);
}
