// @ts-check
//! Importing post results (a campaign's Results tab → "Import results…"): pick a file (native
//! dialog); Meta Business Suite's Instagram export is recognised by its headers, any other sheet
//! (TikTok, YouTube, a creator's own numbers) has its columns mapped first; then the preview: how
//! the rows were matched to posts (by link, post ID, account and day), the snapshots it adds or
//! corrects and the rows that change nothing; rows matching no post are listed with the posts
//! they could be, to assign each one, never dropped: the import waits until each is assigned or
//! the person chooses to leave them out. Import is all or nothing; a refused file lists every
//! problem at its row and column. `hooks.onImported(report)` runs after an import went through.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { importFrame, pickImportFile } from '../shared/import-frame.js';
import { toast } from '../shared/toast.js';
import { problemList, groupsOf, list, layoutText } from '../shared/import-problems.js';
import { label } from '../shared/session.js';

/** The fields a column can fill (the core's `ResultField`), in the order they are offered. */
const FIELDS = ['permalink', 'post_id', 'account', 'publish_time', 'format', 'snapshot_date', 'caption',
  'views', 'reach', 'impressions', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'profile_follows', 'followers'];
const fieldLabel = (/** @type {{ value: string, label: string }} */ f) => (FIELDS.includes(f.value) ? t(`results.field.${f.value}`) : f.label);

/** A first guess at a column's field from its header, in English or Dutch; the person decides. */
function guess(header) {
  const k = header.toLowerCase().replace(/[^a-z]/g, '');
  const words = {
    permalink: ['permalink', 'link', 'url', 'postlink', 'videolink', 'posturl'],
    post_id: ['postid', 'videoid', 'id'],
    account: ['account', 'username', 'accountusername', 'handle', 'creator'],
    publish_time: ['publishtime', 'published', 'date', 'datum', 'posttime', 'videopublishtime'],
    views: ['views', 'videoviews', 'weergaven', 'plays'],
    reach: ['reach', 'bereik'],
    impressions: ['impressions', 'vertoningen'],
    likes: ['likes', 'vindikleuks'],
    comments: ['comments', 'reacties', 'opmerkingen'],
    shares: ['shares', 'gedeeld'],
    saves: ['saves', 'opgeslagen', 'bewaard'],
    link_clicks: ['linkclicks', 'clicks', 'klikken'],
    followers: ['followers', 'volgers'],
  };
  return Object.entries(words).find(([, ws]) => ws.includes(k))?.[0] ?? null;
}

