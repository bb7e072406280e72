/**
 * 学员版 and 教师版 of a handout. Case pages mark what only instructors should see with
 * `data-teacher-only` (the 教学说明 in `<details id="teaching-notes">` and anything else);
 * the student edition removes those elements, the teacher edition keeps them and opens the
 * notes, since a closed <details> prints folded away.
 */
export type Edition = 'student' | 'teacher';

export const EDITION_LABELS: Record<Edition, string> = { student: '学员版', teacher: '教师版' };

/** Changes `root` (a copy of a case's article) in place. */
export function applyEdition(root: Element, edition: Edition): void {
  if (edition === 'student') {
    root.querySelectorAll('[data-teacher-only]').forEach((n) => n.remove());
    return;
  }
  root.querySelectorAll('details#teaching-notes, details[data-teacher-only], #teaching-notes details').forEach((d) => d.setAttribute('open', ''));
}
