/**
 * Every selector the website detector uses. Alternatives are listed in order of preference;
 * none is positional or a hashed class name. Each is tested against the committed real pages
 * in test/fixtures/sites/.
 *
 * LinkedIn company links count only in the page's chrome. The chrome is found by its
 * landmarks first (`header`, `footer`, `nav` and their ARIA roles). Pages whose footer is a
 * plain `div` are read through a fallback: an element whose id or class contains the word
 * "footer". That word is written by the site's authors, not generated, so it survives
 * rebuilds; what it risks is matching too much (`card-footer`, `entry-footer`), which the
 * detector bounds by ignoring links inside articles and taking no company when the chrome
 * links several.
 *
 * The canonical link and `og:url` are deliberately not read: the URL the browser is on decides
 * the domain, as on LinkedIn, and a canonical pointing elsewhere (a syndicated or mirrored copy)
 * does not make the host's header, footer and Organization someone else's.
 */

const COMPANY_LINK = 'a[href*="linkedin.com/company/" i]';

export const websiteSelectors = {
  /** Structured data (schema.org JSON-LD): the site's Organization, its WebSite and its articles. */
  jsonLd: ['script[type="application/ld+json"]'],
  /** The site's name as Open Graph states it, e.g. "Microlink" on microlink.io; some pages write `name=`. */
  siteName: ['meta[property="og:site_name"]', 'meta[name="og:site_name"]'],
  /**
   * LinkedIn company links in the page's landmarks, e.g. postplanner's `<footer>`,
   * bluecadet's `<footer role="contentinfo">`; header and navigation bars too.
   */
  chromeCompanyLinks: [
    `footer ${COMPANY_LINK}`,
    `[role="contentinfo"] ${COMPANY_LINK}`,
    `header ${COMPANY_LINK}`,
    `[role="banner"] ${COMPANY_LINK}`,
    `nav ${COMPANY_LINK}`,
    `[role="navigation"] ${COMPANY_LINK}`,
  ],
  /**
   * Fallback when no landmark holds one: LinkedIn company links inside an element named a footer,
   * e.g. globenewswire's `div#pnr-global-site-footer-section`, milanocittastato's `div.td-footer-wrapper`.
   */
  footerNamedCompanyLinks: [`[id*="footer" i] ${COMPANY_LINK}`, `[class*="footer" i] ${COMPANY_LINK}`],
  /** Content whose links are about its subject, never the site's chrome: articles and article bodies. */
  content: ['article', '[itemprop="articleBody"]'],
} as const;
