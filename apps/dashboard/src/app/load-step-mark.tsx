import { useEffect } from 'react';
import { markLoadStep } from './load-marks';

/** Sets `lintas:<step>` in its effect: placed between a parent's children, it marks where their effects have run. */
export function LoadStepMark({ step }: { step: string }) {
  useEffect(() => markLoadStep(step), [step]);
  return null;
}
