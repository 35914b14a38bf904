//! The Payouts screen's All clients tab: what every recent workspace owes its creators as of
//! today, one row per client — payable now, carried, blocked, finalised and waiting for the
//! payment, fees not yet booked — each read from its own file, read only, with its currency.
//! A file that is gone, damaged or from a newer Chorus says so in its row. A row opens that
//! workspace.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { navigate } from '../shared/nav.js';
import { amount } from './payout-words.js';

export function owedTab() {
  const body = h('div', { class: 'payouts-main', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const el = h('div', { class: 'payouts-tab payouts-owed' }, body);
  let live = true;

  api.owedAcross().then((clients) => {
    if (!live) return;
    body.removeAttribute('aria-busy');
    if (!clients.length) { mount(body, h('p', { class: 'muted', id: 'owed-none' }, t('payouts.owed.none'))); return; }
    const cell = (minor, count, cur) => h('td', { class: 'num' }, amount(minor, cur), count ? h('div', { class: 'muted owed-count' }, tn('payouts.creatorCount', count)) : null);
    mount(body,
      h('p', { class: 'muted card-intro' }, t('payouts.owed.intro')),
      h('table', { class: 'data-table owed-table', id: 'owed-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('payouts.owed.col.client')),
          h('th', { scope: 'col', class: 'num' }, t('payouts.owed.col.payable')),
          h('th', { scope: 'col', class: 'num' }, t('payouts.owed.col.awaiting')),
          h('th', { scope: 'col', class: 'num' }, t('payouts.owed.col.carried')),
          h('th', { scope: 'col', class: 'num' }, t('payouts.owed.col.blocked')),
          h('th', { scope: 'col', class: 'num' }, t('payouts.owed.col.fees')),
          h('th', { scope: 'col' }, t('payouts.owed.col.lastPaid')))),
        h('tbody', null, ...clients.map((c, i) => {
          const o = c.owed;
          if (!o) {
            const why = c.needs_update ? t('payouts.owed.needsUpdate') : c.error ? errorText(c.error) : t('payouts.owed.unreadable');
            return h('tr', { class: 'owed-row owed-unread', id: `owed-row-${i}` },
              h('td', null, h('div', { class: 'run-name' }, c.brand_name || c.path), h('div', { class: 'muted' }, c.path)),
              h('td', { colspan: 6, class: 'muted' }, why));
          }
          return h('tr', { class: 'owed-row', id: `owed-row-${i}`, tabindex: 0, title: c.path,
            onclick: () => open(c.path), onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); open(c.path); } } },
          h('td', null, h('div', { class: 'run-name' }, o.brand_name), h('div', { class: 'muted' }, o.draft_run ? t('payouts.owed.draft', { id: fmt.number(o.draft_run) }) : t('payouts.owed.noDraft'))),
          cell(o.payable_minor, o.payable_creators, o.currency),
          cell(o.awaiting_payment_minor, o.awaiting_payment_creators, o.currency),
          cell(o.carried_minor, o.carried_creators, o.currency),
          cell(o.blocked_minor, o.blocked_creators, o.currency),
          h('td', { class: 'num' }, amount(o.fees_to_book_minor, o.currency), o.fees_to_book ? h('div', { class: 'muted owed-count' }, tn('payouts.feeCount', o.fees_to_book)) : null),
          h('td', null, o.last_paid_on ? fmt.date(o.last_paid_on) : t('payouts.owed.neverPaid')));
        }))));
  }, (err) => { if (live) mount(body, h('p', { role: 'alert' }, t('payouts.failed', { reason: errorText(err) }))); });

  /** That client's own runs: the workspace opened, on this screen. */
  const open = (path) => navigate('payouts', { tab: 'runs' }, { workspacePath: path });

  return { el, dispose: () => { live = false; } };
}
