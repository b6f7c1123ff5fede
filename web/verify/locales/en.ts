import type { Catalogue } from '../../shared/catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const en: Catalogue<typeof zhCN> = {
  verify: {
    title: 'Check a permit',
    source: { label: 'How to read the code', camera: 'Scan', photo: 'Photo', text: 'Paste text' },
    camera: {
      start: 'Open the camera to scan',
      view: 'Camera view',
      useFront: 'Use the front camera',
      useRear: 'Use the rear camera',
      unavailable: 'The camera cannot be opened. Allow the camera, or use a photo or pasted text.',
    },
    photo: {
      label: "Choose a photo of the code or the confirmation form's PDF",
      pdf: "This PDF cannot be opened, or its first page has no code. Choose the confirmation form's PDF, or a photo of the code.",
      reading: 'Reading the PDF…',
      noCode: 'No code found in the photo. Take it again, closer.',
    },
    text: { label: 'Paste the code (starts with JZ1:)', check: 'Check' },
    results: {
      valid: 'Valid: a genuine permit, in force now.',
      expired: 'Expired: this code has run out. Ask the holder to refresh it and show it again.',
      not_yet_valid: "Not yet valid: the code's time is later than now. Check the phone's clock.",
      bad_signature: 'Invalid: the signature does not match; the code may have been altered.',
      unknown_key: 'Cannot confirm: the signing key is not on the trust list; the code may be forged.',
      revoked: 'Revoked: this permit has been cancelled and cannot be used.',
      suspended: 'Suspended: this permit may not be used now (for example, an endorsement is overdue).',
      superseded: 'Replaced: a newer permit replaces this one. Ask for the new one.',
      challenge_mismatch:
        "Does not match: the code is not bound to this page's challenge. Ask for a new one.",
      malformed: 'Not recognised: this is not a residence permit code.',
      unsupported_version: 'Unsupported version: update this page.',
      status_unknown:
        'Status unknown: the lists are out of date or missing, so validity cannot be confirmed. Go online to update.',
    },
    card: {
      kind: 'Kind',
      name: 'Name',
      idNumber: 'ID number',
      number: 'Card number',
      district: 'District',
      districtLatin: '{{name}} District',
      address: 'Address',
      validUntil: 'Valid until',
      issuedOn: 'Issued on',
      issuingAuthority: 'Issued by',
    },
    form: { serial: 'Form number', printed: 'Printed', printedBy: '{{station}}, {{at}}' },
    kinds: { residence_permit: 'Residence permit', registration_card: 'Residence registration card' },
    seenBefore: 'This code was checked before, at {{at}}.',
    notSeenBefore: 'This is the first check of this code.',
    compareIdCard: "Compare with the holder's ID card: the name and photo must match.",
    again: 'Check another',
    challenge: {
      title: 'Challenge mode',
      why: "Stops replayed screenshots: the holder binds this page's challenge into the code shown.",
      on: 'Create a challenge',
      off: 'Leave challenge mode',
      show: 'Ask the holder to type or scan this challenge:',
      qr: 'QR code of the challenge {{challenge}}',
      offline: 'Could not get a challenge. Check the network.',
    },
    key: {
      title: 'Organisation key (police and other authorised bodies)',
      why: 'An authorised organisation enters its key once to see the full record.',
      label: 'Organisation key',
      save: 'Save the key',
      remove: 'Remove the key',
      holderSees:
        'Organisation key in use: the full record is shown, and the holder will see this look-up in "Who viewed my card".',
    },
    offline: {
      label: 'Lists for offline checks',
      online: 'Online',
      offline: 'Offline',
      checkedOffline: 'Checked offline (with the lists kept on this device)',
      listsFrom: 'Lists updated {{at}}',
      noLists: 'Lists not downloaded yet: offline, the status cannot be confirmed.',
      refresh: 'Update lists',
    },
  },
};
