//! Small labelled marks used in the table and the detail panel: platform, tier, stage and
//! plain chips. Colours come from CSS classes keyed on the stored value; the words from the
//! vocabulary. A tier badge always carries the overlap rule as its tooltip.

import { h } from './dom.js';
import { t } from './i18n.js';
import { label, overlapRule } from './session.js';

/** Two-letter marks for platforms (the full name is the tooltip and the accessible name). */
const PLATFORM_MARK = { instagram: 'IG', tiktok: 'TT', youtube: 'YT', x: 'X', pinterest: 'PI', twitch: 'TW', blog: 'BL', other: '··' };

export function platformBadge(platform) {
  const name = label('platforms', platform);
  return h('span', { class: ['platform', `platform-${cssToken(platform)}`], title: name, role: 'img', 'aria-label': name },
    PLATFORM_MARK[platform] || String(platform || '?').slice(0, 2).toUpperCase());
}

export function tierBadge(tier) {
  const rule = overlapRule();
  return h('span', { class: ['badge', 'tier', `tier-${cssToken(tier)}`], title: rule ? t('tier.tooltip', { rule }) : null },
    label('tiers', tier));
}

export function stageBadge(stage) {
  return h('span', { class: ['badge', 'stage', `stage-${cssToken(stage)}`] },
    h('span', { class: 'stage-dot', 'aria-hidden': 'true' }), label('stages', stage));
}

export function chip(text, extraClass) {
  return h('span', { class: ['chip', extraClass] }, text);
}

/** "@name" unless the handle already starts with @ (or is a URL-ish blog name). */
export function atHandle(handle, platform) {
  const text = String(handle || '');
  if (platform === 'blog' || platform === 'other' || text.startsWith('@')) return text;
  return `@${text}`;
}

/** A handle as text that may wrap after its dots and underscores (never mid-word otherwise),
 * for places narrower than a long handle: `@sarah.maman<wbr>.zero…`. */
export function wrappingHandle(handle, platform) {
  return atHandle(handle, platform).split(/(?<=[._])/).flatMap((part, i) => (i ? [h('wbr'), part] : [part]));
}

/** Only letters, digits, dash and underscore reach a class name. */
function cssToken(value) {
  return String(value || 'unknown').toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
