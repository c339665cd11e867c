/**
 * Draws the officer's attention to a new task: a vibration where the phone allows it and a short
 * tone. Both are best effort (no vibration on iOS, no sound before the page was touched once).
 */
export function alertNewTask(): void {
  try {
    navigator.vibrate?.([250, 120, 250]);
  } catch {
    /* not allowed here */
  }
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    const audio = new Context();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.15;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
    tone.onended = () => void audio.close();
  } catch {
    /* no audio output */
  }
}
