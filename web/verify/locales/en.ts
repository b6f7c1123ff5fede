import type { Catalogue } from '../../shared/catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const en: Catalogue<typeof zhCN> = {
  verify: {
    title: 'Check a permit',
  },
};
