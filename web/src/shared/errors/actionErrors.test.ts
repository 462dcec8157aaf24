import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { DEADLINE_FIELD_MESSAGES, JURY_FIELD_MESSAGES, describeActionError } from './actionErrors';

describe('describeActionError', () => {
  it("prefers the server's own French sentence", () => {
    const quorum = new ApiError(409, 'invalid_state', 'no member of the employee college', 'quorum', {
      missing_colleges: ['employee'],
      message_fr: 'Quorum non atteint : aucun membre présent du collège salarié.',
    });
    const described = describeActionError(quorum, JURY_FIELD_MESSAGES);
    expect(described.text).toBe('Quorum non atteint : aucun membre présent du collège salarié.');
    expect(described.field).toBe('quorum');
    expect(described.technical).toContain('invalid_state');
  });

  it("then the form's field sentences, bloc indexes included", () => {
    expect(describeActionError(new ApiError(422, 'invalid_field', 'x', 'until'), DEADLINE_FIELD_MESSAGES).text).toBe(
      DEADLINE_FIELD_MESSAGES.until,
    );
    expect(describeActionError(new ApiError(422, 'invalid_field', 'x', 'blocs[1]'), JURY_FIELD_MESSAGES).text).toBe(
      JURY_FIELD_MESSAGES.blocs,
    );
  });

  it('then the general sentences', () => {
    expect(describeActionError(new ApiError(403, 'forbidden', 'x')).text).toBe('Votre rôle ne permet pas cette action.');
    expect(describeActionError(new ApiError(404, 'not_found', 'x')).text).toContain('introuvable');
    expect(describeActionError(new Error('boom')).text).toContain('erreur inattendue');
  });
});
