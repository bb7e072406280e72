/**
 * The phrase bank the benchmark corpus is composed from. Written for the benchmark, not taken
 * from any source article: what matters is that the text reads like a grassroots-work case
 * (vocabulary, sentence length, figures) so that Pagefind's index has a realistic size and
 * term distribution. Slots in braces are filled by generate.ts:
 *   {place} the most precise place name, {county} the county or city, {province},
 *   {year}, {n}/{m} small numbers, {product}, {kw}/{kw2} keywords of a measure,
 *   {name} a measure's name, {def} its definition, {rare} a word that only a few cases use.
 */

/** What the villages grow or make; common ones appear in many cases. */
export const PRODUCTS = [
  '茶叶',
  '蔬菜',
  '水果',
  '食用菌',
  '中药材',
  '生猪',
  '肉牛',
  '水产',
  '花卉苗木',
  '油茶',
  '核桃',
  '柑橘',
  '葡萄',
  '大棚草莓',
  '小龙虾',
  '稻米',
  '土鸡',
  '黑山羊',
  '蜂蜜',
  '板栗',
] as const;

/**
 * Words only a few cases use (each appears in roughly 1 case in 150), so rare-word queries
 * find a handful of results, as a real casebook's rare terms would.
 */
export const RARE = [
  '猕猴桃',
  '蓝莓',
  '竹编',
  '光伏电站',
  '藤椒',
  '沙棘',
  '牦牛',
  '苦荞',
  '石斛',
  '刺梨',
  '鲟鱼',
  '桑蚕',
  '香菇酱',
  '红薯粉条',
  '民宿集群',
  '冷链仓储',
  '研学基地',
  '非遗工坊',
  '林下经济',
  '稻渔共生',
] as const;

/** Title endings: what the work was for. */
export const TITLE_GOALS = [
  '壮大村集体经济',
  '带领群众增收致富',
  '增强党组织凝聚力',
  '打通服务群众最后一公里',
  '推动乡村振兴',
  '破解发展难题',
  '激活基层治理',
  '夯实基层基础',
  '助力脱贫攻坚',
  '提升村级组织服务能力',
  '让党员干部有为有位',
  '把支部建在产业链上',
] as const;

/** Title beginnings that name the method; {name} is a measure's name. */
export const TITLE_METHODS = ['推行{name}', '探索{name}新路子', '以{name}为抓手', '抓实{name}', '创新{name}机制', '深化{name}', '用好{name}'] as const;

export const BACKGROUND = [
  '{place}地处{terrain}，全{unit}共有{n}个行政村，耕地分散，青壮年劳动力大多外出务工。',
  '{year}年以前，{place}不少村的集体经济收入几乎为零，村里想办点实事都拿不出钱，群众对村干部意见较大。',
  '当地传统上以种植{product}为主，但品种老化、销路不畅，农户增产不增收的问题比较突出。',
  '村“两委”班子年龄偏大、文化程度偏低，有的村连续几年选不出合适的带头人，部分党组织软弱涣散。',
  '{county}委在调研中发现，{place}的问题不在资源，而在于缺少把党员群众组织起来的办法。',
  '随着外出务工人员增多，留守老人、留守儿童的照料和村里的矛盾纠纷化解成为群众最关心的事。',
  '{place}距县城{n}公里，交通不便，基础设施欠账较多，村里的道路、饮水和公共活动场所都需要改善。',
  '上级先后出台了支持村级组织发展的政策，但一些村干部不会用、不敢用，政策红利没有落到群众身上。',
  '{year}年，{county}把{place}列为基层党建工作试点，要求探索可复制、可推广的经验。',
  '群众反映最多的是办事难：办一个证明要跑好几趟，村干部白天不在村里，有事找不到人。',
  '当地有一定的{product}产业基础，但各家各户分散经营，没有统一的品牌和标准，价格常常被压低。',
  '过去帮扶多是送钱送物，村里“等靠要”思想较重，帮扶一结束，一些村又回到原来的样子。',
  '全{unit}党员中60岁以上的占了将近一半，年轻党员大多在外地，组织生活难以正常开展。',
  '一些村集体资产长期闲置，山林、水面和老校舍没有盘活，甚至被个别人无偿占用。',
] as const;

