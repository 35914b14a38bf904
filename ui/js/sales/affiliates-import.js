//! Importing an affiliate list into a campaign (from its Sales tab): pick a file (native
//! dialog), then the preview — each column with the field it fills (the person may change it;
//! the preview is worked out again), the creators new or matched, each row's code and commission, the collaborations new,
//! updated or unchanged, the codes and commission rules set, each row's plan, and every problem
//! at its row and column, grouped by kind. Import is all or nothing; a list with problems can
//! be imported without its bad rows when the person chooses so. Then the counts and a toast;
//! `hooks.onImported(report)` runs after an import that went through.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { openDialog } from '../shared/dialog.js';
import { toast } from '../shared/toast.js';
import { label } from '../shared/session.js';
import { campaignLabel } from '../campaigns/campaign-vocab.js';
import { problemList, groupsOf, layoutText } from '../shared/import-problems.js';
import { ruleInWords } from './sales-words.js';

const PLAIN = ['name', 'first_name', 'last_name', 'email', 'platform', 'handle', 'profile_url', 'code', 'commission', 'start', 'end'];

/** An affiliate field (`code`, `instagram`, `tiktok_url`) in the display language. @param {{value: string, label: string}} f */
function fieldLabel(f) {
  if (PLAIN.includes(f.value)) return t(`affiliates.import.field.${f.value}`);
  const m = /^([a-z]+)(_url)?$/.exec(f.value);
  if (!m) return f.label;
  return t(m[2] ? 'import.field.url' : 'import.field.handle', { platform: label('platforms', m[1]) });
}

/** @param {{ id: number, name: string }} campaign @param {{ onImported: (report: any) => void }} hooks */
export async function openAffiliatesImport(campaign, hooks) {
  let path;
  try {
    path = await api.pickAffiliatesFile();
  } catch (err) {
    toast(layoutText(err, fieldLabel), { kind: 'error' });
    return;
  }
  if (!path) return;
  const fileName = path.split(/[\\/]/).pop() ?? path;
  /** header → field (null: ignored), as the person changed it; the rest as the file's headers say. */
  const mapping = {};
  let running = false;
  const body = h('div', { class: 'import affiliates-import' });
  const actions = h('div', { class: 'dialog-actions-inner' });
  const dlg = openDialog({
    title: t('affiliates.import.title', { campaign: campaign.name }), className: 'dialog-wide', id: 'affiliates-import-dialog',
    body: [body], actions: [actions], canClose: () => !running,
  });
  await preview();

  function facts(extra) {
    return h('div', { class: 'import-facts' },
      h('span', { class: 'import-file', id: 'affiliates-import-file', title: path }, fileName),
      extra ? h('span', { class: 'muted' }, extra) : null);
  }

  function busy(text) {
    mount(body, facts(), h('div', { class: 'import-progress' },
      h('progress', { id: 'affiliates-import-progress', 'aria-label': text }),
      h('p', { class: 'muted', 'aria-live': 'polite' }, text)));
  }

  async function preview() {
    busy(t('sales.import.reading', { file: fileName }));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')));
    try {
      showPreview(await api.previewAffiliates(campaign.id, path, mapping));
    } catch (err) {
      const e = asPayload(err);
      mount(body, facts(), h('div', { class: 'form-banner banner-error', role: 'alert', id: 'affiliates-import-problem' }, h('p', null, layoutText(e, fieldLabel))));
      const changed = Object.keys(mapping).length > 0;
      mount(actions,
        changed ? h('button', { type: 'button', class: 'btn', onclick: () => { for (const k of Object.keys(mapping)) delete mapping[k]; preview(); } }, t('affiliates.import.resetColumns')) : null,
        h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close')));
    }
  }

  function showPreview(p) {
    const options = [['', t('import.ignore')], ...p.fields.map((v) => [v, fieldLabel({ value: v, label: v })])];
    const columns = p.columns.map((c, i) => {
      const select = /** @type {HTMLSelectElement} */ (h('select', {
        class: 'select', id: `affiliates-map-${i}`, 'aria-label': t('import.mapAs', { header: c.header }),
        onchange: () => { mapping[c.header] = select.value || null; preview(); },
      }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (c.field ?? '') }, text))));
      return h('tr', { class: c.field ? null : 'unmapped' },
        h('th', { scope: 'row' }, h('span', { class: 'col-header' }, c.header || t('import.noHeader'))), h('td', null, select));
    });
    const bad = new Set(p.problems.map((r) => r.row)).size;
    const good = Math.max(0, p.rows - bad);
    mount(body,
      facts(t('affiliates.import.facts', { rows: tn('affiliates.import.rows', p.rows), campaign: p.campaign_name })),
      h('div', { id: 'affiliates-import-preview' }, ...counts(p)),
      p.problems.length ? h('div', { class: 'form-banner banner-error', role: 'alert', id: 'affiliates-import-rejected' },
        h('p', { class: 'banner-title' }, tn('affiliates.import.problems.title', p.problems.length)),
        h('p', null, t('affiliates.import.problems.body'))) : null,
      p.problems.length ? problemList(groupsOf({ groups: p.groups, rows: p.problems }), 'import.rejected.listLabel') : null,
      p.lines.length ? lines(p.lines) : null,
      h('details', { class: 'affiliates-columns' },
        h('summary', null, t('affiliates.import.columns')),
        h('div', { class: 'mapping-wrap' }, h('table', { class: 'mapping-table', id: 'affiliates-mapping' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('import.col.header')), h('th', { scope: 'col' }, t('import.col.field')))),
          h('tbody', null, ...columns)))));
    const confirm = p.problems.length
      ? (good ? h('button', { type: 'button', class: 'btn btn-primary', id: 'affiliates-import-skip-bad', onclick: () => run(true) },
        t('import.skip', { good: tn('import.rows', good), bad: tn('import.rows', bad) })) : null)
      : h('button', { type: 'button', class: 'btn btn-primary', id: 'affiliates-import-confirm', onclick: () => run(false) }, tn('affiliates.import.confirm', p.rows));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), confirm);
    confirm?.focus();
  }

  async function run(skipBadRows) {
    running = true;
    busy(t('affiliates.import.running', { file: fileName, campaign: campaign.name }));
    mount(actions, h('button', { type: 'button', class: 'btn', disabled: true }, t('import.running')));
    try {
      const report = await api.importAffiliates(campaign.id, path, mapping, { skipBadRows });
      running = false;
      showReport(report);
      toast(report.written ? t('affiliates.import.toast.done', { campaign: report.campaign_name, rows: tn('affiliates.import.rows', report.rows) })
        : t('affiliates.import.toast.nothing', { file: fileName }), { kind: 'success' });
      hooks.onImported(report);
    } catch (err) {
      running = false;
      const e = asPayload(err);
      if (e.kind === 'import_rejected') {
        mount(body, facts(),
          h('div', { class: 'form-banner banner-error', role: 'alert', id: 'affiliates-import-rejected' },
            h('p', { class: 'banner-title' }, t('import.rejected.title')),
            h('p', null, tn('import.rejected.body', e.rows.length, { rows: tn('import.rows', new Set(e.rows.map((r) => r.row)).size) }))),
          problemList(groupsOf(e), 'import.rejected.listLabel'));
      } else {
        mount(body, facts(), h('div', { class: 'form-banner banner-error', role: 'alert', id: 'affiliates-import-problem' }, h('p', null, layoutText(e, fieldLabel))));
      }
      mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => preview() }, t('import.back')),
        h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close')));
    }
  }

  function showReport(r) {
    mount(body, facts(),
      h('div', { id: 'affiliates-import-result', class: 'import-result', role: 'status' },
        h('p', { class: 'import-headline', id: 'affiliates-import-headline' },
          r.written ? t('affiliates.import.result.headline', { rows: tn('affiliates.import.rows', r.rows), campaign: r.campaign_name }) : t('affiliates.import.result.nothing')),
        ...counts(r),
        r.orders_reattributed ? h('p', { id: 'affiliates-import-orders' }, tn('affiliates.import.result.orders', r.orders_reattributed)) : null,
        r.problems.length ? h('p', { class: 'muted' }, tn('affiliates.import.result.leftOut', new Set(r.problems.map((p) => p.row)).size)) : null));
    const done = h('button', { type: 'button', class: 'btn btn-primary', id: 'affiliates-import-done', onclick: () => dlg.close() }, t('common.done'));
    mount(actions, done);
    done.focus();
  }
}

