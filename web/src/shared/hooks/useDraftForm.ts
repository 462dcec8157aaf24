import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ErrorDescription } from '../errors/errors';
import type { FieldState } from '../ui/FormParts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The keys of a draft that hold text (what an input, a select or a textarea edits). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];
type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What a form does on submit, given by the form. */
export interface SubmitSteps<F extends string> {
  /** The checks made before sending, by field. */
  validate: () => FieldErrors<F>;
  /** Sends the draft; may call markSaved() for « Modifications enregistrées ». */
  save: () => Promise<void>;
  /** The French sentence for what the server answered. */
  describe: (err: unknown) => ErrorDescription;
  /** The field of the form the error is shown under, or null: then it is shown above the form. */
  fieldOf: (described: ErrorDescription) => F | null;
}

/**
 * The state of a form over a draft record (the account and organisation
 * forms): the draft, an error per field (the client's checks, then the
 * server's), the form's own error, « saved » and « busy ». The controls' ids
 * are `${prefix}-${field}`, their errors' test ids `${prefix}-error-${field}`;
 * on a refusal the first field at fault (in `fields` order) gets the focus.
 */
export function useDraftForm<D extends object, F extends string>({
  initial,
  source,
  fields,
  prefix,
}: {
  /** The draft to start from, read again whenever `source` changes. */
  initial: () => D;
  /** The record the draft was read from (absent for a new one). */
  source?: unknown;
  fields: readonly F[];
  prefix: string;
}) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [errorDetails, setErrorDetails] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // Another record read: the draft starts again from it (set while rendering, so no frame shows the old one).
  const [readFrom, setReadFrom] = useState(source);
  if (source !== readFrom) {
    setReadFrom(source);
    if (source) setDraft(initial());
  }

  const inputId = (field: F) => `${prefix}-${field}`;

  function set<K extends keyof D>(key: K, value: D[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  }

  function focusFirst(found: FieldErrors<F>) {
    const first = fields.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
  }

  async function submit(event: FormEvent, steps: SubmitSteps<F>) {
    event.preventDefault();
    setFormError(null);
    setErrorDetails({});
    setSaved(false);
    const found = steps.validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      await steps.save();
    } catch (err) {
      const described = steps.describe(err);
      const field = steps.fieldOf(described);
      if (field) {
        const shown = { [field]: described.text } as FieldErrors<F>;
        setErrors(shown);
        setErrorDetails(described.technical ? ({ [field]: described.technical } as FieldErrors<F>) : {});
        focusFirst(shown);
      } else {
        setFormError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  return {
    draft,
    setDraft,
    set,
    formError,
    saved,
    busy,
    markSaved: () => setSaved(true),
    /** value and onChange of the control that edits a text key of the draft. */
    bind: <K extends TextKey<D>>(key: K) => ({
      value: draft[key] as string,
      onChange: (event: ChangeEvent<TextControl>) => set(key, event.target.value as D[K]),
    }),
    submit,
    /** The id and error of a field, for FormField (or for a control laid out by hand). */
    field: (field: F): FieldState => ({
      id: inputId(field),
      error: errors[field],
      technical: errorDetails[field],
      errorTestId: `${prefix}-error-${field}`,
    }),
  };
}