/** Practice paragraphs for one measure; each gets a bold lead with the measure's name. */
export const PRACTICE = [
  '{def}{place}结合实际细化了办法，明确由乡镇党委牵头、村党组织具体负责，做到有人抓、有钱办、有章循。',
  '围绕{kw}，{county}组织部门制定工作方案，分{m}批推进，每一批都先试点、再总结、后推开。',
  '在推进过程中，{kw}和{kw2}是群众议论最多的两件事。村党组织召开党员大会和群众代表会反复讨论，把意见集中起来再定方案。',
  '{place}把{kw}作为年度重点任务，列入村党组织书记抓党建述职评议的内容，年底逐项考核兑现。',
  '为解决资金不足的问题，乡镇统筹整合涉农项目资金，采取以奖代补的办法，对{kw}成效明显的村给予奖励。',
  '党员干部带头示范，先在{n}个村搞样板，让群众看得见、摸得着，再由群众自愿参与。',
  '对{kw}中遇到的难题，建立“村里提事、乡镇议事、部门办事”的工作机制，一般问题七天内答复办结。',
  '村党组织把{product}种植户组织起来，统一技术标准、统一收购价格，{kw}与产业发展结合得更紧了。',
  '{county}选派农业技术人员和驻村干部组成服务队，每月进村不少于{m}次，现场指导{kw2}。',
  '在{kw}上，{place}坚持公开透明：方案张榜公布、过程群众监督、结果公开评议，避免了暗箱操作。',
  '乡镇为每个村建立工作台账，实行挂图作战、销号管理，{kw}做到一村一策、一户一档。',
  '针对年轻人少的问题，村里把在外务工的党员纳入流动党员管理，通过微信群传达任务，动员他们回乡参与{kw2}。',
] as const;

export const RESULTS = [
  '经过{m}年努力，{place}的村集体经济收入普遍增长，空壳村全部清零，村里有钱为群众办事了。',
  '群众的满意度明显提高，{year}年年底的民主测评中，村“两委”班子的满意率超过九成。',
  '{product}产业形成规模，带动农户户均增收数千元，一批外出务工人员回乡就业。',
  '党组织的凝聚力和号召力增强了，过去叫不来的党员现在主动认岗，组织生活按时开展。',
  '矛盾纠纷明显减少，多年的上访积案得到化解，村里连续几年没有发生越级上访。',
  '村里的道路硬化、路灯安装和饮水工程陆续完成，人居环境有了很大改观。',
  '这一做法在全{unit}推广，{county}先后有{n}个村借鉴了{place}的经验。',
  '年轻党员和致富能手进入村“两委”班子，班子平均年龄下降，带富能力明显增强。',
  '便民服务实现“村里能办的不出村、镇里能办的不出镇”，群众办事少跑了路。',
  '贫困户通过入股分红和就近务工稳定增收，脱贫后没有出现返贫。',
] as const;

export const LESSONS = [
  '**选好带头人是关键：**一个村发展得好不好，很大程度上取决于有没有一个好的党组织书记。',
  '**制度管长远：**把行之有效的做法固定为制度，才能避免“人走政息”。',
  '**群众参与是基础：**重大事项由群众商量着办，群众才会把村里的事当成自家的事。',
  '**因地制宜不搞一刀切：**各村资源禀赋不同，发展路子也不能照搬照抄。',
  '**资金要用在刀刃上：**财政资金发挥引导作用，更多要靠盘活村里自己的资源。',
  '**考核要看实效：**考核群众看得见的变化，而不是材料和台账的厚度。',
  '**帮扶要授人以渔：**送技术、送门路比送钱送物更能让群众持久增收。',
  '**把党组织建在产业上：**党组织和产业连在一起，党员在产业里发挥作用，才有说服力。',
  '**上下联动形成合力：**县、乡、村三级各负其责，部门力量下沉，问题才能就地解决。',
  '**宣传典型带动一片：**身边的榜样最有说服力，让群众从身边人身上看到希望。',
] as const;

