/** Shown in every mode (PRODUCT.md): the app teaches; it must not be used to plan or deliver treatment. */
export function ClinicalNotice() {
  return (
    <p className="clinical-notice" role="note" data-testid="clinical-notice">
      For education and research only. Not for clinical use: do not use it to plan or deliver treatment.
    </p>
  );
}
