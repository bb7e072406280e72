/** An editor's mistake in the content, reported with its Chinese message only (no stack trace). */
export class ContentError extends Error {
  override name = 'ContentError';
}
