// How a user receives the e-mails of their notifications (in-app ones always exist).

export type EmailFrequency = 'immediate' | 'daily' | 'none';

export interface NotificationSettings {
  email: EmailFrequency;
}

/** The choices in the order the form shows them, with their French words. */
export const EMAIL_FREQUENCY_CHOICES: ReadonlyArray<{ value: EmailFrequency; label: string }> = [
  { value: 'immediate', label: 'immédiatement' },
  { value: 'daily', label: 'un résumé par jour' },
  { value: 'none', label: 'jamais' },
];

/** What the form says once a choice is recorded. */
export function emailFrequencySaved(frequency: EmailFrequency): string {
  switch (frequency) {
    case 'immediate':
      return 'Vous recevrez un e-mail à chaque notification.';
    case 'daily':
      return 'Vous recevrez un résumé par jour de vos notifications.';
    case 'none':
      return 'Vous ne recevrez plus d’e-mail de notification ; elles restent affichées ici.';
  }
}
