//! The workspace actions shared by the sidebar switcher and the welcome screen: new (an
//! in-app dialog for brand, currency and locale, then the native save dialog), open (native
//! dialog), open a recent file, open the demo, close (a damaged file offers its latest backup). Each resolves to the WorkspaceInfo now
//! open (or null when the user cancelled) and hands it to `onOpened`.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { asPayload, problemText } from '../shared/errors.js';
import { openDialog } from '../shared/dialog.js';
import { field, textInput, select, showFieldErrors, clearErrorsOnEdit } from '../shared/fields.js';
import { LOCALES, localeName } from '../settings/settings.js';
import { toastError } from '../shared/toast.js';
import { restoreAction } from './restore-action.js';

/** Runs a call that opens a workspace; errors become a notice (a damaged file's offers its
 * latest backup copy). */
async function opening(call, onOpened) {
  try {
    const info = await call();
    if (info) onOpened(info);
    return info;
  } catch (err) {
    const params = err?.kind === 'damaged' ? err.params : null;
    const restore = params?.backup
      ? { action: { label: t('file.restoreLatest'), run: () => restoreAction({ workspace: params.path, copy: params.backup, day: params.backup_day }, onOpened) }, timeout: 0 }
      : {};
    toastError(err, restore);
    return null;
  }
}

export const openDialogAction = (onOpened) => opening(() => api.openWorkspaceDialog(), onOpened);
export const openDemoAction = (onOpened) => opening(() => api.openDemoWorkspace(), onOpened);
export const openRecentAction = (path, onOpened) => opening(() => api.openWorkspace(path), onOpened);

/** The new-workspace dialog. @param {(info: import('../api.js').WorkspaceInfo) => void} onOpened */
export function newWorkspaceAction(onOpened) {
  const guess = LOCALES.find((l) => l === navigator.language) || LOCALES.find((l) => l.startsWith(`${(navigator.language || 'en').split('-')[0]}-`)) || 'en-GB';
  const brand = textInput({ maxlength: 120, placeholder: t('newws.brand.placeholder') });
  const currency = textInput({ value: 'EUR', maxlength: 3, class: 'input upper mono short' });
  const locale = select(LOCALES.map((l) => [l, localeName(l)]), guess);
  const problem = h('div', { class: 'form-banner banner-error', role: 'alert', hidden: true });
  const createBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'new-ws-create', form: 'new-ws-form' }, t('newws.create'));
  const form = /** @type {HTMLFormElement} */ (h('form', { id: 'new-ws-form', novalidate: true, onsubmit: submit },
    h('p', { class: 'muted' }, t('newws.intro')),
    problem,
    field({ id: 'new-ws-brand', field: 'brand_name', errId: 'err-new-ws-brand', label: t('newws.brand'), control: brand }),
    h('div', { class: 'field-row cols-2' },
      field({ id: 'new-ws-currency', field: 'currency', errId: 'err-new-ws-currency', label: t('newws.currency'), control: currency, hint: t('newws.currency.hint') }),
      field({ id: 'new-ws-locale', field: 'locale', errId: 'err-new-ws-locale', label: t('newws.locale'), control: locale, hint: t('newws.locale.hint') }))));
  clearErrorsOnEdit(form);
  const dlg = openDialog({
    title: t('newws.title'), id: 'new-ws-dialog', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), createBtn],
  });
  brand.focus();

  async function submit(event) {
    event.preventDefault();
    problem.hidden = true;
    createBtn.disabled = true;
    try {
      const info = await api.createWorkspace({ brand_name: brand.value, currency: currency.value.trim().toUpperCase(), locale: locale.value });
      if (!info) return; // the save dialog was cancelled: stay here
      dlg.close();
      onOpened(info);
    } catch (err) {
      const e = asPayload(err);
      const { first, unplaced } = e.kind === 'validation' ? showFieldErrors(form, e.fields) : { first: null, unplaced: [e] };
      if (unplaced.length) {
        problem.hidden = false;
        mount(problem, h('p', null, e.kind === 'validation' ? unplaced.map((p) => problemText(p)).join(' ') : e.message));
      }
      (first || brand).focus();
    } finally {
      createBtn.disabled = false;
    }
  }
}

/** Closes the workspace; resolves true when it closed. */
export async function closeAction() {
  try {
    await api.closeWorkspace();
    return true;
  } catch (err) {
    toastError(err);
    return false;
  }
}

/** Takes a recent entry off the list; resolves to the new list (or null on failure). */
export async function forgetAction(path) {
  try {
    return await api.forgetRecent(path);
  } catch (err) {
    toastError(err);
    return null;
  }
}
