/**
 * Registrable domains whose pages are mostly about someone else: profiles, repositories,
 * posts, videos, listings and articles that many people and companies publish there. On these
 * domains the domain says nothing about the company a page shows (github.com/acme is Acme's,
 * not GitHub's), so the website detector yields nothing there. The criterion is "hosts many
 * companies' or people's pages", not "is big": a news site or a vendor such as apple.com is
 * its own company and stays off the list.
 *
 * Every entry is a registrable domain (tldts, private domains honoured). Hosts under a
 * private suffix are already separate sites and need no entry: `acme.github.io`,
 * `acme.blogspot.com`, `acme.notion.site` and `acme.vercel.app` are each their owner's
 * website. The detector takes the list as a parameter, so that the org's settings can change it.
 */
export const DEFAULT_PLATFORMS: readonly string[] = [
  // Professional and social networks.
  'linkedin.com',
  'facebook.com',
  'instagram.com',
  'x.com',
  'twitter.com',
  'threads.net',
  'tiktok.com',
  'pinterest.com',
  'reddit.com',
  'tumblr.com',
  'bsky.app',
  // Search, maps, documents and video hosted for everyone.
  'google.com',
  'youtube.com',
  'vimeo.com',
  // Code hosting.
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  // Publishing platforms whose subdomains are not private suffixes.
  'medium.com',
  'substack.com',
  'wordpress.com',
  'wikipedia.org',
  // Company directories, reviews and job boards.
  'crunchbase.com',
  'producthunt.com',
  'glassdoor.com',
  'indeed.com',
  'g2.com',
  'capterra.com',
  'trustpilot.com',
  'angel.co',
  'wellfound.com',
  'ycombinator.com',
];
