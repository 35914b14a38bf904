//! The display-language select (System / English / Nederlands), shared by the Settings screen
//! and the welcome screen. It shows the saved preference, saves a new choice with
//! `setPreferences` and then hands it to `onLanguage`, which re-renders the window in it.

import * as api from '../api.js';
import { t, systemLanguage } from './i18n.js';
import { select } from './fields.js';

/**
 * @param {{ id?: string, onLanguage: (preference: string) => Promise<void>, onError: (err: any) => void }} o
 * @returns {HTMLSelectElement}
 */
export function languagePicker(o) {
  const picker = /** @type {HTMLSelectElement} */ (select([
    ['system', t('settings.language.system', { language: t(`language.${systemLanguage()}`) })],
    ['en', t('language.en')],
    ['nl', t('language.nl')],
  ], 'system', { id: o.id || null, onchange: () => choose(picker.value) }));
  api.getPreferences().then((prefs) => { picker.value = prefs.language; }, () => { /* stays on System */ });

  async function choose(preference) {
    picker.disabled = true;
    try {
      await api.setPreferences({ language: /** @type {any} */ (preference) });
      await o.onLanguage(preference);
    } catch (err) {
      o.onError(err);
    } finally {
      picker.disabled = false;
    }
  }
  return picker;
}
