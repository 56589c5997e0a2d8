// A unit's category read from the form of its name, for units no dictionary knows. Chinese
// government names end in what they are (…局, …委员会, …管委会, …有限公司), so the ending is a good
// guess — but only a guess: the rules run from the most specific form to the most general, and a
// name that matches none has no category rather than a wrong one.
import type { UnitCategory } from './schema.ts';

interface FormRule {
  /** null: the form is known, and it is none of the categories (a court, a people's congress). */
  category: UnitCategory | null;
  form: RegExp;
}

const RULES: readonly FormRule[] = [
  // Courts, procuratorates, congresses and the CPPCC are none of the dictionary's categories;
  // without this rule 法院 would pass for an institution (…院) and 人大常委会 for a committee.
  {
    category: null,
    form: /法院$|检察院$|人大常委会$|人大$|人民代表大会(?:常务委员会)?$|政协$|政治协商会议.*委员会$/u,
  },
  // 各区人民政府, 相关区人民政府, 市政府各有关部门, …成员单位: several units under one name.
  {
    category: 'collective',
    form: /^(?:各|相关|有关)|成员单位$|各有关|各相关|有关部门|相关部门|各部门|各单位|各级/u,
  },
  // Before party organs: 团市委 holds 市委, and a 领导小组办公室 is often the party's.
  { category: 'working-group', form: /(?:领导小组|指挥部|专班|工作组|联席会议)(?:办公室)?$/u },
  {
    category: 'peoples-organisation',
    form: /^(?:共青)?团.{1,12}委(?:员会)?$|^共青团|妇联$|总工会$|科协$|科学技术协会$|联合会$|残联$|工商联$|文联$|社科联$|侨联$|红十字会$|贸促会$|[^政]协会$/u,
  },
  {
    category: 'party-organ',
    form: /^(?:中共|中国共产党)|(?:省|市|州|盟|区|县|旗)委(?!员会$)|纪委|监委|党委|党组|工委$|政法委|网信办|编办|文明办|党校$/u,
  },
  {
    category: 'development-zone-committee',
    form: /管委会$|(?:开发区|高新区|新区|园区|示范区|保税区|经开区|试验区|合作区|自贸区|片区|新城|新港|风景区|生态城|综保区)(?:管理委员会)?$/u,
  },
  {
    category: 'district-government',
    form: /人民政府$|(?:省|市|州|盟|区|县|旗|乡|镇)政府$|街道办事处$|街道办$/u,
  },
  {
    category: 'vertical-agency',
    form: /税务局|海关|人民银行|^人行|分行营业管理部|分行营管部|气象局$|邮政管理局$|调查队$|金融监管(?:分)?局$|金融监督管理(?:分)?局$|证监局$|外汇管理(?:分)?局$|通信管理局$|烟草专卖局$|海事局$|消防救援(?:总队|支队|大队)$|出入境边防检查|边检站$|铁路监督管理局$|民航.*监管局$/u,
  },
  { category: 'state-enterprise', form: /公司$|集团$|银行$|分行$|支行$/u },
  {
    category: 'public-institution',
    form: /中心$|院$|大学$|学院$|学校$|医院$|研究所$|[图博书]馆$|档案馆$|电视台$|广播电视台$|报社$|供销社$|合作社$|学会$|基金会$/u,
  },
  {
    category: 'government-department',
    form: /局$|委$|委员会$|办$|办公室$|办公厅$|厅$|部$|署$|总局$|处$|分局$|执法(?:支队|大队)$|事务中心$/u,
  },
];

/** The category a name's form suggests, or null when its form says nothing. */
export function categoryFromForm(key: string): UnitCategory | null {
  for (const rule of RULES) if (rule.form.test(key)) return rule.category;
  return null;
}
