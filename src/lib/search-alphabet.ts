/**
 * The characters search tokens spell in two letters (search-tokens.ts): the digits, then the
 * 422 Chinese characters the casebook's texts used most when it was written. Made by
 * scripts/search-alphabet.ts; changing it changes every token, which a full build rewrites.
 */
export const FREQUENT_CHARACTERS = [
  '0123456789',
  '村的业党部和人组区个织年经项一员镇元干有创产目万作记体建资书农带办在务委集济合中户群发扶公帮上工以支众入动收民里能为家实',
  '分名地成全与基对了企网服用到培会富级金出展要把训任法子是贫进选增多政专新社大后定格化余本不两事班等联提领力报道高三市来做',
  '制各门单开计题司每乡数位整期方设过时次生投可头理解下品困岗技推结责起导强标核第讲调协同考行关职路加配系主例式由台持挂机种',
  '程致助场学沟财难优包息让代先好按款养商并弱比策管类营些利心活参度样益立这园外点东及层山源哪或还保值准情月派贷励备所案片评',
  '通面也他引明术樱量从件划回平庄手清看达重问限风决奖当改桃模求牌给队于使债写城小怎房殖统股脱间陈信其型如总接教科育自链销长',
  '居散文溱老补表都采需预驻伍依已性意效植特示租累落议说贴超份你前坪安得才担条果没游至花范规跟验内口向否均容就峰抓施直省认论',
  '话车钩共别去双套字少岭常应旅日注涣电置色观角质转软造之价供再北原只坚形承排查治稿请走运险借兴兼几劳厂变售底康打据确被费输',
  '顿交',
].join('');
