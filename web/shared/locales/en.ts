import type { Catalogue } from '../catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const en: Catalogue<typeof zhCN> = {
  common: {
    appName: 'Beijing Residence Permit',
    language: 'Language',
    elderlyMode: 'Large text',
    loading: 'Loading…',
    retry: 'Try again',
    back: 'Back',
    close: 'Close',
    logout: 'Sign out',
    errors: {
      network: 'No connection. Check the network and try again; nothing you typed is lost.',
      unexpected: 'The service is unavailable for a moment. Please try again later.',
      sessionEnded: 'Your session has ended. Please sign in again.',
    },
    placeholder: 'This page is being built.',
  },
};
