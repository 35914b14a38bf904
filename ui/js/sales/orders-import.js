//! Importing a shop's orders export from the Sales screen: pick a file (native dialog); when no
//! shop layout fits it, map its columns to the order fields first; then the preview (the layout
//! recognised, rows and orders read, new / changed — what moved — / unchanged / older, and what
//! attribution gives the new orders); Import, while an indeterminate progress bar shows the
//! file (the import is one call: no percentage is made up); then the counts and a toast. A
//! refused file lists every problem at its row and column, grouped by kind; nothing was
//! imported. `hooks.onImported(report)` runs after an import that went through.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { importFrame, pickImportFile } from '../shared/import-frame.js';
import { toast } from '../shared/toast.js';
import { problemList, groupsOf, list, layoutText } from '../shared/import-problems.js';

/** The order fields a column can fill, in the order they are offered (the core's `OrderField`). */
const ORDER_FIELDS = ['order_number', 'created_at', 'currency', 'status', 'subtotal', 'discount', 'shipping', 'taxes', 'total', 'refunded',
  'cancelled_at', 'codes', 'email', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'landing_url', 'referring_site',
  'prices_include_tax', 'line_sku', 'line_name', 'line_quantity', 'line_price', 'line_total', 'line_subtotal', 'line_discount'];
const NEEDED = ['order_number', 'created_at', 'subtotal'];
const REASONS = ['no_code', 'unknown_code', 'expired', 'not_started', 'cancelled_collaboration'];

/** An order field in the display language. @param {{value: string, label: string}} f */
const fieldLabel = (f) => (ORDER_FIELDS.includes(f.value) ? t(`sales.import.field.${f.value}`) : f.label);

