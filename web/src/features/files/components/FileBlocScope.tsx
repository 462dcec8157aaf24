import { useEffect, useState } from 'react';
import { isAbort } from '../../../shared/api/client';
import { carriedOverLabel, isPlainScope, registrationScopeLabel } from '../blocScope';
import { loadReferentialBlocs } from '../../referentials/cqpmCatalog';
import { reportError } from '../../../shared/errors/errors';
import type { JuryBloc } from '../../juries/juryTypes';
import type { FileSummary } from '../fileTypes';

/**
 * Under the CQPM's title on the file page: « Inscription : CQPM complet » or
 * the blocs registered for, and the blocs carried over from an earlier
 * decision. The blocs are named once the file's referential is loaded (their
 * numbers meanwhile, or when it cannot be). Nothing for an older server.
 */
export function FileBlocScope({ file }: { file: Pick<FileSummary, 'cqpm' | 'referential' | 'bloc_scope'> }) {
  const scope = file.bloc_scope;
  const named = !!scope && !isPlainScope(scope);
  const version = file.referential?.version ?? null;
  const [blocs, setBlocs] = useState<JuryBloc[] | null>(null);

  useEffect(() => {
    if (!named) return;
    let live = true;
    loadReferentialBlocs(file.cqpm, version).then(
      (loaded) => live && setBlocs(loaded),
      (err: unknown) => {
        // Without the referential, the blocs read by their numbers.
        if (live && !isAbort(err)) reportError(err, { operation: 'cqpm' });
      },
    );
    return () => {
      live = false;
    };
  }, [file.cqpm, version, named]);

  if (!scope) return null;
  const carried = carriedOverLabel(scope, blocs);
  return (
    <p className="subtitle" data-testid="file-bloc-scope" data-whole-cqpm={!scope.targeted?.length}>
      {registrationScopeLabel(scope, blocs)}
      {carried && (
        <>
          <br />
          <span data-testid="file-bloc-scope-carried">{carried}</span>
        </>
      )}
    </p>
  );
}
