/** 下载 Word 版 on a case page: the page's own article, as the handout's Word file would hold it. */
import { applyEdition } from '../lib/handout-edition.ts';

export function downloadCaseDocx(): void {
  const button = document.querySelector<HTMLButtonElement>('#case-docx');
  const article = document.querySelector('main article');
  if (!button || !article) return;
  button.parentElement!.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { docxBlob, saveFile } = await import('./docx-export.ts');
      const copy = article.cloneNode(true) as Element;
      // A single case downloads as the students' edition; instructors use the handout's 教师版.
      applyEdition(copy, 'student');
      const address = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? `${location.origin}${location.pathname}`;
      const siteTitle = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
      const title = article.querySelector('h1')?.textContent?.trim() ?? '案例';
      saveFile(await docxBlob({ siteTitle, cases: [{ element: copy, address }] }), title);
    } finally {
      button.disabled = false;
    }
  });
}
