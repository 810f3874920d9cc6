import { useEffect, useRef, useState } from 'react';
import { count } from '@/components/shared/format';
import { GRADE_COLORS } from '@/lib/colors';
import { describePreview, previewSettings, type SettingsPreview } from '@/lib/scoring/preview';
import type { Settings } from '@/lib/settings/types';
import { validateSettings } from '@/lib/settings/validate';
import { useAccountRows } from './use-account-rows';

const DEBOUNCE_MS = 300;
const GRADES = ['A', 'B', 'C', 'D', 'F', 'ungraded'] as const;

type Outcome = { kind: 'invalid' } | { kind: 'ok'; preview: SettingsPreview };

/** What the draft does to every account: grade counts and how full each tier is, recomputed as it is edited. */
export function PreviewPanel({ draft }: { draft: Settings }) {
  const rows = useAccountRows();
  const [outcome, setOutcome] = useState<Outcome>();
  const shown = useRef(false);
  useEffect(() => {
    if (!Array.isArray(rows)) return;
    // The first preview comes at once; later ones wait for a pause in the typing.
    const delay = shown.current ? DEBOUNCE_MS : 0;
    shown.current = true;
    const timer = setTimeout(() => {
      const result = validateSettings(draft);
      setOutcome(
        result.ok ? { kind: 'ok', preview: previewSettings(rows, result.settings, Date.now()) } : { kind: 'invalid' },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [draft, rows]);

  let body: React.ReactNode;
  if (rows && !Array.isArray(rows))
    body = <p className="notice notice-error">Could not read the accounts: {rows.error}</p>;
  else if (!rows) body = <p className="muted">Reading the accounts…</p>;
  else if (rows.length === 0)
    body = <p className="muted">No accounts yet: load or import accounts to see what the settings do.</p>;
  else if (!outcome) body = <p className="muted">Working it out…</p>;
  else if (outcome.kind === 'invalid') body = <p className="muted">Fix the problems to see the preview.</p>;
  else body = <PreviewResult preview={outcome.preview} />;

  return (
    <section className="section preview" aria-label="Preview">
      <header className="section-head">
        <h2>Preview</h2>
      </header>
      {body}
    </section>
  );
}

function PreviewResult({ preview: p }: { preview: SettingsPreview }) {
  const most = Math.max(1, ...GRADES.map((g) => p.grades[g]));
  return (
    <>
      <p className="muted">With these settings, of {count(p.accounts)} accounts:</p>
      <dl className="grade-counts" aria-label="Accounts per grade">
        {GRADES.filter((g) => g !== 'ungraded' || p.grades.ungraded > 0).map((g) => (
          <div key={g} className="grade-count">
            <dt>{g === 'ungraded' ? 'Ungraded' : g}</dt>
            <dd>
              <span className="bar" style={{ width: `${(p.grades[g] / most) * 100}%`, backgroundColor: barColor(g) }} />
              <span className="grade-number">{count(p.grades[g])}</span>
            </dd>
          </div>
        ))}
      </dl>
      {p.uncertain > 0 && (
        <p className="muted">
          Uncertain: {count(p.uncertain)} of these grades could change with the data the accounts lack; their tier is
          recommended on the worst case.
        </p>
      )}
      <ul className="tier-use" aria-label="Accounts per tier">
        {p.tiers.map((t) => (
          <li key={t.tier} className={t.overCapacity ? 'over' : undefined}>
            <span>
              Tier {t.tier} holds {count(t.assigned)} of {count(t.capacity)}
              {t.overCapacity && <strong className="over-label"> · over capacity</strong>}
            </span>
            <span className="muted">
              {t.name} · model recommends {count(t.recommended)}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">No tier recommended: {count(p.notRecommended)}</p>
      <p className="preview-sentence">With these settings: {describePreview(p)}.</p>
    </>
  );
}

const barColor = (g: (typeof GRADES)[number]) => GRADE_COLORS[g] ?? '#cbd5e1';