/** @param {{ onImported: (report: any) => void }} hooks */
export async function openOrdersImport(hooks) {
  const file = await pickImportFile(api.pickOrdersFile, fieldLabel);
  if (!file) return;
  const { path, fileName } = file;

  /** header → order field, when the person maps the columns; null: the shop's layout. */
  let mapping = null;
  /** The file's headers, when it needs a mapping. @type {string[]} */
  let headers = [];
  const { dlg, body, actions, facts, busy, state } = importFrame({ prefix: 'orders-import', title: t('sales.import.title'), className: 'orders-import', path, fileName });
  await preview();

  /** Reads the file (with the mapping, if any) and shows what importing it would do. */
  async function preview() {
    busy(t('sales.import.reading', { file: fileName }));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')));
    try {
      showPreview(await api.previewOrders(path, mapping));
    } catch (err) {
      refused(err);
    }
  }

  /** A refusal: its rows' problems, a mapping the file needs, or a whole-file problem. */
  function refused(err) {
    const e = asPayload(err);
    if (e.kind === 'import_rejected') return showRejected(e);
    const code = e.params?.code;
    if (e.kind === 'bad_file' && code === 'orders_mapping_needed' && !mapping) {
      headers = (e.params.columns ?? '').split('\n');
      return showMapping();
    }
    if (mapping) return showMapping(layoutText(e, fieldLabel));
    mount(body, facts(), h('div', { class: 'form-banner banner-error', role: 'alert', id: 'orders-import-problem' }, h('p', null, layoutText(e, fieldLabel))));
    mount(actions, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close')));
  }

  /** The columns of a file no shop layout fits, each to be set to an order field or ignored. */
  function showMapping(problem) {
    const chosen = mapping ?? Object.fromEntries(headers.map((hd) => [hd, guess(hd)]).filter(([, f]) => f));
    const summary = h('p', { class: 'muted import-summary', id: 'orders-import-needed' });
    const update = () => {
      const missing = NEEDED.filter((f) => !Object.values(chosen).includes(f));
      mount(summary, missing.length
        ? t('sales.import.mapping.missing', { fields: list(missing.map((f) => `“${fieldLabel({ value: f, label: f })}”`), 'conjunction') })
        : t('sales.import.mapping.ready'));
      next.disabled = missing.length > 0;
    };
    const options = [['', t('import.ignore')], ...ORDER_FIELDS.map((f) => [f, fieldLabel({ value: f, label: f })])];
    const rows = headers.map((header, i) => {
      const select = /** @type {HTMLSelectElement} */ (h('select', {
        class: 'select', id: `orders-map-${i}`, 'aria-label': t('import.mapAs', { header }),
        onchange: () => { if (select.value) chosen[header] = select.value; else delete chosen[header]; update(); },
      }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (chosen[header] ?? '') }, text))));
      return h('tr', null, h('th', { scope: 'row' }, h('span', { class: 'col-header' }, header || t('import.noHeader'))), h('td', null, select));
    });
    const next = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', id: 'orders-import-mapped', onclick: () => {
      mapping = { ...chosen };
      preview();
    } }, t('sales.import.mapping.next')));
    mount(body, facts(),
      h('div', { class: 'form-banner', role: 'status', id: 'orders-import-mapping-note' },
        h('p', { class: 'banner-title' }, t('sales.import.mapping.title')), h('p', null, t('sales.import.mapping.body'))),
      problem ? h('div', { class: 'form-banner banner-error', role: 'alert', id: 'orders-import-problem' }, h('p', null, problem)) : null,
      h('div', { class: 'mapping-wrap' },
        h('table', { class: 'mapping-table', id: 'orders-mapping' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('import.col.header')), h('th', { scope: 'col' }, t('import.col.field')))),
          h('tbody', null, ...rows))),
      summary);
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), next);
    mapping = null;
    update();
  }

  function showPreview(p) {
    const layout = h('p', { class: 'import-headline', id: 'orders-import-layout' }, t(`sales.import.format.${p.format}`));
    const nothing = p.new === 0 && p.changed === 0;
    mount(body,
      facts(t('sales.import.facts', { encoding: p.encoding, rows: tn('sales.import.rows', p.rows), orders: tn('sales.import.orders', p.orders) })),
      layout,
      nothing ? h('p', { class: 'form-banner', role: 'status', id: 'orders-import-nothing' }, t('sales.import.preview.nothing')) : null,
      h('div', { id: 'orders-import-preview' }, ...counts(p, 'would')));
    const confirm = h('button', { type: 'button', class: 'btn btn-primary', id: 'orders-import-confirm', onclick: () => run() },
      tn('sales.import.confirm', p.orders));
    mount(actions,
      h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
      mapping ? h('button', { type: 'button', class: 'btn', id: 'orders-import-remap', onclick: () => showMapping() }, t('sales.import.mapping.change')) : null,
      confirm);
    confirm.focus();
  }

  async function run() {
    state.running = true;
    busy(t('sales.import.running', { file: fileName }));
    mount(actions, h('button', { type: 'button', class: 'btn', disabled: true }, t('import.running')));
    try {
      const report = await api.importOrders(path, mapping);
      state.running = false;
      showReport(report);
      const nothing = report.new === 0 && report.changed === 0;
      toast(nothing ? t('sales.import.toast.nothing', { file: fileName })
        : t('sales.import.toast.done', { new: tn('sales.import.newOrders', report.new), changed: tn('sales.import.changedOrders', report.changed) }), { kind: 'success' });
      hooks.onImported(report);
    } catch (err) {
      state.running = false;
      refused(err);
    }
  }

  function showReport(r) {
    const nothing = r.new === 0 && r.changed === 0;
    mount(body, facts(t(`sales.import.format.${r.format}`)),
      h('div', { id: 'orders-import-result', class: 'import-result', role: 'status' },
        h('p', { class: 'import-headline', id: 'orders-import-headline' }, nothing ? t('sales.import.result.nothing') : tn('sales.import.result.headline', r.orders)),
        ...counts(r, 'did'),
        r.booking.lines_added || r.booking.orders_waiting ? h('p', { id: 'orders-import-booking' },
          tn('sales.import.result.lines', r.booking.lines_added),
          r.booking.orders_waiting ? ` ${tn('sales.import.result.waiting', r.booking.orders_waiting)}` : '') : null));
    const done = h('button', { type: 'button', class: 'btn btn-primary', id: 'orders-import-done', onclick: () => dlg.close() }, t('common.done'));
    mount(actions, done);
    done.focus();
  }

  function showRejected(e) {
    const groups = groupsOf(e);
    const bad = new Set((e.rows ?? []).map((r) => r.row)).size;
    mount(body, facts(),
      h('div', { class: 'form-banner banner-error', role: 'alert', id: 'orders-import-rejected' },
        h('p', { class: 'banner-title' }, t('import.rejected.title')),
        h('p', null, tn('import.rejected.body', (e.rows ?? []).length, { rows: tn('import.rows', bad) })),
        h('p', null, t('sales.import.rejected.fix'))),
      (e.rows ?? []).length ? problemList(groups, 'import.rejected.listLabel') : h('p', null, e.message));
    const close = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close'));
    mount(actions, mapping ? h('button', { type: 'button', class: 'btn', onclick: () => showMapping() }, t('import.back')) : null, close);
    close.focus();
  }
}

