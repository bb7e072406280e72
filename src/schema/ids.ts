/**
 * The shape of a case id. Kept apart from case.ts because browser code (the handout) checks
 * ids too, and case.ts pulls in the gazetteer, which only runs at build time.
 */
export const CASE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
