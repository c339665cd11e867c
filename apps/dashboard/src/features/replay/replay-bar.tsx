import type { ReplayMark } from '@lintas/contracts';
import { memo, useMemo } from 'react';
import { t } from '../../i18n/i18n';
import { formatTime } from '../../ui/time-text';
import { markOffset, nextMark, previousMark, REPLAY_SPEEDS, type ReplaySpeed, STEP_MS } from './replay-clock';
import { useReplay } from './replay-context';
import './replay-bar.css';

/**
 * The time bar along the bottom of the map. Live: one button that starts replay. Replaying: play
 * and pause, the speed, the previous and next event, the moment, a slider over the operation's
 * period with its alerts and status changes marked, the report, and the way back to live.
 */
export function ReplayBar() {
  const replay = useReplay();
  if (!replay.replaying || replay.at === null || !replay.period) {
    return (
      <div className="replay-bar replay-bar--live">
        <button type="button" className="button button--small" onClick={() => replay.start()} data-testid="replay-start" title={t('replay.startHint')}>
          ⏪ {t('replay.start')}
        </button>
      </div>
    );
  }
  return <ReplayControlsBar />;
}

function ReplayControlsBar() {
  const replay = useReplay();
  const at = replay.at as number;
  const period = replay.period as NonNullable<typeof replay.period>;
  const marks = replay.marks;
  const markTimes = useMemo(() => marks.map((mark) => Date.parse(mark.at)), [marks]);
  const next = nextMark(marks, at, markTimes);
  const previous = previousMark(marks, at, markTimes);
  const steps = Math.max(1, Math.round((period.end - period.start) / STEP_MS));
  const value = Math.round((at - period.start) / STEP_MS);

  return (
    <div className="replay-bar" role="group" aria-label={t('replay.title')} data-testid="replay-bar" data-replay-at={new Date(at).toISOString()}
      data-drawn-at={replay.drawnAt === null ? '' : new Date(replay.drawnAt).toISOString()}
      data-loading={replay.loading}
    >
      <div className="replay-bar__controls">
        <span className="replay-bar__badge">{t('replay.badge')}</span>
        <button type="button" className="button button--small" onClick={() => previous && replay.seek(Date.parse(previous.at))} disabled={!previous} data-testid="replay-previous" aria-label={t('replay.previous')} title={t('replay.previous')}>
          ⏮
        </button>
        <button type="button" className="button button--small replay-bar__play" onClick={() => replay.setPlaying(!replay.playing)} data-testid="replay-play" aria-label={replay.playing ? t('replay.pause') : t('replay.play')} aria-pressed={replay.playing}>
          {replay.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="button button--small" onClick={() => next && replay.seek(Date.parse(next.at))} disabled={!next} data-testid="replay-next" aria-label={t('replay.next')} title={t('replay.next')}>
          ⏭
        </button>
        <label className="replay-bar__speed">
          <span className="visually-hidden">{t('replay.speed')}</span>
          <select value={replay.speed} onChange={(event) => replay.setSpeed(Number(event.target.value) as ReplaySpeed)} data-testid="replay-speed">
            {REPLAY_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <output className="replay-bar__time" data-testid="replay-time">
          {formatTime(at, 'datetime')}
        </output>
        {replay.loading && <span className="replay-bar__loading" aria-hidden="true">…</span>}
        {replay.error && (
          <span className="replay-bar__error" role="alert">
            {replay.error}
          </span>
        )}
        <span className="replay-bar__spacer" />
        <button type="button" className="button button--small" onClick={() => replay.setReportOpen(true)} data-testid="replay-report">
          {t('replay.report')}
        </button>
        <button type="button" className="button button--small button--primary" onClick={replay.backToLive} data-testid="replay-live">
          {replay.liveEventsWaiting > 0 ? t('replay.liveWaiting', { count: replay.liveEventsWaiting }) : t('replay.live')}
        </button>
      </div>
      <div className="replay-bar__track">
        <Marks marks={marks} period={period} onSeek={replay.seek} />
        <input
          type="range"
          className="replay-bar__slider"
          min={0}
          max={steps}
          step={1}
          value={value}
          onChange={(event) => replay.seek(period.start + Number(event.target.value) * STEP_MS)}
          aria-label={t('replay.slider')}
          aria-valuetext={formatTime(at, 'datetime')}
          data-testid="replay-slider"
        />
      </div>
      <div className="replay-bar__ends" aria-hidden="true">
        <span>{formatTime(period.start, 'datetime')}</span>
        <span>{formatTime(period.end, 'datetime')}</span>
      </div>
    </div>
  );
}


/** Alerts and status changes along the bar; a click jumps there. Memoised: the bar renders at every frame of play, the marks only change with what is loaded. */
const Marks = memo(function Marks({ marks, period, onSeek }: { marks: readonly ReplayMark[]; period: { start: number; end: number }; onSeek(at: number): void }) {
  // Marks closer than half a percent of the bar share one tick (thousands of them would not be told apart anyway).
  const ticks = useMemo(() => {
    const seen = new Map<string, ReplayMark>();
    for (const mark of marks) {
      const key = `${mark.kind}:${Math.round(markOffset(mark.at, period) * 2)}`;
      if (!seen.has(key)) seen.set(key, mark);
    }
    return [...seen.values()];
  }, [marks, period]);
  return (
    <div className="replay-bar__marks" data-testid="replay-marks" data-count={marks.length}>
      {ticks.map((mark) => (
        <button
          key={`${mark.kind}-${mark.seq}`}
          type="button"
          tabIndex={-1}
          className={`replay-mark replay-mark--${mark.kind}`}
          style={{ left: `${markOffset(mark.at, period)}%` }}
          title={`${t(`replay.mark.${mark.kind}`)} · ${formatTime(mark.at, 'time')}`}
          aria-label={`${t(`replay.mark.${mark.kind}`)} ${formatTime(mark.at, 'time')}`}
          onClick={() => onSeek(Date.parse(mark.at))}
        />
      ))}
    </div>
  );
});
