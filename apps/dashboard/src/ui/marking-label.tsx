import type { Marking } from '@lintas/contracts';

const CLASS: Record<Marking, string> = {
  'TLP:CLEAR': 'tlp tlp--clear',
  'TLP:GREEN': 'tlp tlp--green',
  'TLP:AMBER': 'tlp tlp--amber',
  'TLP:AMBER+STRICT': 'tlp tlp--amber-strict',
  'TLP:RED': 'tlp tlp--red',
};

/** A handling marking in the TLP 2.0 colours; the text is the marking itself (it is not translated). */
export function MarkingLabel({ marking }: { marking: Marking }) {
  return (
    <span className={CLASS[marking]} data-marking={marking}>
      {marking}
    </span>
  );
}

export function markingClass(marking: Marking): string {
  return CLASS[marking];
}
