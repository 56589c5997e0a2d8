// The words of the search: the main search box and the paths tool's unit fields, which ask the
// same search (restricted to units); merged into messages.ts.
export const zh = {
  searchHintText: '支持中文、繁体、拼音、首字母(fgw)、英文,以及事项正文中的词',
  /** Where a hit's words were found, when it is not the name shown. */
  searchFoundIn_text: '正文',
  searchFoundIn_alias: '别名',
  searchFoundIn_fullName: '全称',
  searchFoundIn_englishName: '英文名',
  searchFoundIn_pinyin: '拼音',
  searchFoundIn_initials: '拼音首字母',
  searchFoundIn_fulltext: '相关名称',
  unitFieldHint: '输入单位名称、拼音或首字母(如 czj),从列表中选择',
  unitFieldEmpty: '没有找到这个单位',
  pathsAmbiguousUnit: '“{name}”对应多个单位,请从列表中选择一个',
};

export const en: Record<keyof typeof zh, string> = {
  searchHintText:
    'Chinese, Traditional, pinyin, initials (fgw), English, or words in an item’s text',
  searchFoundIn_text: 'In the text',
  searchFoundIn_alias: 'Other name',
  searchFoundIn_fullName: 'Full name',
  searchFoundIn_englishName: 'English name',
  searchFoundIn_pinyin: 'Pinyin',
  searchFoundIn_initials: 'Pinyin initials',
  searchFoundIn_fulltext: 'Related name',
  unitFieldHint: 'Type a unit’s name, pinyin or initials (e.g. czj) and pick it from the list',
  unitFieldEmpty: 'No such unit',
  pathsAmbiguousUnit: '“{name}” matches several units: pick one from the list',
};
