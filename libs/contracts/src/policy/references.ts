import { canView, type MarkedItem, type Viewer } from '../marking';

/**
 * An item that names another (a report its team) discloses that id only to a viewer who may see
 * the named item under its own marking; to anyone else the reference reads as null.
 */
export function disclosedReference(id: string | null, referenced: MarkedItem | null, viewer: Viewer): string | null {
  if (id === null || referenced === null) return id;
  return canView(referenced, viewer) ? id : null;
}