/** The preview's or the report's counts: orders by what happens to them, and the attribution. */
function counts(p, tense) {
  const stat = (key, n, note) => h('div', { class: 'stat' },
    h('span', { class: 'stat-value num', id: `orders-import-${key}` }, fmt.number(n)),
    h('span', { class: 'stat-label' }, t(`sales.import.count.${key}`)),
    note ? h('span', { class: 'muted stat-note' }, note) : null);
  const moves = [['refunds', p.moves.refunds], ['cancellations', p.moves.cancellations], ['statuses', p.moves.statuses]]
    .filter(([, n]) => n > 0).map(([k, n]) => tn(`sales.import.moved.${k}`, n));
  const a = p.attribution;
  const reasons = REASONS.map((r) => [r, a.unattributed[r] ?? 0]).filter(([, n]) => n > 0);
  const unattributed = reasons.reduce((n, [, c]) => n + c, 0);
  return [
    h('div', { class: 'stats stats-4' },
      stat('new', p.new), stat('changed', p.changed, moves.length ? list(moves, 'conjunction') : null),
      stat('unchanged', p.unchanged), stat('older', p.older, p.older ? t('sales.import.olderNote', { orders: list(p.older_examples, 'conjunction') }) : null)),
    p.new ? h('section', { class: 'detail-section', id: 'orders-import-attribution', 'aria-labelledby': 'orders-import-attribution-title' },
      h('h3', { id: 'orders-import-attribution-title' }, t(`sales.import.attribution.${tense}`)),
      h('ul', { class: 'import-notes' },
        h('li', { id: 'orders-import-attributed' }, tn('sales.import.attribution.attributed', a.attributed)),
        h('li', { id: 'orders-import-review' }, tn('sales.import.attribution.review', a.review)),
        h('li', { id: 'orders-import-unattributed' }, tn('sales.import.attribution.unattributed', unattributed),
          reasons.length ? h('ul', null, ...reasons.map(([r, n]) => h('li', { id: `orders-import-reason-${r}` }, t('sales.import.attribution.reason', { count: fmt.number(n), reason: t(`sales.reason.${r}`) })))) : null)))
      : null,
  ];
}

/** A first guess at a column's field from its header, in English or Dutch; the person decides. */
function guess(header) {
  const k = header.toLowerCase().replace(/[^a-z]/g, '');
  const words = {
    order_number: ['ordernumber', 'order', 'ordernr', 'bestelnummer', 'bestelling', 'number', 'nummer'],
    created_at: ['date', 'datum', 'orderdate', 'besteldatum', 'createdat', 'created'],
    currency: ['currency', 'valuta', 'munt'],
    status: ['status', 'paymentstatus', 'betaalstatus'],
    subtotal: ['subtotal', 'subtotaal'],
    total: ['total', 'totaal'],
    shipping: ['shipping', 'verzending', 'verzendkosten'],
    taxes: ['tax', 'taxes', 'btw', 'vat'],
    refunded: ['refunded', 'refund', 'terugbetaald'],
    codes: ['code', 'codes', 'discountcode', 'kortingscode', 'coupon', 'coupons', 'couponcode'],
    email: ['email', 'emailadres', 'mail'],
  };
  return Object.entries(words).find(([, ws]) => ws.includes(k))?.[0] ?? null;
}
