/**
 * Site-wide settings and the casebook's identity, kept in one place. `base` itself is set once,
 * in astro.config.mjs; the public address comes from CASEBOOK_SITE (see `address`).
 */
export const SITE = {
  title: '基层工作法案例库',
  /** Who publishes the casebook and answers for it. */
  publisher: '基层工作法案例库编辑组',
  /** The editorial board, as the about page lists it. */
  editors: ['案例库编辑组（负责选题、审稿和合并）', '各案例的撰写人（署名见案例页的“编者”）'],
  /** Where readers and editors write to; an address, never a form on another host. */
  contact: 'casebook@example.org',
  /** Licences of the case texts and of the downloadable data; the footer, about and data pages and cases.json state them. */
  licence: {
    text: { name: '知识共享 署名 4.0 国际许可协议（CC BY 4.0）', short: 'CC BY 4.0' },
    data: { name: '知识共享 署名 4.0 国际许可协议（CC BY 4.0）', short: 'CC BY 4.0' },
  },
  /**
   * The site's public address, such as https://example.org. Unset, the build still works for a
   * local preview, but it says so (scripts/build.ts) and leaves out what needs an absolute
   * address: canonical links and share metadata.
   */
  address: process.env['CASEBOOK_SITE'] || undefined,
  /** When this build was made, shown in the footer. */
  buildDate: new Date().toISOString().slice(0, 10),
  description: '收录村、乡镇、县区基层党组织带领群众发展集体经济、培训人才、贴息创业、网格服务等工作方法的案例，供培训教学和基层干部参考。',
  lang: 'zh-CN',
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
