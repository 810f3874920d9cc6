import { useEffect, useMemo, useState } from 'react';
import { count } from '@/components/shared/format';
import { useCalibration } from '@/components/shared/use-calibration';
import { notifyEditsChanged } from '@/components/shared/use-edit-actions';
import { useSettings } from '@/components/shared/use-settings';
import { getDb, getStrictDb } from '@/lib/db/db';
import { recordEdit } from '@/lib/edits/record';
import { applyTierChanges } from '@/lib/program/apply-tiers';
import {
  attendeesWords,
  buildReview,
  KIND_WORDS,
  type Review,
  type ReviewAttendees,
  type ReviewProposal,
  reviewMarkdown,
} from '@/lib/program/review';
import { loadReviewInputs } from '@/lib/program/review-data';
import type { Settings, Tier } from '@/lib/settings/types';
import { downloadText } from './accounts-csv';
import { NoOwners, ownerOfMe, RepPicker } from './rep-picker';
import { ScoresStatus } from './scores-status';
import { useScores } from './use-scores';

const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

const tierWords = (t: number | undefined) => (t === undefined ? 'untiered' : `Tier ${t}`);
const key = (p: ReviewProposal) => `${p.kind}:${p.id}`;

/** The review of one rep, built from the score rows and, for its Tier 1 accounts, their full views. */
function useReview(rep: string | undefined, settings: Settings | undefined, version: unknown) {
  const { rows } = useScores();
  const calibration = useCalibration();
  const [review, setReview] = useState<Review | { error: string }>();
  const mine = useMemo(() => rows.filter((r) => r.owner === rep), [rows, rep]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-reads after decisions are recorded
  useEffect(() => {
    if (!rep || !settings) return;
    let live = true;
    const now = Date.now();
    loadReviewInputs(getDb(), mine, settings, calibration, now).then(
      ({ tier1, touchpoints, tierChanges }) => {
        const criteria = { quietDays: settings.rules.quietDays, minGrade: settings.rules.targetMinGrade };
        if (live) setReview(buildReview({ rep, rows: mine, tier1, touchpoints, tierChanges, settings, criteria, now }));
      },
      (e: unknown) => live && setReview({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [rep, settings, calibration, mine, version]);
  return { review, mine };
}

/**
 * The quarterly account review with a rep (and their BDR and manager): the model's proposals,
 * each Tier 1 account's status, champion and blocker, the SLA kept, the committed programs.
 * Decisions taken are recorded through the write path (tier changes, targets dropped, and the
 * review date of every Tier 1 account); it prints cleanly and exports as Markdown.
 */
export function ReviewView() {
  const settings = useSettings();
  const { rows, index, loaded, state, readState } = useScores();
  const owners = useMemo(() => index.owners(), [index]);
  const [chosen, setRep] = useState<string>();
  const rep = chosen ?? ownerOfMe(settings?.me, rows) ?? owners[0];
  const [version, setVersion] = useState(0);
  const { review, mine } = useReview(rep, settings, version);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [lowerReviewed, setLowerReviewed] = useState(false);
  // The rep's own decisions on Tier 1 accounts, beside the model's proposals: account id → tier (0: untiered).
  const [moved, setMoved] = useState<Map<string, number>>(new Map());
  const [attendees, setAttendees] = useState<ReviewAttendees>({});

  if (!settings || !loaded) return <p className="muted accounts-state">Loading…</p>;
  if (!rep) return <NoOwners>A review is of one rep’s accounts</NoOwners>;
  if (!review) return <p className="muted accounts-state">Preparing the review of {rep}…</p>;
  if ('error' in review) return <p className="warn accounts-state">The review could not be prepared: {review.error}</p>;

  // The rep's Tier 2 and Tier 3 accounts, reviewed quarterly: in this review when the rep says so.
  const lower = mine.filter((r) => r.assignedTier === 2 || r.assignedTier === 3);
  const stalest = lower.reduce<number | undefined>(
    (oldest, r) => (oldest === undefined || (r.lastReviewedAt ?? 0) < oldest ? (r.lastReviewedAt ?? 0) : oldest),
    undefined,
  );

  const toggle = (p: ReviewProposal) =>
    setAccepted((prev) => {
      const next = new Set(prev);
      if (next.has(key(p))) next.delete(key(p));
      else next.add(key(p));
      return next;
    });

  const record = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const db = getStrictDb();
      const now = Date.now();
      const byId = new Map(mine.map((r) => [r.id, r]));
      const chosenOnes = review.proposals.filter((p) => accepted.has(key(p)));
      // A tier the rep chose for a Tier 1 account wins over a proposal about the same account.
      const ownMoves = [...moved].flatMap(([id, tier]) => {
        const row = byId.get(id);
        return row ? [{ row, from: row.assignedTier, to: tier === 0 ? undefined : (tier as Tier) }] : [];
      });
      const moves = [
        ...chosenOnes
          .filter((p) => p.kind !== 'drop-target' && !moved.has(p.id))
          .flatMap((p) => {
            const row = byId.get(p.id);
            return row ? [{ row, from: p.from, to: p.to }] : [];
          }),
        ...ownMoves,
      ];
      const tiers = await applyTierChanges(
        db,
        moves,
        settings.me,
        `Account review with ${rep}, ${review.quarter.name}`,
        now,
      );
      // The target list is marketing's as much as the rep's: anyone may drop a target (as in the
      // panel), and the change log says who did.
      let dropped = 0;
      for (const p of chosenOnes.filter((c) => c.kind === 'drop-target')) {
        const row = byId.get(p.id);
        if (!row) continue;
        await recordEdit(
          db,
          {
            kind: 'target',
            entityId: p.id,
            accountId: p.id,
            value: false,
            base: true,
            by: settings.me,
            accountName: row.name,
          },
          now,
        );
        dropped++;
      }
      // Every Tier 1 account went through the review, every account a decision touched, and the
      // Tier 2–3 accounts when the review covered them too (their review is quarterly).
      const reviewed = new Set([
        ...review.tier1.map((a) => a.id),
        ...chosenOnes.map((p) => p.id),
        ...(lowerReviewed ? lower.map((r) => r.id) : []),
      ]);
      for (const id of reviewed) {
        await recordEdit(db, { kind: 'reviewed', entityId: id, accountId: id, value: now, base: null }, now);
      }
      notifyEditsChanged();
      setOutcome(
        `Recorded: ${count(tiers.changed)} tier ${tiers.changed === 1 ? 'change' : 'changes'}` +
          (tiers.proposed ? `, ${count(tiers.proposed)} tier proposals to ${rep}` : '') +
          (dropped ? `, ${count(dropped)} ${dropped === 1 ? 'target' : 'targets'} dropped` : '') +
          `; ${count(reviewed.size)} accounts marked reviewed on ${day(now)}.`,
      );
      setAccepted(new Set());
      setMoved(new Map());
      setLowerReviewed(false);
      setVersion((v) => v + 1);
    } catch (e) {
      setOutcome(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const exportMarkdown = () =>
    downloadText(
      reviewMarkdown(review, attendees),
      `tierlens-review-${rep.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${review.quarter.name.replace(' ', '-')}.md`,
      'text/markdown',
    );

  return (
    <div className="review">
      <header className="accounts-head">
        <div className="accounts-title">
          <h1>
            Account review: {rep}, {review.quarter.name}
          </h1>
          <ScoresStatus state={state} shownAt={readState?.at} />
          {attendeesWords(rep, attendees) && <p className="muted">With {attendeesWords(rep, attendees)}</p>}
        </div>
        <div className="accounts-tools no-print">
          {(['bdr', 'manager'] as const).map((who) => (
            <label key={who} className="inline-field">
              <span>{who === 'bdr' ? 'BDR' : 'Manager'}</span>
              <input
                type="text"
                size={14}
                value={attendees[who] ?? ''}
                onChange={(e) => setAttendees((prev) => ({ ...prev, [who]: e.target.value }))}
              />
            </label>
          ))}
          <RepPicker
            rep={rep}
            owners={owners}
            onChange={(next) => {
              setRep(next);
              // Decisions, attendees and the Tier 2–3 tick were about the other rep's review.
              setAccepted(new Set());
              setMoved(new Map());
              setAttendees({});
              setLowerReviewed(false);
              setOutcome(undefined);
            }}
          />
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="secondary" onClick={exportMarkdown}>
            Export Markdown
          </button>
        </div>
      </header>

      <section aria-label="Proposals" className="review-section">
        <h2>Proposals</h2>
        {review.proposals.length === 0 ? (
          <p className="muted">The model proposes no change to {rep}’s tiers or targets.</p>
        ) : (
          <table className="selection-table">
            <thead>
              <tr>
                <th scope="col" className="no-print">
                  Decided
                </th>
                <th scope="col">Account</th>
                <th scope="col">Proposal</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {review.proposals.map((p) => (
                <tr key={key(p)} data-account-id={p.id} data-kind={p.kind}>
                  <td className="no-print">
                    <input
                      type="checkbox"
                      aria-label={`Take: ${KIND_WORDS[p.kind]} ${p.name}`}
                      checked={accepted.has(key(p))}
                      onChange={() => toggle(p)}
                    />
                  </td>
                  <th scope="row">{p.name}</th>
                  <td>
                    {KIND_WORDS[p.kind]}
                    {p.kind !== 'drop-target' && (
                      <span className="muted">
                        {' '}
                        {tierWords(p.from)} → {tierWords(p.to)}
                      </span>
                    )}
                  </td>
                  <td>{p.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {lower.length > 0 && (
          <p className="no-print">
            <label className="check">
              <input type="checkbox" checked={lowerReviewed} onChange={(e) => setLowerReviewed(e.target.checked)} />{' '}
              This review also covered {rep}’s {count(lower.length)} Tier 2–3{' '}
              {lower.length === 1 ? 'account' : 'accounts'}: mark them reviewed too
              <span className="muted">
                {' '}
                (reviewed quarterly; the longest unreviewed: {stalest ? day(stalest) : 'never'})
              </span>
            </label>
          </p>
        )}
        <p className="selection-tools no-print">
          <button type="button" onClick={record} disabled={busy}>
            Record the review ({count(accepted.size + moved.size)}{' '}
            {accepted.size + moved.size === 1 ? 'decision' : 'decisions'})
          </button>
          {outcome && <span role="status">{outcome}</span>}
        </p>
      </section>

      <section aria-label="Tier 1 accounts" className="review-section">
        <h2>Tier 1 accounts ({count(review.tier1.length)})</h2>
        {review.tier1.length === 0 ? (
          <p className="muted">{rep} has no Tier 1 account.</p>
        ) : (
          <table className="selection-table review-accounts">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">Champion</th>
                <th scope="col">Blocker</th>
                <th scope="col">Open next actions</th>
                <th scope="col" className="no-print">
                  Decision
                </th>
              </tr>
            </thead>
            <tbody>
              {review.tier1.map((a) => (
                <tr key={a.id} data-account-id={a.id}>
                  <th scope="row">
                    <span className="row-name">{a.name}</span>
                    <span className="row-sub muted">
                      last reviewed {a.lastReviewedAt === undefined ? 'never' : day(a.lastReviewedAt)}
                    </span>
                  </th>
                  <td>
                    <div>{a.stage ?? 'stage unknown'}</div>
                    <div className="muted">
                      {a.opportunity
                        ? `${a.opportunity.name}${a.opportunity.amount !== undefined ? `, ${usd.format(a.opportunity.amount)}` : ''}${a.opportunity.stage ? ` (${a.opportunity.stage})` : ''}`
                        : 'no open opportunity'}
                    </div>
                    <div className="muted">
                      engagement {a.engagement}, {a.trend}; last touch{' '}
                      {a.lastTouchAt === undefined ? 'never' : day(a.lastTouchAt)}
                    </div>
                  </td>
                  <td className={a.champions.length ? undefined : 'warn'}>
                    {a.champions.length ? a.champions.join(', ') : 'not mapped'}
                  </td>
                  <td className={a.blockers.length ? undefined : 'muted'}>
                    {a.blockers.length ? a.blockers.join(', ') : 'not mapped'}
                  </td>
                  <td>
                    {a.actions.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="review-actions">
                        {a.actions.map((act) => (
                          <li key={`${act.title}-${act.due}`}>
                            {act.title} <span className="muted">· due {day(act.due)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="no-print">
                    <select
                      aria-label={`Decision on ${a.name}`}
                      value={String(moved.get(a.id) ?? 1)}
                      onChange={(e) => {
                        const tier = Number(e.target.value);
                        setMoved((prev) => {
                          const next = new Map(prev);
                          if (tier === 1) next.delete(a.id);
                          else next.set(a.id, tier);
                          return next;
                        });
                      }}
                    >
                      <option value="1">Keep in Tier 1</option>
                      {settings.tiers
                        .filter((t) => t.tier !== 1)
                        .map((t) => (
                          <option key={t.tier} value={t.tier}>
                            Move to Tier {t.tier}
                          </option>
                        ))}
                      <option value="0">Take out of the tiers</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-label="Response SLA" className="review-section">
        <h2>Response SLA, {review.quarter.name}</h2>
        <table className="selection-table">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Accounts</th>
              <th scope="col">SLA</th>
              <th scope="col">Kept</th>
              <th scope="col">Late</th>
              <th scope="col">Overdue</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {review.tiers.map((t) => (
              <tr key={t.tier}>
                <th scope="row">
                  Tier {t.tier} {t.name}
                </th>
                <td>{count(t.accounts)}</td>
                <td>{t.slaHours} business hours</td>
                <td>{count(t.sla.kept)}</td>
                <td className={t.sla.late ? 'warn' : undefined}>{count(t.sla.late)}</td>
                <td className={t.sla.overdue ? 'warn' : undefined}>{count(t.sla.overdue)}</td>
                <td>{count(t.sla.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          A bottom-of-funnel touchpoint opens a follow-up; the next sales call or meeting answers it, in time within the
          tier’s SLA.
        </p>
      </section>

      <section aria-label="Committed programs" className="review-section">
        <h2>Committed programs</h2>
        <div className="review-programs">
          {review.tiers.map((t) => (
            <div key={t.tier}>
              <h3>
                Tier {t.tier} {t.name}
              </h3>
              <ul>
                {t.programs.map((p) => (
                  <li key={p.name}>
                    {p.name} <span className="muted">({p.owner})</span>
                    {p.cadence !== 'committed' && `: ${p.cadence}`}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
