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
    staffLogin: {
      title: 'Staff sign-in',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      expired:
        'You were signed out after 30 minutes without activity. Please sign in again; unsaved input must be entered again.',
      deactivated:
        'Your account has been deactivated by an administrator. Please contact the system administrator.',
      signedInAs: 'Signed in as {{username}}',
      code: 'One-time code',
      codeHint: 'Open your authenticator app and type the 6 digits it shows.',
      usePasskey: 'Use a passkey',
      passkeyHint:
        'Confirm with the passkey you added to this account (security key, phone or this computer).',
      passkeyOrCode:
        'Or confirm with the passkey you added to this account (security key, phone or this computer).',
      passkeyFailed:
        'The passkey was not used (cancelled, timed out, or not one of this account). Try again or type the code.',
    },
    placeholder: 'This page is being built.',
  },
};
