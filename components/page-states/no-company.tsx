/** The active tab shows no company Tierlens can read. */
export function NoCompany() {
  return (
    <div className="state">
      <h1>No company on this page</h1>
      <p className="muted">
        Open a company on LinkedIn and its account appears here: grade, tier, buyer roles, engagement and what to do
        next.
      </p>
    </div>
  );
}
