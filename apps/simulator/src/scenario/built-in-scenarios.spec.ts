import { listBuiltInScenarios, loadScenario } from './scenario-loader';
import { planScenario } from './scenario-plan';

describe('the scenarios shipped with the simulator', () => {
  it('are the Mekong river crossing and the southern land border', () => {
    expect(listBuiltInScenarios()).toEqual(['mekong-river-crossing', 'southern-land-border']);
  });

  it.each(['mekong-river-crossing', 'southern-land-border'])('%s loads, and every event falls within its duration', (name) => {
    const { scenario } = loadScenario(name);
    const plan = planScenario(scenario);
    expect(plan.duration).toBe(scenario.duration);
    expect(plan.events.length).toBeGreaterThan(10);
    expect([...new Set(plan.events.map((event) => event.kind))]).toEqual(expect.arrayContaining(['sitrep', 'status', 'interception', 'document-check']));
    if (name === 'mekong-river-crossing') {
      expect(plan.events.filter((event) => event.kind === 'task' || event.kind === 'task-update')).toHaveLength(10);
      // Two requests: one accepted, tasked, handed over, confirmed by both sides and completed; one declined.
      expect(plan.events.filter((event) => ['request', 'request-update', 'handover', 'handover-confirm'].includes(event.kind)).map((event) => event.kind)).toEqual([
        'request', 'request-update', 'handover', 'handover-confirm', 'handover-confirm', 'request-update', 'request', 'request-update',
      ]);
    }
    expect(plan.events.every((event, index) => index === 0 || plan.events[index - 1].at <= event.at)).toBe(true);
  });

  it('drives the demo operations: the live Mekong one and the Sadao exercise', () => {
    expect(loadScenario('mekong-river-crossing').scenario.operation).toBe('OP-MEKONG-GATE');
    expect(loadScenario('southern-land-border').scenario.operation).toBe('EX-SADAO-SHIELD');
  });
});
