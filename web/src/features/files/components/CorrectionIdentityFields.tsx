import { BIRTH_INSEE_CODE_LABEL, BIRTH_INSEE_CODE_NOTE, BIRTH_PLACE_LABEL, BIRTH_PLACE_PLACEHOLDER, SEX_CHOICES, SEX_LABEL } from '../candidate';
import type { CorrectionDraft, CorrectionField } from '../correction';
import type { useDraftForm } from '../../../shared/hooks/useDraftForm';
import { FormField } from '../../../shared/ui/FormParts';
import { Options } from '../../../shared/ui/Options';

type CorrectionFormState = ReturnType<typeof useDraftForm<CorrectionDraft, CorrectionField>>;

/**
 * The candidate's inputs of the correction form: the identity (`full`, an open
 * file), then the sex and the INSEE code of the birth place, optional, which
 * the Caisse des Dépôts needs to declare the holder: a closed file offers them
 * alone. Emptied, an optional value is erased.
 */
export function CorrectionIdentityFields({ form, full }: { form: CorrectionFormState; full: boolean }) {
  return (
    <div className="form-grid">
      {full && (
        <>
          <FormField label="Prénom" {...form.field('given_name')}>
            <input {...form.bind('given_name')} maxLength={200} autoComplete="off" required data-testid="correction-given-name" />
          </FormField>
          <FormField label="Nom" {...form.field('family_name')}>
            <input {...form.bind('family_name')} maxLength={200} autoComplete="off" required data-testid="correction-family-name" />
          </FormField>
          <FormField label="Adresse e-mail" {...form.field('email')}>
            <input
              type="email"
              {...form.bind('email')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-testid="correction-email"
            />
          </FormField>
          <FormField label="Date de naissance" {...form.field('birth_date')}>
            <input
              type="date"
              {...form.bind('birth_date')}
              max={new Date().toISOString().slice(0, 10)}
              required
              data-testid="correction-birth-date"
            />
          </FormField>
          <FormField label={BIRTH_PLACE_LABEL} note="Facultatif ; videz le champ pour l'effacer." {...form.field('birth_place')}>
            <input
              {...form.bind('birth_place')}
              placeholder={BIRTH_PLACE_PLACEHOLDER}
              maxLength={200}
              autoComplete="off"
              data-testid="correction-birth-place"
            />
          </FormField>
        </>
      )}
      <FormField label={SEX_LABEL} {...form.field('sex')}>
        <select {...form.bind('sex')} data-testid="correction-sex">
          <Options choices={SEX_CHOICES} />
        </select>
      </FormField>
      <FormField label={BIRTH_INSEE_CODE_LABEL} note={BIRTH_INSEE_CODE_NOTE} {...form.field('birth_insee_code')}>
        <input
          {...form.bind('birth_insee_code')}
          maxLength={5}
          size={7}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="correction-birth-insee-code"
        />
      </FormField>
    </div>
  );
}
