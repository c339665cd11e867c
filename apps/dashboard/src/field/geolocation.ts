import type { PositionInput } from '@lintas/contracts';

/** One fix from the phone's location service, as a position the contracts accept. */
export function currentPosition(timeoutMs = 20_000): Promise<PositionInput> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition((fix) => resolve(fromFix(fix)), (error) => reject(new Error(error.message || 'no fix')), {
      enableHighAccuracy: true,
      timeout: timeoutMs,
      maximumAge: 0, // a tap asks for where the team is now, not a fix the phone kept
    });
  });
}

/** Follows the phone's position; answers a function that stops it. */
export function watchPositions(onFix: (position: PositionInput) => void, onError: (message: string) => void): () => void {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    onError('unsupported');
    return () => undefined;
  }
  const id = navigator.geolocation.watchPosition((fix) => onFix(fromFix(fix)), (error) => onError(error.message || 'no fix'), {
    enableHighAccuracy: true,
    maximumAge: 5_000,
  });
  return () => navigator.geolocation.clearWatch(id);
}

export function fromFix(fix: GeolocationPosition): PositionInput {
  const { latitude, longitude, heading, speed, accuracy } = fix.coords;
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    lat: round(latitude, 6),
    lon: round(longitude, 6),
    // Only meaningful while moving; the contracts want 0–360 and 0–500 m/s.
    heading: heading === null || Number.isNaN(heading) ? null : round(Math.min(Math.max(heading, 0), 360), 1),
    speed: speed === null || Number.isNaN(speed) ? null : round(Math.min(Math.max(speed, 0), 500), 1),
    accuracy: Number.isFinite(accuracy) ? round(Math.min(accuracy, 100_000), 1) : null,
    // The phone's clock may run ahead of the server's: never claim a fix from the future.
    at: new Date(Math.min(fix.timestamp || Date.now(), Date.now())).toISOString(),
  };
}
