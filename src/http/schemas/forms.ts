// What the console sends and reads about confirmation forms (R9, R16). Defined once here; the
// routes validate and document with them and the console imports the `Static<>` types.
import { Type, type Static } from 'typebox';
import { Uuid } from './common.ts';
import { CardKind, Page } from './staff.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** The paper documents DESIGN §2 names, which the clerk has seen. */
export const PaperEvidence = Type.Union([
  Type.Literal('id_card'),
  Type.Literal('household_register'),
  Type.Literal('origin_certificate'),
]);
export type PaperEvidence = Static<typeof PaperEvidence>;

export const FormEvidence = Type.Union(
  [
    PaperEvidence,
    Type.Object(
      { code: Type.String({ minLength: 1, maxLength: 1024, description: 'a live display code (JZ1:…)' }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'what the person presented: a paper document seen by the clerk, or a live display code' },
);

export const FormRequest = Type.Object(
  { idNumber: Type.String({ minLength: 1, maxLength: 30 }), evidence: FormEvidence },
  { additionalProperties: false },
);
export type FormRequest = Static<typeof FormRequest>;

export const FormOrigin = Type.Union([Type.Literal('window'), Type.Literal('after_review')], {
  description:
    'window: printed by a clerk for the person present; after_review: issued with the approval of a window application whose applicant has no phone login, to be printed and handed over',
});

export const FormRow = Type.Object({
  id: Uuid,
  serial: Type.String(),
  issuedAt: DateTime,
  origin: FormOrigin,
  evidence: Type.Union([PaperEvidence, Type.Literal('display_code')]),
  holder: Type.Object({
    name: Type.String({ description: 'masked: the family name and asterisks' }),
    idNumber: Type.String({ description: 'masked: first and last four characters' }),
  }),
  card: Type.Object({ number: Type.String(), kind: CardKind }),
  issuedBy: Type.String({ description: 'the staff member answerable: the clerk, or the approving officer' }),
  printable: Type.Boolean({ description: 'its proof is kept, so the PDF can be printed again' }),
  handedOverAt: Nullable(DateTime),
});
export type FormRow = Static<typeof FormRow>;

export const FormPage = Page(FormRow);
export type FormPage = Static<typeof FormPage>;

export const FormQuery = Type.Object(
  {
    toPrint: Type.Optional(
      Type.Boolean({ description: 'only forms issued after review and not yet handed over' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type FormQuery = Static<typeof FormQuery>;
