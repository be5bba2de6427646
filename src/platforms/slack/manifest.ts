import { stringify } from 'yaml';

const SLACK_COMMANDS = [
  {
    command: '/brief',
    description: 'Summary of the latest briefing, or of a named article',
    usage_hint: '[short|full] [article] [public]',
  },
  {
    command: '/whosaid',
    description: 'Who said what, with the paragraph it comes from',
    usage_hint: '<person or "phrase">',
  },
  {
    command: '/meeting',
    description: 'Upcoming meetings, calls and visits in the briefings',
    usage_hint: '[person or place]',
  },
] as const;

const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  // Post to channel and scheduled briefings in public channels the bot has not joined.
  'chat:write.public',
  'commands',
  'im:history',
  'im:read',
  // Subscriptions change only by workspace admins (users.info) or the channel's creator (conversations.info).
  'users:read',
  'channels:read',
  'groups:read',
  // After a post whose answer was lost (timeout, crash), the scheduler looks for it in the
  // channel's history by its metadata before posting again: chat.postMessage has no idempotency key.
  'channels:history',
  'groups:history',
] as const;

const SLACK_BOT_EVENTS = ['app_mention', 'message.im'] as const;

export interface ManifestOptions {
  /** App and bot display name. */
  name?: string;
  /**
   * Public base URL for HTTP mode (e.g. https://bot.example.com): requests go to
   * `<url>/slack/events` and Socket Mode is switched off. Without it: Socket Mode.
   */
  requestUrl?: string;
}

/** A Slack app manifest (YAML) for "Create an app → From a manifest". */
export function slackManifest(options: ManifestOptions = {}): string {
  const name = options.name ?? 'briefbot';
  const endpoint = options.requestUrl ? `${options.requestUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  const manifest = {
    display_information: {
      name,
      description: 'News briefings, who said what, and upcoming meetings from your newsroom’s articles.',
      long_description:
        'briefbot reads the articles your newsroom drops into its briefings folder and answers in chat: ' +
        '/brief for a summary, /whosaid for who said what (with the paragraph it comes from), /meeting for ' +
        'upcoming meetings and visits. Mention @briefbot with a question in plain English, or DM it. ' +
        'Lookups answer privately with a button to post the answer to the channel.',
      background_color: '#1d3557',
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: name, always_online: true },
      slash_commands: SLACK_COMMANDS.map((c) => ({
        ...c,
        ...(endpoint ? { url: endpoint } : {}),
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        ...(endpoint ? { request_url: endpoint } : {}),
        bot_events: [...SLACK_BOT_EVENTS],
      },
      interactivity: { is_enabled: true, ...(endpoint ? { request_url: endpoint } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !endpoint,
      token_rotation_enabled: false,
    },
  };
  const mode = endpoint
    ? `# HTTP mode: Slack sends requests to ${endpoint}. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.\n`
    : '# Socket Mode (no public URL needed). Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (connections:write).\n';
  return (
    `# Slack app manifest for ${name}: https://api.slack.com/apps → Create New App → From a ` +
    `manifest\n${mode}${stringify(manifest, { lineWidth: 0 })}`
  );
}
