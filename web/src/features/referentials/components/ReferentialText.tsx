// Pieces of a referential as printed: blame tags, lists of texts, paragraphs, bloc codes.

import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { blocCodeLabel, isIntro } from '../referential';
import { blocRncpCodeLabel } from '../certificationIdentity';
import { blameLabel, blameTitle, historyLinks, type BlameIndex } from '../referentialHistory';

/** The version that last changed an item of the referential in force, linking to that version. */
export function BlameTag({ cqpm, blame, path }: { cqpm: string; blame: BlameIndex | null | undefined; path: string }) {
  const item = blame?.get(path);
  if (!item) return null;
  return (
    <Link
      to={historyLinks.version(cqpm, item.version)}
      className={`blame${item.version > 1 ? ' blame--changed' : ''}`}
      title={blameTitle(item.version)}
      aria-label={blameTitle(item.version)}
      data-testid="blame"
      data-path={path}
      data-version={item.version}
    >
      {blameLabel(item.version)}
    </Link>
  );
}

/** A list of texts as printed: one item each; an item that introduces the next ones (ends with ":") stands out. */
export function TextList({
  items,
  testId,
  annotate,
}: {
  items: readonly string[];
  testId?: string;
  /** Something shown after the item (the blame tag). */
  annotate?: (index: number) => ReactNode;
}) {
  if (items.length === 0) return <p className="muted">Rien dans le référentiel pour cette rubrique.</p>;
  return (
    <ul className="texts" data-testid={testId}>
      {items.map((text, i) => (
        <li key={i} className={isIntro(text) ? 'texts__intro' : undefined}>
          {text}
          {annotate && annotate(i)}
        </li>
      ))}
    </ul>
  );
}

export function Paragraphs({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((text, i) => (
        <p key={i} className="ref-text">
          {text}
        </p>
      ))}
    </>
  );
}

export function BlocCode({ code }: { code: string | null }) {
  return (
    <span
      className={`code${code ? '' : ' code--missing'}`}
      data-testid="bloc-code"
      title={code ? undefined : "Le référentiel source n'imprime pas de code pour ce bloc ; seul le GTP peut le compléter."}
    >
      {blocCodeLabel(code)}
    </span>
  );
}

/** The bloc's code in the RNCP fiche, or « Code RNCP non renseigné ». */
export function BlocRncpCode({ code }: { code: string | null | undefined }) {
  const recorded = typeof code === 'string' && code.trim() !== '';
  return (
    <span
      className={`code${recorded ? ' code--rncp' : ' code--unrecorded'}`}
      data-testid="bloc-rncp-code"
      data-missing={!recorded}
      title={
        recorded
          ? 'Code du bloc dans la fiche RNCP'
          : "Le code du bloc dans la fiche RNCP n'est pas renseigné ; le GTP le complète par une proposition de modification."
      }
    >
      {blocRncpCodeLabel(code)}
    </span>
  );
}
