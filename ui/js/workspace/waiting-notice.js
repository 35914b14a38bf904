//! A calm notice while a change waits for another Chorus (a second window, the command line)
//! that is writing to the same file: shown once a call has been pending a moment and the back
//! end says it waits (`api.workspaceStatus().waiting_for`), gone as soon as the wait is over.

import * as api from '../api.js';
import { t } from '../shared/i18n.js';
import { toast } from '../shared/toast.js';

const FIRST_LOOK_MS = 800;
const LOOK_EVERY_MS = 600;

/** Starts watching the window's calls (once, at boot). */
export function startWaitingNotice() {
  let watching = false;
  let timer = 0;
  let close = null;
  const hide = () => { close?.(); close = null; };
  const look = async () => {
    let status = null;
    try { status = await api.workspaceStatus(); } catch { /* asked again below */ }
    if (!watching) return hide();
    if (status?.waiting_for && !close) close = toast(t('file.waiting', { name: status.waiting_for }), { timeout: 0 });
    if (!status?.waiting_for) hide();
    timer = setTimeout(look, LOOK_EVERY_MS);
  };
  window.addEventListener('chorus:calls', (event) => {
    const pending = /** @type {CustomEvent} */ (event).detail.pending;
    if (pending > 0 && !watching) {
      watching = true;
      timer = setTimeout(look, FIRST_LOOK_MS);
    } else if (pending === 0) {
      watching = false;
      clearTimeout(timer);
      hide();
    }
  });
}
