/** How a login (or an e-mail address given as one) is typed: as the password managers know it, never corrected. */
export const USERNAME_INPUT = { autoComplete: 'username', autoCapitalize: 'none', spellCheck: false } as const;
