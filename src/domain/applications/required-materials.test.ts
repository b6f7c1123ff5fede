import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedDocuments, missingMaterials, requiredMaterials } from './required-materials.ts';

describe('requiredMaterials', () => {
  test('a registration card needs a photo and proof of address', () => {
    assert.deepEqual(requiredMaterials('registration_card', {}), ['photo', 'proof_of_address']);
  });

  test('a residence permit also needs proof of the basis, whatever the basis', () => {
    for (const basis of ['employment', 'residence', 'study'] as const) {
      assert.deepEqual(requiredMaterials('residence_permit', { basis }), [
        'photo',
        'proof_of_address',
        'proof_of_basis',
      ]);
    }
  });

  test('an endorsement needs nothing', () => {
    assert.deepEqual(requiredMaterials('endorsement', {}), []);
  });

  test('a change needs proof of address only when the address changes', () => {
    assert.deepEqual(requiredMaterials('change', { addressChanged: true }), ['proof_of_address']);
    assert.deepEqual(requiredMaterials('change', { addressChanged: false }), []);
    assert.deepEqual(requiredMaterials('change', {}), []);
  });

  test('a replacement needs a new photo', () => {
    assert.deepEqual(requiredMaterials('replacement', {}), ['photo']);
  });
});

describe('missingMaterials', () => {
  test('lists what is required and not provided, once each, in a fixed order', () => {
    const required = requiredMaterials('residence_permit', { basis: 'study' });
    assert.deepEqual(missingMaterials(required, []), ['photo', 'proof_of_address', 'proof_of_basis']);
    assert.deepEqual(missingMaterials(required, ['proof_of_address', 'proof_of_address']), [
      'photo',
      'proof_of_basis',
    ]);
    assert.deepEqual(missingMaterials(required, ['proof_of_basis', 'photo', 'proof_of_address']), []);
  });

  test('something provided but not required is no problem', () => {
    assert.deepEqual(missingMaterials(['photo'], ['photo', 'proof_of_basis']), []);
  });
});

describe('acceptedDocuments', () => {
  test('proof of address is a lease, a property or purchase document, or a lodging certificate', () => {
    assert.deepEqual(acceptedDocuments('proof_of_address'), [
      'lease',
      'property_certificate',
      'purchase_contract',
      'lodging_certificate',
    ]);
  });

  test('proof of the basis depends on the basis', () => {
    assert.deepEqual(acceptedDocuments('proof_of_basis', 'study'), ['student_card', 'school_letter']);
    assert.ok(acceptedDocuments('proof_of_basis', 'employment').includes('labour_contract'));
    const any = acceptedDocuments('proof_of_basis');
    assert.ok(any.includes('student_card') && any.includes('employer_letter'));
    assert.equal(new Set(any).size, any.length);
  });
});
