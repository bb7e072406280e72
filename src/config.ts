/** Site-wide settings, kept in one place. `base` itself is set once, in astro.config.mjs. */
export const SITE = {
  title: '基层工作法案例库',
  description: '收录村、乡镇、县区基层党组织带领群众发展集体经济、培训人才、贴息创业、网格服务等工作方法的案例，供培训教学和基层干部参考。',
  lang: 'zh-CN',
  /** Licences of the case texts and of the downloadable data; the data page and cases.json state them. */
  licence: { text: 'CC BY 4.0', data: 'CC BY 4.0' },
  /** Where cases live, relative to the project root; tests and benchmarks point it at generated corpora. */
  casesDir: process.env['CASEBOOK_CASES_DIR'] ?? 'content/cases',
  /** How many of the newest cases the home page (and browse without JavaScript) lists. */
  latestCases: 20,
  /**
   * Cases per listing page (measure, region, year and all-cases pages). Tests build one site
   * with a tiny page size so that paging is exercised on five cases.
   */
  pageSize: Number(process.env['CASEBOOK_PAGE_SIZE'] ?? 50),
} as const;
