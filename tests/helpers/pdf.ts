/**
 * Pages of a PDF that Chromium printed, counted from its page objects. Chromium (Skia) writes
 * each page as an uncompressed `/Type /Page` dictionary, so no PDF library is needed to count.
 */
export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