/** Sentences that carry a rare word into a case. */
export const RARE_SENTENCES = [
  '村里还尝试发展{rare}，由党员大户先行试种试养，第一年就见到了收益。',
  '合作社把{rare}作为新的增长点，与外地企业签订了收购协议。',
  '驻村干部联系专家考察后，认为当地条件适合发展{rare}，村民大会表决通过了这一方案。',
] as const;

export const TERRAINS = ['山区', '丘陵地带', '平原', '库区', '城乡接合部', '少数民族聚居区', '边远山区', '沿江地区'] as const;

export const OBJECTIVES = [
  '理解{name}的基本做法和适用条件。',
  '掌握村党组织带领群众发展产业的主要途径。',
  '学会分析报道中的数据口径，判断成效是否可信。',
  '能够结合本地实际，提出借鉴这一做法的具体步骤。',
  '认识财政资金、金融政策和村集体资源之间的关系。',
  '理解群众参与在基层治理中的作用。',
] as const;

export const QUESTIONS = [
  '{place}的做法在你所在的村是否可行？需要具备哪些条件？',
  '如果上级的扶持资金停止，这一做法还能持续吗？为什么？',
  '报道中的哪些数据需要进一步核实？你会向哪些部门要哪些原始材料？',
  '{name}可能带来哪些风险？怎样在推行前后加以防范？',
  '村党组织书记在这一过程中起了什么作用？换一个人会怎样？',
  '群众在这一做法中处于什么位置？怎样避免干部唱“独角戏”？',
  '这一做法与你所知道的其他地方的经验相比，有什么不同？',
] as const;

export const PUBLISHERS = [
  '人民网—中国共产党新闻网',
  '新华网',
  '共产党员网',
  '{province}日报',
  '{county}委组织部',
  '农民日报',
  '{province}党建网',
  '中国组织人事报',
] as const;

/** Metric labels with the unit they are counted in and a plausible range. */
export const METRICS: readonly { label: string; unit: string; min: number; max: number }[] = [
  { label: '村集体年收入', unit: '万元', min: 2, max: 300 },
  { label: '发放贴息贷款', unit: '万元', min: 20, max: 5000 },
  { label: '财政专项扶持资金', unit: '万元', min: 5, max: 2000 },
  { label: '培训党员干部', unit: '人次', min: 50, max: 20000 },
  { label: '结对帮扶贫困户', unit: '户', min: 10, max: 3000 },
  { label: '新建产业基地', unit: '个', min: 1, max: 60 },
  { label: '{product}种植面积', unit: '亩', min: 100, max: 50000 },
  { label: '年销售{product}', unit: '万公斤', min: 1, max: 2000 },
  { label: '带动群众就业', unit: '人', min: 20, max: 8000 },
  { label: '化解矛盾纠纷', unit: '件', min: 5, max: 2000 },
  { label: '走访农户', unit: '户', min: 100, max: 30000 },
  { label: '选派第一书记', unit: '名', min: 1, max: 300 },
  { label: '配备专职网格员', unit: '名', min: 5, max: 800 },
  { label: '硬化村组道路', unit: '公里', min: 1, max: 400 },
  { label: '集体经济收入超过10万元的村所占比例', unit: '%', min: 10, max: 95 },
  { label: '村“两委”成员中45岁以下的比例', unit: '%', min: 20, max: 70 },
  { label: '新发展党员', unit: '名', min: 3, max: 500 },
  { label: '成立专业合作社', unit: '家', min: 1, max: 120 },
  { label: '为群众办实事', unit: '件', min: 50, max: 10000 },
  { label: '农户户均增收', unit: '元', min: 500, max: 20000 },
  { label: '接待游客', unit: '万人次', min: 1, max: 200 },
  { label: '网店和直播账号', unit: '个', min: 2, max: 500 },
  { label: '流转土地', unit: '万亩', min: 1, max: 50 },
  { label: '村级活动场所面积', unit: '平方米', min: 100, max: 3000 },
  { label: '举办技能培训', unit: '期', min: 1, max: 200 },
  { label: '入股分红的农户', unit: '户', min: 20, max: 5000 },
];

export const METRIC_PREFIXES = ['', '{year}年', '全{unit}', '{place}', '累计', '近三年'] as const;
