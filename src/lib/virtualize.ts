/**
 * Where a document becomes long enough that its views render only the rows near the viewport.
 * Shorter documents render whole, so find-in-page, printing and every row's hooks work as on any
 * page; longer ones would freeze the tab if every row were in the DOM.
 */
export const VIRTUALIZE_FROM = 300;
