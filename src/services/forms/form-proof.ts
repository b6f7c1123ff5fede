// A confirmation form's kept proof (the signed JZF1 code of its QR) names the holder, their ID
// number and address: it is sealed like the other personal data, bound to its column and its row
// (a proof copied onto another form's row does not open), and opened only to print the form again.
import type { SealedColumn } from '../../crypto/field-cipher.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import type { confirmationForms } from '../../db/schema/index.ts';

export function formProofColumn(formId: string): SealedColumn {
  return `confirmation_forms.proof:${formId}`;
}

type FormRow = Pick<typeof confirmationForms.$inferSelect, 'id' | 'proofSealed' | 'plainProof'>;

/** The kept proof of a form, or null for one printed before proofs were kept. */
export function keptProof(cipher: PersonalCipher, form: FormRow): string | null {
  if (form.proofSealed) return cipher.open(formProofColumn(form.id), form.proofSealed);
  // A row of an older release not sealed yet (start-up seals them: seal-plain-form-proofs.ts).
  return form.plainProof;
}
