//! A collaboration's fee as its panel shows it: not due yet (with "Mark fee due…", asking the
//! person's reason, audited), falling due at the next payout run (every deliverable is live),
//! due since a day (by its deliverables or marked due, with the reason), or paid. Nothing for
//! a collaboration without a fee. Read after the panel is drawn; drawn again after a change.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { askReason } from '../shared/reason-dialog.js';

/** @param {{ id: number, creator_name: string }} collaboration @param {() => void} onChanged */
export function feeStanding(collaboration, onChanged) {
  const el = h('div', { class: 'fee-standing', id: 'collab-fee', 'aria-live': 'polite' });
  let live = true;

  function load() {
    api.feeStanding(collaboration.id).then((f) => { if (live) render(f); }, () => { if (live) mount(el); });
  }

  function render(f) {
    if (f.state === 'none') { mount(el); return; }
    const cur = collaboration.fee?.currency;
    const amount = fmt.money(f.booked_minor || f.fee_minor, cur);
    const words = {
      waiting: t('collab.fee.waiting', { amount }),
      falls_due: t('collab.fee.fallsDue', { amount }),
      due: t(f.reason === 'marked_due' ? 'collab.fee.markedDue' : 'collab.fee.due', { amount, date: fmt.date(f.due_on), reason: f.note ?? '' }),
      paid: t('collab.fee.paid', { amount }),
    }[f.state];
    mount(el,
      h('span', { class: ['badge', `fee-${f.state}`] }, t(`collab.fee.state.${f.state}`)),
      h('span', { class: 'muted', id: 'collab-fee-text' }, words),
      f.state === 'waiting'
        ? h('button', { type: 'button', class: 'btn btn-link', id: 'collab-fee-mark-due', 'data-changes': true, onclick: markDue }, t('collab.fee.markDue'))
        : null);
  }

  function markDue() {
    askReason({
      title: t('collab.fee.markDue.title'), body: t('collab.fee.markDue.body', { name: collaboration.creator_name }),
      confirm: t('collab.fee.markDue.confirm'), done: t('collab.fee.markDue.done', { name: collaboration.creator_name }),
      run: (reason) => api.markFeeDue(collaboration.id, reason), onDone: () => { load(); onChanged(); },
    });
  }

  load();
  return { el, dispose: () => { live = false; } };
}