/** Creators, collaborations, codes and rules: what the list makes or changes. */
function counts(p) {
  const stat = (key, n) => h('div', { class: 'stat' },
    h('span', { class: 'stat-value num', id: `affiliates-import-${key}` }, fmt.number(n)),
    h('span', { class: 'stat-label' }, t(`affiliates.import.count.${key}`)));
  return [
    h('p', { class: 'stats-title' }, t('affiliates.import.creators')),
    h('div', { class: 'stats' }, stat('creators_new', p.creators_new), stat('creators_matched', p.creators_matched)),
    h('p', { class: 'stats-title' }, t('affiliates.import.collaborations')),
    h('div', { class: 'stats' }, stat('collaborations_new', p.collaborations_new), stat('collaborations_updated', p.collaborations_updated), stat('collaborations_unchanged', p.collaborations_unchanged)),
    h('p', { class: 'muted', id: 'affiliates-import-codes' }, tn('affiliates.import.codesSet', p.codes_set), ' · ', tn('affiliates.import.rulesSet', p.rules_set)),
  ];
}

/** Each row's plan: the creator, new or matched; the collaboration; its code. */
function lines(ls) {
  return h('div', { class: 'mapping-wrap' }, h('table', { class: 'mapping-table', id: 'affiliates-lines' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'num' }, t('affiliates.import.col.row')),
      h('th', { scope: 'col' }, t('affiliates.import.col.creator')),
      h('th', { scope: 'col' }, t('affiliates.import.col.collaboration')),
      h('th', { scope: 'col' }, t('affiliates.import.col.code')),
      h('th', { scope: 'col' }, t('affiliates.import.col.commission')))),
    h('tbody', null, ...ls.map((l) => h('tr', { id: `affiliates-line-${l.row}` },
      h('td', { class: 'num' }, fmt.number(l.row)),
      h('td', null, l.creator_name, ' ', h('span', { class: 'muted' }, `${label('platforms', l.platform)} @${l.handle}`), ' ',
        h('span', { class: ['badge', l.creator === 'new' ? 'badge-info' : 'badge-quiet'] }, t(`affiliates.import.creator.${l.creator}`))),
      h('td', null, t(`affiliates.import.collaboration.${l.collaboration}`),
        l.status ? h('span', { class: 'muted' }, ` (${campaignLabel('collaboration_statuses', l.status)})`) : null),
      h('td', null, l.code || h('span', { class: 'muted' }, t('affiliates.import.noCode')),
        l.code_changed && l.code && l.collaboration === 'updated' ? h('span', { class: 'badge badge-quiet' }, t('affiliates.import.changed')) : null),
      h('td', null, l.rule_machine ? ruleInWords(l.rule_machine, l.rule) : h('span', { class: 'muted' }, t('affiliates.import.noRule')),
        l.rule_changed && l.rule_machine && l.collaboration === 'updated' ? h('span', { class: 'badge badge-quiet' }, t('affiliates.import.changed')) : null))))));
}
