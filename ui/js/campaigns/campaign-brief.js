//! The Brief tab of a campaign, read-only: the goal, niche and audience, the brief itself, the
//! do's and don'ts side by side, and the brand rules every deliverable is checked against
//! (hashtags, mentions, ad disclosure) with the campaign's UTM value. Text is shown as typed,
//! line breaks kept.

import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { campaignLabel } from './campaign-vocab.js';

/** @param {import('../api.js').Campaign} c */
export function campaignBrief(c) {
  const prose = (text, emptyKey) => (text ? h('p', { class: 'prose' }, text) : h('p', { class: 'muted' }, t(emptyKey)));
  const words = (text) => (text ? h('div', { class: 'chips' }, ...text.split(/\s+/).filter(Boolean).map((w) => h('span', { class: 'chip chip-rule' }, w))) : h('span', { class: 'muted' }, t('brief.rule.none')));
  return h('div', { class: 'brief', id: 'campaign-brief' },
    h('div', { class: 'brief-main' },
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('brief.brief')),
        prose(c.brief, 'brief.empty')),
      h('div', { class: 'brief-pair' },
        h('section', { class: 'card brief-dos' },
          h('h2', { class: 'card-title' }, t('brief.dos')),
          prose(c.dos, 'brief.none')),
        h('section', { class: 'card brief-donts' },
          h('h2', { class: 'card-title' }, t('brief.donts')),
          prose(c.donts, 'brief.none')))),
    h('aside', { class: 'brief-side' },
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('brief.about')),
        h('dl', { class: 'facts' },
          h('dt', null, t('campaign.form.goal')), h('dd', null, campaignLabel('goals', c.goal)),
          h('dt', null, t('campaign.form.niche')), h('dd', { class: c.niche ? null : 'muted' }, c.niche || '–'),
          h('dt', null, t('campaign.form.target_audience')), h('dd', { class: c.target_audience ? 'prose' : 'muted' }, c.target_audience || '–'))),
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('brief.rules')),
        h('p', { class: 'muted small brief-rules-intro' }, t('brief.rules.intro')),
        h('dl', { class: 'facts facts-stacked' },
          h('dt', null, t('campaign.form.required_hashtags')), h('dd', null, words(c.required_hashtags)),
          h('dt', null, t('campaign.form.required_mentions')), h('dd', null, words(c.required_mentions)),
          h('dt', null, t('campaign.form.disclosure')), h('dd', null, c.disclosure ? h('span', { class: 'chip chip-rule' }, c.disclosure) : h('span', { class: 'muted' }, t('brief.rule.none'))),
          h('dt', null, t('campaign.form.utm_slug')), h('dd', { class: 'mono' }, c.utm_slug)))));
}
