/** A number and the word after it ("49.0 °C", "2.26 mm"), with the space between them. */
const NUMBER_AND_UNIT = /(\d[\d.]*\s[^\s,;:]+)/;

/**
 * A value whose numbers each stay on one line with their unit: in the narrow results column a line broke between
 * "49.0" and "°C" (a walk's finding). Each pair is a span that does not wrap; the words between them still do, and
 * the text (what is read, copied or matched) keeps its ordinary spaces.
 */
export function UnitsTogether({ text }: { text: string }) {
  const pieces = text.split(NUMBER_AND_UNIT);
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string, in order
          <span key={i} className="nowrap">
            {piece}
          </span>
        ) : (
          piece
        ),
      )}
    </>
  );
}
