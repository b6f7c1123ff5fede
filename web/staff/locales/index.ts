import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';
import { es } from './es.ts';

export const catalogues = { 'zh-CN': zhCN, en, es };
