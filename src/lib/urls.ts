/**
 * Every internal link goes through here, so a site built under a sub-path (`base`) links
 * correctly everywhere.
 */
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** Joins a site-relative path onto the configured base: url('cases/x/') → /base/cases/x/. */
export const url = (path = ''): string => `${base}${path.replace(/^\//, '')}`;

export const caseUrl = (id: string) => url(`cases/${id}/`);
export const measureUrl = (id: string) => url(`measures/${id}/`);
/** A province, city or county page, by its GB/T 2260 code. */
export const regionUrl = (code: string) => url(`regions/${code}/`);
export const provinceUrl = regionUrl;
export const yearUrl = (year: number) => url(`years/${year}/`);
export const collectionUrl = (id: string) => url(`collections/${id}/`);
