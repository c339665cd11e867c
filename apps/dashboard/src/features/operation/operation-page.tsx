/** `/operations/:operationId`: the live operation view (being built). */
export function OperationPage() {
  return null;
}
