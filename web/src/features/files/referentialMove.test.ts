import { describe, expect, it } from 'vitest';
import { mayAskReferentialMove, referentialMove, referentialMoveText } from './referentialMove';
import type { FileReferential } from './fileTypes';

const version = (n: number) => ({ version: n }) as FileReferential['current'];

function view(pinned: number | null, current: number, movable: boolean): FileReferential {
  return {
    file_id: 'f1',
    file_version: 3,
    state: 'registered',
    current: version(current),
    pinned: pinned === null ? null : version(pinned),
    changes: [],
    movable,
  } as FileReferential;
}

describe('moving a file to the referential version in force', () => {
  it('offers the move only when the server allows it and the version in force is newer', () => {
    expect(referentialMove(view(1, 3, true))).toEqual({ from: 1, to: 3 });
    expect(referentialMove(view(1, 3, false))).toBeNull();
    expect(referentialMove(view(3, 3, true))).toBeNull();
    expect(referentialMove(view(null, 3, true))).toBeNull();
    expect(referentialMove(null)).toBeNull();
  });

  it("asks the server only for the centre's coordinator of a registered, pinned file", () => {
    expect(mayAskReferentialMove('centre_coordinator', 'registered', true)).toBe(true);
    expect(mayAskReferentialMove('evaluator', 'registered', true)).toBe(false);
    expect(mayAskReferentialMove('centre_coordinator', 'modalities_agreed', true)).toBe(false);
    expect(mayAskReferentialMove('centre_coordinator', 'registered', false)).toBe(false);
    expect(mayAskReferentialMove(undefined, 'registered', true)).toBe(false);
  });

  it('says which version the file follows and which is in force', () => {
    expect(referentialMoveText({ from: 1, to: 2 })).toBe('Ce dossier suit la version 1 du référentiel ; la version 2 est en vigueur.');
  });
});
