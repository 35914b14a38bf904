//! The form that creates or edits a campaign, shown in the side panel of the Campaigns screen:
//! name, goal, dates, budget, niche, audience, the brief, do's and don'ts, the brand rules
//! (hashtags, mentions, ad disclosure) and the UTM value. An empty UTM value shows the one the
//! back end will make from the name (`campaignSlug`). Every judgement is the back end's: its
//! field problems appear at their fields (`#err-cf-<field>`). Control ids: `#cf-<field>`.

import * as api from '../api.js';
import { h, append, icon, ICONS, debounce, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { field, textInput, numberInput, controlValue, select } from '../shared/fields.js';
import { dateField } from '../shared/date-field.js';
import { campaignChoices } from './campaign-vocab.js';
import { saving, submitOnShortcut } from './campaign-save.js';

/** @returns {import('../api.js').CampaignDraft} */
export function emptyCampaignDraft() {
  return { name: '', goal: 'awareness', starts_on: '', ends_on: '', budget: '', niche: '', target_audience: '',
    brief: '', dos: '', donts: '', required_hashtags: '', required_mentions: '', disclosure: '', utm_slug: '',
    landing_url: '' };
}

const TEXTAREAS = { target_audience: 2, brief: 6, dos: 3, donts: 3 };

/**
 * @param {{ campaign: import('../api.js').Campaign | null, draft?: import('../api.js').CampaignDraft,
 *   initial?: string, onSaved: (c: import('../api.js').Campaign) => void, onCancel: () => void,
 *   onReload: () => void }} o
 */
export function campaignForm(o) {
  const draft = { ...emptyCampaignDraft(), ...(o.draft ?? o.campaign?.draft ?? {}) };
  const currency = session.vocab?.currency ?? '';
  const controls = {};
  for (const name of Object.keys(draft)) {
    if (name === 'goal') controls.goal = select(campaignChoices('goals'), draft.goal);
    else if (name in TEXTAREAS) controls[name] = h('textarea', { class: 'input textarea', rows: TEXTAREAS[name], value: draft[name] });
    else if (name === 'starts_on' || name === 'ends_on') controls[name] = dateField({ value: draft[name] });
    else if (name === 'budget') controls.budget = numberInput(draft.budget, { placeholder: currency });
    else controls[name] = textInput({ value: draft[name] });
  }
  controls.utm_slug.classList.add('mono');
  controls.landing_url.classList.add('mono');
  controls.landing_url.setAttribute('inputmode', 'url');

  const slugHint = h('span', { class: 'mono' });
  const slugHintRow = h('div', { class: 'field-hint', id: 'cf-slug-preview', hidden: true }, t('campaign.form.slugFromName'), ' ', slugHint);
  const previewSlug = debounce(async () => {
    const typed = controls.utm_slug.value.trim();
    if (typed || !controls.name.value.trim()) { slugHintRow.hidden = true; return; }
    const slug = await api.campaignSlug(controls.name.value).catch(() => '');
    mount(slugHint, slug);
    slugHintRow.hidden = !slug || Boolean(controls.utm_slug.value.trim());
  }, 150);
  controls.name.addEventListener('input', previewSlug);
  controls.utm_slug.addEventListener('input', previewSlug);

  const f = (name, extra = {}) => field({ id: `cf-${name}`, field: name, errId: `err-cf-${name}`, label: t(`campaign.form.${name}`), control: controls[name], ...extra });
  const title = o.campaign ? t('campaign.form.title.edit', { name: o.campaign.name }) : t('campaign.form.title.new');
  const saveBtn = h('button', { type: 'submit', id: 'save-campaign', 'data-changes': true, class: 'btn btn-primary' }, t(o.campaign ? 'form.save' : 'campaign.form.create'));

  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'campaign-form', novalidate: true, 'aria-label': title, onsubmit: submit },
    h('header', { class: 'panel-header' },
      h('div', { class: 'panel-title-row' },
        h('h2', { class: 'panel-title' }, title),
        h('button', { type: 'button', class: 'icon-btn', 'aria-label': t('common.close'), title: t('common.closeEsc'), onclick: () => o.onCancel() }, icon(ICONS.close)))),
    h('div', { class: 'panel-body' })));
  const kit = saving(form, { onReload: o.onReload });
  append(form.querySelector('.panel-body'), 
    kit.banner,
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('campaign.form.section.basics')),
      f('name'),
      h('div', { class: 'field-row cols-2' }, f('goal'), f('budget', { hint: t('campaign.form.budget.hint', { currency }) })),
      h('div', { class: 'field-row cols-2' }, f('starts_on'), f('ends_on'))),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('campaign.form.section.audience')),
      f('niche'), f('target_audience')),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('campaign.form.section.brief')),
      f('brief'), f('dos'), f('donts')),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('campaign.form.section.rules')),
      f('required_hashtags', { hint: t('campaign.form.required_hashtags.hint') }),
      f('required_mentions', { hint: t('campaign.form.required_mentions.hint') }),
      f('disclosure', { hint: t('campaign.form.disclosure.hint') }),
      f('utm_slug', { hint: t('campaign.form.utm_slug.hint') }),
      slugHintRow,
      f('landing_url', { hint: t('campaign.form.landing_url.hint') })));
  append(form, h('footer', { class: 'panel-footer' },
    h('span', { class: 'muted shortcut-hint' }, t('form.saveShortcut')),
    h('button', { type: 'button', class: 'btn', id: 'cancel-campaign', onclick: () => o.onCancel() }, t('common.cancel')),
    saveBtn));
  submitOnShortcut(form);
  previewSlug();

  /** @returns {import('../api.js').CampaignDraft} */
  function collect() {
    const out = /** @type {any} */ ({});
    for (const name of Object.keys(draft)) out[name] = controlValue(controls[name]);
    return out;
  }
  const initial = o.initial ?? JSON.stringify(collect());

  async function submit(e) {
    e.preventDefault();
    const d = collect();
    const saved = await kit.run(() => (o.campaign ? api.updateCampaign(o.campaign.id, o.campaign.revision, d) : api.createCampaign(d)));
    if (saved) o.onSaved(saved);
  }

  return {
    el: form,
    isDirty: () => JSON.stringify(collect()) !== initial,
    snapshot: () => ({ campaign: o.campaign, draft: collect(), initial }),
    focusFirst: () => controls.name.focus(),
  };
}
