import type { ReportSummary } from '@lintas/contracts';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/i18n';

const STORAGE_KEY = 'lintas.alert-notify';

/**
 * Opt-in, per browser: a new alert rings (a short tone made by Web Audio, no sound file) and shows
 * a browser notification. Only alerts in this page's store count — the server sends each viewer only
 * what the handling markings let them see — and only those that arrive after the page opened.
 */
export function AlertNotifications({ reports, ready }: { reports: ReadonlyMap<string, ReportSummary>; ready: boolean }) {
  const [on, setOn] = useState(() => readChoice());
  const [blocked, setBlocked] = useState(false);
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!ready) return;
    const alerts = [...reports.values()].filter((report) => report.kind === 'alert');
    if (known.current === null) {
      known.current = new Set(alerts.map((alert) => alert.id)); // what was there when the page opened is not "new"
      return;
    }
    const fresh = alerts.filter((alert) => !known.current!.has(alert.id));
    for (const alert of fresh) known.current.add(alert.id);
    if (!on || fresh.length === 0) return;
    ring();
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      for (const alert of fresh.slice(0, 3)) new Notification(t('alertNotify.title', { title: alert.title }), { tag: alert.id, body: alert.marking });
    }
    document.documentElement.dataset.alertsRung = String(Number(document.documentElement.dataset.alertsRung ?? 0) + fresh.length);
  }, [reports, ready, on]);

  const toggle = async () => {
    const next = !on;
    setOn(next);
    writeChoice(next);
    if (next && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      const permission = await Notification.requestPermission().catch(() => 'denied' as const);
      setBlocked(permission === 'denied');
    } else if (next && typeof Notification !== 'undefined') {
      setBlocked(Notification.permission === 'denied');
    }
  };

  return (
    <button
      type="button"
      className={`button button--small alert-notify${on ? ' alert-notify--on' : ''}`}
      aria-pressed={on}
      onClick={() => void toggle()}
      data-testid="alert-notify"
      title={on && blocked ? t('alertNotify.blocked') : undefined}
    >
      {on ? t('alertNotify.on') : t('alertNotify.off')}
    </button>
  );
}

function ring(): void {
  try {
    const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AudioContextClass) return;
    const audio = new AudioContextClass();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
    tone.onended = () => void audio.close();
  } catch {
    // no audio device: the notification (if allowed) still shows
  }
}

function readChoice(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeChoice(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // storage disabled by policy: the choice lasts for this page
  }
}
