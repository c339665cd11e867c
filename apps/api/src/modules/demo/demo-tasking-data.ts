import type { HandoverContent, Marking, RequestKind, RequestState, TaskKind, TaskState } from '@lintas/contracts';

/** Tasks and requests between agencies of a demo operation, as a story: given, answered, worked, handed over. */
export interface DemoTask {
  key: string;
  authorEmail: string;
  teamCallSign: string;
  kind: TaskKind;
  title: string;
  instructions: string;
  siteCode: string;
  /** Offset from the site, degrees [lat, lon]. */
  offset?: [number, number];
  ackWithinMinutes: number;
  marking: Marking;
  /** The request (key) this task answers. */
  requestKey?: string;
  /** The changes the team made, in order, by whom. */
  steps: { to: TaskState; byEmail: string; reason?: string }[];
}

export interface DemoRequest {
  key: string;
  authorEmail: string;
  toAgencyCode: string;
  kind: RequestKind;
  subject: string;
  details: string;
  siteCode: string;
  answerWithinMinutes: number;
  marking: Marking;
  answer?: { to: Extract<RequestState, 'accepted' | 'declined'>; byEmail: string; reason?: string };
  handover?: { recordedByEmail: string; content: HandoverContent; confirmedByEmails: string[] };
  completedByEmail?: string;
}

export const MEKONG_GATE_REQUESTS: DemoRequest[] = [
  {
    key: 'mg-rq-1',
    authorEmail: 'commander@kh-gdi.demo',
    toAgencyCode: 'VN-BGC',
    kind: 'take_over_case',
    subject: 'Take over 8 persons stopped at Bavet, bound for Moc Bai',
    details: 'Minivan stopped at the Bavet checkpoint with 8 Vietnamese nationals recruited for scam compounds; hand them to the Moc Bai post for interview and victim screening.',
    siteCode: 'kh-bavet',
    answerWithinMinutes: 15,
    marking: 'TLP:AMBER',
    answer: { to: 'accepted', byEmail: 'commander@vn-bgc.demo' },
    handover: {
      recordedByEmail: 'commander@kh-gdi.demo',
      content: {
        persons: { adults: 6, minors: 2, suspectedVictims: 2, suspectedSmugglers: 1 },
        nationalities: ['VN'],
        documents: 3,
        vehicle: 'White Toyota Hiace minivan, KH plate ending 4417',
        notes: 'Two minors travelling with an aunt; the driver is the suspected smuggler. Three passports seized.',
      },
      confirmedByEmails: ['commander@kh-gdi.demo', 'commander@vn-bgc.demo'],
    },
    completedByEmail: 'commander@vn-bgc.demo',
  },
  {
    key: 'mg-rq-2',
    authorEmail: 'commander@vn-bgc.demo',
    toAgencyCode: 'KH-GDI',
    kind: 'share_information',
    subject: 'Description of the scam-compound recruiter seen at Moc Bai',
    details: 'Please share the description circulated by the Cambodian side yesterday, with any known vehicle.',
    siteCode: 'vn-moc-bai',
    answerWithinMinutes: 60,
    marking: 'TLP:AMBER+STRICT',
  },
];

export const MEKONG_GATE_TASKS: DemoTask[] = [
  {
    key: 'mg-tk-1',
    authorEmail: 'commander@kh-gdi.demo',
    teamCallSign: 'KH-BAVET-1',
    kind: 'intercept',
    title: 'Intercept white minivan heading for Bavet',
    instructions: 'Toyota Hiace, KH plate ending 4417, about 8 passengers. Stop it at the secondary inspection lane.',
    siteCode: 'kh-bavet',
    offset: [0.004, -0.006],
    ackWithinMinutes: 5,
    marking: 'TLP:AMBER',
    steps: [
      { to: 'acknowledged', byEmail: 'field@kh-gdi.demo' },
      { to: 'in_progress', byEmail: 'field@kh-gdi.demo' },
      { to: 'done', byEmail: 'field@kh-gdi.demo' },
    ],
  },
  {
    key: 'mg-tk-2',
    authorEmail: 'commander@kh-gdi.demo',
    teamCallSign: 'KH-MEKONG-2',
    kind: 'patrol',
    title: 'Patrol the river bank north of Kaam Samnor',
    instructions: 'Night landings reported two kilometres upstream. Report any boat without lights.',
    siteCode: 'kh-kaam-samnor',
    offset: [0.02, 0.01],
    ackWithinMinutes: 10,
    marking: 'TLP:AMBER',
    steps: [
      { to: 'acknowledged', byEmail: 'field2@kh-gdi.demo' },
      { to: 'in_progress', byEmail: 'field2@kh-gdi.demo' },
    ],
  },
  {
    key: 'mg-tk-3',
    authorEmail: 'commander@vn-bgc.demo',
    teamCallSign: 'VN-MOCBAI-1',
    kind: 'hold',
    title: 'Receive the 8 persons from Bavet at the Moc Bai post',
    instructions: 'Hand-over at the zero-kilometre marker; screen the two minors as possible victims.',
    siteCode: 'vn-moc-bai',
    ackWithinMinutes: 5,
    marking: 'TLP:AMBER',
    requestKey: 'mg-rq-1',
    steps: [
      { to: 'acknowledged', byEmail: 'field@vn-bgc.demo' },
      { to: 'done', byEmail: 'field@vn-bgc.demo' },
    ],
  },
  {
    key: 'mg-tk-4',
    authorEmail: 'commander@kh-gdi.demo',
    teamCallSign: 'KH-BAVET-1',
    kind: 'check_documents',
    title: 'Check documents of the 14:00 Ho Chi Minh City bus',
    instructions: 'Two passengers may carry the passports reported stolen last week.',
    siteCode: 'kh-bavet',
    ackWithinMinutes: 5,
    marking: 'TLP:GREEN',
    steps: [],
  },
];
