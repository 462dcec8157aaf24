import { useState } from 'react';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { notificationApi } from '../notificationApi';
import { EMAIL_FREQUENCY_CHOICES, emailFrequencySaved, type EmailFrequency } from '../emailSettings';

/** « Recevoir les e-mails : immédiatement / un résumé par jour / jamais », saved as soon as chosen. */
export function EmailSettingsForm() {
  const { data: settings, setData: setSettings } = useApiResource((signal) => notificationApi.settings(signal), [], {
    context: { fields: {} },
  });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  async function choose(email: EmailFrequency) {
    // Shown chosen at once (a radio must follow the click), put back if the server refuses.
    const previous = settings;
    setSettings({ email });
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const recorded = await notificationApi.saveSettings({ email });
      setSettings(recorded);
      setSaved(emailFrequencySaved(recorded.email));
    } catch (err) {
      setSettings(previous);
      setError(reportError(err, { fields: { email: 'Recevoir les e-mails' } }));
    } finally {
      setSaving(false);
    }
  }

  if (!settings) return null;
  return (
    <form className="panel" onSubmit={(e) => e.preventDefault()} data-testid="email-settings">
      <fieldset className="fieldset" disabled={saving}>
        <legend>Recevoir les e-mails</legend>
        <div className="choice-group__options">
          {EMAIL_FREQUENCY_CHOICES.map((choice) => (
            <label key={choice.value} className="check">
              <input
                type="radio"
                name="email-frequency"
                value={choice.value}
                checked={settings.email === choice.value}
                onChange={() => void choose(choice.value)}
                data-testid={`email-frequency-${choice.value}`}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted">Les notifications restent toujours affichées sur cette page.</p>
      {saved && (
        <p role="status" className="alert alert--success" data-testid="email-settings-saved">
          {saved}
        </p>
      )}
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
    </form>
  );
}
