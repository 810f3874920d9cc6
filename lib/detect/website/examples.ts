/**
 * Example URLs the website detector finds a company's site on, and pages it must leave alone
 * (with the default platforms). The cross-matrix test checks these against the LinkedIn
 * detector's examples, and the LinkedIn examples against this detector.
 */
export const WEBSITE_URL_EXAMPLES: { website: string[]; none: string[] } = {
  website: [
    'https://www.acme.co.uk/',
    'https://shop.acme.co.uk/products?sku=42#reviews',
    'http://acme.example/',
    'https://acme.github.io/docs/',
    'https://www.milanocittastato.it/',
    'https://share.transistor.fm/s/e83b42d0',
    'https://www.postplanner.com/get-more-likes-fans-facebook-page/',
    'https://xn--mller-kva.de/',
  ],
  none: [
    'https://github.com/acme',
    'https://www.linkedin.com/company/acme/',
    'https://www.facebook.com/acme',
    'https://acme.medium.com/hello',
    'https://en.wikipedia.org/wiki/Acme',
    'ftp://acme.com/',
    'file:///home/me/acme.html',
    'about:blank',
    'http://127.0.0.1:8080/',
    'http://localhost/',
    'not a url',
  ],
};
