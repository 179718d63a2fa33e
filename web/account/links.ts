/** The links an Administrator hands over: they open this app's invite and reset pages. */

/** The invite link for a token: the app's address with `#/invite/<token>`. */
export function inviteLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/#/invite/${encodeURIComponent(token)}`;
}

/** The one-time password reset link for a token. */
export function resetLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/#/reset/${encodeURIComponent(token)}`;
}
