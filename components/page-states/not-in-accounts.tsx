import type { PageKind, PageSubject } from '@/lib/detect/types';

const KIND_WORDS: Record<PageKind, string> = {
  company: 'company',
  showcase: 'showcase page',
  school: 'school',
  profile: 'profile',
  'sales-company': 'Sales Navigator account',
  'sales-lead': 'Sales Navigator lead',
  website: 'website',
};

/** The page is about a company that is not among the accounts. */
export function NotInAccounts({ subject }: { subject: PageSubject }) {
  const c = subject.company;
  const name = c.name ?? c.linkedinSlug ?? (c.linkedinId ? `LinkedIn company ${c.linkedinId}` : 'This company');
  const facts = [c.industry, c.sizeRange, c.headquarters].filter(Boolean);
  return (
    <div className="state" data-state="not-in-accounts">
      <p className="eyebrow">LinkedIn {KIND_WORDS[subject.kind]}</p>
      <h1 className="account-name">{name}</h1>
      <p>
        <strong>Not in your accounts.</strong> No account matches this {KIND_WORDS[subject.kind]}
        {c.website ? ` or its website` : ''}.
      </p>
      {facts.length > 0 && <p className="facts">{facts.join(' · ')}</p>}
      <details className="reasons">
        <summary>How it was recognised</summary>
        <ul>
          {subject.evidence.map((e) => (
            <li key={`${e.from}:${e.detail}`} className="reason">
              <span className="reason-label">{e.from}</span>
              <span className="reason-detail">{e.detail}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
