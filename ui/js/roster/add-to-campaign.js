//! "Add to campaign" for one creator (the creator panel) or several (the roster's selection):
//! a dialog to choose a campaign in use (archived ones are not offered; the running and
//! upcoming ones first) and the starting terms everyone gets (type, status, fee, gift value).
//! The core adds them all in one go: creators already in that campaign are left as they were
//! and named in the notice; any other problem (the terms, a campaign archived meanwhile) shows
//! at its field and adds nobody. Control ids: `#atc-campaign`, `#atc-<field>`, `#atc-save`.

import * as api from '../api.js';
import { h } from '../shared/dom.js';
import { t, tn } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { navigate } from '../shared/nav.js';
import { openDialog } from '../shared/dialog.js';
import { field, numberInput, controlValue, select } from '../shared/fields.js';
import { loadCampaignVocabulary, campaignChoices } from '../campaigns/campaign-vocab.js';
import { saving } from '../campaigns/campaign-save.js';
import { toast, toastError } from '../shared/toast.js';

/** The order campaigns are offered in: the ones being worked on first. */
const PHASE_ORDER = ['running', 'upcoming', 'undated', 'ended'];
/** How many names a notice spells out before it says "and N more". */
const NAMED = 3;

/**
 * @param {{ creatorIds: number[], creatorName?: string, inCampaigns?: number[],
 *   onAdded?: (result: import('../api.js').BulkAdd) => void }} o
 *   `creatorName`: the one creator's name (the panel); `inCampaigns`: campaigns that creator
 *   is already in, marked in the list
 */
export async function openAddToCampaign(o) {
  let campaigns;
  try {
    const [list] = await Promise.all([api.listCampaigns(), loadCampaignVocabulary()]);
    campaigns = list.filter((c) => !c.archived_on)
      .map((c, at) => ({ c, at }))
      .sort((a, b) => PHASE_ORDER.indexOf(a.c.phase) - PHASE_ORDER.indexOf(b.c.phase) || a.at - b.at)
      .map(({ c }) => c);
  } catch (err) { toastError(err); return; }

  const count = o.creatorIds.length;
  const title = o.creatorName ? t('addToCampaign.titleFor', { name: o.creatorName }) : tn('addToCampaign.title', count);
  if (!campaigns.length) {
    const dlg = openDialog({
      title, id: 'atc-dialog', className: 'dialog-picker',
      body: [h('p', { class: 'dialog-message' }, t('addToCampaign.none'))],
      actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
        h('button', { type: 'button', class: 'btn btn-primary', id: 'atc-go-campaigns', onclick: () => { dlg.close(); navigate('campaigns'); } }, t('today.clear.campaigns'))],
    });
    return;
  }

  const already = new Set(o.inCampaigns ?? []);
  const currency = session.vocab?.currency ?? '';
  const firstFree = campaigns.find((c) => !already.has(c.id)) ?? campaigns[0];
  const c = {
    campaign_id: select(campaigns.map((k) => [String(k.id), optionLabel(k, already.has(k.id))]), String(firstFree.id)),
    kind: select(campaignChoices('collaboration_kinds'), 'gifted'),
    status: select(campaignChoices('collaboration_statuses').filter(([v]) => v !== 'completed' && v !== 'cancelled'), 'proposed'),
    fee: numberInput('', { placeholder: currency }),
    gift_value: numberInput('', { placeholder: currency }),
  };
  const f = (name, extra = {}) => field({ id: `atc-${name}`, field: name, errId: `err-atc-${name}`, label: t(name === 'campaign_id' ? 'addToCampaign.campaign' : `collab.form.${name}`), control: c[name], ...extra });
  const form = /** @type {HTMLFormElement} */ (h('form', { id: 'atc-form', class: 'pick-form', novalidate: true, onsubmit: submit }));
  const kit = saving(form);
  form.append(kit.banner,
    f('campaign_id'),
    h('fieldset', { class: 'subsection' },
      h('legend', null, t('addToCampaign.terms')),
      h('p', { class: 'field-hint' }, count > 1 ? t('addToCampaign.terms.many') : t('addToCampaign.terms.single')),
      h('div', { class: 'field-row cols-2' }, f('kind'), f('status')),
      h('div', { class: 'field-row cols-2' }, f('fee'), f('gift_value'))),
    h('div', { class: 'field-error', 'data-error-for': 'creator_ids', id: 'err-atc-creator_ids', hidden: true }));
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'atc-save', form: 'atc-form', 'data-changes': true },
    count > 1 ? tn('addToCampaign.save', count) : t('picker.add'));
  const dlg = openDialog({
    title, id: 'atc-dialog', className: 'dialog-picker', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });

  async function submit(e) {
    e.preventDefault();
    const terms = { campaign_id: 0, creator_id: 0, kind: c.kind.value, status: c.status.value, fee: controlValue(c.fee), gift_value: controlValue(c.gift_value),
      commission_terms: '', starts_on: '', ends_on: '', usage_channels: '', usage_until: '', usage_exclusive: false, contract_signed_on: '', contract_path: '', notes: '' };
    const result = await kit.run(() => api.addCreatorsToCampaign(Number(c.campaign_id.value), o.creatorIds, terms));
    if (!result) return;
    dlg.close();
    announce(result);
    o.onAdded?.(result);
  }
}

/** "Summer 2026 · Running", and whether the creator is in it already. */
function optionLabel(campaign, isIn) {
  const text = `${campaign.name} · ${t(`campaign.phase.${campaign.phase}`)}`;
  return isIn ? t('addToCampaign.alreadyIn.option', { campaign: text }) : text;
}

/** The notice after an add: how many joined, who was in already, and a way to the campaign. */
function announce(r) {
  const names = (list) => list.length <= NAMED ? list.map((a) => a.creator_name).join(', ')
    : t('addToCampaign.names.more', { names: list.slice(0, NAMED).map((a) => a.creator_name).join(', '), count: list.length - NAMED });
  const parts = [];
  if (r.added.length === 1) parts.push(t('addToCampaign.addedOne', { name: r.added[0].creator_name, campaign: r.campaign_name }));
  else if (r.added.length) parts.push(tn('addToCampaign.added', r.added.length, { campaign: r.campaign_name }));
  if (r.already_in.length) parts.push(tn('addToCampaign.alreadyIn', r.already_in.length, { names: names(r.already_in) }));
  const only = r.added.length + r.already_in.length === 1 ? (r.added[0] ?? r.already_in[0]) : null;
  toast(parts.join(' '), {
    kind: r.added.length ? 'success' : 'info', timeout: 9000,
    action: {
      label: t('addToCampaign.open'),
      run: () => navigate('campaigns', only ? { campaignId: r.campaign_id, collaborationId: only.collaboration_id, focus: 'terms' } : { campaignId: r.campaign_id }),
    },
  });
}
