/** Well-formed fake secrets for tests: each carries a marker that must never reach a log or a reply. */
export const SECRET_MARKER = 'Sekr3t';
export const DISCORD_USER_ID = '123456789012345678';
export const GOOD_ENV = {
  SLACK_BOT_TOKEN: `xoxb-1111-2222-abcdef${SECRET_MARKER}bot`,
  SLACK_SIGNING_SECRET: `signing-${SECRET_MARKER}-value-1234`,
  SLACK_APP_TOKEN: `xapp-1-A111-222-${SECRET_MARKER}app`,
  DISCORD_TOKEN: `${Buffer.from(DISCORD_USER_ID).toString('base64url')}.GxYzAb.${SECRET_MARKER}discord-hmac_part-0123456789`,
};
