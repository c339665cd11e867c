import { parseScenario, ScenarioError } from './scenario-loader';

const VALID = `
name: test-run
title: Test run
operation: OP-TEST-01
teams:
  - callSign: RIVER 1
    account: field@kh-police.demo
    route:
      - site: kh-kaam-samnor
      - site: vn-vinh-xuong
        speedKmh: 12
        dwell: 2m
events:
  - kind: interception
    at: 90s
    team: RIVER 1
    title: Boat stopped mid-river
    interception: { interceptionKind: smuggling, persons: 6, minors: 1 }
  - kind: document-check
    at: 3m
    team: RIVER 1
    document: { type: passport, issuingCountry: MM }
`;

function problemsOf(text: string, format: 'json' | 'yaml' = 'yaml'): string[] {
  try {
    parseScenario(text, format, 'test.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario files', () => {
  it('accepts a valid scenario, with durations in seconds or as text, and defaults filled in', () => {
    const scenario = parseScenario(VALID, 'yaml');
    expect(scenario.teams[0].route[1]).toEqual({ site: 'vn-vinh-xuong', speedKmh: 12, dwell: 120 });
    expect(scenario.teams[0].speedKmh).toBe(30);
    expect(scenario.events.map((event) => event.at)).toEqual([90, 180]);
    expect(scenario.events[0]).toMatchObject({ marking: 'TLP:AMBER', place: 'team', interception: { persons: 6, minors: 1, suspects: 0 } });
  });

  it('names an unknown site code and suggests the closest known ones', () => {
    expect(problemsOf(VALID.replace('site: vn-vinh-xuong', 'site: vn-vinh-xoung'))).toEqual([
      'teams[0].route[1].site: unknown site code "vn-vinh-xoung" (did you mean vn-vinh-xuong, vn-tinh-bien, vn-ha-tien?)',
    ]);
  });

  it('names an event whose team does not exist', () => {
    expect(problemsOf(VALID.replace('team: RIVER 1\n    title', 'team: RIVER 9\n    title'))).toEqual(['events[0].team: no team has the call sign RIVER 9']);
  });

  it('names a misspelt field and an unknown event kind', () => {
    expect(problemsOf(VALID.replace('speedKmh: 12', 'speedKmph: 12'))).toEqual(['teams[0].route[1]: Unrecognized key: "speedKmph"']);
    expect(problemsOf(VALID.replace('kind: interception', 'kind: arrest'))[0]).toMatch(/^events\[0\]\.kind: /);
  });

  it('names counts that contradict each other, and a waypoint that is neither a site nor a point', () => {
    expect(problemsOf(VALID.replace('minors: 1', 'minors: 9'))).toEqual(['events[0].interception.minors: minors cannot exceed persons']);
    expect(problemsOf(VALID.replace('- site: kh-kaam-samnor', '- lat: 10.9'))).toEqual(['teams[0].route[0].lon: lat and lon go together']);
    expect(problemsOf(VALID.replace('- site: kh-kaam-samnor', '- speedKmh: 5'))).toEqual(['teams[0].route[0]: needs a site code or lat and lon']);
  });

  it('names a bad duration, a duplicate call sign and recipients on a marking that has none', () => {
    expect(problemsOf(VALID.replace('at: 90s', 'at: soon'))).toEqual(['events[0].at: must be seconds or a duration such as 90s, 5m, 1h30m']);
    const twoTeams = VALID.replace('events:', '  - { callSign: RIVER 1, account: other@kh-police.demo, route: [{ site: kh-bavet }] }\nevents:');
    expect(problemsOf(twoTeams)).toEqual(['teams[1].callSign: call sign RIVER 1 is used by two teams']);
    expect(problemsOf(VALID.replace('title: Boat stopped mid-river', 'title: Boat\n    recipients: [VN-BG]'))).toEqual([
      'events[0].recipients: recipients are named only for TLP:RED',
    ]);
  });

  it('reads requests between agencies by subject, from commanders only, with no team', () => {
    const withRequests = `${VALID.replace('operation: OP-TEST-01', 'operation: OP-TEST-01\ncommanders: [commander@kh-police.demo, commander@vn-bgc.demo]')}
  - { kind: request, at: 4m, by: commander@kh-police.demo, to: VN-BGC, requestKind: take_over_case, subject: Take over six persons, place: { site: vn-vinh-xuong } }
  - { kind: request-update, at: 5m, by: commander@vn-bgc.demo, subject: Take over six persons, to: accepted }
  - { kind: handover, at: 6m, by: commander@kh-police.demo, subject: Take over six persons, persons: { adults: 5, minors: 1 }, nationalities: [MM], documents: 2 }
  - { kind: handover-confirm, at: 7m, by: commander@vn-bgc.demo, subject: Take over six persons }
`;
    const scenario = parseScenario(withRequests, 'yaml');
    expect(scenario.events.slice(2).map((event) => event.kind)).toEqual(['request', 'request-update', 'handover', 'handover-confirm']);
    expect(scenario.events[2]).toMatchObject({ answerWithin: 900, marking: 'TLP:AMBER', place: { site: 'vn-vinh-xuong' } });
    expect(scenario.events[4]).toMatchObject({ persons: { adults: 5, minors: 1, suspectedVictims: 0 }, documents: 2, vehicle: null });
    expect(problemsOf(withRequests.replace('at: 5m, by: commander@vn-bgc.demo', 'at: 5m, by: someone@vn-bgc.demo'))).toEqual([
      "events[3].by: someone@vn-bgc.demo is not one of the scenario's commanders",
    ]);
    expect(problemsOf(withRequests.replace('to: accepted }', 'to: accepted }\n  - { kind: request, at: 8m, by: commander@vn-bgc.demo, to: KH-POLICE, subject: Take over six persons }'))).toEqual([
      'events[4].subject: two requests have the subject "Take over six persons"',
    ]);
    expect(problemsOf(withRequests.replace('place: { site: vn-vinh-xuong }', 'place: { site: vn-vinh-xoung }'))[0]).toMatch(/^events\[2\]\.place\.site: unknown site code/);
    expect(problemsOf(withRequests.replace('kind: handover-confirm, at: 7m,', 'kind: handover-confirm, at: 7m, team: RIVER 1,'))).toEqual(['events[5]: Unrecognized key: "team"']);
  });

  it('says where a file is not valid YAML or JSON', () => {
    expect(problemsOf('teams: [', 'yaml')[0]).toMatch(/^not valid YAML: /);
    expect(problemsOf('{"name": ', 'json')[0]).toMatch(/^not valid JSON: /);
    expect(problemsOf('name: x', 'yaml')).toContain('name: must be a lower-case slug');
  });
});
