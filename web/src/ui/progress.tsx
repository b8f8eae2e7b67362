/**
 * Progress as a bar: `value` in 0..1, `label` names what progresses (read with the percentage, or with
 * `valueText` when words say it better: "3 of 8 lessons completed").
 */
export function ProgressBar({ value, label, showValue = true, valueText }: { value: number; label: string; showValue?: boolean; valueText?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="ui-progress">
      <div className="ui-progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText}>
        <div className="ui-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {showValue && (
        <span className="ui-progress-value" aria-hidden="true">
          {percent}%
        </span>
      )}
    </div>
  );
}

/** The same as a ring, for cards and summaries. */
export function ProgressRing({ value, label, size = 48 }: { value: number; label: string; size?: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  const radius = 15.5;
  const circumference = 2 * Math.PI * radius;
  return (
    <span className="ui-ring" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} style={{ width: size, height: size }}>
      <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
        <circle className="ui-ring-track" cx="18" cy="18" r={radius} />
        <circle className="ui-ring-fill" cx="18" cy="18" r={radius} strokeDasharray={`${(percent / 100) * circumference} ${circumference}`} />
      </svg>
      <span className="ui-ring-value" aria-hidden="true">
        {percent}%
      </span>
    </span>
  );
}
