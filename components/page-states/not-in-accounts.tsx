import { useState } from 'react';
import { Pill } from '@/components/shared/pill';
import { Reasons } from '@/components/shared/reasons';
import { GRADE_COLORS } from '@/lib/colors';
import type { PageKind, PageSubject } from '@/lib/detect/types';
import { sendMessage } from '@/lib/messaging';
import { gradeAccount } from '@/lib/scoring/grade';
import { gradeMark, rangeText } from '@/lib/scoring/grade-words';
import { provisionalAccount } from '@/lib/scoring/provisional';
import type { Settings } from '@/lib/settings/types';

const KIND_WORDS: Record<PageKind, string> = {
  company: 'LinkedIn company',
  showcase: 'LinkedIn showcase page',
  school: 'LinkedIn school',
  profile: 'LinkedIn profile',
  'sales-company': 'Sales Navigator account',
  'sales-lead': 'Sales Navigator lead',
  website: 'Company website',
};

/** The page is about a company that is not among the accounts: a provisional grade, and "add". */
export function NotInAccounts({
  subject,
  keys,
  tabId,
  settings,
}: {
  subject: PageSubject;
  keys: readonly string[];
  tabId: number;
  settings: Settings | undefined;
}) {
  const [adding, setAdding] = useState<'idle' | 'adding' | { error: string }>('idle');
  const c = subject.company;
  const person = subject.person;
  const name = c.name ?? c.linkedinSlug ?? (c.linkedinId ? `LinkedIn company ${c.linkedinId}` : undefined);
  const facts = [c.industry, c.sizeRange, c.headquarters].filter(Boolean);
  const grade =
    settings && keys.length > 0 ? gradeAccount(provisionalAccount(subject, keys, Date.now()), settings.icp) : undefined;
  const add = async () => {
    setAdding('adding');
    try {
      // The page this panel shows: if the tab has moved on since, the background adds nothing.
      await sendMessage('addAccountFromTab', { tabId, url: subject.url });
      setAdding('idle');
    } catch (error) {
      setAdding({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="state" data-state="not-in-accounts">
      <p className="eyebrow">{KIND_WORDS[subject.kind]}</p>
      {person && (
        <p className="person-name">
          <strong>{person.name ?? person.linkedinSlug}</strong>
          {person.title && <span className="muted"> · {person.title}</span>}
        </p>
      )}
      {name ? (
        <>
          <h1 className="account-name">{name}</h1>
          <p>
            <strong>Not in your accounts.</strong> No account matches this company by its LinkedIn page
            {c.website ? ', website' : ''} or name.
          </p>
        </>
      ) : (
        <p>
          <strong>No current company found</strong> on this page.
        </p>
      )}
      {facts.length > 0 && <p className="facts">{facts.join(' · ')}</p>}
      {grade && (
        <div className="provisional" data-provisional-grade={grade.letter ?? 'none'}>
          <div className="provisional-head">
            {grade.letter ? (
              <Pill
                color={GRADE_COLORS[grade.letter] ?? '#64748b'}
                title={
                  grade.uncertain ? `Provisional grade ${gradeMark(grade)}: ${rangeText(grade)}` : 'Provisional grade'
                }
              >
                {gradeMark(grade)}
              </Pill>
            ) : (
              <Pill color="#94a3b8" title="Not graded">
                ?
              </Pill>
            )}
            <div>
              <strong>Provisional grade</strong>
              <div className="muted">
                {grade.letter
                  ? `fit ${grade.score}/100 on ${Math.round(grade.confidence * 100)}% of the ICP, from what the page says${grade.uncertain ? `; ${rangeText(grade)}` : ''}`
                  : 'the page says too little to grade it'}
              </div>
            </div>
          </div>
          <Reasons reasons={grade.reasons} summary="Why this grade" />
        </div>
      )}
      {keys.length > 0 && (
        <button type="button" className="primary" onClick={add} disabled={adding === 'adding'}>
          {adding === 'adding' ? 'Adding…' : 'Add to accounts'}
        </button>
      )}
      {typeof adding === 'object' && <p className="notice notice-error">Could not add it: {adding.error}</p>}
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
