//! Moving between screens from anywhere: `navigate(route, params)` shows a screen of the open
//! workspace built with those params, and `navigate(route, params, { workspacePath })` opens
//! that workspace first (the same open flow as the switcher) and then routes. main.js registers
//! the implementation at boot; screens only import `navigate`, so they need not know main.js.
//!
//! Routes and their params:
//! - `today`      `{ mode? }`                             'here' or 'all' (every client)
//! - `roster`     `{ creatorId? }`                        opens that creator's panel
//! - `campaigns`  `{ campaignId?, collaborationId?, focus? }`  focus: `{ kind, id }` with kind
//!   `deliverable` or `shipment` (and its id), or `terms` / `touchpoints` (a tab)
//! - `sales`      `{ tab?, ... }`                         see sales/sales.js
//! - `payouts`    `{ tab? }`                              'runs', 'log' or 'owed'
//! - `settings`                                          (no params)
//!
//! When the route is already on view, main.js first offers the params to the screen's
//! `show(params)` (true: shown in place), else it builds the screen again with them.

/** @typedef {'today'|'roster'|'campaigns'|'sales'|'payouts'|'settings'} Route */
/** @typedef {{ workspacePath?: string }} NavigateOptions */

/** @type {((route: Route, params: Record<string, any>, options: NavigateOptions) => Promise<void>) | null} */
let implementation = null;

/** Called once by main.js. */
export function registerNavigate(fn) {
  implementation = fn;
}

/**
 * Shows `route` with `params`; with `options.workspacePath` (another client's item) that
 * workspace opens first. Resolves when the screen is shown (or the open failed, with a notice).
 * @param {Route} route @param {Record<string, any>} [params] @param {NavigateOptions} [options]
 */
export function navigate(route, params = {}, options = {}) {
  return implementation ? implementation(route, params ?? {}, options ?? {}) : Promise.resolve();
}
