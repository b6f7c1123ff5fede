import type { ApplicationType, Basis, MaterialKind } from './application.ts';
import { materialKinds } from './application.ts';

/**
 * What an application must carry (Art. 9, DESIGN §2), besides the ID the applicant logs in with:
 * - registration card: a photo and proof of the address in the city;
 * - residence permit: the same, plus proof of the basis (employment, residence or study);
 * - endorsement: nothing (it is free and confirms continued residence);
 * - change: proof of the new address when the address changes, nothing for other details;
 * - replacement: a new photo.
 */
export function requiredMaterials(
  type: ApplicationType,
  opts: { basis?: Basis; addressChanged?: boolean } = {},
): MaterialKind[] {
  switch (type) {
    case 'registration_card':
      return ['photo', 'proof_of_address'];
    case 'residence_permit':
      return ['photo', 'proof_of_address', 'proof_of_basis'];
    case 'endorsement':
      return [];
    case 'change':
      return opts.addressChanged ? ['proof_of_address'] : [];
    case 'replacement':
      return ['photo'];
  }
}

/** The required items not provided, once each, in the canonical order (photo, address, basis). */
export function missingMaterials(
  required: readonly MaterialKind[],
  provided: readonly MaterialKind[],
): MaterialKind[] {
  return materialKinds.filter((k) => required.includes(k) && !provided.includes(k));
}

export type AcceptedDocument =
  | 'lease'
  | 'property_certificate'
  | 'purchase_contract'
  | 'lodging_certificate'
  | 'labour_contract'
  | 'employer_letter'
  | 'business_licence'
  | 'student_card'
  | 'school_letter';

/**
 * The documents that may serve as each material (Art. 9's lists), for forms and for the clerk. A
 * photo is a photo; proof of the basis depends on the basis, and is any of them when it is not known.
 */
export function acceptedDocuments(material: MaterialKind, basis?: Basis): AcceptedDocument[] {
  const address: AcceptedDocument[] = [
    'lease',
    'property_certificate',
    'purchase_contract',
    'lodging_certificate',
  ];
  const byBasis: Record<Basis, AcceptedDocument[]> = {
    employment: ['labour_contract', 'employer_letter', 'business_licence'],
    residence: ['property_certificate', 'purchase_contract', 'lease'],
    study: ['student_card', 'school_letter'],
  };
  switch (material) {
    case 'photo':
      return [];
    case 'proof_of_address':
      return address;
    case 'proof_of_basis':
      return basis ? byBasis[basis] : [...new Set(Object.values(byBasis).flat())];
  }
}
