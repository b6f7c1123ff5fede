import type { Catalogue } from '../../shared/catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const es: Catalogue<typeof zhCN> = {
  wallet: {
    title: 'Mis tarjetas',
  },
};
