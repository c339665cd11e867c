import { InvalidArgumentError } from 'commander';

/** Option parsers for commander: a bad value stops with the option's name and what it accepts. */
export function numberIn(min: number, max: number, integer = false): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) {
      throw new InvalidArgumentError(`must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return parsed;
  };
}

/** A time span in seconds, e.g. `30`, `30s`, `5m`. */
export function secondsIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(value.trim());
    const seconds = match ? Number(match[1]) * (match[2] === 'm' ? 60 : 1) : NaN;
    if (!Number.isFinite(seconds) || seconds < min || seconds > max) {
      throw new InvalidArgumentError(`must be seconds (e.g. 30, 30s or 5m) from ${min} to ${max} s`);
    }
    return seconds;
  };
}
