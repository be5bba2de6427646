/**
 * Slack sends user text in its own markup: `&amp;`/`&lt;`/`&gt;` entities, `<@U123|name>` user
 * links, `<#C123|name>` channel links, `<!here>` specials and `<https://…|label>` links. The core
 * wants what the person typed, as plain text (the renderer escapes it again on the way out).
 */
const SLACK_MARKUP = /[<&]/;

export function slackTextToPlain(text: string): string {
  // Most commands ("/whosaid Witkoff") carry no markup at all.
  if (!SLACK_MARKUP.test(text)) return text;
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        // <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>
        if (label) return label;
        return `@${target.slice(1).split('^')[0]}`;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes mentions of the bot itself (`<@UBOT>` or `<@UBOT|briefbot>`) from a message. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>[:,]?`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
