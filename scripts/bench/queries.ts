/** The benchmark's queries, with why each is there. The first one also serves as the cold query. */
export interface BenchQuery {
  q: string;
  kind: '常见词' | '词的一部分' | '少见词' | '两个词' | '繁体' | '地名';
}

export const QUERIES: readonly BenchQuery[] = [
  { q: '集体经济', kind: '常见词' },
  { q: '第一书记', kind: '常见词' },
  { q: '合作社', kind: '常见词' },
  { q: '贴息贷款', kind: '常见词' },
  { q: '网格', kind: '常见词' },
  { q: '设岗定责', kind: '常见词' },
  { q: '返乡创业', kind: '常见词' },
  { q: '软弱涣散', kind: '常见词' },
  { q: '结对帮扶', kind: '常见词' },
  { q: '乡村旅游', kind: '常见词' },
  { q: '技能培训', kind: '常见词' },
  { q: '电商', kind: '常见词' },
  { q: '经济', kind: '词的一部分' },
  { q: '猕猴桃', kind: '少见词' },
  { q: '光伏电站', kind: '少见词' },
  { q: '非遗工坊', kind: '少见词' },
  { q: '稻渔共生', kind: '少见词' },
  { q: '集体经济 第一书记', kind: '两个词' },
  { q: '合作社 茶叶', kind: '两个词' },
  { q: '矛盾纠纷 化解', kind: '两个词' },
  { q: '集體經濟', kind: '繁体' },
  { q: '第一書記', kind: '繁体' },
  { q: '遵义市', kind: '地名' },
  { q: '高青县', kind: '地名' },
];