/** @param {{ onImported: (report: any) => void }} hooks */
export async function openResultsImport(hooks) {
  const file = await pickImportFile(api.pickResultsFile, fieldLabel);
  if (!file) return;
  const { path, fileName } = file;
  /** header → field, when the person maps the columns. @type {Record<string, string> | null} */
  let mapping = null;
  /** @type {string[]} */
  let headers = [];
  /** file row → deliverable id, the person's assignments. @type {Record<string, number>} */
  const assignments = {};
  let leaveUnmatched = false;
  const { dlg, body, actions, facts, busy, state } = importFrame({ prefix: 'results-import', title: t('results.import.title'), className: 'results-import', path, fileName });
  const choices = () => ({ mapping, assignments, leave_unmatched: leaveUnmatched });
  await preview();

  async function preview() {
    busy(t('results.import.reading', { file: fileName }));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')));
    try {
      showPreview(await api.previewResults(path, choices()));
    } catch (err) {
      refused(err);
    }
  }

  function refused(err) {
    const e = asPayload(err);
    if (e.kind === 'import_rejected') return showRejected(e);
    if (e.kind === 'bad_file' && e.params?.code === 'results_mapping_needed' && !mapping) {
      headers = (e.params.columns ?? '').split('\n');
      return showMapping();
    }
    if (mapping) return showMapping(layoutText(e, fieldLabel));
    mount(body, facts(), h('div', { class: 'form-banner banner-error', role: 'alert', id: 'results-import-problem' }, h('p', null, layoutText(e, fieldLabel))));
    mount(actions, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close')));
  }

  function showMapping(problem) {
    const chosen = mapping ?? Object.fromEntries(headers.map((hd) => [hd, guess(hd)]).filter(([, f]) => f));
    const options = [['', t('import.ignore')], ...FIELDS.map((f) => [f, fieldLabel({ value: f, label: f })])];
    const rows = headers.map((header, i) => {
      const sel = /** @type {HTMLSelectElement} */ (h('select', {
        class: 'select', id: `results-map-${i}`, 'aria-label': t('import.mapAs', { header }),
        onchange: () => { if (sel.value) chosen[header] = sel.value; else delete chosen[header]; },
      }, ...options.map(([v, text]) => h('option', { value: v, selected: v === (chosen[header] ?? '') }, text))));
      return h('tr', null, h('th', { scope: 'row' }, h('span', { class: 'col-header' }, header || t('import.noHeader'))), h('td', null, sel));
    });
    mount(body, facts(),
      h('div', { class: 'form-banner', role: 'status' }, h('p', { class: 'banner-title' }, t('results.import.mapping.title')), h('p', null, t('results.import.mapping.body'))),
      problem ? h('div', { class: 'form-banner banner-error', role: 'alert', id: 'results-import-problem' }, h('p', null, problem)) : null,
      h('div', { class: 'mapping-wrap' }, h('table', { class: 'mapping-table', id: 'results-mapping' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('import.col.header')), h('th', { scope: 'col' }, t('import.col.field')))),
        h('tbody', null, ...rows))));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
      h('button', { type: 'button', class: 'btn btn-primary', id: 'results-import-mapped', onclick: () => { mapping = { ...chosen }; preview(); } }, t('results.import.mapping.next')));
  }

  /** One unmatched row: what the file says, and a choice of the posts it could be. */
  function unmatchedRow(u, onChange) {
    const none = [['', t('results.import.assign.none')]];
    const posts = u.candidates.map((c) => [String(c.deliverable_id),
      `${c.creator} · ${label('platforms', c.platform)}${c.published_at ? ` · ${fmt.date(c.published_at)}` : ''} · ${c.campaign}`]);
    const sel = /** @type {HTMLSelectElement} */ (h('select', {
      class: 'select', id: `results-assign-${u.row}`, 'aria-label': t('results.import.assign.label', { row: fmt.number(u.row) }),
      onchange: () => { if (sel.value) assignments[String(u.row)] = Number(sel.value); else delete assignments[String(u.row)]; onChange(); },
    }, ...[...none, ...posts].map(([v, text]) => h('option', { value: v, selected: v === String(assignments[String(u.row)] ?? '') }, text))));
    const what = [u.account ? `@${u.account}` : null, u.published_at ? fmt.dateTime(u.published_at) : null, u.format].filter(Boolean).join(' · ');
    return h('tr', { id: `results-unmatched-${u.row}` },
      h('th', { scope: 'row', class: 'num' }, fmt.number(u.row)),
      h('td', null, h('span', null, what || t('results.import.unknownPost')),
        u.caption ? h('span', { class: 'results-meta muted' }, u.caption) : null,
        u.permalink ? h('span', { class: 'results-link muted', title: u.permalink }, u.permalink) : null,
        h('span', { class: 'results-meta muted' }, t(`results.import.why.${u.why}`))),
      h('td', null, posts.length ? sel : h('span', { class: 'muted' }, t('results.import.assign.noCandidates'))));
  }

  function showPreview(p) {
    const waiting = p.unmatched.filter((u) => !(String(u.row) in assignments));
    const stat = (key, n) => h('div', { class: 'stat' }, h('span', { class: 'stat-value num', id: `results-import-${key}` }, fmt.number(n)), h('span', { class: 'stat-label' }, t(`results.import.count.${key}`)));
    const m = p.matched;
    const how = [['permalink', m.permalink], ['post_id', m.post_id], ['account_and_day', m.account_and_day], ['assigned', m.assigned]]
      .filter(([, n]) => n > 0).map(([k, n]) => t(`results.import.matched.${k}`, { count: fmt.number(n) }));
    const confirm = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', id: 'results-import-confirm', onclick: () => run() }, t('results.import.confirm')));
    const leave = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'results-import-leave', checked: leaveUnmatched,
      onchange: () => { leaveUnmatched = leave.checked; update(); } }));
    const note = h('p', { class: 'muted', id: 'results-import-waiting' });
    const update = () => {
      const left = p.unmatched.filter((u) => !(String(u.row) in assignments)).length;
      confirm.disabled = left > 0 && !leaveUnmatched;
      mount(note, left ? tn('results.import.waiting', left) : '');
    };
    const reassess = () => { update(); };
    mount(body,
      facts(t('results.import.facts', { encoding: p.encoding, rows: tn('import.rows', p.data_rows) })),
      h('p', { class: 'import-headline', id: 'results-import-layout' }, t(`results.import.layout.${p.layout}`)),
      p.date_order_assumed ? h('p', { class: 'form-banner', role: 'status' }, t(`results.import.dateOrder.${p.date_order}`)) : null,
      h('div', { class: 'stats stats-4', id: 'results-import-preview' }, stat('new', p.new_snapshots), stat('replaced', p.replaced), stat('unchanged', p.unchanged), stat('unmatched', p.unmatched.length)),
      how.length ? h('p', { class: 'muted', id: 'results-import-how' }, t('results.import.matchedBy', { how: list(how, 'conjunction') })) : null,
      p.unmatched.length ? h('section', { class: 'detail-section', 'aria-labelledby': 'results-unmatched-title' },
        h('h3', { id: 'results-unmatched-title' }, tn('results.import.unmatched.title', p.unmatched.length)),
        h('p', { class: 'muted' }, t('results.import.unmatched.about')),
        h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'results-unmatched' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'num' }, t('results.import.col.row')), h('th', { scope: 'col' }, t('results.import.col.inFile')), h('th', { scope: 'col' }, t('results.import.col.post')))),
          h('tbody', null, ...p.unmatched.map((u) => unmatchedRow(u, reassess))))),
        h('label', { class: 'check-row' }, leave, h('span', null, t('results.import.leaveOut'))), note) : null);
    const assigned = Object.keys(assignments).length > 0;
    mount(actions,
      h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
      mapping ? h('button', { type: 'button', class: 'btn', onclick: () => showMapping() }, t('results.import.mapping.change')) : null,
      p.unmatched.length ? h('button', { type: 'button', class: 'btn', id: 'results-import-recheck', onclick: () => preview() }, t('results.import.recheck')) : null,
      confirm);
    update();
    if (!waiting.length || assigned) confirm.focus();
  }

  async function run() {
    state.running = true;
    busy(t('results.import.running', { file: fileName }));
    mount(actions, h('button', { type: 'button', class: 'btn', disabled: true }, t('import.running')));
    try {
      const r = await api.importResults(path, choices());
      state.running = false;
      mount(body, facts(t(`results.import.layout.${r.layout}`)),
        h('div', { class: 'import-result', role: 'status', id: 'results-import-result' },
          h('p', { class: 'import-headline', id: 'results-import-headline' }, r.written ? tn('results.import.result.written', r.written) : t('results.import.result.nothing')),
          r.left_unmatched ? h('p', { id: 'results-import-left' }, tn('results.import.result.leftOut', r.left_unmatched)) : null));
      const done = h('button', { type: 'button', class: 'btn btn-primary', id: 'results-import-done', onclick: () => dlg.close() }, t('common.done'));
      mount(actions, done);
      done.focus();
      toast(r.written ? tn('results.import.result.written', r.written) : t('results.import.result.nothing'), { kind: 'success' });
      hooks.onImported(r);
    } catch (err) {
      state.running = false;
      refused(err);
    }
  }

  function showRejected(e) {
    const bad = new Set((e.rows ?? []).map((r) => r.row)).size;
    mount(body, facts(),
      h('div', { class: 'form-banner banner-error', role: 'alert', id: 'results-import-rejected' },
        h('p', { class: 'banner-title' }, t('import.rejected.title')),
        h('p', null, tn('import.rejected.body', (e.rows ?? []).length, { rows: tn('import.rows', bad) }))),
      (e.rows ?? []).length ? problemList(groupsOf(e), 'import.rejected.listLabel') : h('p', null, e.message));
    const close = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close'));
    mount(actions, mapping ? h('button', { type: 'button', class: 'btn', onclick: () => showMapping() }, t('import.back')) : null, close);
    close.focus();
  }
}
