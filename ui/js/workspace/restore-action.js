//! Putting a backup copy back, from wherever it is offered (the damaged-file banner, the
//! welcome screen after a failed open, Settings → Backups): a confirmation that says what
//! happens (the workspace goes back to that day; the current file is kept aside, nothing is
//! deleted), the restore, a notice naming where the replaced file now is, and the workspace
//! open again through `onOpened`.

import * as api from '../api.js';
import { t, fmt } from '../shared/i18n.js';
import { baseName } from '../shared/dom.js';
import { confirm } from '../shared/dialog.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {{ workspace: string, copy?: string | null, day: string }} what the workspace's path,
 *   the copy's path (null: the latest) and its day (YYYY-MM-DD)
 * @param {(info: import('../api.js').WorkspaceInfo) => void} onOpened
 * @returns {Promise<boolean>} whether it was restored
 */
export async function restoreAction(what, onOpened) {
  const date = fmt.date(what.day);
  const yes = await confirm({
    title: t('restore.confirm.title', { date }),
    message: t('restore.confirm.body', { date }),
    confirmLabel: t('restore.confirm.ok'),
    confirmId: 'restore-confirm',
  });
  if (!yes) return false;
  try {
    const report = await api.restoreBackup(what.workspace, what.copy ?? null);
    toast(t('restore.done', { date, aside: report.kept_aside ? baseName(report.kept_aside) : '–' }), { kind: 'success', timeout: 12000 });
    onOpened(report.workspace);
    return true;
  } catch (err) {
    toastError(err);
    return false;
  }
}
